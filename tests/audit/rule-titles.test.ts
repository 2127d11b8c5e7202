// Every audit rule has a Chinese title and explanation for readers (the portal, the check report, --list-rules).
import { describe, expect, it } from 'vitest';
import { RULE_TITLES } from '../../src/audit/rule-titles.zh-CN.js';
import { RULES } from '../../src/audit/rules/index.js';

describe('rule titles in Chinese', () => {
  it('has a title and an explanation for every rule, and none for a rule that does not exist', () => {
    const missing = RULES.map((r) => r.meta.id).filter(
      (id) => !RULE_TITLES[id]?.title || !RULE_TITLES[id]?.explanation,
    );
    expect(
      missing,
      `add to RULE_TITLES in src/audit/rule-titles.zh-CN.ts: ${missing.map((id) => `'${id}': { title: '…', explanation: '…' }`).join(', ')}`,
    ).toEqual([]);
    const stale = Object.keys(RULE_TITLES).filter((id) => !RULES.some((r) => r.meta.id === id));
    expect(stale, 'entries in src/audit/rule-titles.zh-CN.ts for rules that no longer exist: remove them').toEqual([]);
  });
  it('writes them in Chinese, the titles short', () => {
    for (const [id, t] of Object.entries(RULE_TITLES)) {
      expect(t.title, id).toMatch(/[\u4e00-\u9fff]/);
      expect(t.title.length, id).toBeLessThanOrEqual(16);
      expect(t.explanation, id).toMatch(/[\u4e00-\u9fff].*。$/);
    }
  });
});

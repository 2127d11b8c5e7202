// Every rule has a doc page and every doc page a rule; each page opens (after its title) with the rule's
// meta.docs.description, and its passing and failing examples run against its rule.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/index.js';
import { checkCase } from '../../src/audit/rule-tester.js';
import type { MessageKey } from '../../src/audit/messages.zh-CN.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.join(repoRoot, 'docs/rules');

interface Example {
  kind: 'pass' | 'fail';
  messages: MessageKey[];
  fragment: object;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const m of markdown.matchAll(/```json (pass|fail)([^\n]*)\n([\s\S]*?)```/g)) {
    out.push({
      kind: m[1] as 'pass' | 'fail',
      messages: m[2].trim().split(/\s+/).filter(Boolean) as MessageKey[],
      fragment: JSON.parse(m[3]),
    });
  }
  return out;
}

describe('rule documentation', () => {
  const pages = readdirSync(docsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''));

  it('every rule has a doc page and every doc page a rule', () => {
    const ids = RULES.map((r) => r.meta.id).sort();
    expect(pages.sort()).toEqual(ids);
  });

  it('rule ids are unique and every rule declares messages that exist', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.meta.messages.length).toBeGreaterThan(0);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const file = path.join(docsDir, `${rule.meta.id}.md`);
      const list = (() => {
        try {
          return examples(readFileSync(file, 'utf8'));
        } catch {
          return [];
        }
      })();

      it('opens with the rule description under a title naming the rule', () => {
        const text = readFileSync(file, 'utf8');
        const [title, opening] = text.split('\n\n');
        expect(title).toMatch(new RegExp(`^# ${rule.meta.id}: \\S`));
        expect(opening).toBe(rule.meta.docs.description);
      });

      it('has a passing and a failing example', () => {
        expect(list.some((e) => e.kind === 'pass')).toBe(true);
        expect(list.some((e) => e.kind === 'fail')).toBe(true);
      });

      list.forEach((example, i) => {
        it(`example ${i + 1} ${example.kind === 'pass' ? 'passes' : 'fails'}`, () => {
          const result = checkCase(
            rule,
            { doc: example.fragment, messages: example.messages.length ? example.messages : undefined },
            example.kind === 'pass' ? 'valid' : 'invalid',
          );
          expect(result.problem).toBeUndefined();
          expect(result.ok).toBe(true);
        });
      });
    });
  }
});

// The auditor's message placeholders are typed: a report or a formatted message takes exactly the values its message
// names (the @ts-expect-error lines fail the type check if a missing or an extra value were accepted), and every
// message renders with the values its placeholders name.
import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from './messages.zh-CN.js';
import type { Report } from './types.js';

describe('audit messages', () => {
  it('render every placeholder', () => {
    for (const [key, text] of Object.entries(messages)) {
      const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const out = text.replace(/\{(\w+)\}/g, (_, n: string) => `«${n}»`);
      expect(out, key).not.toMatch(/[{}]/);
      for (const n of names) expect(out, key).toContain(`«${n}»`);
    }
    expect(formatMessage('partMissing', { part: '部门预算表' })).toBe('缺少“部门预算表”部分。');
    expect(formatMessage('threePublicMissing')).toBe('缺少“三公”经费情况说明。');
  });

  it('take exactly the placeholders of the message (checked by the type checker)', () => {
    // @ts-expect-error a placeholder left out
    formatMessage('tablesDisagree', { what: '收入', table: '收支总表', item: '合计', actual: '1', expected: '2' });
    // @ts-expect-error a placeholder the message does not have
    formatMessage('partMissing', { part: '部门预算表', table: '收支总表' });
    // @ts-expect-error values for a message without placeholders
    formatMessage('threePublicMissing', { item: 'x' });
    const place = { line: 1, column: 1 };
    // @ts-expect-error a report leaving out its message's placeholder
    const missing: Report = { messageId: 'partMissing', data: {}, location: place };
    // @ts-expect-error a report with a value its message does not use
    const extra: Report = { messageId: 'duplicatedWord', data: { actual: '的的', expected: '的' }, location: place };
    const right: Report = { messageId: 'duplicatedWord', data: { actual: '的的' }, location: place };
    expect([missing, extra, right]).toHaveLength(3);
  });
});

// The parse warnings' message table: every warning code has a message, every message renders with the values its
// placeholders name, and the extractor's warn() takes exactly those values (the @ts-expect-error lines fail the type
// check if a missing or an extra placeholder were accepted).
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../model/warnings.js';
import { fillTemplate } from '../model/messages.js';
import { WARNING_MESSAGES } from './warning-messages.zh-CN.js';
import { warn, type ExtractContext } from './context.js';

const ctx = (): ExtractContext => ({
  file: 'a.txt',
  kind: 'budget',
  scope: 'department',
  year: 2026,
  unitName: '',
  warnings: [],
});

describe('parse warning messages', () => {
  it('give every warning code at least one message', () => {
    const used = new Set<string>(Object.values(WARNING_MESSAGES).map((m) => m.code));
    expect(WARNING_CODES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('render every placeholder, in Chinese', () => {
    for (const [id, { text }] of Object.entries(WARNING_MESSAGES)) {
      const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const data = Object.fromEntries(names.map((n) => [n, `«${n}»`]));
      const out = fillTemplate(text, data);
      expect(out, id).not.toMatch(/[{}]/);
      for (const n of names) expect(out, id).toContain(`«${n}»`);
      expect(out, id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are reported under their code with the values filled in', () => {
    const c = ctx();
    warn(c, 'duplicateTable', { table: '收支总表' }, { line: 7, column: 1 });
    warn(c, 'noParts', {});
    expect(c.warnings).toEqual([
      { code: 'duplicate-table', message: '表"收支总表"出现了两次，只读取第一次', at: { line: 7, column: 1 } },
      { code: 'no-parts', message: '正文中没有找到"第X部分"标题，只读取了能识别的内容' },
    ]);
  });

  it('take exactly the placeholders of the message (checked by the type checker)', () => {
    const c = ctx();
    // @ts-expect-error a placeholder left out
    warn(c, 'cellBeyondHeader', { table: '收支总表', line: 3 });
    // @ts-expect-error a placeholder the message does not have
    warn(c, 'duplicateTable', { table: '收支总表', row: '合计' });
    // @ts-expect-error a message without placeholders takes no values
    warn(c, 'noParts', { title: 'x' });
    expect(c.warnings).toHaveLength(3);
  });
});

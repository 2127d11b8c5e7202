// The reading self-check: clean seeds read with full confidence; a merged, a shifted and a decimal-slipped cell put
// into seed 003's printed lines are named as suspects and lower their table's confidence; corpus 035 does not crash it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../extract/index.js';
import type { Disclosure, TableId } from '../model/schema.js';
import { corpusPath } from '../../tests/read/support.js';
import { SEEDS, seedPath } from '../../tests/support/paths.js';
import { readingConfidence, type TableReading } from './reading-confidence.js';

function parseSeed(prefix: (typeof SEEDS)[number], edit?: { line: number; from: string; to: string }): Disclosure {
  const file = seedPath(prefix);
  const lines = readFileSync(file, 'utf8').split('\n');
  if (edit) {
    // the printed line as read from the seed, replaced whole so that a changed seed fails here rather than silently
    expect(lines[edit.line - 1]).toBe(edit.from);
    lines[edit.line - 1] = edit.to;
  }
  return parseText(lines.join('\n'), { file });
}

function reading(doc: Disclosure, id: TableId): TableReading {
  const r = readingConfidence(doc).find((t) => t.id === id);
  if (!r) throw new Error(`no reading for ${id}`);
  return r;
}

describe('reading confidence on clean seeds', () => {
  for (const prefix of ['000', '001', '003'] as const) {
    it(`${prefix}: every table read with figures has confidence 1 and no suspects`, () => {
      const tables = readingConfidence(parseSeed(prefix));
      expect(tables.length).toBeGreaterThan(3);
      for (const t of tables) {
        expect(t.confidence, t.table).toBe(1);
        expect(t.suspects, t.table).toEqual([]);
        expect(t.identities.held).toBe(t.identities.checked);
      }
      // the sums are really checked: the classified tables have identities
      expect(tables.reduce((n, t) => n + t.identities.checked, 0)).toBeGreaterThan(10);
    });
  }
});

describe('suspected reading mistakes in seed 003', () => {
  it('a merged cell: the 支出总表 合计 row with 基本支出 and 项目支出 run together', () => {
    // line 139 prints 合计 1503.16 | 1346.16 | 157; merged: "1346.16157" in 基本支出, 项目支出 empty
    const doc = parseSeed('003', {
      line: 139,
      from: '\t\t\t合 计\t1503.16\t1346.16\t157',
      to: '\t\t\t合 计\t1503.16\t1346.16157\t',
    });
    const r = reading(doc, 'expenditure-summary');
    expect(r.confidence).toBeLessThan(1);
    expect(r.identities.held).toBeLessThan(r.identities.checked);
    expect(r.suspects).toHaveLength(1);
    const s = r.suspects[0];
    expect(s).toMatchObject({ kind: 'merged', row: '合计', column: '基本支出', place: { line: 139 } });
    // the row's own sum and both column sums down to 合计 hold once the cell is split
    expect(s.fixes).toBe(3);
    expect(s.reason).toContain('1346.16');
    expect(s.reason).toContain('157');
    expect(s.reason).toContain('项目支出');
    // the clean reading of the same table
    expect(reading(parseSeed('003'), 'expenditure-summary').confidence).toBe(1);
  });

  it('a merged cell whose text is no longer a number: 1,162.05 and 184.11 in one cell of the 基本支出表', () => {
    const doc = parseSeed('003', {
      line: 229,
      from: '\t\t合计\t1, 346. 16\t1, 162. 05\t184. 11',
      to: '\t\t合计\t1, 346. 16\t1, 162. 05184. 11\t',
    });
    const r = reading(doc, 'general-budget-basic-expenditure');
    expect(r.cells.unparsed).toBe(1);
    expect(r.confidence).toBeLessThan(1);
    const kinds = r.suspects.map((s) => `${s.kind}:${s.column}`);
    expect(kinds).toContain('unparsed:人员经费');
    expect(kinds).toContain('merged:人员经费');
    const merged = r.suspects.find((s) => s.kind === 'merged')!;
    expect(merged.reason).toMatch(/1162\.05 与 184\.11/);
  });

  it('a shifted amount: 项目支出 157 read into the 基本支出 column', () => {
    // line 137 prints 2010399 … 157 | (blank) | 157: the row sum still holds, the column sums do not
    const doc = parseSeed('003', {
      line: 137,
      from: '201\t03\t99\t其他政府办公厅(室)及相关机构 事务支出\t157\t\t157',
      to: '201\t03\t99\t其他政府办公厅(室)及相关机构 事务支出\t157\t157\t',
    });
    const r = reading(doc, 'expenditure-summary');
    expect(r.confidence).toBeLessThan(1);
    expect(r.suspects).toHaveLength(1);
    expect(r.suspects[0]).toMatchObject({ kind: 'shifted', column: '基本支出', place: { line: 137 }, fixes: 2 });
    expect(r.suspects[0].row).toMatch(/^2010399 /);
    expect(r.suspects[0].reason).toContain('项目支出列');
  });

  it('a lost decimal point: 基本工资 324.15 read as 32415', () => {
    const doc = parseSeed('003', {
      line: 209,
      from: '301\t01\t基本工资\t324. 15\t324. 15\t',
      to: '301\t01\t基本工资\t324. 15\t32415\t',
    });
    const r = reading(doc, 'general-budget-basic-expenditure');
    expect(r.confidence).toBeLessThan(1);
    expect(r.suspects).toHaveLength(1);
    expect(r.suspects[0]).toMatchObject({ kind: 'scaled', column: '人员经费', place: { line: 209 } });
    expect(r.suspects[0].reason).toContain('324.15');
  });

  it('a difference equal to a neighbouring cell: 项目支出 157 read one row too low', () => {
    // lines 137–138 print 2010399 … 157 | (blank) | 157 and 2010301 … 1346.16 | 1346.16 | (blank); the 157 moves down
    const file = seedPath('003');
    const text = readFileSync(file, 'utf8').split('\n');
    expect(text[136]).toBe('201\t03\t99\t其他政府办公厅(室)及相关机构 事务支出\t157\t\t157');
    expect(text[137]).toMatch(/^201\t03\t01\t.*\t1346\. 16\t1346\.16\t$/);
    text[136] = text[136].replace(/157$/, '');
    text[137] += '157';
    const r = reading(parseText(text.join('\n'), { file }), 'expenditure-summary');
    expect(r.confidence).toBeLessThan(1);
    const s = r.suspects.find((x) => x.kind === 'difference' && x.place.line === 137);
    expect(s).toBeDefined();
    expect(s!.column).toBe('合计');
    expect(s!.reason).toMatch(/相差 157 万元，恰为“2010301 [^”]*”的项目支出的金额“157”/);
  });

  it('confidences stay in [0, 1] on every seed', () => {
    for (const prefix of SEEDS) {
      for (const t of readingConfidence(parseSeed(prefix))) {
        expect(t.confidence).toBeGreaterThanOrEqual(0);
        expect(t.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('corpus 021.pdf: suspects carry page and box', () => {
  it('a merged cell put into the 支出总表 合计 row (page 11) points at that row on its page', async () => {
    const doc = await parseFile(corpusPath('021.pdf'));
    expect(reading(doc, 'expenditure-summary').confidence).toBe(1);
    // `pdftotext -layout -f 11 -l 11`: 合计 4,651.67 | 4,312.17 | 339.50; merged as the reader would keep it: text only
    const table = doc.tables.find((t) => t.id === 'expenditure-summary')!;
    const total = table.rows.find((r) => r.kind === 'total')!;
    expect(total.cells.map((c) => c.amount?.text)).toEqual(['4,651.67', '4,312.17', '339.50']);
    total.cells = [total.cells[0], { column: 'basic', amount: null, text: '4,312.17339.50' }];
    const r = reading(doc, 'expenditure-summary');
    expect(r.confidence).toBeLessThan(1);
    const merged = r.suspects.find((s) => s.kind === 'merged')!;
    expect(merged).toMatchObject({ row: '合计', column: '基本支出', fixes: 3 });
    expect(merged.reason).toContain('4312.17 与 339.50');
    // a cell without an amount has no place of its own: the row's page and box
    expect(merged.place.page).toBe(11);
    expect(merged.place.box).toEqual(total.at.box);
  }, 60_000);
});

describe('corpus 035.pdf', () => {
  it('reads its two unusual summary tables right and scores them 1', async () => {
    const doc = await parseFile(corpusPath('035.pdf'));
    const tables = readingConfidence(doc);
    for (const t of tables) {
      expect(t.confidence).toBeGreaterThanOrEqual(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
    }
    // page 11 (`pdftotext -layout -f 11 -l 11`): 三、支出预算总表 prints 合计 17,996.68 = 基本支出 12,323.48 + 项目支出
    // 5,533.00 + 单位预留机动经费 140.20; the last column is part of the 合计, so the row's sum holds
    const spending = tables.find((t) => t.id === 'expenditure-summary')!;
    expect(spending.identities).toEqual({ checked: 1, held: 1 });
    expect(spending.confidence).toBe(1);
    // the same page's 二、收入预算总表 lists the sources as rows with one 金额 column: read as one 合计 row whose
    // 收入总计 17,996.68 = 一般公共预算 17,981.68 + 其他资金 15.00
    const income = tables.find((t) => t.id === 'income-summary')!;
    expect(income.rows.read).toBe(1);
    expect(income.identities).toEqual({ checked: 1, held: 1 });
    expect(income.confidence).toBe(1);
    const row = doc.tables.find((t) => t.id === 'income-summary')!.rows[0];
    expect(row.cells.map((c) => [c.column, c.amount?.text])).toEqual([
      ['total', '17,996.68'],
      ['generalBudget', '17,981.68'],
      ['otherIncome', '15.00'],
    ]);
  }, 60_000);
});

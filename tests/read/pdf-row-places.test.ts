// Table rows read from a PDF carry the page they are printed on and a box around their label and amounts; rows read
// from converted text keep line/column only.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/extract/index.js';
import type { Disclosure, Place, Table, TableRow } from '../../src/model/schema.js';
import { corpusPath } from './support.js';
import { seedPath } from '../support/paths.js';

function table(d: Disclosure, id: Table['id']): Table {
  const t = d.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function row(t: Table, pick: (r: TableRow) => boolean): TableRow {
  const r = t.rows.find(pick);
  if (!r) throw new Error(`no such row in ${t.id}`);
  return r;
}

/** Page sizes read with `pdfinfo -f P -l P`: page 9 is portrait A4 (595.3 × 841.9), page 11 landscape. */
function expectWithinPage(at: Place, width: number, height: number): void {
  const [x0, y0, x1, y1] = at.box!;
  expect(x0).toBeGreaterThanOrEqual(0);
  expect(y0).toBeGreaterThanOrEqual(0);
  expect(x1).toBeLessThanOrEqual(width);
  expect(y1).toBeLessThanOrEqual(height);
  expect(x0).toBeLessThan(x1);
  expect(y0).toBeLessThan(y1);
}

/** A coordinate read with poppler's `pdftotext -bbox-layout`; 3 pt of slack between the two readers' font metrics. */
function near(value: number, expected: number): void {
  expect(Math.abs(value - expected)).toBeLessThan(3);
}

describe('rows of tables read from 021.pdf carry page and box', () => {
  let d: Disclosure;
  beforeAll(async () => {
    d = await parseFile(corpusPath('021.pdf'));
  }, 60_000);

  it('a classified row wrapped over two printed lines (支出总表, page 11)', () => {
    // `pdftotext -layout -f 11 -l 11`: "2080505   机关事业单位基本养老保险缴费   298.72   298.72", then "支出" on the next line
    const r = row(table(d, 'expenditure-summary'), (x) => x.classification?.code === '2080505');
    expect(r.at.page).toBe(11);
    expectWithinPage(r.at, 841.9, 595.3);
    const [x0, y0, x1, y1] = r.at.box!;
    // -bbox-layout: name 118.6–272.6 × 322.0–333.0, its second line "支出" down to 347.3, 基本支出 298.72 ends at x 456.0
    near(x0, 118.6);
    near(y0, 322.0);
    near(y1, 347.3);
    near(x1, 456.0);
  });

  it('the 合计 row spans its label and its last amount (项目支出 339.50)', () => {
    const r = row(table(d, 'expenditure-summary'), (x) => x.kind === 'total');
    expect(r.at.page).toBe(11);
    const [x0, y0, x1] = r.at.box!;
    near(x0, 146.5); // "合计" 146.5–168.5
    near(y0, 159.0);
    near(x1, 543.4); // "339.50" 510.4–543.4
  });

  it('two-sided rows: each side has its own box on page 9; a row without amounts has its label box', () => {
    const t = table(d, 'income-expenditure-summary');
    const income = row(t, (x) => x.side === 'income' && x.key === 'incomeTotal');
    const expenditure = row(t, (x) => x.side === 'expenditure' && x.key === 'expenditureTotal');
    for (const r of [income, expenditure]) {
      expect(r.at.page).toBe(9);
      expectWithinPage(r.at, 595.3, 841.9);
      near(r.at.box![1], 647.1); // "收入总计 … 4,651.67 支出总计 … 4,651.67" at y 647.1–658.1
    }
    near(income.at.box![0], 90.0); // "收入总计" starts at x 90.0
    near(income.at.box![2], 297.8); // its amount ends at 297.8
    near(expenditure.at.box![0], 375.4); // "支出总计" starts at x 375.4
    expect(income.at.box![2]).toBeLessThan(expenditure.at.box![0]);
    // "二、政府性基金预算拨款收入" (19.7–149.7 × 187.3–197.3) has no amount
    const blank = row(t, (x) => x.side === 'income' && x.label === '二、政府性基金预算拨款收入');
    expect(blank.cells.every((c) => c.amount === null)).toBe(true);
    expect(blank.at.page).toBe(9);
    near(blank.at.box![0], 19.7);
    near(blank.at.box![2], 149.7);
    near(blank.at.box![1], 187.3);
  });

  it('every row of every table read has a page and a box within its page', () => {
    for (const t of d.tables) {
      for (const r of t.rows) {
        expect(r.at.page, `${t.id} ${r.label}`).toBeGreaterThanOrEqual(9);
        expect(r.at.page).toBeLessThanOrEqual(20);
        // `pdfinfo -f 9 -l 20`: pages 9, 15, 17 and 19 are portrait, the others landscape
        const portrait = [9, 15, 17, 19].includes(r.at.page!);
        expectWithinPage(r.at, portrait ? 595.3 : 841.9, portrait ? 841.9 : 595.3);
      }
    }
  });
});

describe('rows read from converted text', () => {
  it('keep line and column only', () => {
    const file = seedPath('000');
    const d = parseText(readFileSync(file, 'utf8'), { file });
    const rows = d.tables.flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(Object.keys(r.at).sort()).toEqual(['column', 'line']);
  });
});

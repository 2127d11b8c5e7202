// The PDF reader on small constructed PDFs: an unruled table (columns from x positions), page headers, footers and
// numbers dropped, a paragraph continued across a page break, a ruled table with a merged header cell.
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/read/blocks.js';
import { readPdf } from '../../src/read/pdf.js';
import { textPdf, type DrawnText } from './make-files.js';

const grids = (blocks: { type: string }[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (g: TableBlock) => g.rows.map((r) => r.map((c) => c.text));

describe('constructed PDFs', () => {
  it('reads an unruled table by its column positions and leaves prose alone', async () => {
    const pdf = textPdf([
      {
        texts: [
          { x: 50, y: 800, text: 'Budget table', size: 14 },
          { x: 50, y: 780, text: 'Item' },
          { x: 250, y: 780, text: 'Amount' },
          { x: 400, y: 780, text: 'Share' },
          { x: 50, y: 765, text: 'Salaries' },
          { x: 250, y: 765, text: '1,234.50' },
          { x: 400, y: 765, text: '12.5%' },
          { x: 50, y: 750, text: 'Rent' },
          { x: 250, y: 750, text: '980.00' },
          { x: 400, y: 750, text: '9.8%' },
          { x: 50, y: 735, text: 'Total' },
          { x: 250, y: 735, text: '2,214.50' },
          { x: 50, y: 700, text: 'The amounts above are planned figures for the year, not the final account.' },
        ],
      },
    ]);
    const read = await readPdf(pdf, 'unruled.pdf');
    const [grid] = grids(read.blocks);
    expect(texts(grid)).toEqual([
      ['Item', 'Amount', 'Share'],
      ['Salaries', '1,234.50', '12.5%'],
      ['Rent', '980.00', '9.8%'],
      ['Total', '2,214.50', ''],
    ]);
    expect(read.blocks[0]).toMatchObject({ type: 'paragraph', text: 'Budget table', at: { page: 1 } });
    expect(read.blocks.at(-1)).toMatchObject({
      type: 'paragraph',
      text: 'The amounts above are planned figures for the year, not the final account.',
    });
    // boxes in points from the top-left: the row printed at y=765 from the bottom sits 77 pt below the top
    const salaries = grid.rows[1][1].at.box!;
    expect(salaries[1]).toBeGreaterThan(842 - 765 - 10);
    expect(salaries[3]).toBeLessThan(842 - 765 + 4);
    expect(salaries[0]).toBeCloseTo(250, 0);
  });

  it('drops repeated page headers, footers and page numbers and rejoins a paragraph cut by the page break', async () => {
    const furniture = (n: number): DrawnText[] => [
      { x: 200, y: 815, text: '某局2024年部门预算', size: 9 },
      { x: 290, y: 30, text: `- ${n} -`, size: 9 },
    ];
    const body = (lines: string[], top: number) => lines.map((text, i) => ({ x: 50, y: top - i * 14, text }));
    const pdf = textPdf([
      {
        texts: [
          ...furniture(1),
          ...body(['一、收入预算情况', '本年收入预算合计100.00万元，其中一般公共预算拨款', '收入'], 700),
        ],
      },
      { texts: [...furniture(2), ...body(['80.00万元，占80%。', '二、支出预算情况'], 760)] },
      { texts: [...furniture(3), ...body(['本年支出预算合计100.00万元。'], 760)] },
    ]);
    const read = await readPdf(pdf, 'furniture.pdf');
    const all = read.blocks.map((b) => (b.type === 'table' ? '' : b.text));
    expect(all).toEqual([
      '一、收入预算情况',
      '本年收入预算合计100.00万元，其中一般公共预算拨款收入80.00万元，占80%。',
      '二、支出预算情况',
      '本年支出预算合计100.00万元。',
    ]);
    expect(read.blocks.map((b) => b.at.page)).toEqual([1, 1, 2, 3]);
    expect(read.blocks[2]).toMatchObject({ type: 'heading', numbering: 'section', number: '二' });
  });

  it('reads a ruled table whose header cell spans two columns', async () => {
    // columns at x = 50 | 200 | 300 | 400; rows at y = 700 | 680 | 660 | 640 (from the bottom). "Item" spans the two
    // header rows (no rule at 680 left of x = 200), "Budget" spans two columns (no rule at x = 300 above 680)
    const lines: [number, number, number, number][] = [
      [50, 700, 400, 700],
      [200, 680, 400, 680],
      [50, 660, 400, 660],
      [50, 640, 400, 640],
      [50, 640, 50, 700],
      [200, 640, 200, 700],
      [300, 640, 300, 680],
      [400, 640, 400, 700],
    ];
    const pdf = textPdf([
      {
        lines,
        texts: [
          { x: 60, y: 800, text: 'Expenditure table' },
          { x: 60, y: 676, text: 'Item' },
          { x: 270, y: 686, text: 'Budget' },
          { x: 210, y: 666, text: 'Basic' },
          { x: 310, y: 666, text: 'Project' },
          { x: 60, y: 646, text: 'Administration' },
          { x: 210, y: 646, text: '1,000.00' },
          { x: 310, y: 646, text: '250.00' },
        ],
      },
    ]);
    const read = await readPdf(pdf, 'ruled.pdf');
    const [grid] = grids(read.blocks);
    expect(texts(grid)).toEqual([
      ['Item', 'Budget', ''],
      ['', 'Basic', 'Project'],
      ['Administration', '1,000.00', '250.00'],
    ]);
  });
});

describe('a table split from its title by a page break', () => {
  it('keeps the title and unit line at the foot of one page before the grid at the top of the next', async () => {
    const rules: [number, number, number, number][] = [
      [50, 780, 450, 780],
      [50, 760, 450, 760],
      [50, 740, 450, 740],
      [50, 740, 50, 780],
      [150, 740, 150, 780],
      [300, 740, 300, 780],
      [450, 740, 450, 780],
    ];
    const pdf = textPdf([
      {
        texts: [
          { x: 50, y: 400, text: '以下为本部门一般公共预算支出情况。' },
          { x: 150, y: 90, text: '一般公共预算支出表', size: 14 },
          { x: 50, y: 70, text: '单位：万元' },
        ],
      },
      {
        lines: rules,
        texts: [
          { x: 60, y: 765, text: '科目编码' },
          { x: 160, y: 765, text: '科目名称' },
          { x: 310, y: 765, text: '合计' },
          { x: 60, y: 745, text: '201' },
          { x: 160, y: 745, text: '一般公共服务支出' },
          { x: 310, y: 745, text: '1,200.00' },
        ],
      },
    ]);
    const read = await readPdf(pdf, 'split.pdf');
    const kinds = read.blocks.map((b) => (b.type === 'table' ? `table p${b.at.page}` : `${b.text} p${b.at.page}`));
    expect(kinds).toEqual([
      '以下为本部门一般公共预算支出情况。 p1',
      '一般公共预算支出表 p1',
      '单位：万元 p1',
      'table p2',
    ]);
    expect(texts(grids(read.blocks)[0])).toEqual([
      ['科目编码', '科目名称', '合计'],
      ['201', '一般公共服务支出', '1,200.00'],
    ]);
  });
});

describe('a table continued on the next page with its title, unit line and header repeated', () => {
  it('reads one grid: header once, rows of both pages, no second title', async () => {
    const page = (rows: [string, string][]) => {
      const top = 760;
      const ys = [top, top - 20, ...rows.map((_, i) => top - 40 - i * 20)];
      const lines: [number, number, number, number][] = [
        ...ys.map((y) => [50, y, 350, y] as [number, number, number, number]),
        [50, ys.at(-1)!, 50, top],
        [200, ys.at(-1)!, 200, top],
        [350, ys.at(-1)!, 350, top],
      ];
      return {
        lines,
        texts: [
          { x: 120, y: 800, text: '部门支出总表', size: 14 },
          { x: 50, y: 775, text: '单位：万元' },
          { x: 60, y: top - 15, text: '项目' },
          { x: 210, y: top - 15, text: '金额' },
          ...rows.flatMap(([a, b], i) => [
            { x: 60, y: top - 35 - i * 20, text: a },
            { x: 210, y: top - 35 - i * 20, text: b },
          ]),
        ],
      };
    };
    // three pages: the title at the top of each is also a line repeated in the top margin of every page
    const pdf = textPdf([
      page([
        ['基本支出', '300.00'],
        ['项目支出', '200.00'],
      ]),
      page([
        ['结转下年', '0.00'],
        ['上缴上级支出', '0.00'],
      ]),
      page([['合计', '500.00']]),
    ]);
    const read = await readPdf(pdf, 'continued.pdf');
    expect(read.blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text]))).toEqual(['部门支出总表', '单位：万元']);
    const all = grids(read.blocks);
    expect(all).toHaveLength(1);
    expect(texts(all[0])).toEqual([
      ['项目', '金额'],
      ['基本支出', '300.00'],
      ['项目支出', '200.00'],
      ['结转下年', '0.00'],
      ['上缴上级支出', '0.00'],
      ['合计', '500.00'],
    ]);
    expect(all[0].rows[5][1].at.page).toBe(3);
  });
});

describe('code points and OCR lines', () => {
  it('maps Kangxi and supplement radicals, full-width digits, letters, minus and percent, the ideographic space', async () => {
    const { normalisePdfText } = await import('../../src/read/normalise.js');
    // ⾦ U+2FA6, ⻓ U+2ED3 (radicals some PDF fonts emit), full-width forms
    expect(normalisePdfText('\u2fa6额单位：万元')).toBe('金额单位：万元');
    expect(normalisePdfText('\u2ed3期')).toBe('长期');
    expect(normalisePdfText('２０２４年　ＡＢ－１２．５％')).toBe('2024年 AB-12．5%');
  });

  it('tidies OCR lines: split digits rejoined, CJK spaces dropped, columns as tab-separated rows', async () => {
    const { ocrLines } = await import('../../src/read/pdf.js');
    expect(ocrLines('部门;          江苏省人民检察院                单位;万元')).toBe(
      '部门：          江苏省人民检察院                单位：万元',
    );
    expect(ocrLines('合计17, 981. 68')).toBe('合计\t17,981.68');
    expect(ocrLines('2040402          一般行政管理事务                   3, 644. 20')).toBe(
      '2040402\t一般行政管理事务\t3,644.20',
    );
    expect(ocrLines('本 部 门 负 责')).toBe('本部门负责');
  });
});

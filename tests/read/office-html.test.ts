// DOCX, XLSX and HTML readers: merged cells, number formats, GBK pages, detection by content, and a round trip
// of a corpus PDF through the writer's HTML, DOCX and PDF back through the readers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, HeadingLevel } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/read/blocks.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFile } from '../../src/extract/index.js';
import { readFileBlocks } from '../../src/read/detect.js';
import { decodeHtml } from '../../src/read/html.js';
import { renderDisclosure } from '../../src/write/index.js';
import { buildZip } from './make-files.js';
import { corpusPath, gridAfter, rowStarting, texts } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-office-'));
const save = (name: string, bytes: Buffer | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('round trip: 033.pdf → model → the writer’s HTML, DOCX and PDF → readers → model', () => {
  let original: Disclosure;
  beforeAll(async () => {
    original = await parseFile(corpusPath('033.pdf'));
  }, 120_000);

  // saved under misleading names: the readers go by content
  it.each([
    ['html', 'page.txt'],
    ['docx', 'report.pdf'],
    ['pdf', 'tables.docx'],
  ] as const)('%s saved as %s reads back the same tables and figures', async (format, name) => {
    const file = save(name, await renderDisclosure(original, format));
    const back = await parseFile(file);
    expect(back.source.format).toBe(format);
    expect(back).toMatchObject({ kind: 'final_account', year: 2019, unit: { name: '佛山市轨道交通局' } });
    expect(back.tablesPresent).toEqual(original.tablesPresent);
    // the writer's PDF prints long tables over pages with other column widths; its figures are compared in tests/write
    if (format !== 'pdf') {
      const { currentYearIncome, basicExpenditure, projectExpenditure, operatingCosts } = original.figures;
      expect(basicExpenditure).toBe(746.39); // read on page 15 of the PDF
      expect(back.figures).toMatchObject({ currentYearIncome, basicExpenditure, projectExpenditure, operatingCosts });
    }
  });

  it('the writer’s XLSX (one sheet per table) reads back as titled grids with merged header cells', async () => {
    const read = await readFileBlocks('tables.xlsx', await renderDisclosure(original, 'xlsx'));
    expect(read.format).toBe('xlsx');
    const grid = gridAfter(read.blocks, /收入支出决算总表$/);
    expect(texts(grid.rows[0])).toEqual(['收入', '', '支出', '']);
    expect(grid.rows[0][2].at).toMatchObject({ page: 1, column: 3 });
    const second = gridAfter(read.blocks, /表2收入决算表$|^收入决算表$/);
    expect(second.rows[0][0].at.page).toBe(2);
  });
});

describe('XLSX', () => {
  it('reads a sheet: merged title and header cells, number formats as printed, places as sheet/row/column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('收支总表');
    ws.addRow(['苏州市审计局2026年部门预算']);
    ws.mergeCells('A1:D1');
    ws.addRow(['部门收支总表']);
    ws.mergeCells('A2:D2');
    ws.addRow(['单位：万元']);
    ws.addRow(['收入', '', '支出', '']);
    ws.mergeCells('A4:B4');
    ws.mergeCells('C4:D4');
    ws.addRow(['项目', '预算数', '项目', '预算数']);
    ws.addRow(['一、一般公共预算拨款收入', 4651.67, '一、一般公共服务支出', 2906.63]);
    ws.addRow(['', null, '二十、住房保障支出', 1302.95]);
    ws.addRow(['收入总计', 4651.67, '支出总计', 4651.67]);
    for (const col of ['B', 'D']) ws.getColumn(col).numFmt = '#,##0.00';
    const file = save('budget.bin', Buffer.from(await wb.xlsx.writeBuffer()));

    const read = await readFileBlocks(file, await import('node:fs').then((fs) => fs.readFileSync(file)));
    const grid = gridAfter(read.blocks, /单位：万元/);
    expect(texts(grid.rows[0])).toEqual(['收入', '', '支出', '']);
    expect(texts(rowStarting(grid, '一、一般公共预算拨款收入'))).toEqual([
      '一、一般公共预算拨款收入',
      '4,651.67',
      '一、一般公共服务支出',
      '2,906.63',
    ]);
    expect(texts(rowStarting(grid, '', '', '二十、住房保障支出'))).toEqual(['', '', '二十、住房保障支出', '1,302.95']);
    expect(rowStarting(grid, '收入总计')[1].at).toMatchObject({ page: 1, line: 8, column: 2 });

    const d = await parseFile(file);
    expect(d.source.format).toBe('xlsx');
    expect(d).toMatchObject({ kind: 'budget', year: 2026 });
    expect(d.tablesPresent).toContain('income-expenditure-summary');
    expect(d.figures.incomeTotal).toBe(4651.67);
  });
});

describe('DOCX', () => {
  it('keeps merged cells (column and row spans) as empty cells with the text in the first', async () => {
    const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...span });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '某局2025年部门决算', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '第二部分 2025年度部门决算表', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('支出决算表'),
            new Paragraph('单位：万元'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell('功能分类科目编码', { columnSpan: 3 }),
                    cell('科目名称', { rowSpan: 2 }),
                    cell('合计', { rowSpan: 2 }),
                  ],
                }),
                new TableRow({ children: [cell('类'), cell('款'), cell('项')] }),
                new TableRow({
                  children: [cell('201'), cell(''), cell(''), cell('一般公共服务支出'), cell('2,112.86')],
                }),
                new TableRow({ children: [cell('201'), cell('06'), cell('01'), cell('行政运行'), cell('1,000.50')] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    const read = await readFileBlocks('x.docx', bytes);
    expect(read.format).toBe('docx');
    const grid = read.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(texts(grid.rows[0])).toEqual(['功能分类科目编码', '', '', '科目名称', '合计']);
    expect(texts(grid.rows[1])).toEqual(['类', '款', '项', '', '']);
    expect(texts(grid.rows[3])).toEqual(['201', '06', '01', '行政运行', '1,000.50']);
    const part = read.blocks.find((b) => b.type === 'heading' && b.numbering === 'part');
    expect(part?.type === 'heading' && part.title).toBe('2025年度部门决算表');
  });

  it('refuses a damaged DOCX with a clear message', async () => {
    // a zip recognised as Word (it has word/document.xml) whose document is not XML and whose parts are missing
    const bytes = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types') },
      { name: 'word/document.xml', data: Buffer.from('<w:document><broken') },
    ]);
    await expect(readFileBlocks('broken.docx', bytes)).rejects.toThrow(/损坏|damaged/);
  });
});

describe('HTML', () => {
  const page = (
    charset: string,
  ) => `<!DOCTYPE html><html><head><meta charset="${charset}"><title>公开</title><style>td{}</style></head><body>
<h2>某区2024年部门预算</h2>
<p>第二部分 2024年部门预算表</p>
<p>一般公共预算支出表</p><p>单位：万元</p>
<table><tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th colspan="2">一般公共预算支出</th></tr>
<tr><th>基本支出</th><th>项目支出</th></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>1,200.00</td><td>&nbsp;</td></tr></table>
<p>注：本表金额&ldquo;0&rdquo;表示无支出。</p></body></html>`;

  it('decodes a GBK page (declared gb2312) and keeps rowspan/colspan cells aligned', async () => {
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: page('gb2312') });
    expect(gbk.includes(Buffer.from('预算'))).toBe(false); // really not UTF-8
    const read = await readFileBlocks('page.html', gbk);
    expect(read.format).toBe('html');
    const heading = read.blocks[0];
    expect(heading).toMatchObject({ type: 'heading', text: '某区2024年部门预算', at: { line: 2 } });
    const grid = gridAfter(read.blocks, /^单位：万元$/);
    expect(texts(grid.rows[0])).toEqual(['科目编码', '科目名称', '一般公共预算支出', '']);
    expect(texts(grid.rows[1])).toEqual(['', '', '基本支出', '项目支出']);
    expect(texts(grid.rows[2])).toEqual(['201', '一般公共服务支出', '1,200.00', '']);
    expect(read.blocks.some((b) => b.type === 'paragraph' && b.text === '注：本表金额“0”表示无支出。')).toBe(true);
  });

  it('reads an undeclared page as UTF-8, or as GBK when it is not UTF-8', () => {
    const html = page('x').replace('<meta charset="x">', '');
    expect(decodeHtml(Buffer.from(html), 'a.html')).toContain('一般公共服务支出');
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: html });
    expect(decodeHtml(gbk, 'b.html')).toContain('一般公共服务支出');
  });
});

// The XLSX reader: every worksheet read through a small exceljs adapter as one table — title and unit lines above
// the grid as text, merged cells kept as empty cells with the text in the first. Places: page = sheet number,
// line = row, column = column.
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { blocksFromLines, type SourceLine } from './lines.js';
import { normalisePdfText } from './normalise.js';

/** Cells read at most per sheet: a disclosure table has hundreds of rows, not millions. */
const MAX_CELLS = 2_000_000;

/** What the reader needs of a sheet, independent of exceljs. */
export interface SheetGrid {
  name: string;
  /** rows of cell texts as displayed ("" for empty and merged-away cells) */
  rows: string[][];
}

/** Decimal places a number format shows ("#,##0.00" → 2), or undefined for General. */
export function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || /general/i.test(numFmt)) return undefined;
  const m = /0\.(0+)/.exec(numFmt.split(';')[0]);
  return m ? m[1].length : /0/.test(numFmt) ? 0 : undefined;
}

function displayNumber(n: number, numFmt: string | undefined): string {
  const decimals = formatDecimals(numFmt);
  const grouped = !!numFmt && /#,##0/.test(numFmt);
  let s = decimals === undefined ? String(n) : n.toFixed(decimals);
  if (/%/.test(numFmt ?? '')) s = `${(n * 100).toFixed(decimals ?? 0)}%`;
  else if (grouped) {
    const [int, frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return s;
}

interface CellLike {
  value: unknown;
  numFmt?: string;
  isMerged: boolean;
  address: string;
  master: { address: string };
}

function cellText(cell: CellLike): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  let v = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = v.result;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return displayNumber(v, cell.numFmt);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  // an error value, or any other shape (a formula without a cached result), shows no text
  return '';
}

/** Loads a workbook with exceljs and returns its sheets as grids of displayed texts. */
export async function loadSheets(bytes: Uint8Array, file: string): Promise<SheetGrid[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new ReadError(
      file,
      `Excel 文件已损坏或无法读取 (damaged XLSX: ${String((err as Error)?.message ?? err).split('\n')[0]})`,
      'open and save it again in Excel or WPS, or pass a PDF',
    );
  }
  const sheets: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state && ws.state !== 'visible') continue;
    const nRows = ws.rowCount;
    const nCols = ws.columnCount;
    if (nRows * nCols > MAX_CELLS)
      throw new ReadError(
        file,
        `工作表"${ws.name}"过大 (${nRows} 行 × ${nCols} 列, sheet too large)`,
        'check that this is the disclosure file',
      );
    const rows: string[][] = [];
    for (let r = 1; r <= nRows; r++) {
      const row = ws.getRow(r);
      const texts: string[] = [];
      for (let c = 1; c <= nCols; c++)
        texts.push(
          normalisePdfText(cellText(row.getCell(c)))
            .replace(/\s*\n\s*/g, '')
            .trim(),
        );
      rows.push(texts);
    }
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}

/**
 * Sheets → source lines: rows holding one text above the grid are titles and unit lines, then every non-empty row
 * is a table row until an empty row; single texts after it are notes.
 */
export function sheetLines(sheets: SheetGrid[]): SourceLine[] {
  const out: SourceLine[] = [];
  sheets.forEach((sheet, s) => {
    const page = s + 1;
    // trailing empty columns are dropped so rows line up
    const width = Math.max(0, ...sheet.rows.map((r) => r.reduce((w, t, k) => (t ? k + 1 : w), 0)));
    let inGrid = false;
    if (out.length) out.push({ text: '' });
    sheet.rows.forEach((row, i) => {
      const cells = row.slice(0, width);
      const filled = cells.filter((t) => t !== '');
      const at = { page, line: i + 1, column: 1 };
      if (filled.length === 0) {
        if (inGrid) out.push({ text: '' });
        inGrid = false;
        return;
      }
      if (!inGrid && filled.length === 1 && !out.at(-1)?.text.includes('\t')) {
        out.push({ text: filled[0], at: { ...at, column: cells.findIndex((t) => t !== '') + 1 } }, { text: '' });
        return;
      }
      if (!inGrid && filled.length >= 2 && out.length && out.at(-1)!.text !== '') out.push({ text: '' });
      inGrid = true;
      out.push({
        text: cells.map((t) => t.replace(/\t/g, ' ')).join('\t'),
        at,
        cells: cells.map((_, k) => ({ page, line: i + 1, column: k + 1 })),
      });
    });
  });
  return out;
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const sheets = await loadSheets(bytes, file);
  if (sheets.every((s) => s.rows.every((r) => r.every((t) => t === ''))))
    throw new ReadError(file, 'Excel 文件没有内容 (empty workbook)', 'check that this is the disclosure file');
  return blocksFromLines(sheetLines(sheets), 'xlsx', bytes.length);
}

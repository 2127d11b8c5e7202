// Excel writer: one sheet per table of the layout, numbers stored as numbers at the published precision (0.00),
// merged header cells merged. exceljs stays behind the small adapter at the bottom of this file.
import ExcelJS from 'exceljs';
import type { Disclosure } from '../model/schema.js';
import { gridWidth, layoutDisclosure, type GridBlock, type LayoutBlock } from './layout.js';

/** What the writer needs from a spreadsheet library. */
export interface SheetWriter {
  addSheet(name: string): Sheet;
  toBuffer(): Promise<Buffer>;
}

export interface Sheet {
  setText(row: number, col: number, text: string, style?: CellStyle): void;
  setNumber(row: number, col: number, value: number, format: string, style?: CellStyle): void;
  merge(top: number, left: number, bottom: number, right: number): void;
  setColumnWidth(col: number, width: number): void;
  /** rows above `row` stay visible when scrolling */
  freezeRows(row: number): void;
}

export interface CellStyle {
  bold?: boolean;
  header?: boolean;
  border?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique. */
function sheetName(base: string, used: Set<string>): string {
  let name = base.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let k = 2;
  while (used.has(name)) name = `${base.slice(0, 26)}(${k++})`;
  used.add(name);
  return name;
}

function writeGrid(sheet: Sheet, g: GridBlock): void {
  const width = gridWidth(g);
  let r = 1;
  sheet.setText(r, 1, g.title, { bold: true, align: 'center' });
  sheet.merge(r, 1, r, Math.max(1, width));
  r++;
  for (const m of g.meta) sheet.setText(r++, 1, m);
  const headerTop = r;
  const taken = new Set<string>();
  g.header.forEach((row, i) => {
    let c = 1;
    for (const cell of row) {
      while (taken.has(`${headerTop + i}:${c}`)) c++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      sheet.setText(headerTop + i, c, cell.text, { header: true, border: true, align: 'center' });
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${headerTop + i + dr}:${c + dc}`);
      if (cs > 1 || rs > 1) sheet.merge(headerTop + i, c, headerTop + i + rs - 1, c + cs - 1);
      c += cs;
    }
  });
  r = headerTop + g.header.length;
  if (g.header.length) sheet.freezeRows(r);
  for (const row of g.body) {
    let c = 1;
    for (const cell of row) {
      const style: CellStyle = { bold: cell.bold, border: true };
      if (cell.minor !== undefined) sheet.setNumber(r, c, cell.minor / 100, '0.00', { ...style, align: 'right' });
      else if (cell.percentMinor !== undefined)
        sheet.setNumber(r, c, cell.percentMinor / 10000, '0.00%', { ...style, align: 'right' });
      else
        sheet.setText(r, c, cell.text, {
          ...style,
          align: c <= g.labelColumns && /^\d{2,3}$/.test(cell.text) ? 'center' : 'left',
        });
      const cs = cell.colspan ?? 1;
      if (cs > 1) sheet.merge(r, c, r, c + cs - 1);
      c += cs;
    }
    r++;
  }
  if (g.note) sheet.setText(r + 1, 1, g.note);
  // widths: codes narrow, names wide, amounts medium
  for (let c = 1; c <= width; c++) {
    const texts = g.body.map((row) => row[c - 1]?.text ?? '');
    const longest = Math.max(4, ...texts.map((t) => [...t].reduce((s, ch) => s + (ch.charCodeAt(0) > 255 ? 2 : 1), 0)));
    sheet.setColumnWidth(c, Math.min(48, longest + 2));
  }
}

/** Writes the layout's tables to a workbook, one sheet each. */
export async function layoutToXlsx(blocks: LayoutBlock[], writer: SheetWriter = excelJsWriter()): Promise<Buffer> {
  const used = new Set<string>();
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const base = b.number ? `表${b.number} ${b.title}` : b.title;
    writeGrid(writer.addSheet(sheetName(base, used)), b);
  }
  return writer.toBuffer();
}

/** The disclosure's tables as an .xlsx workbook. */
export function renderXlsx(doc: Disclosure): Promise<Buffer> {
  return layoutToXlsx(layoutDisclosure(doc));
}

// ── exceljs adapter ─────────────────────────────────────────────────────────────────────────────────────

const THIN = { style: 'thin' as const, color: { argb: 'FF8C959F' } };

/** A SheetWriter over a new workbook, or over `wb` when the caller adds sheets of its own (the input workbook). */
export function excelJsWriter(wb: ExcelJS.Workbook = new ExcelJS.Workbook()): SheetWriter {
  wb.creator = 'budgetdoc';
  wb.created = new Date(0);
  const style = (cell: ExcelJS.Cell, s: CellStyle | undefined) => {
    if (!s) return;
    if (s.bold || s.header) cell.font = { bold: true };
    if (s.header) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
    if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    if (s.align) cell.alignment = { horizontal: s.align, vertical: 'middle', wrapText: s.align !== 'right' };
  };
  return {
    addSheet(name) {
      const ws = wb.addWorksheet(name);
      return {
        setText(row, col, text, s) {
          const cell = ws.getCell(row, col);
          cell.value = text;
          style(cell, s);
        },
        setNumber(row, col, value, format, s) {
          const cell = ws.getCell(row, col);
          cell.value = value;
          cell.numFmt = format;
          style(cell, s);
        },
        merge(top, left, bottom, right) {
          ws.mergeCells(top, left, bottom, right);
        },
        setColumnWidth(col, width) {
          ws.getColumn(col).width = width;
        },
        freezeRows(row) {
          ws.views = [{ state: 'frozen', ySplit: row - 1 }];
        },
      };
    },
    async toBuffer() {
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}

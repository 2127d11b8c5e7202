// The input workbook's particulars sheets (概况, 项目, 三公明细 …) in one generic form, written and read by the same
// field lists: an instruction row, then blocks — a 【title】 row, a header row, then records (lists) or label/value
// rows (forms). Values are exact: money is read from the cell's decimal text, never computed in binary floats.
import type ExcelJS from 'exceljs';
import type { Amount } from '../model/schema.js';
import { formatExact, normaliseNumberText, parseDecimal, toWan } from '../model/money.js';
import { formatDecimals } from '../read/xlsx.js';

export type FieldType = 'text' | 'money' | 'count' | 'decimal' | 'date';

export interface Field {
  key: string;
  /** the Chinese header (lists) or row label (forms), with the unit in （） */
  header: string;
  type: FieldType;
  /** choices offered by a drop-down; `strict` refuses other values in Excel and when read */
  options?: string[];
  strict?: boolean;
  /** a comment on the header cell */
  note?: string;
  /** column width in characters (lists) */
  width?: number;
}

/** What a writer gives per field: text (text, date as ISO), an amount (money), a number (count) or decimal text. */
export type OutValue = string | number | Amount | undefined;

export interface Block {
  title: string;
  shape: 'list' | 'form';
  fields: Field[];
  note?: string;
  /** empty rows with drop-downs left under a list in the blank template */
  spareRows?: number;
}

export interface SheetSpec {
  name: string;
  instruction: string;
  blocks: Block[];
}

/** Bad input in a particulars sheet: the message names the sheet and the cell ("项目!C5: …"). */
export class WorkbookInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookInputError';
  }
}

// ── writing ─────────────────────────────────────────────────────────────────────────────────────────────

const THIN = { style: 'thin' as const, color: { argb: 'FF8C959F' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEEF1F4' } };

function decimalsOf(text: string): number {
  const m = /\.(\d+)$/.exec(text);
  return m ? m[1].length : 0;
}

function numberFormat(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

function writeValue(cell: ExcelJS.Cell, field: Field, value: OutValue): void {
  if (value === undefined || value === '') return;
  if (field.type === 'money' && typeof value === 'object') {
    const wan = toWan(value);
    cell.value = Number(formatExact(wan));
    cell.numFmt = numberFormat(Math.max(2, wan.scale));
    return;
  }
  if (field.type === 'count' && typeof value === 'number') {
    cell.value = value;
    cell.numFmt = '0';
    return;
  }
  if (field.type === 'decimal' && typeof value === 'string' && /^-?\d{1,15}(\.\d{1,8})?$/.test(value)) {
    // a score printed "9.50" stays "9.50": the number format keeps its decimals
    cell.value = Number(value);
    cell.numFmt = numberFormat(decimalsOf(value));
    return;
  }
  cell.value = String(typeof value === 'object' ? value.text : value);
}

function listValidation(field: Field): ExcelJS.DataValidation | undefined {
  if (!field.options) return undefined;
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${field.options.join(',')}"`],
    showErrorMessage: true,
    errorStyle: field.strict ? 'stop' : 'information',
    errorTitle: field.header,
    error: `请从列表中选择：${field.options.join('、')}`,
  };
}

/**
 * Writes one particulars sheet: per block the list records or the one form record. `blank` (the template) leaves
 * each list its spare rows with drop-downs; a filled sheet leaves two.
 */
export function writeSheet(
  wb: ExcelJS.Workbook,
  spec: SheetSpec,
  records: Array<Array<Record<string, OutValue>>>,
  blank = false,
): void {
  const ws = wb.addWorksheet(spec.name);
  const width = Math.max(2, ...spec.blocks.map((b) => (b.shape === 'list' ? b.fields.length : 2)));
  const head = ws.getCell(1, 1);
  head.value = `说明：${spec.instruction}`;
  head.alignment = { wrapText: true, vertical: 'top' };
  head.font = { color: { argb: 'FF57606A' } };
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).height = 48;
  const widths = Array.from({ length: width }, () => 12);
  let r = 3;
  spec.blocks.forEach((block, b) => {
    const title = ws.getCell(r, 1);
    title.value = `【${block.title}】`;
    title.font = { bold: true };
    if (block.note) title.note = block.note;
    r++;
    const given = records[b] ?? [];
    if (block.shape === 'list') {
      block.fields.forEach((f, c) => {
        const cell = ws.getCell(r, c + 1);
        cell.value = f.header;
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = BORDER;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (f.note) cell.note = f.note;
        widths[c] = Math.max(widths[c], f.width ?? (f.type === 'text' ? 24 : 14));
      });
      r++;
      const rows = given.length + (blank ? (block.spareRows ?? 10) : 2);
      for (let i = 0; i < rows; i++, r++) {
        block.fields.forEach((f, c) => {
          const cell = ws.getCell(r, c + 1);
          cell.border = BORDER;
          if (i < given.length) writeValue(cell, f, given[i][f.key]);
          const v = listValidation(f);
          if (v) cell.dataValidation = v;
          if (f.type === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
        });
      }
    } else {
      ['项目', '内容'].forEach((text, c) => {
        const cell = ws.getCell(r, c + 1);
        cell.value = text;
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.border = BORDER;
      });
      r++;
      const record = given[0] ?? {};
      for (const f of block.fields) {
        const label = ws.getCell(r, 1);
        label.value = f.header;
        label.border = BORDER;
        if (f.note) label.note = f.note;
        const cell = ws.getCell(r, 2);
        cell.border = BORDER;
        writeValue(cell, f, record[f.key]);
        const v = listValidation(f);
        if (v) cell.dataValidation = v;
        widths[0] = Math.max(widths[0], 30);
        widths[1] = Math.max(widths[1], 40);
        r++;
      }
    }
    r++;
  });
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────

interface RawCell {
  /** what the cell holds once formulas, rich text, links and errors are resolved */
  value: string | number | boolean | Date | undefined;
  numFmt?: string;
  address: string;
}

function raw(cell: ExcelJS.Cell): RawCell {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = v.result;
  if (v && typeof v === 'object' && 'richText' in v)
    v = (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('');
  if (v && typeof v === 'object' && 'text' in v && !(v instanceof Date)) v = String(v.text);
  if (v && typeof v === 'object' && 'error' in v) v = undefined;
  if (typeof v === 'string') v = v.trim();
  // any other shape (a formula without a cached result, an unknown object) holds no value a block can read
  const value =
    typeof v === 'number' || typeof v === 'boolean' || v instanceof Date || (typeof v === 'string' && v !== '')
      ? v
      : undefined;
  return { value, numFmt: cell.numFmt, address: cell.address };
}

/**
 * The decimal text of a numeric cell. Excel stores what was typed as the nearest double, whose shortest printed
 * form is the typed decimal; a computed value with binary noise is taken as the cell shows it.
 */
function numberText(n: number, numFmt: string | undefined): string {
  const shortest = String(n);
  if (!/e/i.test(shortest) && decimalsOf(shortest) <= 6) return shortest;
  return n.toFixed(formatDecimals(numFmt) ?? 2);
}

function padScale(d: { minor: number; scale: number }, scale: number): { minor: number; scale: number } {
  return d.scale >= scale ? d : { minor: d.minor * 10 ** (scale - d.scale), scale };
}

/** One record of a block as read: typed getters that report the sheet and cell of a bad value. */
export class InRecord {
  constructor(
    private readonly sheet: string,
    private readonly fields: Map<string, Field>,
    private readonly cells: Map<string, RawCell>,
    /** the row of the record (lists) or of the block title (forms), 1-based */
    readonly row: number,
  ) {}

  private fail(c: RawCell, what: string): never {
    throw new WorkbookInputError(`${this.sheet}!${c.address}: ${what}`);
  }

  has(key: string): boolean {
    return this.cells.get(key)?.value !== undefined;
  }

  /** Whether no field of the record holds a value (a blank row). */
  get empty(): boolean {
    return [...this.cells.values()].every((c) => c.value === undefined);
  }

  text(key: string): string | undefined {
    const c = this.cells.get(key);
    if (!c || c.value === undefined) return undefined;
    const v = c.value;
    const text =
      v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? numberText(v, c.numFmt) : String(v);
    const f = this.fields.get(key)!;
    // full-width and half-width forms are one choice (（境） typed or pasted for (境))
    if (f.strict && f.options && !f.options.some((o) => o.normalize('NFKC') === text.normalize('NFKC')))
      this.fail(c, `${bare(f.header)}「${text}」不是可选值（${f.options.join('/')}）— 请从下拉列表中选择`);
    return text;
  }

  private decimal(key: string): { c: RawCell; d: { minor: number; scale: number } } | undefined {
    const c = this.cells.get(key);
    if (!c || c.value === undefined) return undefined;
    const f = this.fields.get(key)!;
    const text =
      typeof c.value === 'number' ? numberText(c.value, c.numFmt) : c.value instanceof Date ? '' : String(c.value);
    const plain = normaliseNumberText(text);
    const d = plain === null ? null : parseDecimal(plain);
    if (!d || d.scale > 8) this.fail(c, `${bare(f.header)}「${text}」不是数字 — 请填写数字，如 12.30`);
    return { c, d };
  }

  /** Money in 万元, at least at the published two decimals. */
  money(key: string): Amount | undefined {
    const got = this.decimal(key);
    if (!got) return undefined;
    const d = padScale(got.d, 2);
    return { minor: d.minor, scale: d.scale, unit: '万元', text: formatExact(d) };
  }

  count(key: string): number | undefined {
    const got = this.decimal(key);
    return got ? Number(formatExact(got.d)) : undefined;
  }

  /** Whole numbers (counts of units, the year). */
  integer(key: string): number | undefined {
    const got = this.decimal(key);
    if (!got) return undefined;
    if (got.d.scale > 0 && got.d.minor % 10 ** got.d.scale !== 0)
      this.fail(got.c, `${bare(this.fields.get(key)!.header)}「${formatExact(got.d)}」应为整数`);
    return Math.trunc(Number(formatExact(got.d)));
  }

  /** A decimal kept as text with the decimals the cell shows (scores: "9.50"). */
  decimalText(key: string): string | undefined {
    const c = this.cells.get(key);
    if (!c || c.value === undefined) return undefined;
    if (typeof c.value === 'number') {
      const shown = formatDecimals(c.numFmt);
      return shown === undefined ? numberText(c.value, c.numFmt) : c.value.toFixed(shown);
    }
    return String(c.value);
  }

  /** A date as ISO: a date cell, 2024-03-15, 2024/3/15 or 2024年3月15日. */
  date(key: string): string | undefined {
    const c = this.cells.get(key);
    if (!c || c.value === undefined) return undefined;
    if (c.value instanceof Date) return c.value.toISOString().slice(0, 10);
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(String(c.value));
    const ok = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31;
    if (!ok) this.fail(c, `${bare(this.fields.get(key)!.header)}「${String(c.value)}」不是日期 — 请写成 2024-03-15`);
    return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }

  /** Reports a problem with this record's field (or the record's first cell). */
  error(key: string | undefined, what: string): never {
    const c = key ? this.cells.get(key) : undefined;
    throw new WorkbookInputError(`${this.sheet}!${c?.address ?? `A${this.row}`}: ${what}`);
  }
}

/** A header without its unit: "金额（万元）" → "金额". */
export function bare(header: string): string {
  return header.replace(/（[^）]*）$/, '');
}

const TITLE = /^【(.+)】$/;

/**
 * Reads a particulars sheet: per block, the list records (blank rows skipped) or the one form record. A block
 * the sheet lacks gives no records; a list header the spec does not know is ignored.
 */
export function readSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): InRecord[][] {
  const out: InRecord[][] = spec.blocks.map(() => []);
  const rowCount = ws.rowCount;
  const cell = (r: number, c: number) => raw(ws.getCell(r, c));
  const text = (r: number, c: number) => {
    const v = cell(r, c).value;
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  };
  let r = 1;
  while (r <= rowCount) {
    const m = TITLE.exec(text(r, 1));
    const b = m ? spec.blocks.findIndex((x) => x.title === m[1]) : -1;
    if (b < 0) {
      r++;
      continue;
    }
    const block = spec.blocks[b];
    const fields = new Map(block.fields.map((f) => [f.key, f]));
    const start = r;
    r += 2; // the title and header rows
    if (block.shape === 'list') {
      const columns = new Map<string, number>();
      const width = ws.columnCount;
      for (let c = 1; c <= width; c++) {
        const header = text(start + 1, c);
        const f = block.fields.find((x) => x.header === header || bare(x.header) === bare(header));
        if (f) columns.set(f.key, c);
      }
      for (; r <= rowCount && !TITLE.test(text(r, 1)); r++) {
        const cells = new Map([...columns].map(([k, c]) => [k, cell(r, c)] as const));
        const rec = new InRecord(ws.name, fields, cells, r);
        if (!rec.empty) out[b].push(rec);
      }
    } else {
      const cells = new Map<string, RawCell>();
      for (; r <= rowCount && !TITLE.test(text(r, 1)); r++) {
        const label = text(r, 1);
        const f = block.fields.find((x) => x.header === label || bare(x.header) === bare(label));
        if (f) cells.set(f.key, cell(r, 2));
      }
      out[b].push(new InRecord(ws.name, fields, cells, start));
    }
  }
  return out;
}

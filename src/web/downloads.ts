// Tabular downloads for every page's data: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese),
// XLSX (exceljs) and JSON.
import type { Context } from 'hono';
import ExcelJS from 'exceljs';
import { HttpError } from './http.js';

export type Format = 'json' | 'csv' | 'xlsx';
export const FORMATS: readonly Format[] = ['json', 'csv', 'xlsx'];

export interface Column {
  key: string;
  /** header in Chinese (CSV and XLSX); JSON keeps the key */
  label: string;
  /** Chinese names of coded values (budget → 预算) for CSV and XLSX; JSON keeps the codes */
  values?: Record<string, string>;
}

/** What a spreadsheet shows in a column: the Chinese name of a coded value, else the value itself. */
function shown(column: Column, v: unknown): unknown {
  if (!column.values || v === null || v === undefined) return v;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? (column.values[String(v)] ?? v) : v;
}

export interface TableData {
  /** file name without extension (ASCII) */
  name: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
}

export function requestedFormat(c: Context): Format | undefined {
  const raw = c.req.query('format');
  if (raw === undefined || raw === '') return undefined;
  if (!(FORMATS as readonly string[]).includes(raw))
    throw new HttpError(400, `参数 format 只能是 json、csv、xlsx，收到“${raw}”`, 'bad_parameter');
  return raw as Format;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

/** a plain decimal number: a spreadsheet reads it as that number, never as a formula */
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/**
 * The one place a CSV cell is written (every CSV download and the data-package export use it). Text beginning
 * with = + - @, tab or CR would run as a formula in a spreadsheet (a document's =HYPERLINK(…) row label): it gets
 * a leading ' (OWASP CSV injection); plain numbers such as -12.50 stay numbers.
 */
export function csvField(v: unknown): string {
  let s = cellText(v);
  if (/^[=+\-@\t\r]/.test(s) && !(typeof v === 'number' || typeof v === 'bigint' || PLAIN_NUMBER.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(data: Pick<TableData, 'columns' | 'rows'>, bom = true): string {
  const lines = [data.columns.map((c) => csvField(c.label)).join(',')];
  for (const row of data.rows) lines.push(data.columns.map((c) => csvField(shown(c, row[c.key]))).join(','));
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(data: TableData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(data.name.slice(0, 31));
  sheet.columns = data.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(10, Math.min(40, c.label.length * 2 + 4)),
  }));
  for (const row of data.rows) {
    const values: Record<string, unknown> = {};
    // numeric text stays text: amounts are exact decimals, a spreadsheet float would not be
    for (const c of data.columns)
      values[c.key] = typeof row[c.key] === 'number' ? row[c.key] : cellText(shown(c, row[c.key]));
    sheet.addRow(values);
  }
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Sends the table in the requested format; JSON keeps the caller's own object when given. */
export async function sendTable(c: Context, format: Format, data: TableData, json?: unknown): Promise<Response> {
  if (format === 'json') return c.json(json ?? data.rows);
  if (format === 'csv') {
    return c.body(toCsv(data), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${data.name}.csv"`,
    });
  }
  const bytes = await toXlsx(data);
  return c.body(bytes as unknown as ArrayBuffer, 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${data.name}.xlsx"`,
  });
}

// `check --summary` output: the batch review table (src/audit/summary.ts) as aligned text, JSON or an XLSX workbook.
import ExcelJS from 'exceljs';
import { shareText, summaryTotals, type SummaryRow } from '../audit/summary.js';
import { TABLE_TEMPLATES } from '../catalog/tables.js';
import { SEVERITY_WORD } from '../catalog/words.js';

export type SummaryFormat = 'text' | 'json' | 'xlsx';

const HEADERS = [
  '文件',
  '表格（读出/应有）',
  '表内等式（成立/检查）',
  '成立率',
  SEVERITY_WORD.error,
  SEVERITY_WORD.warning,
  '读取存疑',
  '页数',
  '秒',
  '文件说明',
];

function cells(r: SummaryRow): string[] {
  return [
    r.file,
    `${r.tables.found}/${r.tables.expected}`,
    `${r.sums.held}/${r.sums.checked}`,
    shareText(r.sums.held, r.sums.checked),
    String(r.errors),
    String(r.warnings),
    String(r.doubts),
    String(r.pages),
    r.seconds.toFixed(2),
    r.refused ? `未审核：${r.refused}` : r.title,
  ];
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function summaryText(rows: SummaryRow[]): string {
  const t = summaryTotals(rows);
  const totalRow = [
    `合计（${t.documents} 个文件）`,
    `${t.tables.found}/${t.tables.expected}`,
    `${t.sums.held}/${t.sums.checked}`,
    shareText(t.sums.held, t.sums.checked),
    String(t.errors),
    String(t.warnings),
    String(t.doubts),
    String(t.pages),
    t.seconds.toFixed(2),
    '',
  ];
  const table = [HEADERS, ...rows.map(cells), totalRow];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((r) => width(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i], i > 0)))
      .join('  ')
      .trimEnd();
  const out = [line(HEADERS), ...rows.map((r) => line(cells(r))), line(totalRow)];
  out.push(
    '',
    `审核 ${t.audited} 个，未审核 ${t.refused} 个；每个文件错误数中位数 ${t.medianErrors}，无错误的文件 ${t.withoutErrors} 个；表内等式成立 ${shareText(t.sums.held, t.sums.checked)}。`,
  );
  const missing = rows.filter((r) => r.tables.missing.length);
  if (missing.length) {
    out.push('未读出的标准表：');
    for (const r of missing) out.push(`  ${r.file}：${tableTitles(r.tables.missing)}`);
  }
  const blank = rows.filter((r) => r.tables.blank.length);
  if (blank.length) {
    out.push('印出但没有任何数字的标准表（文件本身如此，不是读取失败）：');
    for (const r of blank) out.push(`  ${r.file}：${tableTitles(r.tables.blank)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Tables named as a reader knows them (their standard titles), not by the ids the JSON summary keeps. */
const TITLE_BY_ID = new Map<string, string>(TABLE_TEMPLATES.map((t) => [t.id, t.title]));
function tableTitles(ids: readonly string[]): string {
  return ids.map((id) => TITLE_BY_ID.get(id) ?? id).join('、');
}

export function summaryJson(rows: SummaryRow[]): string {
  return `${JSON.stringify({ documents: rows, totals: summaryTotals(rows) }, null, 2)}\n`;
}

export async function summaryXlsx(rows: SummaryRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审核汇总');
  const columns = [
    '文件',
    '文件说明',
    '表格读出',
    '表格应有',
    '未读出的标准表',
    '印出但无数字的表',
    '等式成立',
    '等式检查',
    SEVERITY_WORD.error,
    SEVERITY_WORD.warning,
    '读取存疑',
    '页数',
    '秒',
    '未审核原因',
  ];
  ws.addRow(columns).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.file,
      r.title,
      r.tables.found,
      r.tables.expected,
      tableTitles(r.tables.missing),
      tableTitles(r.tables.blank),
      r.sums.held,
      r.sums.checked,
      r.errors,
      r.warnings,
      r.doubts,
      r.pages,
      r.seconds,
      r.refused ?? '',
    ]);
  }
  const t = summaryTotals(rows);
  ws.addRow([
    `合计（${t.documents} 个文件）`,
    `错误中位数 ${t.medianErrors}；无错误 ${t.withoutErrors} 个`,
    t.tables.found,
    t.tables.expected,
    '',
    '',
    t.sums.held,
    t.sums.checked,
    t.errors,
    t.warnings,
    t.doubts,
    t.pages,
    t.seconds,
    t.refused ? `${t.refused} 个未审核` : '',
  ]).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 28 : i === 1 ? 40 : 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

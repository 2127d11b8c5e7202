// How a model table is laid out on a page: one row per model row for ordinary tables; for a two-sided table
// (收支总表) income rows on the left and expenditure rows on the right, each cell taken from its own side's columns.
import { SIDE_BY_SIDE_ROWS } from '../catalog/tables.js';
import type { Table, TableColumn, TableRow } from '../model/schema.js';

export type Side = 'income' | 'expenditure';

export interface SideLayout {
  side: Side;
  columns: TableColumn[];
  /** whether any row of this side carries a code (function code or organisation code) */
  codes: boolean;
}

/** The columns of each side, or null when the table has one side only. */
export function tableSides(table: Table): SideLayout[] | null {
  if (!table.columns.some((c) => c.side) && !table.rows.some((r) => r.side)) return null;
  // a column without a side belongs to both (it is printed on each half)
  return (['income', 'expenditure'] as const).map((side) => ({
    side,
    columns: table.columns.filter((c) => c.side === side || c.side === undefined),
    codes: table.rows.some((r) => r.side === side && (r.classification?.code ?? r.orgCode) !== undefined),
  }));
}

/** The cell of a row under a column; in a two-sided table only the row's own side's columns have its cells. */
export function cellText(row: TableRow, column: TableColumn): string {
  if (column.side && row.side && column.side !== row.side) return '';
  const cell = row.cells.find((x) => x.column === column.key);
  return cell?.amount?.text ?? cell?.text ?? '';
}

/**
 * Pairs income and expenditure rows line by line. Rows the printed form aligns (本年收入/本年支出, 收入总计/支出总计)
 * stay on one line: the shorter side is padded with empty lines before them. A row with no side (an unusual
 * reading) is shown on the income side so that it is never lost.
 */
export function pairSides(table: Table): Array<{ income?: TableRow; expenditure?: TableRow }> {
  const income = table.rows.filter((r) => r.side !== 'expenditure');
  const expenditure = table.rows.filter((r) => r.side === 'expenditure');
  const anchors = SIDE_BY_SIDE_ROWS.map((a) => ({
    i: income.findIndex((r) => r.key === a.income),
    e: expenditure.findIndex((r) => r.key === a.expenditure),
  })).filter((a) => a.i >= 0 && a.e >= 0);
  const lines: Array<{ income?: TableRow; expenditure?: TableRow }> = [];
  let i = 0;
  let e = 0;
  const zip = (iEnd: number, eEnd: number) => {
    while (i < iEnd || e < eEnd)
      lines.push({ income: i < iEnd ? income[i++] : undefined, expenditure: e < eEnd ? expenditure[e++] : undefined });
  };
  for (const a of anchors) {
    // anchors out of order on one side are left to the plain line-by-line layout
    if (a.i < i || a.e < e) continue;
    zip(a.i, a.e);
    lines.push({ income: income[i++], expenditure: expenditure[e++] });
  }
  zip(income.length, expenditure.length);
  return lines;
}

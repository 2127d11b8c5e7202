// Arithmetic: fixed rows add up as the template declares (partOf): 一般公共预算 + 政府性基金 + 国有资本 = 财政拨款,
// parts of 本年收入 = 本年收入小计, classified expenditure rows = 本年支出小计, 小计 + 上年结余 = 总计.
import type { Rule } from '../types.js';
import type { Amount, TableRow } from '../../model/schema.js';
import {
  cellAmount,
  compareSum,
  fixedRowSums,
  isZero,
  primaryColumn,
  rowName,
  rowPlace,
  tableName,
} from '../support.js';

/** The parts named in the message: those with a figure (a two-sided table lists every class, most of them blank). */
function partsText(children: TableRow[], column: string): string {
  const named = children.filter((r) => !isZero(cellAmount(r, column)));
  return (named.length ? named : children.slice(0, 3)).map(rowName).join(' + ');
}

export const rule: Rule = {
  meta: {
    id: 'fixed-row-sums',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In tables with fixed rows (收支总表, 财政拨款收支总表) each subtotal and total equals the rows declared part of it; ' +
        'on the expenditure side the function classes listed above a subtotal add up to it.',
    },
    messages: ['rowSumMismatch'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      for (const { total: row, parts: children } of fixedRowSums(table)) {
        const column = primaryColumn(table, row);
        if (!column) continue;
        const total = cellAmount(row, column);
        const parts = children.map((r) => cellAmount(r, column)).filter((a): a is Amount => a !== null);
        if (!total && parts.every((p) => p.minor === 0)) continue;
        const zero: Amount = { minor: 0, scale: parts[0]?.scale ?? 0, unit: parts[0]?.unit ?? '万元', text: '' };
        const c = compareSum(total ?? zero, parts);
        if (c.ok) continue;
        report({
          messageId: 'rowSumMismatch',
          data: {
            table: tableName(table),
            row: rowName(row),
            parts: partsText(children, column),
            expected: c.expected,
            actual: c.actual,
          },
          location: rowPlace(table, row),
          related: children.filter((r) => !isZero(cellAmount(r, column))).map((r) => rowPlace(table, r)),
          expected: c.expected,
          actual: c.actual,
          tolerance: c.tolerance,
        });
      }
    }
  },
};

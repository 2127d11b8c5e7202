// Arithmetic: fixed rows add up as the template declares (partOf): 一般公共预算 + 政府性基金 + 国有资本 = 财政拨款,
// parts of 本年收入 = 本年收入小计, classified expenditure rows = 本年支出小计, 小计 + 上年结余 = 总计.
import type { Rule } from '../types.js';
import type { Amount, TableRow } from '../../model/schema.js';
import { cellAmount, compareSum, isZero, levelIndex, primaryColumn, rowName, rowPlace, tableName, templateOf } from '../support.js';

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
      const tpl = templateOf(table);
      if (table.status !== 'present' || !tpl?.fixedRows?.length) continue;
      const specs = tpl.fixedRows;
      for (const side of ['income', 'expenditure'] as const) {
        const sideRows = table.rows.filter((r) => (r.side ?? 'income') === side || (!r.side && side === 'income'));
        let pending: TableRow[] = [];
        for (const row of sideRows) {
          if (row.classification && levelIndex(row) === 0) {
            pending.push(row);
            continue;
          }
          const spec = row.key ? specs.find((s) => s.key === row.key) : undefined;
          if (!spec || spec.kind === 'leaf') continue;
          // a row whose declared parent is not printed (一般公共预算拨款收入 without a 财政拨款 row) counts towards the
          // parent's own parent
          const printed = new Set(sideRows.map((r) => r.key).filter(Boolean));
          const parentOf = (key: string): string | undefined => {
            let parent = specs.find((s) => s.key === key)?.partOf;
            while (parent && !printed.has(parent)) parent = specs.find((s) => s.key === parent)?.partOf;
            return parent;
          };
          const fixedChildren = sideRows.filter((r) => r.key && parentOf(r.key) === spec.key);
          // classes listed after a subtotal printed above them ("一、本年支出" then its classes) are that subtotal's parts
          const subtotalAbove = pending.length > 0 && fixedChildren.some((c) => c.kind === 'subtotal' && sideRows.indexOf(c) < sideRows.indexOf(pending[0]));
          const children = subtotalAbove ? fixedChildren : [...fixedChildren, ...pending];
          pending = [];
          if (children.length === 0) continue;
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
            data: { table: tableName(table), row: rowName(row), parts: partsText(children, column), expected: c.expected, actual: c.actual },
            location: rowPlace(table, row),
            related: children.filter((r) => !isZero(cellAmount(r, column))).map((r) => rowPlace(table, r)),
            expected: c.expected,
            actual: c.actual,
            tolerance: c.tolerance,
          });
        }
      }
    }
  },
};

// Arithmetic: classified rows add up level by level — 项 → 款 → 类 → 合计 — and organisation rows equal their units,
// in every amount column.
import type { Rule, RuleContext } from '../types.js';
import type { Amount, Table, TableRow } from '../../model/schema.js';
import { cellAmount, columnKeys, compareSum, hierarchySums, organisationBlocks, rowName, rowPlace, tableName } from '../support.js';

function checkSum(ctx: RuleContext, table: Table, parent: TableRow, children: TableRow[], what: string): void {
  if (children.length === 0) return;
  for (const column of columnKeys(table)) {
    const total = cellAmount(parent, column);
    const parts = children.map((r) => cellAmount(r, column)).filter((a): a is Amount => a !== null);
    if (!total && parts.every((p) => p.minor === 0)) continue;
    if (!total && parts.length === 0) continue;
    const like = total ?? parts[0];
    const zero: Amount = { minor: 0, scale: like.scale, unit: like.unit, text: '' };
    const c = compareSum(total ?? zero, parts.length ? parts : [zero]);
    if (c.ok) continue;
    const label = table.columns.find((col) => col.key === column)?.label ?? column;
    ctx.report({
      messageId: 'hierarchyMismatch',
      data: { table: tableName(table), row: rowName(parent), column: label, what, expected: c.expected, actual: c.actual },
      location: rowPlace(table, parent),
      related: children.slice(0, 12).map((r) => rowPlace(table, r)),
      expected: c.expected,
      actual: c.actual,
      tolerance: c.tolerance,
    });
  }
}


export const rule: Rule = {
  meta: {
    id: 'classification-hierarchy',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In classified tables each 款 equals the sum of its 项, each 类 the sum of its 款, the 合计 the sum of the 类; ' +
        'an organisation row equals the units or classes under it.',
    },
    messages: ['hierarchyMismatch'],
  },
  check(ctx) {
    for (const table of ctx.doc.tables) {
      if (table.status !== 'present') continue;
      // two-sided tables list classes beside fixed rows; their sums are the fixed-row rule's
      if (table.rows.some((r) => r.side)) continue;
      const blocks = organisationBlocks(table);
      if (!blocks.some((b) => b.rows.length)) continue;
      for (const sum of hierarchySums(table, blocks)) checkSum(ctx, table, sum.total, sum.parts, sum.what);
    }
  },
};

// Arithmetic: classified rows add up level by level — 项 → 款 → 类 → 合计 — and organisation rows equal their units,
// in every amount column. Not where the reader may have paired codes wrongly: a table whose sums mostly fail, a sum
// over a row the reading self-check suspects, or a row whose code or name the catalogue does not confirm.
import type { Report, Rule } from '../types.js';
import type { Amount, Table, TableRow } from '../../model/schema.js';
import { cellAmount, columnKeys, compareSum, hierarchySums, organisationBlocks, rowName, rowPlace, tableName } from '../support.js';
import { codeInDoubt, suspectRows, tableInDoubt } from './classification-support.js';

/** The failed sums of one total against its parts, one per amount column, as reports. */
function failedSums(table: Table, parent: TableRow, children: TableRow[], what: string): { checked: number; reports: Report[] } {
  const reports: Report[] = [];
  let checked = 0;
  if (children.length === 0) return { checked, reports };
  for (const column of columnKeys(table)) {
    const total = cellAmount(parent, column);
    const parts = children.map((r) => cellAmount(r, column)).filter((a): a is Amount => a !== null);
    if (!total && parts.every((p) => p.minor === 0)) continue;
    if (!total && parts.length === 0) continue;
    checked++;
    const like = total ?? parts[0];
    const zero: Amount = { minor: 0, scale: like.scale, unit: like.unit, text: '' };
    const c = compareSum(total ?? zero, parts.length ? parts : [zero]);
    if (c.ok) continue;
    const label = table.columns.find((col) => col.key === column)?.label ?? column;
    reports.push({
      messageId: 'hierarchyMismatch',
      data: { table: tableName(table), row: rowName(parent), column: label, what, expected: c.expected, actual: c.actual },
      location: rowPlace(table, parent),
      related: children.slice(0, 12).map((r) => rowPlace(table, r)),
      expected: c.expected,
      actual: c.actual,
      tolerance: c.tolerance,
    });
  }
  return { checked, reports };
}

export const rule: Rule = {
  meta: {
    id: 'classification-hierarchy',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In classified tables each 款 equals the sum of its 项, each 类 the sum of its 款, the 合计 the sum of the 类; ' +
        'an organisation row equals the units or classes under it. Silent where the reading is in doubt (most of the table\'s ' +
        'sums fail, a suspected cell, a code or name the catalogue does not confirm).',
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
      const results = hierarchySums(table, blocks).map((sum) => ({ sum, ...failedSums(table, sum.total, sum.parts, sum.what) }));
      const checked = results.reduce((n, r) => n + r.checked, 0);
      const failed = results.reduce((n, r) => n + r.reports.length, 0);
      if (failed === 0 || tableInDoubt(ctx.doc, table, { checked, failed })) continue;
      const suspects = suspectRows(ctx.doc, table);
      for (const { sum, reports } of results) {
        if (!reports.length) continue;
        if ([sum.total, ...sum.parts].some((r) => suspects.has(rowName(r)) || codeInDoubt(ctx.doc, r))) continue;
        for (const r of reports) ctx.report(r);
      }
    }
  },
};

// Arithmetic: classified rows add up level by level — 项 → 款 → 类 → 合计 — and organisation rows equal their units,
// in every amount column.
import type { Rule, RuleContext } from '../types.js';
import type { Amount, Table, TableRow } from '../../model/schema.js';
import { cellAmount, childrenOf, columnKeys, compareSum, grandTotalRow, levelIndex, organisationBlocks, rowName, rowPlace, tableName } from '../support.js';

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
      for (const block of blocks) {
        for (const row of block.rows) {
          if (levelIndex(row) >= 2) continue;
          const children = childrenOf(row, block.rows);
          // a 类 printed without its 款 rows is compared with its 项 directly
          const direct = children.length ? children : block.rows.filter((r) => levelIndex(r) === levelIndex(row) + 2 && r.classification!.code.startsWith(row.classification!.code));
          checkSum(ctx, table, row, direct, '下级科目');
        }
      }
      const orgRows = table.rows.filter((r) => r.kind === 'organisation');
      const leafOrgs = new Set<TableRow>();
      for (const org of orgRows) {
        const code = org.orgCode ?? '';
        const sub = orgRows.filter((o) => o !== org && code && (o.orgCode ?? '').startsWith(code) && (o.orgCode ?? '').length > code.length);
        const minLen = Math.min(...sub.map((o) => (o.orgCode ?? '').length));
        const direct = sub.filter((o) => (o.orgCode ?? '').length === minLen);
        if (direct.length) checkSum(ctx, table, org, direct, '所属单位');
        else leafOrgs.add(org);
      }
      for (const block of blocks) {
        if (!block.organisation || !leafOrgs.has(block.organisation)) continue;
        const classes = block.rows.filter((r) => levelIndex(r) === 0);
        checkSum(ctx, table, block.organisation, classes, '类级科目');
      }
      // the grand total against the classes: every unit lists its own classes, so the classes of all blocks add up to it
      // (organisation rows are not used here: a group row may be printed without its code, as in seed 001's table 5)
      const total = grandTotalRow(table);
      if (!total) continue;
      checkSum(ctx, table, total, blocks.flatMap((b) => b.rows.filter((r) => levelIndex(r) === 0)), '类级科目');
    }
  },
};

// Arithmetic: classified rows add up level by level — 项 → 款 → 类 → 合计 — and organisation rows equal their units,
// in every amount column. Not where the reader may have paired codes wrongly: a table whose sums mostly fail, a sum
// over a row the reading self-check suspects, or a row whose code or name the catalogue does not confirm.
import type { Rule } from '../types.js';
import { organisationBlocks, rowName } from '../support.js';
import { classifiedSums, codeInDoubt, suspectRows, tableInDoubt } from './classification-support.js';

export const rule: Rule = {
  meta: {
    id: 'classification-hierarchy',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In classified tables each 款 equals the sum of its 项, each 类 the sum of its 款, the 合计 the sum of the 类; ' +
        'an organisation row equals the units or classes under it; a regional sub-code row adds up to its 款, not to the 类. ' +
        "Silent where the reading is in doubt (most of the table's sums fail, a suspected cell, a code or name the catalogue " +
        'does not confirm).',
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
      const results = classifiedSums(ctx.doc, table, blocks);
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

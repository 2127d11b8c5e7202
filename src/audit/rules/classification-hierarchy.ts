// Arithmetic: classified rows add up level by level — 项 → 款 → 类 → 合计 — and organisation rows equal their units,
// in every amount column. Not where the reader may have paired codes wrongly: a row whose code or name the catalogue
// does not confirm, or parts that print one code twice (tables the reading self-check doubts: src/audit/doubts.ts).
import type { Rule } from '../types.js';
import { organisationBlocks } from '../support.js';
import { classifiedSums, codeInDoubt } from './classification-support.js';

export const rule: Rule = {
  meta: {
    id: 'classification-hierarchy',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In classified tables each 款 equals the sum of its 项, each 类 the sum of its 款, the 合计 the sum of the 类; ' +
        'an organisation row equals the units or classes under it; a regional sub-code row adds up to its 款, not to the 类. ' +
        'Silent over a code or name the catalogue does not confirm, parts printing one code twice, or a total equal to the sum ' +
        "of the lowest rows under it (the subtotals' rounding).",
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
      // a table the reading self-check doubts (suspected cells, many failed sums) is held back as a reading doubt by
      // src/audit/doubts.ts; here only what the catalogue says about the codes
      for (const { sum, reports } of classifiedSums(ctx.doc, table)) {
        if (!reports.length) continue;
        if ([sum.total, ...sum.parts].some((r) => codeInDoubt(ctx.doc, r))) continue;
        // the same code printed twice among the parts is a 项 whose code was cut to its 款's, or a repeated row: the
        // sum would count one figure twice
        const codes = sum.parts.filter((r) => r.classification && !r.project).map((r) => r.classification!.code);
        if (new Set(codes).size < codes.length) continue;
        for (const r of reports) ctx.report(r);
      }
    }
  },
};

// Completeness (细化程度): function tables reach 项, basic expenditure reaches economic 款, as the template declares.
// Not where the reader may have split codes wrongly: cells not placed, a code of the class the catalogue does not confirm,
// a code with no children in the catalogue, uncoded rows printed under it (children whose codes were not read), or
// a row in a sum that does not hold.
import type { Rule } from '../types.js';
import { childrenOf } from '../../catalog/codes.js';
import { rowName, rowPlace, tableName, templateOf } from '../support.js';
import { cellsInDoubt, classifiedSums, codeInDoubt } from './classification-support.js';
import type { TableRow } from '../../model/schema.js';

const LEVELS = ['class', 'section', 'item'] as const;
const LEVEL_WORD: Record<string, string> = { class: '类', section: '款', item: '项' };

export const rule: Rule = {
  meta: {
    id: 'classification-depth',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'Tables whose template declares a required depth list every non-zero row down to it: function classification to 项, ' +
        'basic expenditure by economic classification to 款 (预算法实施条例). Silent where the codes or figures may have been read wrongly.',
    },
    messages: ['classificationTooShallow'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      const tpl = templateOf(table);
      if (!tpl?.requiredDepth || !tpl.classification) continue;
      const depth = LEVELS.indexOf(tpl.requiredDepth);
      // the sum identities of the reading self-check count a missing level as a failed sum, so a shallow table is not
      // itself a doubt here; cells the reader could not place are
      if (cellsInDoubt(doc, table)) continue;
      // a row in a sum that does not hold may carry another row's figures (a misread layout): not judged
      const sums = classifiedSums(doc, table);
      const failing = sums.filter((r) => r.reports.length);
      const inFailedSum = new Set(failing.flatMap((r) => [r.sum.total, ...r.sum.parts]));
      const rows = table.rows.filter((r) => r.classification?.system === tpl.classification);
      const nonZero = (r: TableRow) => r.cells.some((c) => c.amount && c.amount.minor !== 0);
      for (const row of rows) {
        const level = LEVELS.indexOf(row.classification!.level);
        if (level >= depth || !nonZero(row)) continue;
        const code = row.classification!.code;
        const deeper = rows.some(
          (r) =>
            r !== row &&
            r.classification!.code.startsWith(code) &&
            LEVELS.indexOf(r.classification!.level) === level + 1,
        );
        if (deeper) continue;
        // a code of the same class the catalogue does not confirm may be this row's child read with a wrong code
        const cls = code.slice(0, 3);
        if (rows.some((r) => r.classification!.code.startsWith(cls) && codeInDoubt(doc, r))) continue;
        if (childrenOf(code, doc.year, row.classification!.system).length === 0) continue;
        if (inFailedSum.has(row)) continue;
        const next = table.rows[table.rows.indexOf(row) + 1];
        if (next && !next.classification && next.kind !== 'total' && next.label.trim()) continue;
        report({
          messageId: 'classificationTooShallow',
          data: { table: tableName(table), row: rowName(row), level: LEVEL_WORD[tpl.requiredDepth] },
          location: rowPlace(table, row),
          expected: `细化到${LEVEL_WORD[tpl.requiredDepth]}`,
          actual: `仅到${LEVEL_WORD[row.classification!.level]}`,
        });
      }
    }
  },
};

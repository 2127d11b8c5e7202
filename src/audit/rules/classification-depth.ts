// Completeness (细化程度): function tables reach 项, basic expenditure reaches economic 款, as the template declares.
import type { Rule } from '../types.js';
import { rowName, rowPlace, tableName, templateOf } from '../support.js';
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
        'basic expenditure by economic classification to 款 (预算法实施条例).',
    },
    messages: ['classificationTooShallow'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      const tpl = templateOf(table);
      if (!tpl?.requiredDepth || !tpl.classification) continue;
      const depth = LEVELS.indexOf(tpl.requiredDepth);
      const rows = table.rows.filter((r) => r.classification?.system === tpl.classification);
      const nonZero = (r: TableRow) => r.cells.some((c) => c.amount && c.amount.minor !== 0);
      for (const row of rows) {
        const level = LEVELS.indexOf(row.classification!.level);
        if (level >= depth || !nonZero(row)) continue;
        const code = row.classification!.code;
        const deeper = rows.some((r) => r !== row && r.classification!.code.startsWith(code) && LEVELS.indexOf(r.classification!.level) === level + 1);
        if (deeper) continue;
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

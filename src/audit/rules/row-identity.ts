// Arithmetic: inside each row the total column equals its part columns, as the template's rowIdentities declare
// (合计 = 基本 + 项目; 合计 = 人员 + 公用; 项目合计 = economic columns; 合计 = fund columns; 三公 合计 = items).
import type { Rule } from '../types.js';
import type { Amount } from '../../model/schema.js';
import { cellAmount, columnsForRow, compareSum, rowName, rowPlace, tableName, templateOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'row-identity',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        "In every row the total column equals the sum of its part columns, as declared by the table's template.",
    },
    messages: ['rowIdentityMismatch'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      const tpl = templateOf(table);
      if (table.status !== 'present' || !tpl) continue;
      const labels = new Map([...tpl.columns, ...table.columns].map((c) => [c.key, c.label]));
      for (const identity of tpl.rowIdentities) {
        for (const row of table.rows) {
          const applicable = columnsForRow(table, row);
          if (!applicable.includes(identity.total)) continue;
          const partKeys = identity.parts.filter((p) => applicable.includes(p));
          if (partKeys.length === 0) continue;
          const total = cellAmount(row, identity.total);
          const parts = partKeys.map((k) => cellAmount(row, k)).filter((a): a is Amount => a !== null);
          if (!total && parts.length === 0) continue;
          if (!total && parts.every((p) => p.minor === 0)) continue;
          const zero: Amount = { minor: 0, scale: (total ?? parts[0]).scale, unit: (total ?? parts[0]).unit, text: '' };
          const c = compareSum(total ?? zero, parts.length ? parts : [zero]);
          if (c.ok) continue;
          report({
            messageId: 'rowIdentityMismatch',
            data: {
              table: tableName(table),
              row: rowName(row),
              total: labels.get(identity.total) ?? identity.total,
              parts: partKeys.map((k) => labels.get(k) ?? k).join(' + '),
              expected: c.expected,
              actual: c.actual,
            },
            location: rowPlace(table, row),
            expected: c.expected,
            actual: c.actual,
            tolerance: c.tolerance,
          });
        }
      }
    }
  },
};

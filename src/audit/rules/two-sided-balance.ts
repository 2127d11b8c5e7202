// Arithmetic: in a two-sided table (收支总表, 财政拨款收支总表) the income total equals the expenditure total.
import type { Rule } from '../types.js';
import { cellAmount, compareEqual, primaryColumn, rowByKey, rowPlace, tableName, templateOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'two-sided-balance',
    category: 'arithmetic',
    severity: 'error',
    docs: { description: 'In a two-sided table the 收入总计 equals the 支出总计.' },
    messages: ['totalsUnbalanced'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present' || templateOf(table)?.layout !== 'two-sided') continue;
      const income = rowByKey(table, 'incomeTotal');
      const expenditure = rowByKey(table, 'expenditureTotal');
      if (!income || !expenditure) continue;
      const i = cellAmount(income, primaryColumn(table, income) ?? '');
      const e = cellAmount(expenditure, primaryColumn(table, expenditure) ?? '');
      if (!i || !e) continue;
      const c = compareEqual(e, i);
      if (c.ok) continue;
      report({
        messageId: 'totalsUnbalanced',
        data: { table: tableName(table), expected: c.expected, actual: c.actual },
        location: rowPlace(table, expenditure),
        related: [rowPlace(table, income)],
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

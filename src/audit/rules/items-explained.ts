// Narrative against tables: the 一般公共预算 使用情况 explains every non-zero 项 of the 一般公共预算支出表.
import type { Rule } from '../types.js';
import { cellAmount, findTable, rowName, rowPlace, uniqueFacts } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'items-explained',
    category: 'narrative',
    severity: 'warning',
    docs: {
      description:
        'Every non-zero 项 of the 一般公共预算支出表 is explained in the narrative (具体使用情况), with its amount.',
    },
    messages: ['itemNotExplained'],
  },
  check({ doc, report }) {
    const table = findTable(doc, 'general-budget-expenditure');
    if (!table || table.status !== 'present') return;
    const explained = new Set(
      uniqueFacts(doc)
        .filter(({ fact }) => fact.subject.kind === 'function' && fact.subject.code)
        .map(({ fact }) => fact.subject.code!),
    );
    // a narrative that names no 项 at all is judged by other rules (the parser may not have read it)
    if (![...explained].some((c) => c.length === 7)) return;
    const seen = new Set<string>();
    for (const row of table.rows) {
      const c = row.classification;
      if (!c || c.system !== 'function' || c.level !== 'item' || seen.has(c.code)) continue;
      seen.add(c.code);
      const amount = cellAmount(row, 'total');
      if (!amount || amount.minor === 0 || explained.has(c.code)) continue;
      report({
        messageId: 'itemNotExplained',
        data: { item: rowName(row) },
        location: rowPlace(table, row),
        expected: '说明该项的金额和增减',
        actual: '未说明',
      });
    }
  },
};

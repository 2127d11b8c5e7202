// Completeness: a fund table that may be empty (政府性基金, 国有资本经营) and has no figures carries a statement saying so.
import type { Rule } from '../types.js';
import { rowPlace, tableName, templateOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'empty-table-statement',
    category: 'completeness',
    severity: 'error',
    docs: { description: 'An empty 政府性基金 or 国有资本经营 table is still shown and carries an explicit statement that it is empty.' },
    messages: ['emptyTableWithoutStatement'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present' && table.status !== 'empty') continue;
      if (!templateOf(table)?.mayBeEmpty) continue;
      const hasFigures = table.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0));
      if (hasFigures || table.emptyStatement) continue;
      report({ messageId: 'emptyTableWithoutStatement', data: { table: tableName(table) }, location: rowPlace(table), expected: '空表说明', actual: '无' });
    }
  },
};

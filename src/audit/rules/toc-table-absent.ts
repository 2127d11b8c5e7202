// Completeness: a table announced in the 目录 must be in the body (or declared an attachment).
import type { Rule } from '../types.js';
import { tableTemplate } from '../../catalog/tables.js';

export const rule: Rule = {
  meta: {
    id: 'toc-table-absent',
    category: 'completeness',
    severity: 'error',
    docs: {
      description: 'Every table listed in the 目录 is present in the body, or announced as an attachment (见附表).',
    },
    messages: ['tocTableAbsent'],
  },
  check({ doc, report }) {
    for (const entry of doc.toc) {
      if (!entry.tableId) continue;
      const table = doc.tables.find((t) => t.id === entry.tableId);
      if (table && table.status !== 'absent') continue;
      report({
        messageId: 'tocTableAbsent',
        data: { table: entry.title.replace(/^[-\s]+/, '') || tableTemplate(entry.tableId).title },
        location: {
          section: '目录',
          line: entry.at?.line,
          column: entry.at?.column,
          tableId: entry.tableId,
          table: entry.title,
        },
        expected: '正文中有此表',
        actual: '正文中无此表',
      });
    }
  },
};

// Completeness: the standard table set of the document's kind, each listed in the 目录 or present in the body.
import type { Rule } from '../types.js';
import { standardTableIds, tableTemplate } from '../../catalog/tables.js';

export const rule: Rule = {
  meta: {
    id: 'required-tables',
    category: 'completeness',
    severity: 'info',
    docs: {
      description:
        'Each table of the standard set for the document kind is published (listed in the 目录 or present). ' +
        'Regional templates differ, so this is information by default; re-grade it for a region whose template requires the full set.',
    },
    messages: ['standardTableMissing'],
  },
  check({ doc, report }) {
    for (const id of standardTableIds(doc.kind)) {
      if (doc.tables.some((t) => t.id === id) || doc.toc.some((e) => e.tableId === id)) continue;
      report({
        messageId: 'standardTableMissing',
        data: { table: tableTemplate(id).title },
        location: { section: '目录' },
        expected: tableTemplate(id).title,
        actual: '无',
      });
    }
  },
};

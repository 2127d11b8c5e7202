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
        'Regional templates differ, so this is information by default; re-grade it for a region whose template requires the full set. ' +
        'A table printed blank (a header and 合计 without one figure) is noted as such: published, but with nothing to check.',
    },
    messages: ['standardTableMissing', 'standardTablePrintedBlank'],
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
    for (const t of doc.tables) {
      const tpl = tableTemplate(t.id);
      if (t.status !== 'empty' || t.emptyStatement || tpl.mayBeEmpty) continue;
      if (t.rows.some((r) => r.cells.some((c) => c.amount))) continue;
      report({
        messageId: 'standardTablePrintedBlank',
        data: { table: t.title || tpl.title },
        location: { tableId: t.id, table: t.title || tpl.title, ...(t.at ? { line: t.at.line } : {}) },
        expected: '表中数字',
        actual: '只有表头和合计行',
      });
    }
  },
};

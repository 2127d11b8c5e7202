// Names and units: every table states its money unit, and the tables of one document use the same unit.
import type { Rule } from '../types.js';
import { rowPlace, tableName } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'table-unit',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'Every table with figures states its money unit (单位：万元), and all tables of a document use the same unit.',
    },
    messages: ['tableUnitMissing', 'tableUnitDiffers'],
  },
  check({ doc, report }) {
    const withFigures = doc.tables.filter(
      (t) => t.status === 'present' && t.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0)),
    );
    const units = withFigures.map((t) => t.unit).filter((u): u is '万元' | '元' => Boolean(u));
    const usual = units.filter((u) => u === '万元').length >= units.length / 2 ? '万元' : '元';
    for (const table of withFigures) {
      if (!table.unit) {
        report({
          messageId: 'tableUnitMissing',
          data: { table: tableName(table) },
          location: rowPlace(table),
          expected: '单位：万元',
          actual: '未标明',
        });
      } else if (table.unit !== usual) {
        report({
          messageId: 'tableUnitDiffers',
          data: { table: tableName(table), expected: usual, actual: table.unit },
          location: rowPlace(table),
          expected: usual,
          actual: table.unit,
        });
      }
    }
  },
};

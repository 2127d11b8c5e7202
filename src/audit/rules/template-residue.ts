// Completeness: no template residue — placeholders (XX, ××, 某某, {单位}) or an amount left blank before 万元.
import type { Rule } from '../types.js';
import { allParagraphs, placeInParagraph, placeOf, rowPlace, sectionName } from '../support.js';

const PLACEHOLDER = /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+|×{2,}|某某|[{｛][^}｝]{1,12}[}｝])(?![A-Za-z])/g;
/** a money word followed directly by the unit with nothing in between ("其他资金 万元") */
const BLANK_AMOUNT = /(资金|金额|预算|总额|拨款|经费)[：:为]?[ \t\u3000]*万?元[。，,；;]/g;

export const rule: Rule = {
  meta: {
    id: 'template-residue',
    category: 'completeness',
    severity: 'warning',
    docs: {
      description:
        'The text carries no template residue: placeholders (XX, ××, 某某, {单位}) or amounts left blank ("其他资金 万元").',
    },
    messages: ['placeholderResidue', 'blankAmount', 'blankValue'],
  },
  check({ doc, report }) {
    const texts = [
      { text: doc.title.text, at: doc.title.at, section: undefined as string | undefined },
      ...allParagraphs(doc).map((p) => ({
        text: p.text,
        at: p.at,
        section: p.section ? sectionName(p.section) : undefined,
      })),
      ...doc.performance.targets.map((t) => ({ text: t.goal ?? '', at: t.at, section: '预算绩效' })),
    ];
    for (const t of texts) {
      for (const m of t.text.matchAll(PLACEHOLDER)) {
        report({
          messageId: 'placeholderResidue',
          data: { text: m[0] },
          location: { section: t.section, ...placeInParagraph(t.at, t.text, m.index ?? 0) },
          actual: m[0],
        });
      }
      for (const m of t.text.matchAll(BLANK_AMOUNT)) {
        if (/[\d０-９]\s*$/.test(t.text.slice(0, m.index ?? 0))) continue;
        report({
          messageId: 'blankAmount',
          data: { text: m[0] },
          location: { section: t.section, ...placeInParagraph(t.at, t.text, m.index ?? 0) },
          actual: m[0],
          expected: '金额',
        });
      }
    }
    // the reader notes blanks it saw in tables that the model keeps no text of (绩效目标表 "其他资金 万元")
    for (const w of doc.warnings) {
      if (!/blank-value|placeholder/.test(w.code)) continue;
      report({
        messageId: 'blankValue',
        data: { text: w.message },
        location: placeOf(w.at),
        actual: '空白',
        expected: '填写内容',
      });
    }
    for (const table of doc.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          if (cell.amount || !cell.text) continue;
          const m = cell.text.match(PLACEHOLDER);
          if (m)
            report({
              messageId: 'placeholderResidue',
              data: { text: m[0] },
              location: { ...rowPlace(table, row), table: table.title, row: row.label },
              actual: m[0],
            });
        }
      }
    }
  },
};

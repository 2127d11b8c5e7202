// Names: every printed classification code carries its official name in that fiscal year's 政府收支分类科目
// (功能分类 类/款/项, 部门/政府预算支出经济分类 类/款), checked against the catalogue shipped in src/catalog/codes.
// Only what the catalogue has seen printed for that year makes an error; unknown codes, other editions' names and
// remembered names are the classification-code-unconfirmed rule's warnings.
import type { Rule } from '../types.js';
import type { FindingPlace } from '../types.js';
import { resolveFunctionNames } from '../../catalog/codes.js';
import { factPlace, rowPlace } from '../support.js';
import { judgeRow, narrativeNamePaths } from './classification-support.js';

export const rule: Rule = {
  meta: {
    id: 'classification-code',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        "Every function code (类/款/项) and economic code printed in a table is paired with its official name in the fiscal year's " +
        'classification, where the catalogue has that name from a printed document or a notice. Narrative 类/款/项 name paths must ' +
        'name real entries.',
    },
    messages: ['codeNameMismatch', 'narrativeNameUnknown'],
  },
  check({ doc, report }) {
    // one finding per wrong pair in the document; its other printings are related places
    const found = new Map<
      string,
      { place: FindingPlace; related: FindingPlace[]; emit: (related: FindingPlace[]) => void }
    >();
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      for (const row of table.rows) {
        const c = row.classification;
        if (!c || !row.label.trim()) continue;
        const v = judgeRow(doc, row);
        // a malformed code (an organisation code, a 款 printed short) is the reader's, never the document's
        if (v.kind !== 'mismatch') continue;
        const label = row.label.replace(/\s+/g, '');
        const key = `${c.system}:${c.code}:${label}`;
        const place = rowPlace(table, row);
        const seen = found.get(key);
        if (seen) {
          seen.related.push(place);
          continue;
        }
        const emit = (related: FindingPlace[]) =>
          report({
            messageId: 'codeNameMismatch',
            data: { code: c.code, expected: v.entry.name, actual: label, year: doc.year, note: v.note },
            location: place,
            related,
            expected: `${c.code} ${v.entry.name}`,
            actual: `${c.code} ${label}`,
          });
        found.set(key, { place, related: [], emit });
      }
    }
    for (const f of found.values()) f.emit(f.related);
    for (const { section, fact, names, verdict } of narrativeNamePaths(doc)) {
      if (verdict !== 'wrong' || resolveFunctionNames(names, doc.year)) continue;
      report({
        messageId: 'narrativeNameUnknown',
        data: { names: names.join(' / '), year: doc.year },
        location: factPlace(section, fact),
        expected: `${doc.year}年功能分类科目名称`,
        actual: names.join(' / '),
      });
    }
  },
};

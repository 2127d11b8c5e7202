// Names (warnings): printed classification codes and names that neither the catalogue nor the reading can confirm —
// a well-formed code the year's catalogue lacks, a code only earlier editions list, another edition's name, a name cut
// short, a name that belongs to another code, a name the catalogue only remembers. Never errors: the catalogue is
// incomplete and regions add codes; a person checks them against the year's 政府收支分类科目.
import type { FindingPlace, Report, Rule } from '../types.js';
import { factPlace, rowPlace } from '../support.js';
import { judgeRow, narrativeNamePaths } from './classification-support.js';

export const rule: Rule = {
  meta: {
    id: 'classification-code-unconfirmed',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'Printed codes and names the catalogue cannot confirm for the fiscal year: unknown but well-formed codes, codes only earlier ' +
        "editions list, another edition's name, truncated names, names of other codes, names the catalogue only remembers, and " +
        'narrative 类/款/项 paths with names it does not know. One warning per code and name in a document.',
    },
    messages: [
      'codeUnconfirmed',
      'codeRetired',
      'codeOtherEditionName',
      'codeNameCut',
      'codeNameOfOtherCode',
      'codeNameUnconfirmed',
      'narrativeNameUnconfirmed',
    ],
  },
  check({ doc, report }) {
    const found = new Map<string, { report: Report; related: FindingPlace[] }>();
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      for (const row of table.rows) {
        const c = row.classification;
        if (!c || !row.label.trim()) continue;
        const v = judgeRow(doc, row);
        const label = row.label.replace(/\s+/g, '');
        const place = rowPlace(table, row);
        let r: Report | undefined;
        const base = { code: c.code, actual: label, name: label, year: doc.year };
        switch (v.kind) {
          case 'unknown': {
            const other = (v.status.editions ?? []).filter((e) => e !== doc.year);
            const note = other.length
              ? `（见于 ${other.join('、')} 年版）`
              : v.status.parent
                ? `（上级科目 ${v.status.parent.code} ${v.status.parent.name} 已收录）`
                : '';
            r = {
              messageId: 'codeUnconfirmed',
              data: { ...base, note },
              location: place,
              expected: `${doc.year}年科目中的编码`,
              actual: `${c.code} ${label}`,
            };
            break;
          }
          case 'retired':
            r = {
              messageId: 'codeRetired',
              data: { ...base, editions: (v.status.editions ?? []).join('、') },
              location: place,
              actual: `${c.code} ${label}`,
            };
            break;
          case 'other-edition':
            r = {
              messageId: 'codeOtherEditionName',
              data: { ...base, expected: v.entry.name, editions: v.editions.join('、') },
              location: place,
              expected: `${c.code} ${v.entry.name}`,
              actual: `${c.code} ${label}`,
            };
            break;
          case 'truncated':
            r = {
              messageId: 'codeNameCut',
              data: { ...base, expected: v.entry.name },
              location: place,
              expected: `${c.code} ${v.entry.name}`,
              actual: `${c.code} ${label}`,
            };
            break;
          case 'other-code':
            r = {
              messageId: 'codeNameOfOtherCode',
              data: { ...base, codes: v.codes.slice(0, 3).join('、') },
              location: place,
              expected: `${c.code} ${v.entry.name}`,
              actual: `${c.code} ${label}`,
            };
            break;
          case 'unconfirmed-name':
            r = {
              messageId: 'codeNameUnconfirmed',
              data: { ...base, expected: v.entry.name },
              location: place,
              expected: `${c.code} ${v.entry.name}`,
              actual: `${c.code} ${label}`,
            };
            break;
          default:
            break;
        }
        if (!r) continue;
        const key = `${c.system}:${c.code}:${label}`;
        const seen = found.get(key);
        if (seen) seen.related.push(place);
        else found.set(key, { report: r, related: [] });
      }
    }
    for (const f of found.values()) report({ ...f.report, related: f.related.slice(0, 12) });
    for (const { section, fact, names, verdict } of narrativeNamePaths(doc)) {
      if (verdict !== 'unconfirmed') continue;
      report({
        messageId: 'narrativeNameUnconfirmed',
        data: { names: names.join(' / '), year: doc.year },
        location: factPlace(section, fact),
        actual: names.join(' / '),
      });
    }
  },
};

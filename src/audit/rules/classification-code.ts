// Names: every printed classification code carries its official name in that fiscal year's 政府收支分类科目
// (功能分类 类/款/项, 部门预算支出经济分类 类/款), checked against the catalogue shipped in src/catalog/codes.
import type { Rule } from '../types.js';
import { lookupEconomic, lookupFunction, nameMatches, namesAcrossEditions, normaliseName, resolveFunctionNames } from '../../catalog/codes.js';
import { factPlace, rowPlace, tableName, uniqueFacts } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'classification-code',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        "Every function code (类/款/项) and economic code printed in a table is paired with its official name in the fiscal year's " +
        'classification; a code unknown to that year is reported too. Narrative 类/款/项 name paths must name real entries.',
    },
    messages: ['codeNameMismatch', 'codeNameTruncated', 'codeUnknown', 'narrativeNameUnknown'],
  },
  check({ doc, report }) {
    const seen = new Set<string>();
    for (const table of doc.tables) {
      if (table.status !== 'present') continue;
      for (const row of table.rows) {
        const c = row.classification;
        if (!c || !row.label.trim()) continue;
        const key = `${c.system}:${c.code}:${row.label.replace(/\s+/g, '')}`;
        const result = nameMatches(c.code, row.label, doc.year, c.system);
        if (result === 'exact' || result === 'alias') continue;
        if (result === 'unknown-code') {
          report({
            messageId: 'codeUnknown',
            data: { code: c.code, name: row.label, year: doc.year, table: tableName(table) },
            location: rowPlace(table, row),
            expected: `${doc.year}年科目中的编码`,
            actual: `${c.code} ${row.label}`,
          });
          continue;
        }
        const entry = c.system === 'function' ? lookupFunction(c.code, doc.year) : lookupEconomic(c.code, doc.year);
        if (!entry) continue;
        // one report per pair and table; the same wrong pair in several tables is reported in each
        const perTable = `${key}@${table.id}`;
        if (seen.has(perTable)) continue;
        seen.add(perTable);
        const printed = normaliseName(row.label);
        const official = normaliseName(entry.name);
        if (printed.length >= 4 && official.startsWith(printed)) {
          report({
            messageId: 'codeNameTruncated',
            data: { code: c.code, expected: entry.name, actual: row.label.replace(/\s+/g, ''), table: tableName(table) },
            location: rowPlace(table, row),
            expected: `${c.code} ${entry.name}`,
            actual: `${c.code} ${row.label.replace(/\s+/g, '')}`,
          });
          continue;
        }
        const former = namesAcrossEditions(c.code, c.system).find((n) => n.name.replace(/\s+/g, '') === row.label.replace(/\s+/g, ''));
        report({
          messageId: 'codeNameMismatch',
          data: {
            code: c.code,
            expected: entry.name,
            actual: row.label.replace(/\s+/g, ''),
            year: doc.year,
            note: former ? `（"${former.name}"是${former.editions.join('、')}年版科目名称）` : '',
          },
          location: rowPlace(table, row),
          expected: `${c.code} ${entry.name}`,
          actual: `${c.code} ${row.label.replace(/\s+/g, '')}`,
        });
      }
    }
    for (const { section, fact } of uniqueFacts(doc)) {
      const s = fact.subject;
      if (s.kind !== 'function' || !s.names?.length) continue;
      if (resolveFunctionNames(s.names, doc.year)) continue;
      if (s.code && s.names.length === 1 && nameMatches(s.code, s.names[0], doc.year, 'function') !== 'mismatch') continue;
      report({
        messageId: 'narrativeNameUnknown',
        data: { names: s.names.join(' / '), year: doc.year },
        location: factPlace(section, fact),
        expected: `${doc.year}年功能分类科目名称`,
        actual: s.names.join(' / '),
      });
    }
  },
};

// Names: the fiscal year is consistent — table headers, "20XX年预算数" statements and the 资产 date fit the document's year.
import type { Rule } from '../types.js';
import { factPlace, placeOf, rowPlace, uniqueFacts } from '../support.js';

/**
 * "2026 年度收入预算 … 比 2025 年年初预算增加 …": the other year is the basis of a comparison, printed after 比/较/与, and
 * the sentence names the document's own year too; the figure is of the document's year.
 */
function comparisonYear(text: string, year: number, own: number): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    new RegExp(`(比|较|与|同比|相比|对比)${year}年`).test(t) ||
    (t.includes(`${own}年`) && new RegExp(`${year}年(年初|全年)?(预算|决算|执行)?(相比|比较|减少|增加|持平)`).test(t))
  );
}

export const rule: Rule = {
  meta: {
    id: 'fiscal-year',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        "Every year printed with a current figure (\"2022年预算数为…\"), every table's 预算年度 and the parts' titles name the document's " +
        'fiscal year; a 2021 figure in a 2022 budget is stated as 上年.',
    },
    messages: ['factYearWrong', 'tableYearWrong', 'partYearWrong'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (fact.year === undefined || fact.year === doc.year) continue;
      if (comparisonYear(fact.text, fact.year, doc.year)) continue;
      // a budget states the previous year's execution ("2023年当年预算执行数为60.13万元" in a 2024 budget)
      if (doc.kind === 'budget' && fact.year === doc.year - 1 && /执行|决算|实际/.test(`${fact.label}${fact.text}`))
        continue;
      report({
        messageId: 'factYearWrong',
        data: { label: fact.label, expected: doc.year, actual: fact.year },
        location: factPlace(section, fact),
        expected: `${doc.year}年`,
        actual: `${fact.year}年`,
      });
    }
    for (const table of doc.tables) {
      if (table.year === undefined || table.year === doc.year) continue;
      report({
        messageId: 'tableYearWrong',
        data: { table: table.title, expected: doc.year, actual: table.year },
        location: rowPlace(table),
        expected: `${doc.year}年`,
        actual: `${table.year}年`,
      });
    }
    for (const part of [...doc.parts, ...doc.toc.filter((e) => e.part === undefined && !e.tableId)]) {
      const m = part.title.match(/(20\d{2})\s*年/);
      if (!m || Number(m[1]) === doc.year) continue;
      report({
        messageId: 'partYearWrong',
        data: { title: part.title, expected: doc.year, actual: m[1] },
        location: placeOf(part.at, part.title),
        expected: `${doc.year}年`,
        actual: `${m[1]}年`,
      });
    }
  },
};

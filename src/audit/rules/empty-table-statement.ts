// Completeness: a fund table that may be empty (政府性基金, 国有资本经营) and has no figures carries a statement saying so.
import type { Rule } from '../types.js';
import type { Disclosure, Table } from '../../model/schema.js';
import { allParagraphs, compactText, rowPlace, tableName, templateOf } from '../support.js';

const FUNDS = [/政府性基金/, /国有资本经营/];
// "国有资本经营预算拨款收入 0 元" (北京) states the fund's zero as plainly as 0万元 or 0.00
const NONE = /为0(?![.\d])|为零|0\.00|(?<![\d.])0(?:\.0+)?(?:万元|元)|无|没有|未安排|不涉及|空表/;

/** The 情况说明 says the table's fund has nothing ("政府性基金拨款支出预算为0", "本单位无政府性基金安排的支出"). */
function statedInNarrative(doc: Disclosure, table: Table): boolean {
  const fund = FUNDS.find((f) => f.test(table.title) || f.test(templateOf(table)?.title ?? ''));
  if (!fund) return false;
  return allParagraphs(doc).some((p) =>
    compactText(p.text)
      .split(/[。；;]/)
      .some((s) => fund.test(s) && NONE.test(s.slice(s.search(fund)))),
  );
}

export const rule: Rule = {
  meta: {
    id: 'empty-table-statement',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'An empty 政府性基金 or 国有资本经营 table is still shown and carries an explicit statement that it is empty, on the table or in the ' +
        '情况说明 ("政府性基金拨款支出预算为0", "本单位无政府性基金安排的支出").',
    },
    messages: ['emptyTableWithoutStatement'],
  },
  check({ doc, report }) {
    for (const table of doc.tables) {
      if (table.status !== 'present' && table.status !== 'empty') continue;
      if (!templateOf(table)?.mayBeEmpty) continue;
      const hasFigures = table.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0));
      if (hasFigures || table.emptyStatement || statedInNarrative(doc, table)) continue;
      report({
        messageId: 'emptyTableWithoutStatement',
        data: { table: tableName(table) },
        location: rowPlace(table),
        expected: '空表说明',
        actual: '无',
      });
    }
  },
};

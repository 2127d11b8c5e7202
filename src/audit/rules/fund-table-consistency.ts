// Across tables: an empty 政府性基金/国有资本经营 table goes with zero fund figures elsewhere, and a filled one with non-zero.
import type { Rule } from '../types.js';
import type { Disclosure } from '../../model/schema.js';
import { cellAmount, findTable, rowByKey, rowPlace, tableName } from '../support.js';
import type { FindingPlace } from '../types.js';
import { FUND_TABLES as FUNDS, type FundPrint } from '../../catalog/identities.js';

function nonZeroElsewhere(doc: Disclosure, spec: FundPrint): FindingPlace | null | undefined {
  const table = findTable(doc, spec.table);
  if (!table || table.status !== 'present') return undefined;
  if (spec.rowKey) {
    const row = rowByKey(table, spec.rowKey);
    if (!row) return undefined;
    return row.cells.some((c) => c.amount && c.amount.minor !== 0) ? rowPlace(table, row) : null;
  }
  const row = table.rows.find((r) => (cellAmount(r, spec.column!)?.minor ?? 0) !== 0);
  return row ? rowPlace(table, row) : null;
}

/** A non-zero row of the fund among the parts of 上年结转结余 (the rows after it on the income side). */
function carriedOver(doc: Disclosure, spec: (typeof FUNDS)[number]['carriedOver']): FindingPlace | undefined {
  for (const id of spec.tables) {
    const table = findTable(doc, id);
    if (!table || table.status !== 'present') continue;
    const from = table.rows.findIndex((r) => r.key === 'priorYearBalance');
    if (from < 0) continue;
    const row = table.rows
      .slice(from + 1)
      .find(
        (r) =>
          r.side !== 'expenditure' &&
          !r.key &&
          spec.label.test(r.label) &&
          r.cells.some((c) => c.amount && c.amount.minor !== 0),
      );
    if (row) return rowPlace(table, row);
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'fund-table-consistency',
    category: 'cross-table',
    severity: 'error',
    docs: {
      description:
        'A 政府性基金 or 国有资本经营 table is empty exactly when that fund is zero in the 收支总表, 收入总表 and 财政拨款收支总表; ' +
        'a filled table whose fund is zero this year but carried over from last year (上年结转结余 of that fund) is consistent.',
    },
    messages: ['emptyFundTableButFigures', 'fundTableButNoFigures'],
  },
  check({ doc, report }) {
    for (const f of FUNDS) {
      const table = findTable(doc, f.table);
      if (!table) continue;
      const filled = table.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0));
      const places = f.elsewhere.map((e) => nonZeroElsewhere(doc, e));
      const nonZero = places.filter((p): p is FindingPlace => Boolean(p));
      const checked = places.filter((p) => p !== undefined).length;
      if (!filled && nonZero.length) {
        report({
          messageId: 'emptyFundTableButFigures',
          data: { fund: f.fund, table: tableName(table) },
          location: rowPlace(table),
          related: nonZero,
          expected: '此表有数据',
          actual: '空表',
        });
      } else if (filled && checked > 0 && nonZero.length === 0 && !carriedOver(doc, f.carriedOver)) {
        report({
          messageId: 'fundTableButNoFigures',
          data: { fund: f.fund, table: tableName(table) },
          location: rowPlace(table),
          expected: '其他表中该资金不为零',
          actual: '其他表中为零',
        });
      }
    }
  },
};

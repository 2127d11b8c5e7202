// Across tables: the same quantity printed in two tables agrees — function classes in 收支总表/支出总表/收入总表, the
// general budget by class in 财政拨款收支总表 and 一般公共预算支出表, the 基本支出 and 项目支出 totals and per-项 project sums.
// Which tables print which quantity is catalogue data (catalog/identities.ts TABLE_AGREEMENTS), not branches on names.
import type { Rule } from '../types.js';
import type { Amount, Disclosure, Table, TableRow } from '../../model/schema.js';
import {
  cellAmount,
  compareEqual,
  compareSum,
  findTable,
  grandTotalRow,
  levelIndex,
  organisationBlocks,
  primaryColumn,
  rowByKey,
  rowPlace,
  tableName,
} from '../support.js';
import { onlyGeneralBudget } from '../figures.js';
import type { FindingPlace } from '../types.js';
import {
  TABLE_AGREEMENTS as AGREEMENTS,
  type AgreementSource as Source,
  type TableAgreement as Agreement,
} from '../../catalog/identities.js';

interface Figure {
  amounts: Amount[];
  rows: TableRow[];
  table: Table;
}

/** Classified rows outside organisation blocks that group other organisations (their rows would count twice). */
function classifiedRows(table: Table, side?: string): TableRow[] {
  const blocks = organisationBlocks(table);
  const rows = blocks.flatMap((b) => b.rows);
  return rows.filter((r) => r.classification?.system === 'function' && (!side || !r.side || r.side === side));
}

function figures(doc: Disclosure, agreement: Agreement, source: Source): Map<string, Figure> | undefined {
  const table = findTable(doc, source.table);
  if (!table || table.status !== 'present') return undefined;
  const out = new Map<string, Figure>();
  const add = (key: string, row: TableRow) => {
    const column = source.column === 'primary' ? primaryColumn(table, row) : source.column;
    const amount = column ? cellAmount(row, column) : null;
    const f = out.get(key) ?? { amounts: [], rows: [], table };
    if (amount) f.amounts.push(amount);
    f.rows.push(row);
    out.set(key, f);
  };
  if (agreement.per === 'total') {
    const row = source.rowKey ? rowByKey(table, source.rowKey) : grandTotalRow(table);
    if (!row) return undefined;
    if (source.column !== 'primary' && cellAmount(row, source.column) === null) return undefined;
    add('total', row);
    return out;
  }
  const rows = classifiedRows(table, source.side);
  if (rows.length === 0) return undefined;
  // a listing of 项 without their 类 rows (北京's 支出总表 by function × economic code) prints no class figures
  if (agreement.per === 'class' && !rows.some((r) => levelIndex(r) === 0)) return undefined;
  // a table printed without this column (a 财政拨款收支总表 with one amount column) has nothing to compare
  if (source.column !== 'primary' && !rows.some((r) => cellAmount(r, source.column) !== null)) return undefined;
  for (const row of rows) {
    if (agreement.per === 'class' && levelIndex(row) !== 0) continue;
    const code = row.classification!.code;
    // a 项 printed once per project is summed; a plain subtotal row of the 项 is preferred when present
    const plain = rows.some((r) => r !== row && r.classification!.code === code && !r.project);
    if (row.project && plain) continue;
    add(code, row);
  }
  return out;
}

function compare(a: Amount[], b: Amount[]) {
  const zero = (like?: Amount): Amount => ({ minor: 0, scale: like?.scale ?? 0, unit: like?.unit ?? '万元', text: '' });
  if (a.length <= 1 && b.length <= 1) return compareEqual(b[0] ?? zero(a[0]), a[0] ?? zero(b[0]));
  if (a.length === 1) return compareSum(a[0], b.length ? b : [zero(a[0])]);
  if (b.length === 1) return compareSum(b[0], a.length ? a : [zero(b[0])]);
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'cross-table-agreement',
    category: 'cross-table',
    severity: 'error',
    docs: {
      description:
        'The same quantity printed in two tables agrees: function classes across 收支总表, 支出总表, 收入总表; the general budget by ' +
        'class in 财政拨款收支总表 and 一般公共预算支出表; 基本支出表 and 项目支出表 totals against the 基本支出/项目支出 columns; ' +
        'per-项 project sums.',
    },
    messages: ['tablesDisagree'],
  },
  check({ doc, report }) {
    const allGeneral = onlyGeneralBudget(doc);
    for (const agreement of AGREEMENTS) {
      if (agreement.onlyWhenAllGeneralBudget && !allGeneral) continue;
      const sets = agreement.sources
        .map((s) => ({ source: s, figures: figures(doc, agreement, s) }))
        .filter((x) => x.figures);
      if (sets.length < 2) continue;
      const [base, ...others] = sets;
      for (const other of others) {
        const keys = new Set([...base.figures!.keys(), ...other.figures!.keys()]);
        for (const key of keys) {
          const a = base.figures!.get(key);
          const b = other.figures!.get(key);
          // a class a table does not print at all is zero there only when the table lists every class it has
          const aAmounts = a?.amounts ?? [];
          const bAmounts = b?.amounts ?? [];
          if (aAmounts.every((x) => x.minor === 0) && bAmounts.every((x) => x.minor === 0)) continue;
          const c = compare(aAmounts, bAmounts);
          if (!c || c.ok) continue;
          const anyRow = (b ?? a)!.rows[0];
          const baseTable = findTable(doc, base.source.table)!;
          const otherTable = findTable(doc, other.source.table)!;
          const location: FindingPlace = b
            ? rowPlace(otherTable, b.rows[0])
            : rowPlace(otherTable, undefined, undefined, { line: false });
          const related: FindingPlace[] = a
            ? [rowPlace(baseTable, a.rows[0])]
            : [rowPlace(baseTable, undefined, undefined, { line: false })];
          report({
            messageId: 'tablesDisagree',
            data: {
              what: agreement.name,
              item: key === 'total' ? '合计' : `${key} ${anyRow.label}`,
              table: tableName(otherTable),
              other: tableName(baseTable),
              expected: c.expected,
              actual: c.actual,
            },
            location,
            related,
            expected: c.expected,
            actual: c.actual,
            tolerance: c.tolerance,
          });
        }
      }
    }
  },
};

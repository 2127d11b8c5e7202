// A narrative subject's figure resolved in the tables: the sources are catalogue data (catalog/figure-sources.ts),
// tried in order of preference by the section's topic. Rules resolve facts through this.
import type { Amount, Disclosure, Subject, Table, TableRow } from '../model/schema.js';
import { cellAmount, findTable, grandTotalRow, primaryColumn, rowByKey, rowPlace } from './support.js';
import type { FindingPlace } from './types.js';
import {
  ALL_FUNDS_TOPICS,
  SUBJECT_FIGURE_SOURCES as SOURCES,
  type FigureScope as Scope,
  type FigureSource,
} from '../catalog/figure-sources.js';

export type { FigureSource };

export interface ResolvedFigure {
  amount: Amount;
  table: Table;
  row: TableRow;
  place: FindingPlace;
}

function scopeOf(topic: string | undefined, subject: Subject): Scope {
  if (
    subject.kind === 'fund' &&
    subject.key &&
    subject.key !== 'generalBudget' &&
    subject.key !== 'governmentFund' &&
    subject.key !== 'stateCapital'
  )
    return 'allFunds';
  return topic && ALL_FUNDS_TOPICS.has(topic) ? 'allFunds' : 'generalBudget';
}

function rowFor(table: Table, source: FigureSource, subject: Subject): TableRow | undefined {
  if (source.row === 'grandTotal') return grandTotalRow(table);
  if (source.row === 'single')
    return (
      table.rows.find((r) => r.key === 'budget' && r.cells.some((c) => c.amount)) ??
      table.rows.find((r) => r.kind !== 'organisation' && r.cells.some((c) => c.amount))
    );
  if (source.row === 'byCode') {
    if (subject.kind === 'fund') return subject.key ? rowByKey(table, subject.key) : undefined;
    if (!subject.code) {
      // an economic 款 named without its code ("基本工资 324.15万元") is found by its printed name
      const name = subject.kind === 'economic' ? subject.names?.[subject.names.length - 1] : undefined;
      if (!name) return undefined;
      const wanted = name.normalize('NFKC').replace(/\s+/g, '');
      const hits = table.rows.filter(
        (r) =>
          r.classification?.system === 'economic' &&
          r.classification.level === 'section' &&
          r.label.normalize('NFKC').replace(/\s+/g, '') === wanted,
      );
      return hits.length === 1 ? hits[0] : undefined;
    }
    // the same code may be printed in several organisation blocks; the first is the department's own or the only one
    return table.rows.find((r) => r.classification?.code === subject.code && !r.project) ?? undefined;
  }
  return rowByKey(table, source.row.key);
}

/** The table figure a narrative fact names, when the document prints it. */
export function resolveFigure(
  doc: Disclosure,
  subject: Subject,
  topic: string | undefined,
): ResolvedFigure | undefined {
  return resolveFigures(doc, subject, topic)[0];
}

/**
 * Every table figure the subject may name, in order of preference: "收入预算" is the 本年收入合计 in one template
 * and the 收入总计 (with 上年结转) in another (北京), so a statement that matches any of them states its figure.
 */
export function resolveFigures(doc: Disclosure, subject: Subject, topic: string | undefined): ResolvedFigure[] {
  const found: ResolvedFigure[] = [];
  const bySubject = SOURCES[subject.kind];
  if (!bySubject) return found;
  const scope = scopeOf(topic, subject);
  const other: Scope = scope === 'allFunds' ? 'generalBudget' : 'allFunds';
  // a budget whose money is all general budget prints the same figures in both scopes
  const allGeneral = onlyGeneralBudget(doc);
  const candidates = [...(bySubject[scope] ?? []), ...(allGeneral ? (bySubject[other] ?? []) : [])];
  for (const source of candidates) {
    const table = findTable(doc, source.table);
    if (!table || table.status !== 'present') continue;
    const row = rowFor(table, source, subject);
    if (!row) continue;
    const column =
      source.column === 'primary'
        ? primaryColumn(table, row)
        : source.column === 'bySubjectKey'
          ? subject.key
          : source.column;
    if (!column) continue;
    // a table that does not print the column (a 基本支出表 with one 金额 column) does not state the figure
    if (table.columns.length > 0 && !table.columns.some((c) => c.key === column) && cellAmount(row, column) === null)
      continue;
    const amount =
      cellAmount(row, column) ??
      (row.cells.length ? { minor: 0, scale: 0, unit: table.unit ?? '万元', text: '' } : null);
    if (!amount) continue;
    found.push({ amount, table, row, place: rowPlace(table, row) });
  }
  return found;
}

const FUND_WORDS: Record<string, RegExp> = {
  generalBudget: /一般公共预算/,
  governmentFund: /政府性基金/,
  stateCapital: /国有资本经营/,
};

/**
 * The same fund's 上年结转 in a two-sided table (the income rows after 上年结转 that name the fund): 重庆 states
 * "一般公共预算财政拨款收入 X，一般公共预算财政拨款支出 X", the fund's income with its carry-over.
 */
export function fundCarryOver(table: Table, fundKey: string): TableRow | undefined {
  const words = FUND_WORDS[fundKey];
  if (!words) return undefined;
  const start = table.rows.findIndex((r) => r.key === 'priorYearBalance');
  if (start < 0) return undefined;
  for (const r of table.rows.slice(start + 1)) {
    if (r.side === 'expenditure') continue;
    if (r.key) break;
    if (words.test(r.label)) return r;
  }
  return undefined;
}

/** True when the 收支总表 shows no money outside the general budget (then both scopes print the same figures). */
export function onlyGeneralBudget(doc: Disclosure): boolean {
  const summary = findTable(doc, 'income-expenditure-summary');
  if (!summary) return false;
  const total = rowByKey(summary, 'incomeTotal');
  const gb = rowByKey(summary, 'generalBudget');
  if (!total || !gb) return false;
  const col = primaryColumn(summary, total);
  const a = col ? cellAmount(total, col) : null;
  const b = col ? cellAmount(gb, col) : null;
  if (!a || !b) return false;
  const scale = Math.max(a.scale, b.scale);
  return a.minor * 10 ** (scale - a.scale) === b.minor * 10 ** (scale - b.scale) && a.unit === b.unit;
}

const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算/g;
/** Expenses a sentence may state on their own, which no total or class row is. */
const NAMED_EXPENSES = [
  /会议费/,
  /培训费/,
  /委托业务费/,
  /差旅费/,
  /印刷费/,
  /咨询费/,
  /物业管理费/,
  /维修\(护\)费|维修费|维护费/,
  /租赁费/,
  /劳务费/,
  /办公费/,
  /专用材料费/,
];

/**
 * Does the label name the same subject and the same kind of quantity as the table row? A sentence about 会议费 or
 * 培训费, about 上年结转 or the 上年 figure, about a 预算 figure in a final account, or about the 项目支出 (or 基本支出)
 * part of a class is not a statement of the row's amount, whatever subject the reader gave it.
 */
export function sameQuantity(
  label: string,
  row: string,
  kind: 'budget' | 'final_account',
  subjectKind: string,
): boolean {
  const l = label.replace(/\s+/g, '');
  const r = row.replace(/\s+/g, '');
  for (const word of NAMED_EXPENSES) if (word.test(l) !== word.test(r)) return false;
  if (/上年|结转|结余/.test(l) !== /上年|结转|结余/.test(r)) return false;
  if (kind === 'final_account' && /预算/.test(l.replace(FUND_NAMES, '')) && !/决算/.test(l)) return false;
  if ((subjectKind === 'function' || subjectKind === 'economic') && /(项目|基本)支出中|其中.*(项目|基本)支出/.test(l))
    return false;
  // "政府性基金预算财政拨款收入" is one fund's income, not the total of every fund the reader may have taken it for
  if (subjectKind !== 'fund' && /政府性基金|国有资本经营/.test(l) && !/政府性基金|国有资本经营/.test(r)) return false;
  return true;
}

// The key figures a reader asks first, in 万元: from the tables when present, else from the narrative.
import type { Amount, Disclosure, Fact, Figures, Table, TableId } from '../model/schema.js';
import { toJsonNumber, toWan } from '../model/money.js';
import { flatMap } from './arrays.js';

type Doc = Omit<Disclosure, 'figures'>;

function num(a: Amount | null | undefined): number | undefined {
  return a ? toJsonNumber(toWan(a)) : undefined;
}

function table(doc: Doc, ...ids: TableId[]): Table | undefined {
  for (const id of ids) {
    const t = doc.tables.find((x) => x.id === id && x.status === 'present');
    if (t) return t;
  }
  return undefined;
}

function cell(
  t: Table | undefined,
  rowPick: (r: Table['rows'][number]) => boolean,
  column: string,
): Amount | undefined {
  const row = t?.rows.find(rowPick);
  return row?.cells.find((c) => c.column === column)?.amount ?? undefined;
}

const totalRow = (r: Table['rows'][number]) => r.kind === 'total';
const keyed = (key: string) => (r: Table['rows'][number]) => r.key === key;

function facts(doc: Doc): Fact[] {
  return [
    ...flatMap(doc.narrative, (s) => s.facts),
    ...doc.threePublic.items,
    ...(doc.operatingCosts.fact ? [doc.operatingCosts.fact] : []),
  ];
}

const allFacts = new WeakMap<Doc, Fact[]>();

function fact(doc: Doc, kind: Fact['subject']['kind'], key?: string, topic?: string): Amount | undefined {
  let all = allFacts.get(doc);
  if (!all) allFacts.set(doc, (all = facts(doc)));
  const pool = topic
    ? flatMap(
        doc.narrative.filter((s) => s.topic === topic),
        (s) => s.facts,
      )
    : all;
  return pool.find((f) => f.subject.kind === kind && (key === undefined || f.subject.key === key) && f.amount)?.amount;
}

export function computeFigures(doc: Doc): Figures {
  const f: Figures = {};
  const set = <K extends keyof Figures>(k: K, v: Figures[K] | undefined) => {
    if (v !== undefined) f[k] = v;
  };
  const summary = table(doc, 'income-expenditure-summary', 'final-income-expenditure-summary');
  const summaryCol = summary?.columns[0]?.key ?? 'budget';
  set('incomeTotal', num(cell(summary, keyed('incomeTotal'), summaryCol) ?? fact(doc, 'total', 'income')));
  set(
    'expenditureTotal',
    num(cell(summary, keyed('expenditureTotal'), summaryCol) ?? fact(doc, 'total', 'expenditure')),
  );
  set(
    'currentYearIncome',
    num(
      cell(summary, keyed('currentYearIncome'), summaryCol) ??
        fact(doc, 'income', 'currentYear') ??
        fact(doc, 'income', undefined, 'income'),
    ),
  );
  set(
    'currentYearExpenditure',
    num(
      cell(summary, keyed('currentYearExpenditure'), summaryCol) ??
        fact(doc, 'expenditure', 'currentYear') ??
        fact(doc, 'expenditure', undefined, 'expenditure'),
    ),
  );

  const byFunction = table(
    doc,
    'general-budget-expenditure',
    'expenditure-summary',
    'final-general-budget-expenditure',
    'final-expenditure',
  );
  const projectTable = table(doc, 'general-budget-project-expenditure');
  // a 部门整体预算绩效目标申报表 states them in its 预算整体情况 block
  const form = table(doc, 'department-performance-target');
  // the first function table that prints the column (江苏's 一般公共预算支出预算表 prints one 金额 column only)
  const splitTables = (
    [
      'general-budget-expenditure',
      'expenditure-summary',
      'final-general-budget-expenditure',
      'final-expenditure',
    ] as TableId[]
  ).map((id) => table(doc, id));
  const split = (column: string) => splitTables.map((t) => cell(t, totalRow, column)).find((a) => a !== undefined);
  set('basicExpenditure', num(split('basic') ?? fact(doc, 'basic') ?? cell(form, keyed('basicExpenditure'), 'budget')));
  set(
    'projectExpenditure',
    num(
      split('project') ??
        cell(projectTable, totalRow, 'total') ??
        fact(doc, 'project') ??
        cell(form, keyed('projectExpenditure'), 'budget'),
    ),
  );

  const fiscal = table(doc, 'fiscal-appropriation-summary', 'final-fiscal-appropriation-summary');
  const generalBudget = table(doc, 'general-budget-expenditure', 'final-general-budget-expenditure');
  set(
    'generalPublicBudgetExpenditure',
    // this year's spending (本年支出合计): a final account's 总计 adds the balance carried forward
    num(
      cell(fiscal, keyed('currentYearExpenditure'), 'generalBudget') ??
        cell(fiscal, keyed('expenditureTotal'), 'generalBudget') ??
        cell(generalBudget, totalRow, 'total') ??
        fact(doc, 'generalBudget') ??
        fact(doc, 'fund', 'generalBudget', 'income'),
    ),
  );

  const three = table(doc, 'three-public', 'final-three-public');
  // the 决算数 row of a final account, the 预算数 (this year's) row of a budget, else the last row
  const threeRow =
    three?.rows.find((r) => r.key === 'final') ??
    three?.rows.find((r) => r.key === 'budget') ??
    three?.rows[three.rows.length - 1];
  const threeCell = (k: string) => threeRow?.cells.find((c) => c.column === k)?.amount ?? undefined;
  const tp = (k: 'total' | 'overseas' | 'vehiclePurchase' | 'vehicleOperation' | 'reception') => {
    // a blank cell in the table is not a stated figure; the narrative may state it (e.g. "因公出国（境）费 0 万元")
    return num(threeCell(k) ?? doc.threePublic.items.find((x) => x.subject.key === k && x.amount)?.amount);
  };
  const threePublic = {
    total: tp('total'),
    overseas: tp('overseas'),
    vehiclePurchase: tp('vehiclePurchase'),
    vehicleOperation: tp('vehicleOperation'),
    reception: tp('reception'),
  };
  const tpClean = Object.fromEntries(Object.entries(threePublic).filter(([, v]) => v !== undefined));
  if (Object.keys(tpClean).length) f.threePublic = tpClean;

  const basic = table(doc, 'general-budget-basic-expenditure', 'final-general-budget-basic-expenditure');
  set('personnel', num(cell(basic, totalRow, 'personnel') ?? fact(doc, 'personnel')));
  set('publicFunds', num(cell(basic, totalRow, 'public') ?? fact(doc, 'public')));
  set('operatingCosts', num(doc.operatingCosts.fact?.amount));
  set('procurementTotal', num(doc.procurement.total));

  // expenditure by 类: the summary's expenditure side, else the function tables' class rows, else the narrative
  const classes: Record<string, number> = {};
  const classSource = [summary, fiscal, byFunction].find((t) =>
    t?.rows.some((r) => r.classification?.level === 'class' && r.cells.some((c) => c.amount && c.amount.minor !== 0)),
  );
  if (classSource) {
    const col =
      classSource === byFunction
        ? 'total'
        : (classSource.columns.find((c) => c.side === 'expenditure')?.key ?? summaryCol);
    for (const r of classSource.rows) {
      if (r.classification?.level !== 'class' || r.side === 'income') continue;
      const a = r.cells.find((c) => c.column === col)?.amount;
      if (a && a.minor !== 0 && classes[r.classification.code] === undefined) classes[r.classification.code] = num(a)!;
    }
  } else {
    for (const s of doc.narrative) {
      for (const x of s.facts) {
        if (
          x.subject.kind === 'function' &&
          x.subject.code?.length === 3 &&
          x.amount &&
          classes[x.subject.code] === undefined
        )
          classes[x.subject.code] = num(x.amount)!;
      }
    }
  }
  if (Object.keys(classes).length) f.functionClasses = classes;
  return f;
}

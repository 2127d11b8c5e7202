// Where each key figure is printed, declared once: for a narrative subject (收入, 基本支出, a function class, 三公 …)
// the tables, rows and columns that carry it (audit/figures.ts resolves facts through these), and for each of the
// document's key figures (Figures in the model) the table row and column it is read from (extract/figures.ts).
import type { Figures, Subject, TableId } from '../model/schema.js';
import type { ColumnKey, FixedRowKey, FormRowKey, RowVariantKey } from './keys.js';

/** A table figure: a fixed row (by key), the grand total, a classified row (by the subject's code) or the single row. */
export interface FigureSource {
  table: TableId;
  row: { key: FixedRowKey } | 'grandTotal' | 'byCode' | 'single';
  /** the column; 'primary' = the row's main amount column, 'bySubjectKey' = the column the subject's key names (三公) */
  column: ColumnKey | 'primary' | 'bySubjectKey';
}

/** Topics whose figures cover every fund (收支总表, 支出总表); the others explain the general budget. */
export const ALL_FUNDS_TOPICS: ReadonlySet<string> = new Set(['summary', 'income', 'expenditure']);

/** the funds a figure covers: every fund (收支总表, 支出总表) or the general budget */
export type FigureScope = 'allFunds' | 'generalBudget';

/** For each narrative subject kind, the tables, rows and columns that print its figure, by scope, in order of preference. */
export const SUBJECT_FIGURE_SOURCES: Readonly<Record<string, Partial<Record<FigureScope, FigureSource[]>>>> = {
  total: {
    allFunds: [
      { table: 'income-expenditure-summary', row: { key: 'incomeTotal' }, column: 'primary' },
      { table: 'final-income-expenditure-summary', row: { key: 'incomeTotal' }, column: 'primary' },
    ],
    generalBudget: [{ table: 'fiscal-appropriation-summary', row: { key: 'incomeTotal' }, column: 'primary' }],
  },
  income: {
    allFunds: [
      { table: 'income-expenditure-summary', row: { key: 'currentYearIncome' }, column: 'primary' },
      { table: 'income-expenditure-summary', row: { key: 'incomeTotal' }, column: 'primary' },
    ],
  },
  expenditure: {
    allFunds: [
      { table: 'income-expenditure-summary', row: { key: 'currentYearExpenditure' }, column: 'primary' },
      { table: 'expenditure-summary', row: 'grandTotal', column: 'total' },
      { table: 'income-expenditure-summary', row: { key: 'expenditureTotal' }, column: 'primary' },
    ],
  },
  fund: {
    allFunds: [{ table: 'income-expenditure-summary', row: 'byCode', column: 'primary' }],
    generalBudget: [{ table: 'fiscal-appropriation-summary', row: 'byCode', column: 'primary' }],
  },
  fiscalAppropriation: {
    generalBudget: [
      { table: 'fiscal-appropriation-summary', row: { key: 'incomeTotal' }, column: 'primary' },
      { table: 'income-expenditure-summary', row: { key: 'fiscalAppropriation' }, column: 'primary' },
    ],
  },
  generalBudget: {
    generalBudget: [{ table: 'general-budget-expenditure', row: 'grandTotal', column: 'total' }],
    allFunds: [{ table: 'income-expenditure-summary', row: { key: 'generalBudget' }, column: 'primary' }],
  },
  basic: {
    allFunds: [{ table: 'expenditure-summary', row: 'grandTotal', column: 'basic' }],
    generalBudget: [
      { table: 'general-budget-expenditure', row: 'grandTotal', column: 'basic' },
      { table: 'general-budget-basic-expenditure', row: 'grandTotal', column: 'total' },
    ],
  },
  project: {
    allFunds: [{ table: 'expenditure-summary', row: 'grandTotal', column: 'project' }],
    generalBudget: [
      { table: 'general-budget-expenditure', row: 'grandTotal', column: 'project' },
      { table: 'general-budget-project-expenditure', row: 'grandTotal', column: 'total' },
    ],
  },
  function: {
    allFunds: [
      { table: 'expenditure-summary', row: 'byCode', column: 'total' },
      { table: 'income-expenditure-summary', row: 'byCode', column: 'primary' },
    ],
    generalBudget: [
      { table: 'general-budget-expenditure', row: 'byCode', column: 'total' },
      { table: 'fiscal-appropriation-summary', row: 'byCode', column: 'generalBudget' },
    ],
  },
  personnel: { generalBudget: [{ table: 'general-budget-basic-expenditure', row: 'grandTotal', column: 'personnel' }] },
  public: { generalBudget: [{ table: 'general-budget-basic-expenditure', row: 'grandTotal', column: 'public' }] },
  economic: { generalBudget: [{ table: 'general-budget-basic-expenditure', row: 'byCode', column: 'total' }] },
  threePublic: { generalBudget: [{ table: 'three-public', row: 'single', column: 'bySubjectKey' }] },
};

/** The key figures a reader asks first (Figures in the model), each one amount in 万元. */
export type KeyFigure = Exclude<keyof Figures, 'threePublic' | 'functionClasses'>;
/** The 三公 figures (Figures.threePublic), each read from the 三公 table's column of the same key. */
export type ThreePublicFigure = keyof NonNullable<Figures['threePublic']>;

/**
 * Which row of a table gives a key figure: a fixed row (by key, or a 绩效目标申报表 row's), the first total row, or the first row that has
 * one of the keys (in order) and else the last row (the 三公 table: 决算数 row, else 预算数 row, else the last).
 */
export type KeyFigureRow =
  { key: FixedRowKey | FormRowKey } | 'total' | { firstKey: readonly RowVariantKey[]; orLast: true };

/** One place a key figure is read from; the sources of a figure are tried in order until one gives an amount. */
export type KeyFigureSource =
  /** a cell: the first of `tables` the document prints, its row and column ('first' = the table's first column) */
  | { tables: readonly TableId[]; row: KeyFigureRow; column: ColumnKey | 'first'; orColumn?: ColumnKey }
  /** a narrative fact of this subject (and key), from the section with this topic or from any (and the 三公 items) */
  | { fact: Subject['kind']; key?: string; topic?: string }
  /** a figure the model keeps on its own (机关运行经费, 政府采购) */
  | { model: 'operatingCosts' | 'procurementTotal' };

const SUMMARY: readonly TableId[] = ['income-expenditure-summary', 'final-income-expenditure-summary'];
const FISCAL: readonly TableId[] = ['fiscal-appropriation-summary', 'final-fiscal-appropriation-summary'];
const BASIC: readonly TableId[] = ['general-budget-basic-expenditure', 'final-general-budget-basic-expenditure'];
const FORM: readonly TableId[] = ['department-performance-target'];
/** the function tables that split 基本/项目, each tried on its own (江苏's 一般公共预算支出预算表 prints one 金额 column) */
const SPLIT: readonly TableId[] = [
  'general-budget-expenditure',
  'expenditure-summary',
  'final-general-budget-expenditure',
  'final-expenditure',
];
const split = (column: ColumnKey): KeyFigureSource[] => SPLIT.map((t) => ({ tables: [t], row: 'total', column }));

/** Where each key figure is read from, in order of preference: the tables when printed, else the narrative. */
export const KEY_FIGURE_SOURCES: Readonly<Record<KeyFigure, readonly KeyFigureSource[]>> = {
  incomeTotal: [
    { tables: SUMMARY, row: { key: 'incomeTotal' }, column: 'first', orColumn: 'budget' },
    { fact: 'total', key: 'income' },
  ],
  expenditureTotal: [
    { tables: SUMMARY, row: { key: 'expenditureTotal' }, column: 'first', orColumn: 'budget' },
    { fact: 'total', key: 'expenditure' },
  ],
  currentYearIncome: [
    { tables: SUMMARY, row: { key: 'currentYearIncome' }, column: 'first', orColumn: 'budget' },
    { fact: 'income', key: 'currentYear' },
    { fact: 'income', topic: 'income' },
  ],
  currentYearExpenditure: [
    { tables: SUMMARY, row: { key: 'currentYearExpenditure' }, column: 'first', orColumn: 'budget' },
    { fact: 'expenditure', key: 'currentYear' },
    { fact: 'expenditure', topic: 'expenditure' },
  ],
  // a 部门整体预算绩效目标申报表 states them in its 预算整体情况 block
  basicExpenditure: [
    ...split('basic'),
    { fact: 'basic' },
    { tables: FORM, row: { key: 'basicExpenditure' }, column: 'budget' },
  ],
  projectExpenditure: [
    ...split('project'),
    { tables: ['general-budget-project-expenditure'], row: 'total', column: 'total' },
    { fact: 'project' },
    { tables: FORM, row: { key: 'projectExpenditure' }, column: 'budget' },
  ],
  // this year's spending (本年支出合计): a final account's 总计 adds the balance carried forward
  generalPublicBudgetExpenditure: [
    { tables: FISCAL, row: { key: 'currentYearExpenditure' }, column: 'generalBudget' },
    { tables: FISCAL, row: { key: 'expenditureTotal' }, column: 'generalBudget' },
    { tables: ['general-budget-expenditure', 'final-general-budget-expenditure'], row: 'total', column: 'total' },
    { fact: 'generalBudget' },
    { fact: 'fund', key: 'generalBudget', topic: 'income' },
  ],
  personnel: [{ tables: BASIC, row: 'total', column: 'personnel' }, { fact: 'personnel' }],
  publicFunds: [{ tables: BASIC, row: 'total', column: 'public' }, { fact: 'public' }],
  operatingCosts: [{ model: 'operatingCosts' }],
  procurementTotal: [{ model: 'procurementTotal' }],
};

/** The 三公 figures: the table's row (决算数, else 预算数, else the last) and the column of the figure's key. */
export const THREE_PUBLIC_FIGURE_SOURCE = {
  tables: ['three-public', 'final-three-public'],
  row: { firstKey: ['final', 'budget'], orLast: true },
} as const satisfies { tables: readonly TableId[]; row: KeyFigureRow };
export const THREE_PUBLIC_FIGURES: readonly ThreePublicFigure[] = [
  'total',
  'overseas',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
];

/**
 * Expenditure by 类 (Figures.functionClasses): the first of these tables with a non-zero class row, read in the named
 * column or in its expenditure-side column ('expenditureSide'; else the 收支总表's first column, else 'budget');
 * else the narrative's 类 facts.
 */
export const FUNCTION_CLASS_SOURCES: readonly { tables: readonly TableId[]; column: ColumnKey | 'expenditureSide' }[] =
  [
    { tables: SUMMARY, column: 'expenditureSide' },
    { tables: FISCAL, column: 'expenditureSide' },
    {
      tables: [
        'general-budget-expenditure',
        'expenditure-summary',
        'final-general-budget-expenditure',
        'final-expenditure',
      ],
      column: 'total',
    },
  ];

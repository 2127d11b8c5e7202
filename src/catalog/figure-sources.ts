// Where each key figure is printed, declared once: for a narrative subject (收入, 基本支出, a function class, 三公 …)
// the tables, rows and columns that carry it (audit/figures.ts resolves facts through these), and for each of the
// document's key figures (Figures in the model) the table row and column it is read from (extract/figures.ts).
import type { TableId } from '../model/schema.js';
import type { ColumnKey, FixedRowKey } from './keys.js';

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

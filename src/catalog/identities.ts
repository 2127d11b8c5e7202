// Identities across tables, as data: which tables print the same quantity (they must agree) and which tables print a
// fund whose own table may be empty. The rules cross-table-agreement and fund-table-consistency read these
// declarations; the keys are the catalogue's typed column and fixed-row keys (keys.ts).
import type { TableId } from '../model/schema.js';
import type { ColumnKey, FixedRowKey } from './keys.js';

/** Where a table prints a quantity: a column of its classified rows, or of one fixed row. */
export interface AgreementSource {
  table: TableId;
  /** the amount column; 'primary' = the row's main column */
  column: ColumnKey | 'primary';
  side?: 'income' | 'expenditure';
  /** a fixed row instead of classified rows */
  rowKey?: FixedRowKey;
}

/** One quantity printed by several tables, which must agree. */
export interface TableAgreement {
  name: string;
  /** by function class, by every classified code, or one total */
  per: 'class' | 'code' | 'total';
  sources: AgreementSource[];
  /** holds only when every fund is general budget */
  onlyWhenAllGeneralBudget?: boolean;
}

export const TABLE_AGREEMENTS: TableAgreement[] = [
  {
    name: '各类支出（全部资金）',
    per: 'class',
    sources: [
      { table: 'income-expenditure-summary', column: 'primary', side: 'expenditure' },
      { table: 'expenditure-summary', column: 'total' },
      { table: 'income-summary', column: 'total' },
    ],
  },
  {
    name: '一般公共预算各类支出',
    per: 'class',
    sources: [
      { table: 'general-budget-expenditure', column: 'total' },
      { table: 'fiscal-appropriation-summary', column: 'generalBudget', side: 'expenditure' },
    ],
  },
  {
    name: '各类支出（全部为一般公共预算时）',
    per: 'class',
    onlyWhenAllGeneralBudget: true,
    sources: [
      { table: 'income-expenditure-summary', column: 'primary', side: 'expenditure' },
      { table: 'fiscal-appropriation-summary', column: 'total', side: 'expenditure' },
    ],
  },
  {
    name: '收支总计（全部为一般公共预算时）',
    per: 'total',
    onlyWhenAllGeneralBudget: true,
    sources: [
      { table: 'income-expenditure-summary', column: 'primary', rowKey: 'incomeTotal' },
      { table: 'fiscal-appropriation-summary', column: 'primary', rowKey: 'incomeTotal' },
    ],
  },
  {
    name: '一般公共预算支出合计',
    per: 'total',
    sources: [
      { table: 'general-budget-expenditure', column: 'total' },
      { table: 'fiscal-appropriation-summary', column: 'generalBudget', rowKey: 'expenditureTotal' },
    ],
  },
  {
    name: '基本支出合计',
    per: 'total',
    sources: [
      { table: 'general-budget-expenditure', column: 'basic' },
      { table: 'general-budget-basic-expenditure', column: 'total' },
    ],
  },
  {
    name: '项目支出合计',
    per: 'total',
    sources: [
      { table: 'general-budget-expenditure', column: 'project' },
      { table: 'general-budget-project-expenditure', column: 'total' },
    ],
  },
  {
    name: '各科目项目支出',
    per: 'code',
    sources: [
      { table: 'general-budget-expenditure', column: 'project' },
      { table: 'general-budget-project-expenditure', column: 'total' },
    ],
  },
  {
    name: '各科目支出（全部为一般公共预算时）',
    per: 'code',
    onlyWhenAllGeneralBudget: true,
    sources: [
      { table: 'expenditure-summary', column: 'total' },
      { table: 'general-budget-expenditure', column: 'total' },
      { table: 'income-summary', column: 'total' },
    ],
  },
  {
    name: '各科目基本支出（全部为一般公共预算时）',
    per: 'code',
    onlyWhenAllGeneralBudget: true,
    sources: [
      { table: 'expenditure-summary', column: 'basic' },
      { table: 'general-budget-expenditure', column: 'basic' },
    ],
  },
];

/** Where a fund is printed outside its own table: a column of a table, or a fixed row. */
export interface FundPrint {
  table: TableId;
  column?: ColumnKey;
  rowKey?: FixedRowKey;
}

/**
 * Each fund table (empty exactly when the fund is zero elsewhere), where else the same fund is printed, and the
 * word of its row among the parts of 上年结转结余 (a fund table may spend only last year's balance of the fund:
 * 本年 zero, 上年结转 政府性基金 non-zero, as in 北京's 预算04表).
 */
export const FUND_TABLES: Array<{
  fund: string;
  table: TableId;
  elsewhere: FundPrint[];
  carriedOver: { tables: TableId[]; label: RegExp };
}> = [
  {
    fund: '政府性基金预算',
    table: 'government-fund-expenditure',
    elsewhere: [
      { table: 'fiscal-appropriation-summary', column: 'governmentFund' },
      { table: 'fiscal-appropriation-summary', rowKey: 'governmentFund' },
      { table: 'income-expenditure-summary', rowKey: 'governmentFund' },
      { table: 'income-summary', column: 'governmentFund' },
    ],
    carriedOver: { tables: ['fiscal-appropriation-summary', 'income-expenditure-summary'], label: /政府性基金/ },
  },
  {
    fund: '国有资本经营预算',
    table: 'state-capital-expenditure',
    elsewhere: [
      { table: 'fiscal-appropriation-summary', column: 'stateCapital' },
      { table: 'fiscal-appropriation-summary', rowKey: 'stateCapital' },
      { table: 'income-expenditure-summary', rowKey: 'stateCapital' },
      { table: 'income-summary', column: 'stateCapital' },
    ],
    carriedOver: { tables: ['fiscal-appropriation-summary', 'income-expenditure-summary'], label: /国有资本经营/ },
  },
];

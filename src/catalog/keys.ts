// The typed keys of table columns and fixed rows (Cell.column, TableRow.key), declared once as literal types: the
// templates (tables.ts), the cross-table identities (identities.ts) and the figure sources (figure-sources.ts) can
// only name a key listed here, so a misspelt key fails to compile instead of silently matching nothing.

/** Column keys. Economic classes as columns are `economic:<类 code>`. */
export const COLUMN_KEYS = [
  // totals and the split every expenditure table prints
  'total',
  'basic',
  'project',
  'budget',
  'final',
  // funds
  'generalBudget',
  'governmentFund',
  'stateCapital',
  'fiscalAppropriation',
  'specialAccount',
  // income sources
  'superiorSubsidy',
  'businessIncome',
  'operatingIncome',
  'subsidiaryRemit',
  'otherIncome',
  'superiorSpecial',
  'businessFundOffset',
  'priorYearBalance',
  'otherSpecialAccount',
  'priorAccountBalance',
  // final-account expenditure columns
  'superiorRemit',
  'operatingExpenditure',
  'subsidiaryGrant',
  // 基本支出 by purpose
  'personnel',
  'public',
  'personnelExpenditure',
  'publicExpenditure',
  'specialProjectExpenditure',
  // 江苏's 支出预算总表: a 单位预留机动经费 column beside 基本支出 and 项目支出
  'unitReserve',
  // 三公 and the columns regional templates add beside them
  'overseas',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
  'meeting',
  'training',
  // economic classes as columns of the project expenditure table
  'economic:301',
  'economic:302',
  'economic:303',
  'economic:307',
  'economic:309',
  'economic:310',
  'economic:311',
  'economic:312',
  'economic:313',
  'economic:399',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Fixed-row keys of the two-sided tables (收支总表, 财政拨款收支总表 and their final-account forms). */
export const FIXED_ROW_KEYS = [
  'fiscalAppropriation',
  'generalBudget',
  'governmentFund',
  'stateCapital',
  'specialAccount',
  'businessIncome',
  'operatingIncome',
  'superiorSubsidy',
  'subsidiaryRemit',
  'unitFunds',
  'otherIncome',
  'superiorSpecial',
  'businessFundOffset',
  'currentYearIncome',
  'priorYearBalance',
  'priorFiscalBalance',
  'priorOtherBalance',
  'openingBalance',
  'nonAppropriationBalanceUsed',
  'incomeTotal',
  'currentYearExpenditure',
  'carryForward',
  'balanceDistribution',
  'expenditureTotal',
  'priorAccountBalance',
  'unspentAccountFunds',
] as const;
export type FixedRowKey = (typeof FIXED_ROW_KEYS)[number];

/** Row keys of single-row tables printed with several rows (三公: 预算数 | 决算数, this year | last year | change). */
export const ROW_VARIANT_KEYS = ['budget', 'final', 'prior', 'change'] as const;
export type RowVariantKey = (typeof ROW_VARIANT_KEYS)[number];

/** Row keys of the 部门整体预算绩效目标申报表's 预算整体情况 block (extract/department-performance.ts reads them). */
export const FORM_ROW_KEYS = [
  'basicExpenditure',
  'projectExpenditure',
  'fiscalAppropriation',
  'otherFunds',
  'specialFunds',
  'otherDevelopment',
  'ownLevel',
  'transfers',
] as const;
export type FormRowKey = (typeof FORM_ROW_KEYS)[number];

export function isColumnKey(key: string): key is ColumnKey {
  return (COLUMN_KEYS as readonly string[]).includes(key);
}

// Table templates as data: how each standard table is recognised (title words) and what structure it declares
// (columns, fixed rows, identities). Readers and audit rules read these declarations instead of switching on names.
import type { DocumentKind, TableId } from '../model/schema.js';
import type { ColumnKey, FixedRowKey, RowVariantKey } from './keys.js';

export interface ColumnSpec {
  /** typed key stored in Cell.column */
  key: ColumnKey;
  /** standard Chinese header */
  label: string;
  /** header words that identify the column (matched after removing spaces) */
  match: RegExp;
  side?: 'income' | 'expenditure';
}

export interface FixedRowSpec {
  /** typed key stored in TableRow.key */
  key: FixedRowKey;
  label: string;
  match: RegExp;
  side?: 'income' | 'expenditure';
  kind: 'total' | 'subtotal' | 'leaf';
  /** the key of the row this one is a part of (its parent in the sum) */
  partOf?: FixedRowKey;
}

/** A sum that must hold inside every row: cells[total] = Σ cells[parts]. */
export interface RowIdentity {
  total: ColumnKey;
  parts: ColumnKey[];
}

export interface TableTemplate {
  id: TableId;
  kind: DocumentKind;
  /** standard title (budget: 部门/单位 prefix varies and is not part of it) */
  title: string;
  /** title patterns, tried in catalogue order (specific before general); matched after removing spaces */
  titles: RegExp[];
  /** two-sided: income left, expenditure right (收支总表); classified: rows by function/economic code;
   *  single-row: one data row of columns (三公) */
  layout: 'two-sided' | 'classified' | 'single-row';
  /** the classification of the rows (function 类/款/项 or economic 类/款) */
  classification?: 'function' | 'economic';
  /** deepest level the rows must reach (预算法实施条例: function to 项, basic expenditure economic to 款) */
  requiredDepth?: 'item' | 'section';
  columns: ColumnSpec[];
  /** fixed rows of two-sided tables and the like */
  fixedRows?: FixedRowSpec[];
  rowIdentities: RowIdentity[];
  /** a table that may legitimately be empty with a statement (政府性基金, 国有资本经营) */
  mayBeEmpty?: boolean;
  /** columns some regional templates add (会议费, 培训费 beside the 三公): read when printed, never written */
  extraColumns?: ColumnSpec[];
  /** single-row tables: header or row words that make one printed row several model rows (预算数 | 决算数 column
   *  groups, 2025年/2026年/增减变化 rows); the first match names the row's key */
  rowVariants?: { key: RowVariantKey; label: string; match: RegExp }[];
  /** single-row tables: header words of columns that are not read (other funds, 机关运行经费 printed alongside) */
  skipColumns?: RegExp;
  /** single-row tables: header words that qualify a column without changing what it is (the fund of a 财政拨款 table) */
  neutralHeaders?: RegExp;
}

const totalBasicProject: ColumnSpec[] = [
  { key: 'total', label: '合计', match: /^(合计|小计|总计|支出总计|本年支出合计|金额)$/ },
  { key: 'basic', label: '基本支出', match: /基本支出/ },
  { key: 'project', label: '项目支出', match: /项目支出/ },
];

const sumBasicProject: RowIdentity[] = [{ total: 'total', parts: ['basic', 'project'] }];

/** 西安 prints the general budget by purpose instead of 基本/项目: 人员经费支出 | 公用经费支出 | 专项业务经费支出 */
const BY_PURPOSE_COLUMNS: ColumnSpec[] = [
  { key: 'personnelExpenditure', label: '人员经费支出', match: /^人员经费支出$/ },
  { key: 'publicExpenditure', label: '公用经费支出', match: /^公用经费支出$/ },
  { key: 'specialProjectExpenditure', label: '专项业务经费支出', match: /^专项业务经费支?出?$/ },
];

/** Economic classes (部门预算支出经济分类 类) used as columns of the project expenditure table. */
export const ECONOMIC_CLASS_COLUMNS: ColumnSpec[] = [
  { key: 'economic:301', label: '工资福利支出', match: /工资福利/ },
  { key: 'economic:302', label: '商品和服务支出', match: /商品和服务/ },
  { key: 'economic:303', label: '对个人和家庭的补助', match: /对个人和家庭/ },
  { key: 'economic:307', label: '债务利息及费用支出', match: /债务利息/ },
  { key: 'economic:309', label: '资本性支出(基本建设)', match: /资本性支出[(（]基本建设/ },
  { key: 'economic:310', label: '资本性支出', match: /^资本性支出$/ },
  { key: 'economic:311', label: '对企业补助(基本建设)', match: /对企业补助[(（]基本建设/ },
  { key: 'economic:312', label: '对企业补助', match: /^对企业补助$/ },
  { key: 'economic:313', label: '对社会保障基金补助', match: /社会保障基金/ },
  { key: 'economic:399', label: '其他支出', match: /^其他支出$/ },
];

/** Income sources, as columns of the 收入总表 and rows of the 收支总表's income side. */
export const INCOME_SOURCE_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '总计', match: /^(收入)?(总计|合计)$/ },
  { key: 'generalBudget', label: '一般公共预算拨款', match: /一般公共预算/ },
  { key: 'governmentFund', label: '政府性基金预算拨款', match: /政府性基金/ },
  { key: 'stateCapital', label: '国有资本经营预算拨款', match: /国有资本|国资经?预算/ },
  { key: 'specialAccount', label: '财政专户管理资金', match: /财政专户|财专|教育收费/ },
  { key: 'businessIncome', label: '事业收入', match: /^事业收入$/ },
  { key: 'superiorSubsidy', label: '上级补助收入', match: /上级补助/ },
  { key: 'operatingIncome', label: '事业单位经营收入', match: /经营收入/ },
  { key: 'otherIncome', label: '单位其他资金收入', match: /其他资金|其他收入/ },
  { key: 'superiorSpecial', label: '上级专项收入', match: /上级专项/ },
  { key: 'businessFundOffset', label: '用事业基金弥补收支差额', match: /事业基金/ },
  { key: 'priorYearBalance', label: '单位上年结余', match: /上年结余|上年结转/ },
];

/** income sources some regions print as columns of their own (广州: 附属单位上缴收入, 其他专户收入拨款 beside 教育收费) */
const INCOME_EXTRA_COLUMNS: ColumnSpec[] = [
  { key: 'subsidiaryRemit', label: '附属单位上缴收入', match: /附属单位上缴/ },
  { key: 'otherSpecialAccount', label: '其他财政专户收入', match: /其他专户/ },
  { key: 'priorAccountBalance', label: '上年实户资金余额', match: /实户资金/ },
];

const budgetIncomeRows: FixedRowSpec[] = [
  // the parts of 上年结余 some templates list under it (before 财政拨款, which their names start with)
  {
    key: 'priorFiscalBalance',
    label: '财政拨款结余、结转',
    match: /^财政拨款(资金)?结[余转]/,
    side: 'income',
    kind: 'leaf',
  },
  {
    key: 'priorOtherBalance',
    label: '非财政拨款结余、结转',
    match: /^非财政拨款(资金)?结[余转]/,
    side: 'income',
    kind: 'leaf',
  },
  // 预算拨款 (广州), 本级财政拨款: the same row under other names
  {
    key: 'fiscalAppropriation',
    label: '财政拨款（补助）',
    match: /^(本级)?财政拨款|^预算拨款/,
    side: 'income',
    kind: 'subtotal',
    partOf: 'currentYearIncome',
  },
  {
    key: 'generalBudget',
    label: '一般公共预算',
    match: /^一般公共预算/,
    side: 'income',
    kind: 'leaf',
    partOf: 'fiscalAppropriation',
  },
  {
    key: 'governmentFund',
    label: '政府性基金预算',
    match: /^政府性基金/,
    side: 'income',
    kind: 'leaf',
    partOf: 'fiscalAppropriation',
  },
  {
    key: 'stateCapital',
    label: '国有资本经营预算',
    match: /^国有资本经营/,
    side: 'income',
    kind: 'leaf',
    partOf: 'fiscalAppropriation',
  },
  {
    key: 'specialAccount',
    label: '财政专户管理资金',
    match: /财政专户|教育收费/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'businessIncome',
    label: '事业收入',
    match: /^事业收入/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'operatingIncome',
    label: '事业单位经营收入',
    match: /经营收入/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'superiorSubsidy',
    label: '上级补助收入',
    match: /上级补助/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'subsidiaryRemit',
    label: '附属单位上缴收入',
    match: /附属单位上缴/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  // 单位资金 heads 事业收入…其他收入 in some templates (深圳); they count towards 本年收入 directly, so it has no partOf
  { key: 'unitFunds', label: '单位资金', match: /^单位资金$/, side: 'income', kind: 'subtotal' },
  {
    key: 'otherIncome',
    label: '单位其他资金收入',
    match: /其他资金收入|其他收入|^其他资金$/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'superiorSpecial',
    label: '上级专项收入',
    match: /上级专项/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'businessFundOffset',
    label: '用事业基金弥补收支差额',
    match: /事业基金/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'currentYearIncome',
    label: '本年收入小计',
    match: /^本年收入|^当年收入/,
    side: 'income',
    kind: 'subtotal',
    partOf: 'incomeTotal',
  },
  // 西安 prints the balance of the unit's own accounts beside 上年结转 (and what of it is not spent on the other side)
  {
    key: 'priorAccountBalance',
    label: '上年实户资金余额',
    match: /^上年实户资金余额$/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  {
    key: 'priorYearBalance',
    label: '上年结余',
    match: /上年结余|上年结转|^上年.*余额$/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  {
    key: 'nonAppropriationBalanceUsed',
    label: '使用非财政拨款结余',
    match: /使用非财政拨款结余/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  { key: 'incomeTotal', label: '收入总计', match: /^收入总计|^收入合计$|^总计$/, side: 'income', kind: 'total' },
  {
    key: 'currentYearExpenditure',
    label: '本年支出小计',
    match: /^本年支出|^当年支出/,
    side: 'expenditure',
    kind: 'subtotal',
    partOf: 'expenditureTotal',
  },
  {
    key: 'carryForward',
    label: '结转下年',
    match: /^结转(和|及)?(结余)?下年|^年[终末]结转(和|及)?结余/,
    side: 'expenditure',
    kind: 'leaf',
    partOf: 'expenditureTotal',
  },
  {
    key: 'unspentAccountFunds',
    label: '未安排支出的实户资金',
    match: /^未安排支出的实户资金$/,
    side: 'expenditure',
    kind: 'leaf',
    partOf: 'expenditureTotal',
  },
  {
    key: 'expenditureTotal',
    label: '支出总计',
    match: /^支出总计|^支出合计$|^总计$/,
    side: 'expenditure',
    kind: 'total',
  },
];

const fiscalIncomeRows: FixedRowSpec[] = budgetIncomeRows.filter((r) =>
  [
    'priorFiscalBalance',
    'priorOtherBalance',
    'fiscalAppropriation',
    'generalBudget',
    'governmentFund',
    'stateCapital',
    'currentYearIncome',
    'priorYearBalance',
    'incomeTotal',
    'currentYearExpenditure',
    'carryForward',
    'expenditureTotal',
  ].includes(r.key),
);

// final-account columns and fixed rows (the keys the writer uses; see docs/writer.md)
const finalSummaryRows: FixedRowSpec[] = [
  {
    key: 'fiscalAppropriation',
    label: '财政拨款收入',
    match: /^财政拨款/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  // templates since 2019 print 财政拨款收入 split by fund
  {
    key: 'generalBudget',
    label: '一般公共预算财政拨款收入',
    match: /^一般公共预算财政拨款/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'governmentFund',
    label: '政府性基金预算财政拨款收入',
    match: /^政府性基金预算财政拨款/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'stateCapital',
    label: '国有资本经营预算财政拨款收入',
    match: /^国有资本经营预算财政拨款/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'superiorSubsidy',
    label: '上级补助收入',
    match: /上级补助/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'businessIncome',
    label: '事业收入',
    match: /^事业收入/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'operatingIncome',
    label: '经营收入',
    match: /经营收入/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'subsidiaryRemit',
    label: '附属单位上缴收入',
    match: /附属单位上缴/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'otherIncome',
    label: '其他收入',
    match: /^其他收入/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'currentYearIncome',
    label: '本年收入合计',
    match: /^本年收入/,
    side: 'income',
    kind: 'subtotal',
    partOf: 'incomeTotal',
  },
  {
    key: 'businessFundOffset',
    label: '用事业基金弥补收支差额',
    match: /事业基金弥补/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  {
    key: 'nonAppropriationBalanceUsed',
    label: '使用非财政拨款结余',
    match: /使用非财政拨款结余|使用专用结余/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  {
    key: 'openingBalance',
    label: '年初结转和结余',
    match: /年初.*结转和?结余/,
    side: 'income',
    kind: 'leaf',
    partOf: 'incomeTotal',
  },
  { key: 'incomeTotal', label: '收入总计', match: /^收入总计|^总计$/, side: 'income', kind: 'total' },
  {
    key: 'currentYearExpenditure',
    label: '本年支出合计',
    match: /^本年支出/,
    side: 'expenditure',
    kind: 'subtotal',
    partOf: 'expenditureTotal',
  },
  {
    key: 'balanceDistribution',
    label: '结余分配',
    match: /结余分配/,
    side: 'expenditure',
    kind: 'leaf',
    partOf: 'expenditureTotal',
  },
  {
    key: 'carryForward',
    label: '年末结转和结余',
    match: /年末.*结转和?结余/,
    side: 'expenditure',
    kind: 'leaf',
    partOf: 'expenditureTotal',
  },
  { key: 'expenditureTotal', label: '支出总计', match: /^支出总计|^总计$/, side: 'expenditure', kind: 'total' },
];

const finalFiscalRows: FixedRowSpec[] = [
  {
    key: 'generalBudget',
    label: '一般公共预算财政拨款',
    match: /^一般公共预算/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'governmentFund',
    label: '政府性基金预算财政拨款',
    match: /^政府性基金/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  {
    key: 'stateCapital',
    label: '国有资本经营预算财政拨款',
    match: /^国有资本经营/,
    side: 'income',
    kind: 'leaf',
    partOf: 'currentYearIncome',
  },
  ...finalSummaryRows.filter((r) =>
    [
      'currentYearIncome',
      'openingBalance',
      'incomeTotal',
      'currentYearExpenditure',
      'carryForward',
      'expenditureTotal',
    ].includes(r.key),
  ),
];

const FINAL_INCOME_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '本年收入合计', match: /^(本年收入)?合计$|^总计$/ },
  { key: 'fiscalAppropriation', label: '财政拨款收入', match: /财政拨款/ },
  { key: 'superiorSubsidy', label: '上级补助收入', match: /上级补助/ },
  { key: 'businessIncome', label: '事业收入', match: /^事业收入$/ },
  { key: 'operatingIncome', label: '经营收入', match: /经营收入/ },
  { key: 'subsidiaryRemit', label: '附属单位上缴收入', match: /附属单位/ },
  { key: 'otherIncome', label: '其他收入', match: /其他收入/ },
];

const FINAL_EXPENDITURE_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '本年支出合计', match: /^(本年支出)?合计$|^总计$/ },
  { key: 'basic', label: '基本支出', match: /基本支出/ },
  { key: 'project', label: '项目支出', match: /项目支出/ },
  { key: 'superiorRemit', label: '上缴上级支出', match: /上缴上级/ },
  { key: 'operatingExpenditure', label: '经营支出', match: /经营支出/ },
  { key: 'subsidiaryGrant', label: '对附属单位补助支出', match: /对附属单位补助/ },
];

const THREE_PUBLIC_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '合计', match: /^合计$/ },
  { key: 'overseas', label: '因公出国(境)费', match: /出国/ },
  { key: 'vehicle', label: '公务用车购置及运行费', match: /购置及运行|^小计$/ },
  // (headers cut off by their cell: 西安 prints "公务用车购置经费", "公务用车运行维护")
  { key: 'vehiclePurchase', label: '公务用车购置费', match: /购置费|购置经费/ },
  { key: 'vehicleOperation', label: '公务用车运行费', match: /运行费|运行维护/ },
  { key: 'reception', label: '公务接待费', match: /接待/ },
];

/** 三公 tables of some regions print 会议费 and 培训费 beside the 三公 (苏州, 江苏, 西安), and the 三公 total as
 *  "“三公”经费合计" or a 小计 under "“三公”经费". */
const THREE_PUBLIC_READ_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '合计', match: /^(合计|总计)$|三公.*(合计|小计|总额|总计)$|^"?三公"?经费$/ },
  ...THREE_PUBLIC_COLUMNS.slice(1),
];
const MEETING_TRAINING: ColumnSpec[] = [
  { key: 'meeting', label: '会议费', match: /会议费/ },
  { key: 'training', label: '培训费', match: /培训费/ },
];

const THREE_PUBLIC_VARIANTS: TableTemplate['rowVariants'] = [
  { key: 'change', label: '增减变化', match: /增减/ },
  { key: 'final', label: '决算数', match: /决算数/ },
  { key: 'prior', label: '上年', match: /^上年(预算数?)?$/ },
  { key: 'budget', label: '预算数', match: /预算数|^当年$/ },
];
const THREE_PUBLIC_SKIP = /政府性基金|国有资本|机关运行经费/;
const THREE_PUBLIC_NEUTRAL = /^一般公共预算(拨款)?$|^财政拨款"?三公"?经费$/;

const THREE_PUBLIC_IDENTITIES: RowIdentity[] = [
  { total: 'total', parts: ['overseas', 'vehicle', 'reception'] },
  { total: 'vehicle', parts: ['vehiclePurchase', 'vehicleOperation'] },
];

const FISCAL_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '合计', match: /^(合计|小计)$/ },
  { key: 'generalBudget', label: '一般公共预算', match: /一般公共预算/, side: 'expenditure' },
  { key: 'governmentFund', label: '政府性基金预算', match: /政府性基金/, side: 'expenditure' },
  { key: 'stateCapital', label: '国有资本经营预算', match: /国有资本/, side: 'expenditure' },
];

/** 人员经费 under its names: 长沙 heads the column 人员类 */
const PERSONNEL_HEADER = /人员经费|^人员类$/;

const PERSONNEL_PUBLIC_COLUMNS: ColumnSpec[] = [
  { key: 'total', label: '合计', match: /^(合计|小计)$/ },
  { key: 'personnel', label: '人员经费', match: PERSONNEL_HEADER },
  { key: 'public', label: '公用经费', match: /公用经费/ },
];

/** The catalogue, specific titles before general ones (the first match wins). */
export const TABLE_TEMPLATES: TableTemplate[] = [
  // ── final-account set (决算): recognised first because their titles contain the budget words too
  {
    id: 'final-fiscal-appropriation-summary',
    kind: 'final_account',
    title: '财政拨款收入支出决算总表',
    titles: [/财政拨款收入支出决算总表/],
    layout: 'two-sided',
    classification: 'function',
    columns: FISCAL_COLUMNS,
    fixedRows: finalFiscalRows,
    rowIdentities: [{ total: 'total', parts: ['generalBudget', 'governmentFund', 'stateCapital'] }],
  },
  {
    id: 'final-income-expenditure-summary',
    kind: 'final_account',
    title: '收入支出决算总表',
    titles: [/收入支出决算总表/],
    layout: 'two-sided',
    classification: 'function',
    columns: [{ key: 'final', label: '决算数', match: /决算数|金额/ }],
    fixedRows: finalSummaryRows,
    rowIdentities: [],
  },
  {
    id: 'final-general-budget-basic-expenditure',
    kind: 'final_account',
    title: '一般公共预算财政拨款基本支出决算表',
    titles: [/基本支出决算表/],
    layout: 'classified',
    classification: 'economic',
    requiredDepth: 'section',
    columns: PERSONNEL_PUBLIC_COLUMNS,
    rowIdentities: [{ total: 'total', parts: ['personnel', 'public'] }],
  },
  {
    id: 'final-three-public',
    kind: 'final_account',
    title: '财政拨款"三公"经费支出决算表',
    titles: [/三公.*决算表/],
    layout: 'single-row',
    columns: THREE_PUBLIC_READ_COLUMNS,
    rowIdentities: THREE_PUBLIC_IDENTITIES,
    extraColumns: MEETING_TRAINING,
    rowVariants: THREE_PUBLIC_VARIANTS,
    skipColumns: THREE_PUBLIC_SKIP,
    neutralHeaders: THREE_PUBLIC_NEUTRAL,
  },
  {
    id: 'final-government-fund',
    kind: 'final_account',
    title: '政府性基金预算财政拨款收入支出决算表',
    titles: [/政府性基金.*决算表/],
    layout: 'classified',
    classification: 'function',
    columns: totalBasicProject,
    rowIdentities: [],
    mayBeEmpty: true,
  },
  {
    id: 'final-state-capital',
    kind: 'final_account',
    title: '国有资本经营预算财政拨款支出决算表',
    titles: [/国有资本经营.*决算表/],
    layout: 'classified',
    classification: 'function',
    columns: totalBasicProject,
    rowIdentities: [],
    mayBeEmpty: true,
  },
  {
    id: 'final-general-budget-expenditure',
    kind: 'final_account',
    title: '一般公共预算财政拨款支出决算表',
    titles: [/一般公共预算财政拨款支出决算表/],
    layout: 'classified',
    classification: 'function',
    requiredDepth: 'item',
    columns: totalBasicProject,
    rowIdentities: sumBasicProject,
  },
  {
    id: 'final-income',
    kind: 'final_account',
    title: '收入决算表',
    titles: [/收入决算表/],
    layout: 'classified',
    classification: 'function',
    columns: FINAL_INCOME_COLUMNS,
    rowIdentities: [{ total: 'total', parts: FINAL_INCOME_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key) }],
  },
  {
    id: 'final-expenditure',
    kind: 'final_account',
    title: '支出决算表',
    titles: [/支出决算表/],
    layout: 'classified',
    classification: 'function',
    requiredDepth: 'item',
    columns: FINAL_EXPENDITURE_COLUMNS,
    rowIdentities: [
      { total: 'total', parts: FINAL_EXPENDITURE_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key) },
    ],
  },
  // ── budget set (预算)
  {
    id: 'fiscal-appropriation-summary',
    kind: 'budget',
    title: '财政拨款收支总体情况表',
    titles: [/财政拨款(预算)?收支(预算)?总(体情况)?表/],
    layout: 'two-sided',
    classification: 'function',
    columns: [
      { key: 'total', label: '合计', match: /^(合计|小计)$/ },
      { key: 'generalBudget', label: '一般公共预算', match: /一般公共预算/, side: 'expenditure' },
      { key: 'governmentFund', label: '政府性基金预算', match: /政府性基金/, side: 'expenditure' },
      { key: 'stateCapital', label: '国有资本经营预算', match: /国有资本/, side: 'expenditure' },
    ],
    fixedRows: fiscalIncomeRows,
    rowIdentities: [{ total: 'total', parts: ['generalBudget', 'governmentFund', 'stateCapital'] }],
  },
  {
    id: 'income-expenditure-summary',
    kind: 'budget',
    title: '收支总体情况表',
    titles: [/收支(预算)?总(体情况)?表/],
    layout: 'two-sided',
    classification: 'function',
    columns: [{ key: 'budget', label: '预算数', match: /预算数|金额/ }],
    fixedRows: budgetIncomeRows,
    rowIdentities: [],
  },
  {
    id: 'income-summary',
    kind: 'budget',
    title: '收入总体情况表',
    titles: [/收入(预算)?总(体情况)?表/],
    layout: 'classified',
    classification: 'function',
    columns: INCOME_SOURCE_COLUMNS,
    extraColumns: INCOME_EXTRA_COLUMNS,
    rowIdentities: [
      {
        total: 'total',
        parts: [...INCOME_SOURCE_COLUMNS, ...INCOME_EXTRA_COLUMNS].filter((c) => c.key !== 'total').map((c) => c.key),
      },
    ],
  },
  {
    id: 'expenditure-summary',
    kind: 'budget',
    title: '支出总体情况表',
    titles: [/(?<!基本|项目)支出(预算)?总(体情况)?表/],
    layout: 'classified',
    classification: 'function',
    requiredDepth: 'item',
    columns: totalBasicProject,
    // 江苏 (corpus 035 p11): 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金, the reserve a part of 合计
    extraColumns: [{ key: 'unitReserve', label: '单位预留机动经费', match: /预留机动经?费?/ }],
    rowIdentities: [{ total: 'total', parts: ['basic', 'project', 'unitReserve'] }],
  },
  {
    id: 'general-budget-basic-expenditure',
    kind: 'budget',
    title: '一般公共预算基本支出情况表',
    titles: [/一般公共预算(财政拨款)?基本支出(情况|部门预算经济分类|明细)?(预算)?表(?!.*功能)/],
    layout: 'classified',
    classification: 'economic',
    requiredDepth: 'section',
    columns: [
      { key: 'total', label: '合计', match: /^(合计|小计|总计|金额|预算数?)$/ },
      { key: 'personnel', label: '人员经费', match: PERSONNEL_HEADER },
      { key: 'public', label: '公用经费', match: /公用经费/ },
    ],
    rowIdentities: [{ total: 'total', parts: ['personnel', 'public'] }],
  },
  {
    id: 'general-budget-project-expenditure',
    kind: 'budget',
    title: '一般公共预算项目支出情况表',
    titles: [/一般公共预算(财政拨款)?项目支出(情况)?表/],
    layout: 'classified',
    classification: 'function',
    columns: [
      { key: 'total', label: '项目支出合计', match: /项目支?出?合计|^合计$|^预算数?$/ },
      ...ECONOMIC_CLASS_COLUMNS,
    ],
    rowIdentities: [{ total: 'total', parts: ECONOMIC_CLASS_COLUMNS.map((c) => c.key) }],
  },
  {
    id: 'three-public',
    kind: 'budget',
    title: '一般公共预算"三公"经费支出情况表',
    titles: [/三公/],
    layout: 'single-row',
    columns: THREE_PUBLIC_READ_COLUMNS,
    extraColumns: MEETING_TRAINING,
    rowVariants: THREE_PUBLIC_VARIANTS,
    skipColumns: THREE_PUBLIC_SKIP,
    neutralHeaders: THREE_PUBLIC_NEUTRAL,
    rowIdentities: [
      { total: 'total', parts: ['overseas', 'vehicle', 'reception'] },
      { total: 'vehicle', parts: ['vehiclePurchase', 'vehicleOperation'] },
    ],
  },
  {
    id: 'government-fund-expenditure',
    kind: 'budget',
    title: '政府性基金预算支出情况表',
    titles: [/政府性基金(预算)?(支出)?(情况|功能分类)?(预算)?表/],
    layout: 'classified',
    classification: 'function',
    columns: totalBasicProject,
    rowIdentities: sumBasicProject,
    mayBeEmpty: true,
  },
  {
    id: 'state-capital-expenditure',
    kind: 'budget',
    title: '国有资本经营预算支出情况表',
    titles: [/国有资本经营预算(支出)?(情况|功能分类)?(预算)?表/],
    layout: 'classified',
    classification: 'function',
    columns: totalBasicProject,
    rowIdentities: sumBasicProject,
    mayBeEmpty: true,
  },
  {
    id: 'general-budget-expenditure',
    kind: 'budget',
    title: '一般公共预算支出情况表',
    titles: [/一般公共预算(财政拨款)?(当年拨款)?支出(情况|功能分类|明细)?(预算)?表(?!.*经济)/],
    layout: 'classified',
    classification: 'function',
    requiredDepth: 'item',
    columns: totalBasicProject,
    extraColumns: BY_PURPOSE_COLUMNS,
    rowIdentities: [...sumBasicProject, { total: 'total', parts: BY_PURPOSE_COLUMNS.map((c) => c.key) }],
  },
];

const BY_ID = new Map(TABLE_TEMPLATES.map((t) => [t.id, t]));

export function tableTemplate(id: TableId): TableTemplate {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown table id ${id}`);
  return t;
}

/**
 * How templates number their tables around the title words, removed before the title is matched: "表一：", "附表3",
 * "表1-2", "预算01表", "单位预算表10", "部门预算表 3" before it; "（预算表1）", "（表3）", "（附表2）" after it.
 */
export const TABLE_NUMBER_MARKS: RegExp[] = [
  /^(?:附件\d+[:：]?)?(?:附)?表[一二三四五六七八九十\d]+(?:[-－—.．]\d+)*[:：、.．]?/,
  /^(?:部门|单位)?(?:预算|决算)\d+(?:[-－—]\d+)*表[:：、]?/,
  /^(?:部门|单位)?(?:预算|决算)(?:附)?表[一二三四五六七八九十\d]+(?:[-－—]\d+)*[:：、]?/,
  /[(（](?:部门|单位)?(?:预算|决算)?(?:附)?表[一二三四五六七八九十\d]+(?:[-－—]\d+)*[)）]$/,
];

/** A title without the numbering marks of TABLE_NUMBER_MARKS (spaces and quotes normalised). */
export function titleWords(title: string): string {
  let t = title.replace(/\s+/g, '').replace(/[“”"＂]/g, '"');
  for (const re of TABLE_NUMBER_MARKS) t = t.replace(re, '');
  return t;
}

/** Recognises a table title (spaces removed); a kind narrows the search to that document kind's set. */
export function recogniseTableTitle(title: string, kind?: DocumentKind): TableTemplate | undefined {
  const t = titleWords(title);
  if (!/表/.test(t)) return undefined;
  // the document's own set first; a title from the other set (a budget table inside a final account) after it
  for (const tpl of TABLE_TEMPLATES) {
    if (kind && tpl.kind !== kind) continue;
    if (tpl.titles.some((re) => re.test(t))) return tpl;
  }
  if (kind) for (const tpl of TABLE_TEMPLATES) if (tpl.titles.some((re) => re.test(t))) return tpl;
  return undefined;
}

/** The standard table set of a document kind, in the standard order. */
export function standardTableIds(kind: DocumentKind): TableId[] {
  const order: Record<DocumentKind, TableId[]> = {
    budget: [
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'general-budget-basic-expenditure',
      'general-budget-project-expenditure',
      'three-public',
      'government-fund-expenditure',
      'state-capital-expenditure',
    ],
    final_account: [
      'final-income-expenditure-summary',
      'final-income',
      'final-expenditure',
      'final-fiscal-appropriation-summary',
      'final-general-budget-expenditure',
      'final-general-budget-basic-expenditure',
      'final-three-public',
      'final-government-fund',
      'final-state-capital',
    ],
  };
  return order[kind];
}

/**
 * Fixed rows of a two-sided table (收支总表) that the printed form puts on one line, income beside expenditure:
 * 本年收入 beside 本年支出, 收入总计 beside 支出总计. The rows between them are laid out in order on each side.
 */
export const SIDE_BY_SIDE_ROWS: Array<{ income: FixedRowKey; expenditure: FixedRowKey }> = [
  { income: 'currentYearIncome', expenditure: 'currentYearExpenditure' },
  { income: 'incomeTotal', expenditure: 'expenditureTotal' },
];

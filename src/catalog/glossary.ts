// Glossary: our English identifiers ↔ the standard Chinese terms, with short 名词解释 definitions (our own wording)
// for writers; docs/glossary.md is rendered from this list.

export type GlossaryUse =
  | 'table' // a TableId
  | 'figure' // a key of Figures (or of Figures.threePublic)
  | 'column' // a column or fixed-row key of the table templates
  | 'subject' // a Subject.kind of narrative facts
  | 'topic' // a NarrativeSection.topic
  | 'kind' // DocumentKind
  | 'scope' // DocumentScope
  | 'level' // classification level
  | 'system' // classification system
  | 'rowKind' // TableRow.kind
  | 'status' // Table.status
  | 'term'; // a term a disclosure explains, without an identifier of its own

export interface GlossaryEntry {
  /** the identifier used in code */
  id: string;
  /** where the identifier is used */
  uses: GlossaryUse[];
  /** the standard Chinese term */
  zh: string;
  /** other printed forms of the term */
  variants?: string[];
  /** a short English gloss */
  en: string;
  /** 名词解释: a short definition in Chinese, for documents */
  definition?: string;
}

export const GLOSSARY: GlossaryEntry[] = [
  // ── document kinds and scopes
  {
    id: 'budget',
    uses: ['kind', 'column'],
    zh: '预算',
    variants: ['预算数'],
    en: 'budget (planned figures for the fiscal year)',
    definition: '经法定程序批准的年度财政收支计划，公开时列示本年安排数。',
  },
  {
    id: 'final_account',
    uses: ['kind'],
    zh: '决算',
    variants: ['决算数'],
    en: 'final account (actual figures after the fiscal year)',
    definition: '预算年度结束后编制的反映预算实际执行结果的报告。',
  },
  {
    id: 'department',
    uses: ['scope'],
    zh: '部门',
    variants: ['部门预算', '部门决算'],
    en: 'department: the department together with its subordinate units',
    definition: '主管部门本级及所属预算单位的汇总口径。',
  },
  {
    id: 'unit',
    uses: ['scope'],
    zh: '单位',
    variants: ['单位预算', '单位决算'],
    en: 'unit: one budget unit on its own',
    definition: '单个预算单位自身的收支口径，不含下属单位。',
  },

  // ── classification systems and levels
  {
    id: 'function',
    uses: ['system', 'subject'],
    zh: '支出功能分类',
    variants: ['功能分类科目'],
    en: 'functional classification of expenditure (what the money is for)',
    definition: '按政府职能和活动分类反映支出用途的科目体系，分类、款、项三级。',
  },
  {
    id: 'economic',
    uses: ['system', 'subject'],
    zh: '支出经济分类',
    variants: ['经济分类科目', '部门预算支出经济分类'],
    en: 'economic classification of expenditure (what the money is spent on)',
    definition: '按支出的经济性质和具体用途分类的科目体系，部门预算使用3开头的科目，分类、款两级。',
  },
  {
    id: 'governmentEconomic',
    uses: ['system'],
    zh: '政府预算支出经济分类',
    en: 'economic classification of government budget expenditure (5xx)',
    definition: '政府预算编制使用的经济分类科目，以5开头，与部门预算经济分类有对照关系。',
  },
  {
    id: 'class',
    uses: ['level'],
    zh: '类',
    en: 'class (3-digit code)',
    definition: '科目的第一级，功能分类用3位编码。',
  },
  {
    id: 'section',
    uses: ['level'],
    zh: '款',
    en: 'section (5-digit code)',
    definition: '类下的第二级科目，用5位编码。',
  },
  {
    id: 'item',
    uses: ['level'],
    zh: '项',
    en: 'item (7-digit code)',
    definition: '款下的第三级科目，用7位编码，功能分类公开须细化到项。',
  },

  // ── standard tables (TableId)
  {
    id: 'income-expenditure-summary',
    uses: ['table'],
    zh: '收支总体情况表',
    variants: ['收支总表', '部门收支总体情况表', '单位收支总表'],
    en: 'income and expenditure summary (budget)',
  },
  {
    id: 'income-summary',
    uses: ['table'],
    zh: '收入总体情况表',
    variants: ['收入总表'],
    en: 'income summary (budget)',
  },
  {
    id: 'expenditure-summary',
    uses: ['table'],
    zh: '支出总体情况表',
    variants: ['支出总表'],
    en: 'expenditure summary (budget)',
  },
  {
    id: 'fiscal-appropriation-summary',
    uses: ['table'],
    zh: '财政拨款收支总体情况表',
    variants: ['财政拨款收支总表'],
    en: 'fiscal appropriation income and expenditure summary (budget)',
  },
  {
    id: 'general-budget-expenditure',
    uses: ['table'],
    zh: '一般公共预算支出情况表',
    variants: ['一般公共预算支出表'],
    en: 'general public budget expenditure (budget, by function to 项)',
  },
  {
    id: 'general-budget-basic-expenditure',
    uses: ['table'],
    zh: '一般公共预算基本支出情况表',
    variants: ['一般公共预算基本支出表'],
    en: 'general public budget basic expenditure (budget, by economic 款)',
  },
  {
    id: 'general-budget-project-expenditure',
    uses: ['table'],
    zh: '一般公共预算项目支出情况表',
    variants: ['一般公共预算项目支出表'],
    en: 'general public budget project expenditure (budget, by project)',
  },
  {
    id: 'three-public',
    uses: ['table'],
    zh: '一般公共预算“三公”经费支出情况表',
    variants: ['“三公”经费支出表'],
    en: '"three public" expenses (budget)',
  },
  {
    id: 'government-fund-expenditure',
    uses: ['table'],
    zh: '政府性基金预算支出情况表',
    variants: ['政府性基金预算支出表'],
    en: 'government fund budget expenditure (budget)',
  },
  {
    id: 'state-capital-expenditure',
    uses: ['table'],
    zh: '国有资本经营预算支出情况表',
    variants: ['国有资本经营预算支出表'],
    en: 'state capital operating budget expenditure (budget)',
  },
  {
    id: 'final-income-expenditure-summary',
    uses: ['table'],
    zh: '收入支出决算总表',
    en: 'income and expenditure summary (final account)',
  },
  { id: 'final-income', uses: ['table'], zh: '收入决算表', en: 'income (final account)' },
  { id: 'final-expenditure', uses: ['table'], zh: '支出决算表', en: 'expenditure (final account)' },
  {
    id: 'final-fiscal-appropriation-summary',
    uses: ['table'],
    zh: '财政拨款收入支出决算总表',
    en: 'fiscal appropriation income and expenditure summary (final account)',
  },
  {
    id: 'final-general-budget-expenditure',
    uses: ['table'],
    zh: '一般公共预算财政拨款支出决算表',
    en: 'general public budget appropriation expenditure (final account)',
  },
  {
    id: 'final-general-budget-basic-expenditure',
    uses: ['table'],
    zh: '一般公共预算财政拨款基本支出决算表',
    en: 'general public budget appropriation basic expenditure (final account)',
  },
  {
    id: 'final-three-public',
    uses: ['table'],
    zh: '一般公共预算财政拨款“三公”经费支出决算表',
    variants: ['财政拨款“三公”经费支出决算表'],
    en: '"three public" expenses (final account)',
  },
  {
    id: 'final-government-fund',
    uses: ['table'],
    zh: '政府性基金预算财政拨款收入支出决算表',
    en: 'government fund budget appropriation income and expenditure (final account)',
  },
  {
    id: 'final-state-capital',
    uses: ['table'],
    zh: '国有资本经营预算财政拨款支出决算表',
    variants: ['国有资本经营预算财政拨款收入支出决算表'],
    en: 'state capital operating budget appropriation expenditure (final account)',
  },
  {
    id: 'department-performance-target',
    uses: ['table'],
    zh: '部门整体预算绩效目标申报表',
    variants: ['部门整体绩效目标申报表', '部门整体支出绩效目标申报表'],
    en: 'department-wide performance target declaration (budget block)',
  },

  // ── funds and income sources
  {
    id: 'fiscalAppropriation',
    uses: ['column', 'subject'],
    zh: '财政拨款',
    variants: ['财政拨款（补助）', '财政拨款收入'],
    en: 'fiscal appropriation (money granted from the budget)',
    definition:
      '本级财政当年拨给部门或单位的资金，按来源可分三类：一般公共预算、国有资本经营预算与政府性基金预算的拨款。',
  },
  {
    id: 'generalBudget',
    uses: ['column', 'subject', 'topic'],
    zh: '一般公共预算',
    variants: ['一般公共预算拨款', '一般公共预算财政拨款'],
    en: 'general public budget',
    definition: '以税收为主要来源，用于保障民生、推动发展、维护国家安全和机构运转等方面的收支预算。',
  },
  {
    id: 'governmentFund',
    uses: ['column', 'topic'],
    zh: '政府性基金预算',
    variants: ['政府性基金预算拨款'],
    en: 'government fund budget',
    definition: '依法在一定期限内向特定对象征收或筹集、专款专用于特定公共事业的资金形成的收支预算。',
  },
  {
    id: 'stateCapital',
    uses: ['column', 'topic'],
    zh: '国有资本经营预算',
    variants: ['国有资本经营预算拨款'],
    en: 'state capital operating budget',
    definition: '对国有资本收益作出支出安排的收支预算，与一般公共预算相衔接。',
  },
  { id: 'fund', uses: ['subject'], zh: '资金来源', en: 'a fund or income source named in the text' },
  {
    id: 'specialAccount',
    uses: ['column'],
    zh: '财政专户管理资金',
    variants: ['财政专户（教育收费）', '教育收费（财政专户）'],
    en: 'funds managed in a fiscal special account (e.g. tuition fees)',
    definition: '按规定缴入财政专户、由财政统一管理后安排使用的教育收费等资金。',
  },
  {
    id: 'businessIncome',
    uses: ['column'],
    zh: '事业收入',
    en: 'service income of public institutions',
    definition: '事业单位依托其专业业务及辅助活动取得的收入。',
  },
  {
    id: 'operatingIncome',
    uses: ['column'],
    zh: '事业单位经营收入',
    variants: ['经营收入'],
    en: 'business income of public institutions',
    definition: '事业单位在专业业务以外从事非独立核算的经营性活动所得的收入。',
  },
  {
    id: 'superiorSubsidy',
    uses: ['column'],
    zh: '上级补助收入',
    en: 'subsidy from the superior unit',
    definition: '从主管部门或上级单位取得的非财政拨款补助。',
  },
  { id: 'superiorSpecial', uses: ['column'], zh: '上级专项收入', en: 'earmarked funds from the superior level' },
  {
    id: 'otherIncome',
    uses: ['column'],
    zh: '单位其他资金收入',
    variants: ['其他收入'],
    en: 'other income of the unit',
    definition: '上述各项以外取得的收入，如利息收入、捐赠收入等。',
  },
  {
    id: 'businessFundOffset',
    uses: ['column'],
    zh: '用事业基金弥补收支差额',
    en: 'reserve fund used to close the gap between income and expenditure',
    definition: '事业单位在当年收入不足以安排支出时，动用以前年度积累的事业基金弥补的部分。',
  },
  {
    id: 'priorYearBalance',
    uses: ['column'],
    zh: '上年结转',
    variants: ['上年结余', '单位上年结余', '年初结转和结余', '上年结转结余'],
    en: 'carry-over from the previous year',
    definition: '以前年度尚未执行完毕、按规定结转到本年继续使用的资金。',
  },

  // ── totals and figures
  {
    id: 'total',
    uses: ['column', 'figure', 'rowKind', 'subject'],
    zh: '合计',
    variants: ['总计', '小计'],
    en: 'total',
  },
  {
    id: 'incomeTotal',
    uses: ['figure', 'column'],
    zh: '收入总计',
    en: 'total income including carry-over',
    definition: '本年收入与上年结转等之和，与支出总计相等。',
  },
  {
    id: 'expenditureTotal',
    uses: ['figure', 'column'],
    zh: '支出总计',
    en: 'total expenditure including carry-forward',
    definition: '本年支出与结转下年等之和，与收入总计相等。',
  },
  {
    id: 'currentYearIncome',
    uses: ['figure', 'column'],
    zh: '本年收入合计',
    variants: ['本年收入小计'],
    en: 'income of the current year',
    definition: '当年取得的各项收入之和，不含上年结转。',
  },
  {
    id: 'currentYearExpenditure',
    uses: ['figure', 'column'],
    zh: '本年支出合计',
    variants: ['本年支出小计'],
    en: 'expenditure of the current year',
    definition: '当年安排或发生的各项支出之和，不含结转下年。',
  },
  { id: 'income', uses: ['subject', 'topic'], zh: '收入', en: 'income' },
  { id: 'expenditure', uses: ['subject', 'topic'], zh: '支出', en: 'expenditure' },
  {
    id: 'basicExpenditure',
    uses: ['figure'],
    zh: '基本支出',
    en: 'basic expenditure (figure)',
    definition: '为维持机构正常运转和完成日常工作而安排的支出，分为人员经费和公用经费两部分。',
  },
  {
    id: 'projectExpenditure',
    uses: ['figure'],
    zh: '项目支出',
    en: 'project expenditure (figure)',
    definition: '在基本支出之外，为完成特定工作任务或事业发展目标安排的支出。',
  },
  {
    id: 'basic',
    uses: ['column', 'subject', 'topic'],
    zh: '基本支出',
    en: 'basic expenditure: keeping the organisation running',
    definition: '为维持机构正常运转和完成日常工作而安排的支出，分为人员经费和公用经费两部分。',
  },
  {
    id: 'project',
    uses: ['column', 'subject', 'topic'],
    zh: '项目支出',
    en: 'project expenditure: specific tasks beyond running costs',
    definition: '在基本支出之外，为完成特定工作任务或事业发展目标安排的支出。',
  },
  {
    id: 'generalPublicBudgetExpenditure',
    uses: ['figure'],
    zh: '一般公共预算支出',
    variants: ['一般公共预算财政拨款支出'],
    en: 'expenditure from the general public budget',
    definition: '使用一般公共预算拨款安排的支出。',
  },
  {
    id: 'personnel',
    uses: ['figure', 'column', 'subject'],
    zh: '人员经费',
    en: 'personnel costs (301 + 303 within basic expenditure)',
    definition: '基本支出中用于人员的部分，包括工资福利支出和对个人和家庭的补助。',
  },
  {
    id: 'publicFunds',
    uses: ['figure'],
    zh: '公用经费',
    en: 'office running costs (figure)',
    definition: '基本支出中用于日常运转的商品和服务支出等公用部分。',
  },
  {
    id: 'public',
    uses: ['column', 'subject'],
    zh: '公用经费',
    variants: ['日常公用经费'],
    en: 'office running costs (302 and similar within basic expenditure)',
    definition: '基本支出中用于日常运转的商品和服务支出等公用部分。',
  },
  {
    id: 'operatingCosts',
    uses: ['figure', 'subject'],
    zh: '机关运行经费',
    en: 'administrative running costs of organs',
    definition:
      '行政单位以及参公管理事业单位使用财政拨款安排的基本支出中的公用经费，例如办公费、水电费、差旅费、公务用车运行费等。',
  },
  {
    id: 'procurementTotal',
    uses: ['figure'],
    zh: '政府采购总额',
    variants: ['政府采购预算', '政府采购支出总额'],
    en: 'total government procurement',
    definition: '使用财政性资金采购集中采购目录以内或限额标准以上的货物、工程和服务的金额合计。',
  },
  {
    id: 'procurement',
    uses: ['subject', 'term'],
    zh: '政府采购',
    en: 'government procurement',
    definition: '各级国家机关、事业单位和团体组织使用财政性资金，依法采购货物、工程和服务的行为。',
  },
  {
    id: 'functionClasses',
    uses: ['figure'],
    zh: '按功能分类的类级支出',
    en: 'expenditure by function class (code → amount)',
  },
  {
    id: 'fiscal',
    uses: ['topic'],
    zh: '财政拨款收支',
    variants: ['财政拨款收支总体情况'],
    en: 'fiscal appropriation income and expenditure (narrative topic)',
  },
  { id: 'summary', uses: ['topic'], zh: '收支总体情况', en: 'overall income and expenditure (narrative topic)' },
  {
    id: 'performance',
    uses: ['topic', 'term'],
    zh: '预算绩效管理',
    variants: ['预算绩效情况'],
    en: 'budget performance management',
    definition: '围绕预算资金设定绩效目标、监控执行、开展评价并应用结果的管理活动。',
  },
  { id: 'other', uses: ['subject', 'topic'], zh: '其他', variants: ['其他重要事项'], en: 'other matters' },

  // ── "three public" expenses
  {
    id: 'threePublic',
    uses: ['figure', 'subject', 'topic'],
    zh: '“三公”经费',
    variants: ['三公经费'],
    en: '"three public" expenses: official travel abroad, official vehicles, official reception',
    definition: '财政拨款安排的三项公务支出，即公务接待费、因公出国（境）费以及公务用车购置及运行费。',
  },
  {
    id: 'overseas',
    uses: ['figure', 'column'],
    zh: '因公出国（境）费',
    variants: ['因公出国(境)费用'],
    en: 'official travel abroad',
    definition: '单位工作人员因公出国（境）发生的住宿、伙食、交通、杂费等费用。',
  },
  {
    id: 'vehicle',
    uses: ['column'],
    zh: '公务用车购置及运行费',
    variants: ['公务用车购置及运行维护费'],
    en: 'official vehicles: purchase and operation',
    definition: '公务用车购置费与公务用车运行费之和。',
  },
  {
    id: 'vehiclePurchase',
    uses: ['figure', 'column'],
    zh: '公务用车购置费',
    en: 'purchase of official vehicles',
    definition: '单位按规定更新或新增公务用车发生的购置支出（含车辆购置税）。',
  },
  {
    id: 'vehicleOperation',
    uses: ['figure', 'column'],
    zh: '公务用车运行费',
    variants: ['公务用车运行维护费'],
    en: 'operation of official vehicles',
    definition: '公务用车的燃料、维修、过路过桥、保险等运行维护支出。',
  },
  {
    id: 'reception',
    uses: ['figure', 'column'],
    zh: '公务接待费',
    en: 'official reception',
    definition: '单位按规定开支的国内公务接待支出，包括接待外宾。',
  },

  // ── economic classes used as columns
  {
    id: 'economic:301',
    uses: ['column'],
    zh: '工资福利支出',
    en: 'wages and benefits (301)',
    definition: '支付在职职工和编制外长期聘用人员的工资、津贴补贴、社会保险缴费、住房公积金等。',
  },
  {
    id: 'economic:302',
    uses: ['column'],
    zh: '商品和服务支出',
    en: 'goods and services (302)',
    definition: '购买商品和服务的支出，如办公、差旅、会议、培训、物业、维修等费用，不含资本性购置。',
  },
  {
    id: 'economic:303',
    uses: ['column'],
    zh: '对个人和家庭的补助',
    en: 'transfers to individuals and households (303)',
    definition: '对个人和家庭的无偿补助，如离退休费、抚恤金、奖励金、生活补助等。',
  },
  { id: 'economic:307', uses: ['column'], zh: '债务利息及费用支出', en: 'debt interest and fees (307)' },
  {
    id: 'economic:309',
    uses: ['column'],
    zh: '资本性支出（基本建设）',
    en: 'capital expenditure financed as capital construction (309)',
  },
  {
    id: 'economic:310',
    uses: ['column'],
    zh: '资本性支出',
    en: 'capital expenditure (310)',
    definition: '用于购置固定资产、无形资产等形成资产的支出，如办公设备、专用设备购置。',
  },
  {
    id: 'economic:311',
    uses: ['column'],
    zh: '对企业补助（基本建设）',
    en: 'subsidies to enterprises, capital construction (311)',
  },
  { id: 'economic:312', uses: ['column'], zh: '对企业补助', en: 'subsidies to enterprises (312)' },
  { id: 'economic:313', uses: ['column'], zh: '对社会保障基金补助', en: 'subsidies to social security funds (313)' },
  { id: 'economic:399', uses: ['column'], zh: '其他支出', en: 'other expenditure (399)' },

  // ── table rows and statuses
  { id: 'subtotal', uses: ['rowKind'], zh: '小计', en: 'subtotal row' },
  { id: 'leaf', uses: ['rowKind'], zh: '明细行', en: 'detail row carrying the data' },
  { id: 'organisation', uses: ['rowKind'], zh: '单位行', en: 'organisation row grouping a unit’s rows ("[002002]…")' },
  { id: 'present', uses: ['status'], zh: '已公开', en: 'table printed in the body' },
  {
    id: 'empty',
    uses: ['status'],
    zh: '空表',
    en: 'table printed with its statement that it is empty',
    definition: '本单位没有相应收支时，表格照常公开并说明“此表为空表”。',
  },
  { id: 'absent', uses: ['status'], zh: '缺失', en: 'table announced but not printed' },
  { id: 'attachment', uses: ['status'], zh: '见附表', en: 'table published as a separate attachment' },

  // ── other terms a disclosure explains
  {
    id: 'openingBalance',
    uses: ['column'],
    zh: '年初结转和结余',
    variants: ['年初财政拨款结转和结余'],
    en: 'balances brought forward at the start of the year',
    definition: '上年度及以前年度未执行完毕、转入本年度接着使用的资金。',
  },
  {
    id: 'final',
    uses: ['column'],
    zh: '决算数',
    en: 'final (actual) figure, the amount column of final-account tables',
  },
  {
    id: 'priorAccountBalance',
    uses: ['column'],
    zh: '上年实户资金余额',
    en: "balance left on the unit's own accounts from the previous year",
    definition: '单位实有资金账户中上年末留存、本年可安排使用的资金。',
  },
  {
    id: 'unspentAccountFunds',
    uses: ['column'],
    zh: '未安排支出的实户资金',
    en: "funds on the unit's own accounts not budgeted for spending",
    definition: '单位实有资金账户中本年不安排支出、留存账户的资金。',
  },
  {
    id: 'subsidiaryRemit',
    uses: ['column'],
    zh: '附属单位上缴收入',
    en: 'income remitted by subsidiary units',
    definition: '下属独立核算单位依规定交给事业单位的款项。',
  },
  {
    id: 'superiorRemit',
    uses: ['column'],
    zh: '上缴上级支出',
    en: 'expenditure remitted to the superior unit',
    definition: '事业单位按规定的定额或比例上缴上级单位的支出。',
  },
  {
    id: 'operatingExpenditure',
    uses: ['column'],
    zh: '经营支出',
    en: 'expenditure on business activities of public institutions',
    definition: '事业单位开展专业业务以外的非独立核算经营活动所花费的支出。',
  },
  {
    id: 'subsidiaryGrant',
    uses: ['column'],
    zh: '对附属单位补助支出',
    en: 'grants to subsidiary units',
    definition: '事业单位用财政拨款以外的资金对附属单位补助发生的支出。',
  },
  {
    id: 'carryForward',
    uses: ['term', 'column'],
    zh: '年末结转和结余',
    variants: ['结转下年'],
    en: 'carried forward to later years',
    definition: '本年度或以前年度安排、留待以后年度按规定继续使用的资金。',
  },
  {
    id: 'balanceDistribution',
    uses: ['term', 'column'],
    zh: '结余分配',
    en: 'distribution of surplus',
    definition: '事业单位按规定提取专用基金、转入事业基金等对当年结余进行的分配。',
  },
  {
    id: 'unitFunds',
    uses: ['column'],
    zh: '单位资金',
    en: "the unit's own funds (heading over 事业收入 … 其他收入 in some templates)",
    definition: '财政拨款以外由单位自行组织的收入，包括事业收入、经营收入、上级补助收入、附属单位上缴收入和其他收入。',
  },
  {
    id: 'priorFiscalBalance',
    uses: ['column'],
    zh: '财政拨款结余、结转',
    variants: ['财政拨款资金结转'],
    en: 'prior-year balance of fiscal appropriations',
  },
  {
    id: 'priorOtherBalance',
    uses: ['column'],
    zh: '非财政拨款结余、结转',
    variants: ['非财政拨款资金结余'],
    en: 'prior-year balance of funds other than fiscal appropriations',
  },
  { id: 'meeting', uses: ['column'], zh: '会议费', en: 'meeting expenses (printed beside the 三公 in some regions)' },
  { id: 'training', uses: ['column'], zh: '培训费', en: 'training expenses (printed beside the 三公 in some regions)' },
  {
    id: 'nonAppropriationBalanceUsed',
    uses: ['term', 'column'],
    zh: '使用非财政拨款结余',
    en: 'use of non-appropriation surplus',
    definition: '单位动用以前年度非财政拨款结余资金弥补当年支出的部分。',
  },
  {
    id: 'stateAssets',
    uses: ['term'],
    zh: '国有资产占用',
    en: 'state-owned assets held',
    definition: '单位占有、使用的房屋、车辆、大型设备等国有资产情况。',
  },
  {
    id: 'performanceTarget',
    uses: ['term'],
    zh: '绩效目标',
    en: 'performance target',
    definition: '预算资金在一定期限内预期达到的产出和效果，用数量、质量、时效、成本、效益、满意度等指标表述。',
  },
  {
    id: 'selfEvaluation',
    uses: ['term'],
    zh: '绩效自评',
    en: 'performance self-evaluation',
    definition: '预算执行完毕后，单位对照绩效目标对资金使用和目标完成情况自行打分评价。',
  },
  {
    id: 'governmentPurchasedServices',
    uses: ['term'],
    zh: '政府购买服务',
    en: 'government purchase of services',
    definition: '把属于政府职责范围、适合市场化方式提供的服务事项，按程序交由符合条件的主体承担并支付费用。',
  },
  {
    id: 'smeReserved',
    uses: ['term'],
    zh: '面向中小企业预留',
    en: 'procurement reserved for small and medium enterprises',
    definition: '在政府采购预算中专门预留给中小企业承接的份额。',
  },
  {
    id: 'administrativeOperation',
    uses: ['term'],
    zh: '行政运行',
    en: 'administrative operation (项 xx01)',
    definition: '行政单位（含参公单位）保障基本运转的支出，列在各款的“行政运行”项。',
  },
  {
    id: 'generalAdministration',
    uses: ['term'],
    zh: '一般行政管理事务',
    en: 'general administrative affairs (项 xx02)',
    definition: '行政单位未单独设项的一般性管理事务支出。',
  },
  {
    id: 'institutionOperation',
    uses: ['term'],
    zh: '事业运行',
    en: 'operation of public institutions (项 xx50)',
    definition: '事业单位保障基本运转的支出。',
  },
  {
    id: 'pensionContributions',
    uses: ['term'],
    zh: '机关事业单位基本养老保险缴费支出',
    en: 'basic pension insurance contributions (2080505)',
    definition: '单位为职工缴纳基本养老保险费的支出。',
  },
  {
    id: 'occupationalAnnuity',
    uses: ['term'],
    zh: '机关事业单位职业年金缴费支出',
    en: 'occupational annuity contributions (2080506)',
    definition: '单位为职工缴纳职业年金的支出。',
  },
  {
    id: 'housingProvidentFund',
    uses: ['term'],
    zh: '住房公积金',
    en: 'housing provident fund (2210201)',
    definition: '单位按规定比例为职工缴存的住房公积金。',
  },
  {
    id: 'civilServantMedical',
    uses: ['term'],
    zh: '行政单位医疗',
    en: 'medical insurance of administrative units (2101101)',
    definition: '行政单位为职工缴纳基本医疗保险等医疗方面的支出。',
  },
];

const byId = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) {
  if (byId.has(entry.id)) throw new Error(`glossary id ${entry.id} twice`);
  byId.set(entry.id, entry);
}

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** The Chinese term for an identifier, or the identifier itself when unknown. */
export function termFor(id: string): string {
  return byId.get(id)?.zh ?? id;
}

/** The 名词解释 pairs for a list of identifiers, in the order given, skipping those without a definition. */
export function definitionsFor(ids: string[]): Array<{ term: string; definition: string }> {
  const out: Array<{ term: string; definition: string }> = [];
  for (const id of ids) {
    const e = byId.get(id);
    if (e?.definition) out.push({ term: e.zh, definition: e.definition });
  }
  return out;
}

const SECTION_TITLES: Array<[GlossaryUse, string]> = [
  ['kind', 'Document kinds'],
  ['scope', 'Document scopes'],
  ['system', 'Classification systems'],
  ['level', 'Classification levels'],
  ['table', 'Standard tables (TableId)'],
  ['figure', 'Figures keys'],
  ['column', 'Column and fixed-row keys'],
  ['subject', 'Narrative subjects (Subject.kind)'],
  ['topic', 'Narrative topics'],
  ['rowKind', 'Row kinds'],
  ['status', 'Table status'],
  ['term', 'Other terms'],
];

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|');
}

/** docs/glossary.md: one table per use; an identifier appears under each of its uses. */
export function renderGlossaryMarkdown(): string {
  const lines = [
    '# Glossary',
    '',
    'Generated from `src/catalog/glossary.ts` (regenerate with `UPDATE_GLOSSARY=1 npx vitest run src/catalog/glossary.test.ts`).',
    'Identifiers used in code, the standard Chinese terms, and short 名词解释 definitions written for this project.',
    '',
  ];
  for (const [use, title] of SECTION_TITLES) {
    const entries = GLOSSARY.filter((e) => e.uses.includes(use));
    if (entries.length === 0) continue;
    lines.push(`## ${title}`, '', '| id | 中文 | also printed as | English | 名词解释 |', '|---|---|---|---|---|');
    for (const e of entries) {
      lines.push(
        `| \`${e.id}\` | ${cell(e.zh)} | ${cell(e.variants?.join('、'))} | ${cell(e.en)} | ${cell(e.definition)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

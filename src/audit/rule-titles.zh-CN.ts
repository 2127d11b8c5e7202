// Each audit rule's Chinese title and one-sentence explanation, keyed by rule id: what the portal, the check report
// and --list-rules show a reader. A new rule needs its entry here (tests/audit/rule-titles.test.ts checks it).
export interface RuleTitle {
  title: string;
  explanation: string;
}

export const RULE_TITLES: Record<string, RuleTitle> = {
  'basic-split': {
    title: '人员经费与公用经费之和',
    explanation: '说明中的人员经费与公用经费之和应等于同处说明的基本支出。',
  },
  'category-word': {
    title: '预算类别用词',
    explanation: '资金名称应使用规范用语：一般公共预算、政府性基金预算、国有资本经营预算。',
  },
  'change-arithmetic': {
    title: '增减变化计算',
    explanation: '说明中的增减额与增减幅度方向一致，增长率等于增减额除以上年数。',
  },
  'change-reason': { title: '增减变化原因', explanation: '说明中每一处比上年增加或减少，都应说明主要原因。' },
  'classification-code': {
    title: '科目编码与名称',
    explanation: '表中的功能分类和经济分类编码应与当年政府收支分类科目的名称一致。',
  },
  'classification-code-unconfirmed': {
    title: '待核实的科目编码',
    explanation:
      '本工具科目目录未收录或无法确认的编码与名称（新增科目、已停用科目、其他年度名称、名称截断等），请对照当年政府收支分类科目核实，不作为错误。',
  },
  'classification-depth': {
    title: '科目细化程度',
    explanation: '功能分类应细化到项级，基本支出经济分类应细化到款级。',
  },
  'classification-hierarchy': {
    title: '类款项逐级合计',
    explanation: '款等于所属各项之和，类等于所属各款之和，合计等于各类之和。',
  },
  'cross-table-agreement': {
    title: '表间数字一致',
    explanation: '同一数字在不同表中出现时应相同，如各功能分类在收支总表与支出总表中。',
  },
  'document-kind': { title: '文件类型用词', explanation: '标题应与文件类型相符：单位预算不称部门预算，预算不称决算。' },
  'duplicated-words': { title: '重复用词', explanation: '说明中不应有编辑遗留的重复词语，如“增加增加”“万元万元”。' },
  'empty-table-statement': {
    title: '空表说明',
    explanation: '政府性基金或国有资本经营预算表为空时，仍应公开并说明为空表。',
  },
  'final-identities': {
    title: '决算平衡关系',
    explanation: '决算说明中的收入总计、支出总计、本年收入和本年支出应符合决算的平衡关系。',
  },
  'final-three-public-counts': {
    title: '决算“三公”经费数量信息',
    explanation: '决算应说明出国团组数和人次、公务用车购置数和保有量、公务接待批次和人次。',
  },
  'fiscal-year': { title: '预算年度', explanation: '当年数字、表的预算年度和各部分标题应为本文件的年度。' },
  'fixed-row-sums': {
    title: '收支总表合计',
    explanation: '收支总表和财政拨款收支总表中的小计、合计应等于其组成各行之和。',
  },
  'fund-table-consistency': {
    title: '基金表与总表一致',
    explanation: '政府性基金或国有资本经营预算表为空，当且仅当总表中该项资金为零。',
  },
  'income-by-fund': {
    title: '收入按来源说明',
    explanation: '收入说明应按收入来源（一般公共预算拨款、事业收入等）说明，而不是按支出功能分类。',
  },
  'items-explained': {
    title: '支出项目说明',
    explanation: '一般公共预算支出表中每个非零的项都应在说明中列出并说明金额。',
  },
  'money-unit-slip': {
    title: '金额单位',
    explanation: '说明中的金额应与表的单位一致，同样的数字写成“元”或“万元”是单位错误。',
  },
  'narrative-amount': { title: '说明与表格金额一致', explanation: '说明中提到的每个金额都应等于表中相应的数字。' },
  'operating-costs': { title: '机关运行经费', explanation: '机关运行经费不应超过基本支出中的公用经费。' },
  'other-matters': {
    title: '其他重要事项',
    explanation: '其他重要事项应说明机关运行经费、政府采购、国有资产占用和预算绩效管理情况。',
  },
  'performance-target-funds': {
    title: '绩效目标资金',
    explanation: '项目支出绩效目标表中年度资金总额应等于财政拨款与其他资金之和。',
  },
  'procurement-sums': {
    title: '政府采购金额',
    explanation: '货物、工程、服务之和等于政府采购总额，中小企业、小微企业金额与比例前后一致。',
  },
  'project-amounts': {
    title: '项目金额',
    explanation: '每个项目的金额在项目清单、项目支出表和绩效目标表中一致，合计等于项目支出。',
  },
  'project-names': { title: '项目名称', explanation: '同一项目在项目清单、项目支出表和绩效目标表中名称一致。' },
  'repeated-figure': { title: '重复数字一致', explanation: '说明中两处提到的同一数字，金额和增减变化应相同。' },
  'required-parts': { title: '必备部分', explanation: '文件应包括单位概况、公开表、情况说明和名词解释。' },
  'required-tables': { title: '标准公开表', explanation: '文件类型对应的每张标准表都应公开（列入目录或在正文中）。' },
  'row-identity': { title: '行内合计', explanation: '每行的合计栏应等于该表各组成栏之和。' },
  'self-evaluation': {
    title: '绩效自评表',
    explanation: '执行率等于全年执行数除以全年预算数，得分不超过分值，总分等于各项得分之和。',
  },
  share: { title: '占比计算', explanation: '说明中的占比应等于该金额除以其前所述的总额。' },
  'staff-count': { title: '人员构成', explanation: '实有人数应等于在职、退休、离休人数之和。' },
  'table-unit': { title: '表的金额单位', explanation: '有数字的表都应注明金额单位，且同一文件各表单位一致。' },
  'template-residue': { title: '模板残留', explanation: '文本中不应残留模板占位符（XX、某某等）或空白金额。' },
  'three-public-explained': {
    title: '“三公”经费说明',
    explanation: '“三公”经费说明应列出每一项的金额、与上年（或预算）相比的增减及原因。',
  },
  'three-public-narrative-sum': {
    title: '“三公”经费合计',
    explanation: '说明中的“三公”经费合计应等于各项之和，公务用车小计等于购置费与运行费之和。',
  },
  'three-public-vs-economic': {
    title: '“三公”经费与经济分类',
    explanation: '“三公”经费各项不应小于基本支出表中对应的经济分类款。',
  },
  'toc-table-absent': { title: '目录中的表缺失', explanation: '目录列出的每张表都应出现在正文中，或注明见附表。' },
  'two-sided-balance': { title: '收支平衡', explanation: '收支总表的收入总计应等于支出总计。' },
  'unit-name': { title: '单位名称一致', explanation: '封面、目录、概况、表头、说明和落款中的单位名称应一致。' },
  'variance-rate': { title: '预决算差异率', explanation: '决算中的预决算差异率应等于（决算数 − 预算数）÷ 预算数。' },
  'vehicle-categories': {
    title: '车辆分类合计',
    explanation: '国有资产占用情况中各类车辆之和应等于车辆总数和总价值。',
  },
};

/** A rule's Chinese title, or its id when the table has none (never thrown: findings stored by other versions). */
export function ruleTitle(id: string): string {
  return RULE_TITLES[id]?.title ?? id;
}

export function ruleExplanation(id: string): string | undefined {
  return RULE_TITLES[id]?.explanation;
}

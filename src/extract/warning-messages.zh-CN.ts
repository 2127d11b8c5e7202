// The extractor's parse warnings in Chinese, one per message id, each with the warning code it is reported under;
// {name} placeholders are filled from the values the extractor passes (typed: model/messages.ts). The extractor
// chooses an id and supplies values; the wording lives only here.
import type { WarningCode } from '../model/warnings.js';

export const WARNING_MESSAGES = {
  // the document's structure
  tableAbsent: { code: 'table-absent', text: '目录列出的"{title}"在正文中没有找到' },
  partMissing: { code: 'part-missing', text: '目录列出的"{title}"在正文中没有找到，文件可能不完整' },
  noParts: { code: 'no-parts', text: '正文中没有找到"第X部分"标题，只读取了能识别的内容' },
  narrativeMissing: {
    code: 'narrative-missing',
    text: '未找到情况说明部分（标题含“说明”的第X部分），说明中的数字未读取',
  },
  overviewMissing: { code: 'overview-missing', text: '未找到概况部分（主要职能、机构设置及人员情况），概况未读取' },
  overviewSections: { code: 'overview-sections', text: '概况部分中未找到“主要职能”或“机构设置”' },
  glossaryMissing: { code: 'glossary-missing', text: '未找到名词解释部分' },
  // the standard tables
  duplicateTable: { code: 'duplicate-table', text: '表"{table}"出现了两次，只读取第一次' },
  cellBeyondHeader: {
    code: 'cell-beyond-header',
    text: '表"{table}"第{line}行有一个数值超出表头列，已归入"{column}"列',
  },
  unknownIncomeRow: { code: 'unknown-income-row', text: '表"{table}"收入项"{label}"不是模板中的行' },
  // the 部门整体绩效目标申报表
  formUnreadRow: { code: 'performance-unread-row', text: '部门整体绩效指标行无法按表头读取："{cells}"' },
  formNoBudget: { code: 'performance-no-budget', text: '部门整体绩效目标申报表没有读到"预算整体情况"的金额' },
  formNoIndicators: { code: 'performance-no-indicators', text: '部门整体绩效目标申报表没有读到绩效指标' },
  // the performance target tables
  targetUnlabelledGoal: {
    code: 'performance-unlabelled-goal',
    text: '绩效目标表"项目总体目标"标签无法识别，按整段文字读作总体目标（{where}）',
  },
  targetHeaderGarbled: { code: 'performance-garbled-cell', text: '绩效目标表表头单元格无法识别："{text}"（{where}）' },
  projectNameGarbled: { code: 'performance-garbled-cell', text: '项目名称含无法识别的字符："{text}"（{where}）' },
  targetMissingProject: { code: 'performance-missing-project', text: '绩效目标表缺少项目名称（第 {line} 行起）' },
  unitUnreadable: { code: 'performance-garbled-cell', text: '预算单位无法识别，未读取："{text}"（{where}）' },
  unitGarbledDropped: {
    code: 'performance-garbled-cell',
    text: '预算单位中的乱码字符已略去："{text}" → "{clean}"（{where}）',
  },
  unitRecognised: {
    code: 'performance-unit-recognised',
    text: '预算单位按本单位名称识别（原文有一处字符无法识别）："{text}"（{where}）',
  },
  /** {printed}: the cell as printed, in brackets, or nothing */
  targetBlankAmount: { code: 'performance-blank-value', text: '绩效目标表"{label}"未填写金额{printed}（{where}）' },
  targetNoIndicators: { code: 'performance-no-indicators', text: '绩效目标表"{project}"没有指标表头（一级指标）' },
  // the indicator rows of target and self-evaluation tables
  indicatorRowGarbled: { code: 'performance-garbled-cell', text: '绩效指标行无法识别："{text}"（第 {line} 行）' },
  indicatorCellDropped: {
    code: 'performance-garbled-cell',
    text: '绩效指标行中无法识别的单元格已略去："{text}"（第 {line} 行）',
  },
  centredLevels: {
    code: 'performance-centred-levels',
    text: '绩效指标表首行没有一级/二级指标（合并单元格标签居中），无标签的行按最近的标签归类，可能有误（第 {line} 行）',
  },
  missingLevel: { code: 'performance-missing-level', text: '绩效指标"{name}"没有一级/二级指标（第 {line} 行）' },
  nameAcrossPages: { code: 'performance-joined-cells', text: '绩效指标名称跨页续接："{name}"（第 {line} 行）' },
  indicatorNoTarget: { code: 'performance-blank-value', text: '绩效指标"{name}"未填写指标值（第 {line} 行）' },
  nameCellDropped: {
    code: 'performance-garbled-cell',
    text: '绩效指标名称中无法识别的单元格已略去："{text}"（第 {line} 行）',
  },
  nameGarbledDropped: {
    code: 'performance-garbled-cell',
    text: '绩效指标名称中的乱码字符已略去："{text}" → "{clean}"（第 {line} 行）',
  },
  nameJoined: {
    code: 'performance-joined-cells',
    text: '绩效指标名称由 {count} 个单元格拼合："{name}"（第 {line} 行）',
  },
  targetGarbledDropped: {
    code: 'performance-garbled-cell',
    text: '指标值中的乱码字符已略去："{text}" → "{clean}"（第 {line} 行）',
  },
  targetJoined: { code: 'performance-joined-cells', text: '指标值由多个单元格拼合："{target}"（第 {line} 行）' },
  targetDigitsJoined: {
    code: 'performance-joined-cells',
    text: '指标值的数字跨单元格拼合："{target}"（第 {line} 行）',
  },
  targetUnitJoined: {
    code: 'performance-joined-cells',
    text: '指标值的单位跨单元格拼合（略去单元格边缘重复的数字）："{target}"（第 {line} 行）',
  },
  targetExtraCell: { code: 'performance-garbled-cell', text: '指标值后多余的单元格已略去："{text}"（第 {line} 行）' },
  // the self-evaluation tables
  selfRowNoScore: { code: 'performance-unreadable-row', text: '自评表指标行缺少分值/得分："{cells}"（第 {line} 行）' },
  selfNameJoined: { code: 'performance-joined-cells', text: '绩效指标名称由多个单元格拼合："{name}"（第 {line} 行）' },
  selfMissingValues: {
    code: 'performance-blank-value',
    text: '绩效指标"{name}"缺少年度指标值或实际完成值（第 {line} 行）',
  },
  selfMissingProject: { code: 'performance-missing-project', text: '绩效自评表缺少项目名称（第 {line} 行起）' },
  selfNoIndicators: { code: 'performance-no-indicators', text: '绩效自评表"{project}"没有指标表头（一级指标）' },
  selfMissingTotal: { code: 'performance-missing-total', text: '绩效自评表"{project}"没有总分行' },
  fundRowCount: {
    code: 'performance-unreadable-row',
    text: '资金行"{label}"应有 6 个数，读到 {count} 个（第 {line} 行）',
  },
  fundAmountGarbled: {
    code: 'performance-garbled-cell',
    text: '资金行"{label}"的金额无法识别："{text}"（第 {line} 行）',
  },
  rateGarbled: { code: 'performance-garbled-cell', text: '执行率无法识别："{text}"（第 {line} 行）' },
} as const satisfies Record<string, { code: WarningCode; text: string }>;

export type WarningMessageId = keyof typeof WARNING_MESSAGES;

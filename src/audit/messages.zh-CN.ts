// The auditor's messages in Chinese, one per message key; {name} placeholders are filled from a finding's data.
// Rules choose a key and supply values; the wording lives only here.
export const messages = {
  // the auditor itself
  ruleFailed: '审核规则运行失败：{error}（请报告此问题并附上输入文件）',
  // completeness
  partMissing: '缺少“{part}”部分。',
  tocTableAbsent: '目录列出了“{table}”，但正文中没有这张表。',
  standardTableMissing: '未公开标准表“{table}”（目录和正文中都没有）。',
  standardTablePrintedBlank: '“{table}”印出时没有任何数字（只有表头和合计行），无从核对。',
  emptyTableWithoutStatement: '“{table}”没有数据，但未说明为空表。',
  classificationTooShallow: '“{table}”中“{row}”未细化到{level}级科目。',
  threePublicMissing: '缺少“三公”经费情况说明。',
  threePublicItemMissing: '“三公”经费说明未说明{item}。',
  threePublicChangeMissing: '“三公”经费说明未说明{item}的增减变化。',
  threePublicChangeOnTotalOnly: '“三公”经费说明只说明了合计的增减变化及原因，未分项说明{item}的增减变化。',
  threePublicReasonMissing: '“三公”经费说明未说明{item}增减变化的原因。',
  finalCountMissing: '决算“三公”经费说明未说明{item}。',
  otherMatterMissing: '其他重要事项中缺少“{matter}”的说明。',
  changeWithoutReason: '“{label}”说明了{word}，但未说明主要原因。',
  placeholderResidue: '存在模板残留“{text}”。',
  blankAmount: '金额空白：“{text}”。',
  blankValue: '有未填写的内容：{text}。',
  // arithmetic
  totalsUnbalanced: '“{table}”收入总计与支出总计不等：应为 {expected}，实为 {actual}。',
  rowSumMismatch: '“{table}”中“{row}”应等于 {parts} = {expected}，实为 {actual}。',
  rowIdentityMismatch: '“{table}”中“{row}”的{total}应等于 {parts} = {expected}，实为 {actual}。',
  hierarchyMismatch: '“{table}”中“{row}”（{column}）应等于{what}之和 {expected}，实为 {actual}。',
  finalIdentityMismatch: '{identity}：应为 {expected}，说明中为 {actual}。',
  threePublicSumMismatch: '“三公”经费说明中“{label}”应等于各项之和 {expected}，实为 {actual}。',
  // across tables
  tablesDisagree: '{what}：“{table}”中“{item}”为 {actual}，与“{other}”中的 {expected} 不一致。',
  emptyFundTableButFigures: '“{table}”为空表，但其他表中{fund}不为零。',
  fundTableButNoFigures: '“{table}”有数据，但其他表中{fund}为零。',
  threePublicBelowEconomic: '“三公”经费表中{item} {actual} 低于基本支出表经济分类 {code} 的 {expected}。',
  // narrative
  narrativeAmountMismatch: '说明中“{label}”为 {actual}，而“{table}”中为 {expected}。',
  unitSlip: '说明中“{label}”写作 {actual}，表中为 {expected}，金额单位有误。',
  shareMismatch: '“{label}”占“{whole}”的比重应为 {expected}，说明中为 {actual}。',
  changeWordsConflict: '“{label}”的增减用词矛盾：金额“{word}”而比率“{rateWord}”。',
  changeRateMismatch: '“{label}”的增减幅度应为 {expected}（增减额 ÷ 上年数），说明中为 {actual}。',
  repeatedAmountDiffers: '“{label}”在不同段落中金额不一致：前文为 {expected}，此处为 {actual}。',
  repeatedChangeDiffers: '“{label}”在不同段落中增减变化不一致：前文为“{expected}”，此处为“{actual}”。',
  varianceRateMismatch: '“{label}”的预决算差异率应为 {expected}，说明中为 {actual}。',
  varianceAgainstZero: '“{label}”年初预算为零，不应计算差异率（说明中为 {actual}）。',
  projectAmountMismatch: '项目“{project}”的金额为 {actual}，而“{other}”为 {expected}。',
  projectsSumMismatch: '说明中 {count} 个项目的金额合计为 {actual}，项目支出合计为 {expected}。',
  projectCountMismatch: '预算绩效说明的项目个数为 {actual}，项目支出说明中为 {expected} 个。',
  performanceAmountMismatch: '预算绩效说明涉及金额为 {actual}，项目支出为 {expected}。',
  basicSplitMismatch: '人员经费与公用经费之和为 {actual}，基本支出为 {expected}。',
  operatingCostsExceedPublic: '机关运行经费 {actual} 超过公用经费 {expected}。',
  operatingCostsDifferFromPublic: '机关运行经费 {actual} 与公用经费 {expected} 不一致（无事业单位时二者应相等）。',
  procurementSumMismatch: '政府采购预算总额应等于货物、工程、服务之和 {expected}，实为 {actual}。',
  procurementPartExceeds: '{part}金额 {actual} 超过{whole} {expected}。',
  procurementShareMismatch: '面向中小企业的比例应为 {expected}，说明中为 {actual}。',
  vehicleCountMismatch: '车辆总数为 {expected} 辆，各类车辆合计为 {actual} 辆。',
  vehicleValueMismatch: '车辆总价值为 {expected}，各类车辆价值合计为 {actual}。',
  staffCountMismatch: '实有人数为 {expected} 人，在职、退休、离休合计为 {actual} 人。',
  targetFundsMismatch: '绩效目标表“{project}”的年度资金总额为 {actual}，财政拨款与其他资金之和为 {expected}。',
  executionRateMismatch: '绩效自评表“{project}”的执行率应为 {expected}，表中为 {actual}。',
  executionScoreMismatch: '绩效自评表“{project}”的预算执行得分应为 {expected}，表中为 {actual}。',
  indicatorScoreExceedsWeight: '绩效自评表“{project}”中指标“{indicator}”得分 {actual} 超过分值 {expected}。',
  totalScoreMismatch: '绩效自评表“{project}”的总分应为各项得分之和 {expected}，表中为 {actual}。',
  fundSourcesMismatch: '绩效自评表“{project}”的年度资金总额应等于各资金来源之和 {expected}，表中为 {actual}。',
  itemNotExplained: '一般公共预算支出表中的“{item}”在情况说明中未作说明。',
  duplicatedWord: '词语重复：“{actual}”。',
  // names and codes
  unitNameDiffers: '单位名称不一致：应为“{expected}”，{role}处为“{actual}”。',
  factYearWrong: '“{label}”的年度应为 {expected} 年，说明中为 {actual} 年。',
  tableYearWrong: '“{table}”的预算年度应为 {expected} 年，表中为 {actual} 年。',
  partYearWrong: '“{title}”中的年度应为 {expected} 年，实为 {actual} 年。',
  scopeWordWrong: '文件类型不一致：“{title}”中写作“{actual}”，应为“{expected}”。',
  kindWordWrong: '文件类型不一致：“{title}”中写作“{actual}”，应为“{expected}”。',
  codeNameMismatch: '科目编码 {code} 在 {year} 年科目中名称为“{expected}”，此处为“{actual}”{note}。',
  // classification-code-unconfirmed: what the catalogue or the reading cannot confirm, for the reviewer to look at
  codeUnconfirmed:
    '科目编码 {code}（{name}）未收录于本工具的 {year} 年科目目录{note}，请对照财政部当年《政府收支分类科目》核实。',
  codeRetired: '科目编码 {code}（{name}）仅见于 {editions} 年版科目，{year} 年科目目录中没有，请核实是否已停用。',
  codeOtherEditionName:
    '科目编码 {code} 此处名称为“{actual}”，是 {editions} 年版科目名称；本工具的 {year} 年目录中为“{expected}”，请核实当年名称。',
  codeNameCut:
    '科目编码 {code} 的名称“{actual}”不完整（应为“{expected}”），可能是单元格截断或读取时丢失了换行部分，请对照原文。',
  codeNameOfOtherCode:
    '科目编码 {code}（{actual}）与名称不对应：“{actual}”是科目 {codes} 的名称，可能是编码列读取错位，请对照原文。',
  codeNameUnconfirmed:
    '科目编码 {code} 此处名称为“{actual}”，本工具记录的名称为“{expected}”（未经公开文件核实），请核实。',
  narrativeNameUnconfirmed: '说明中的科目名称“{names}”未能在本工具的 {year} 年科目目录中找到，请核实。',
  narrativeNameUnknown: '说明中的科目名称“{names}”与 {year} 年功能分类科目不符。',
  incomeByFunction: '收入应按资金来源说明，此处列示了支出功能分类“{actual}”（{cls}）。',
  projectNameDiffers: '项目名称不一致：“{expected}”在项目支出说明中写作“{actual}”。',
  tableUnitMissing: '“{table}”未标明金额单位。',
  tableUnitDiffers: '“{table}”的金额单位为{actual}，其他表为{expected}。',
  wrongCategoryWord: '用词不规范：应为“{expected}”，此处为“{actual}”。',
  // reading self-check (src/audit/reading-confidence.ts): suspected reading mistakes, reported apart from findings
  readingMergedCell:
    '“{table}”中“{row}”的{column}“{text}”疑为 {first} 与 {second} 两个金额连在一起（单元格合并读错，另一个应在{other}列）；拆开后 {count} 个等式成立。',
  readingSplitCell:
    '“{table}”中“{row}”的{column}“{text}”与{other}“{otherText}”疑为同一金额 {joined} 被拆成两格；合并后 {count} 个等式成立。',
  readingShiftedCell: '“{table}”中“{row}”的{column}金额 {text} 疑应在{other}列（错列）；移过去后 {count} 个等式成立。',
  readingScaledCell:
    '“{table}”中“{row}”的{column}“{text}”疑应为 {value}（小数点或位数读错）；改读后 {count} 个等式成立。',
  readingDifferenceIsCell:
    '“{table}”中“{row}”的{column}与其分项之和相差 {gap}，恰为{where}的金额“{text}”，疑为错行、错列或漏读。',
  readingUnparsedCell: '“{table}”中“{row}”的{column}“{text}”未能读成金额。',
  readingSection: '读取可信度',
  readingAllConsistent: '全部表格读取一致（{count} 张表）',
  readingTableSummary: '“{table}” {confidence}（{held}/{checked} 个等式成立{extra}）',
  readingUnparsedCount: '，{count} 个金额未能读出',
  readingOutOfShape: '，{count} 行金额多于表头列数',
  readingNothingRead: '，未读出任何金额',
  readingNoTables: '未读出任何表格（读取失败，不能判断表格是否一致）',
  // reading doubts (src/audit/doubts.ts): findings held back because a figure they use was not read with certainty
  readingDoubt: '读取存疑：{subject}{reason}。',
  readingDoubtHeld: '读取存疑：{subject}{reason}；据此得出的 {count} 项检查结果未作为错误报告，请对照原文核实。',
  doubtNothingRead: '未读出任何金额',
  doubtUnparsed: '有 {count} 个金额未能读出',
  doubtOutOfShape: '有 {count} 行金额多于表头列数',
  doubtSuspect: '疑有读错的单元格（{reason}）',
  doubtManyFailed: '表内 {failed}/{checked} 个等式不成立，疑为表格结构读错',
  doubtNoTables: '未读出任何表格中的金额（识别到 {count} 张表）',
  doubtNoNarrative: '未能识别情况说明的章节',
  doubtRowsUnread: '其他表列出的科目在本表中未读出，且本表的合计与各项之和不等，疑有行未读出',
  doubtRowsSwapped: '其他表列在某一科目下的金额，本表列在另一科目下，疑科目编码或名称读错',
  doubtUnrecognised: '原文提到了以下内容，但未能从中读出所需的金额或说明',
} as const;

export type MessageKey = keyof typeof messages;

/** Fills a message's {placeholders}; an unknown placeholder is left visible so a missing value is noticed. */
export function formatMessage(key: MessageKey, data: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

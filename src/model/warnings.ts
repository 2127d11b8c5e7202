// The codes of the extractor's parse warnings, in one naming style (kebab-case; `performance-` for the 绩效 tables):
// the model's schema takes only these and `warn` (src/extract/context.ts) can emit no other.
export const WARNING_CODES = [
  // the document's structure
  'table-absent',
  'part-missing',
  'no-parts',
  'narrative-missing',
  'overview-missing',
  'overview-sections',
  'glossary-missing',
  // the standard tables
  'duplicate-table',
  'cell-beyond-header',
  'unknown-income-row',
  // the performance target and self-evaluation tables, and the 部门整体绩效目标申报表
  'performance-blank-value',
  'performance-centred-levels',
  'performance-garbled-cell',
  'performance-joined-cells',
  'performance-missing-level',
  'performance-missing-project',
  'performance-missing-total',
  'performance-no-budget',
  'performance-no-indicators',
  'performance-unit-recognised',
  'performance-unlabelled-goal',
  'performance-unread-row',
  'performance-unreadable-row',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

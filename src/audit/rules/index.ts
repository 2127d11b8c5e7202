// The catalogue of audit rules: one module per rule in this folder, listed alphabetically (audit() sorts findings by severity and line).
import type { Rule } from '../types.js';
import { rule as basicSplit } from './basic-split.js';
import { rule as categoryWord } from './category-word.js';
import { rule as changeArithmetic } from './change-arithmetic.js';
import { rule as changeReason } from './change-reason.js';
import { rule as classificationCode } from './classification-code.js';
import { rule as classificationCodeUnconfirmed } from './classification-code-unconfirmed.js';
import { rule as classificationDepth } from './classification-depth.js';
import { rule as classificationHierarchy } from './classification-hierarchy.js';
import { rule as crossTableAgreement } from './cross-table-agreement.js';
import { rule as documentKind } from './document-kind.js';
import { rule as duplicatedWords } from './duplicated-words.js';
import { rule as emptyTableStatement } from './empty-table-statement.js';
import { rule as finalIdentities } from './final-identities.js';
import { rule as finalThreePublicCounts } from './final-three-public-counts.js';
import { rule as fiscalYear } from './fiscal-year.js';
import { rule as fixedRowSums } from './fixed-row-sums.js';
import { rule as fundTableConsistency } from './fund-table-consistency.js';
import { rule as incomeByFund } from './income-by-fund.js';
import { rule as itemsExplained } from './items-explained.js';
import { rule as moneyUnitSlip } from './money-unit-slip.js';
import { rule as narrativeAmount } from './narrative-amount.js';
import { rule as operatingCosts } from './operating-costs.js';
import { rule as otherMatters } from './other-matters.js';
import { rule as performanceTargetFunds } from './performance-target-funds.js';
import { rule as procurementSums } from './procurement-sums.js';
import { rule as projectAmounts } from './project-amounts.js';
import { rule as projectNames } from './project-names.js';
import { rule as repeatedFigure } from './repeated-figure.js';
import { rule as requiredParts } from './required-parts.js';
import { rule as requiredTables } from './required-tables.js';
import { rule as rowIdentity } from './row-identity.js';
import { rule as selfEvaluation } from './self-evaluation.js';
import { rule as share } from './share.js';
import { rule as staffCount } from './staff-count.js';
import { rule as tableUnit } from './table-unit.js';
import { rule as templateResidue } from './template-residue.js';
import { rule as threePublicExplained } from './three-public-explained.js';
import { rule as threePublicNarrativeSum } from './three-public-narrative-sum.js';
import { rule as threePublicVsEconomic } from './three-public-vs-economic.js';
import { rule as tocTableAbsent } from './toc-table-absent.js';
import { rule as twoSidedBalance } from './two-sided-balance.js';
import { rule as unitName } from './unit-name.js';
import { rule as varianceRate } from './variance-rate.js';
import { rule as vehicleCategories } from './vehicle-categories.js';

export const RULES: readonly Rule[] = [
  basicSplit,
  categoryWord,
  changeArithmetic,
  changeReason,
  classificationCode,
  classificationCodeUnconfirmed,
  classificationDepth,
  classificationHierarchy,
  crossTableAgreement,
  documentKind,
  duplicatedWords,
  emptyTableStatement,
  finalIdentities,
  finalThreePublicCounts,
  fiscalYear,
  fixedRowSums,
  fundTableConsistency,
  incomeByFund,
  itemsExplained,
  moneyUnitSlip,
  narrativeAmount,
  operatingCosts,
  otherMatters,
  performanceTargetFunds,
  procurementSums,
  projectAmounts,
  projectNames,
  repeatedFigure,
  requiredParts,
  requiredTables,
  rowIdentity,
  selfEvaluation,
  share,
  staffCount,
  tableUnit,
  templateResidue,
  threePublicExplained,
  threePublicNarrativeSum,
  threePublicVsEconomic,
  tocTableAbsent,
  twoSidedBalance,
  unitName,
  varianceRate,
  vehicleCategories,
];

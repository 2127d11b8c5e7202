// The disclosure model: one typed tree for 预算/决算 and 部门/单位, defined once in zod so that the TypeScript
// types, the runtime validation at the edges and the published JSON Schema (schema/disclosure.schema.json) agree.
import { z } from 'zod';
import { WARNING_CODES } from './warnings.js';

/** Where a node came from: line/column in the source text (1-based); page and box when read from a PDF. */
export const PlaceSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().optional(),
  page: z.number().int().optional(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** the file the place is in, set only in a disclosure joined from pieces (情况说明 + 报表) */
  file: z.string().optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** An exact amount: `minor` units of 10^-scale in the published unit, with the text it was read from. */
export const AmountSchema = z.object({
  minor: z.number().int(),
  scale: z.number().int().min(0).max(8),
  unit: z.enum(['万元', '元']),
  text: z.string(),
  at: PlaceSchema.optional(),
});
export type Amount = z.infer<typeof AmountSchema>;

/** An exact percentage: `minor` units of 10^-scale percent (12.75% → minor 1275, scale 2). */
export const PercentSchema = z.object({
  minor: z.number().int(),
  scale: z.number().int().min(0).max(8),
  text: z.string(),
  at: PlaceSchema.optional(),
});
export type Percent = z.infer<typeof PercentSchema>;

/** A quantity that is not money (people, vehicles, m², batches). */
export const CountSchema = z.object({
  value: z.number(),
  unit: z.string(),
  text: z.string(),
  at: PlaceSchema.optional(),
});
export type Count = z.infer<typeof CountSchema>;

export const TextAtSchema = z.object({ text: z.string(), at: PlaceSchema.optional() });
export type TextAt = z.infer<typeof TextAtSchema>;

export const DocumentKindSchema = z.enum(['budget', 'final_account']);
export const DocumentScopeSchema = z.enum(['department', 'unit']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type DocumentScope = z.infer<typeof DocumentScopeSchema>;

/** Documented ids of the standard tables (see docs/model.md). */
export const TableIdSchema = z.enum([
  // budget set
  'income-expenditure-summary', // 收支总(体情况)表
  'income-summary', // 收入总(体情况)表
  'expenditure-summary', // 支出总(体情况)表
  'fiscal-appropriation-summary', // 财政拨款收支总(体情况)表
  'general-budget-expenditure', // 一般公共预算支出(情况)表
  'general-budget-basic-expenditure', // 一般公共预算基本支出(情况)表
  'general-budget-project-expenditure', // 一般公共预算项目支出(情况)表
  'three-public', // 一般公共预算"三公"经费支出(情况)表
  'government-fund-expenditure', // 政府性基金预算支出(情况)表
  'state-capital-expenditure', // 国有资本经营预算支出表
  // final-account set
  'final-income-expenditure-summary', // 收入支出决算总表
  'final-income', // 收入决算表
  'final-expenditure', // 支出决算表
  'final-fiscal-appropriation-summary', // 财政拨款收入支出决算总表
  'final-general-budget-expenditure', // 一般公共预算财政拨款支出决算表
  'final-general-budget-basic-expenditure', // 一般公共预算财政拨款基本支出决算表
  'final-three-public', // 财政拨款"三公"经费支出决算表
  'final-government-fund', // 政府性基金预算财政拨款收入支出决算表
  'final-state-capital', // 国有资本经营预算财政拨款(收入)支出决算表
  // a form published on its own
  'department-performance-target', // 部门整体预算绩效目标申报表: its 预算整体情况 block
]);
export type TableId = z.infer<typeof TableIdSchema>;

/** Row roles: totals and subtotals are sums of other rows; leaves carry the data; organisation rows group units. */
export const RowKindSchema = z.enum(['total', 'subtotal', 'leaf', 'organisation']);
export type RowKind = z.infer<typeof RowKindSchema>;

export const ClassificationSchema = z.object({
  system: z.enum(['function', 'economic']),
  /** full code: function 201 / 20103 / 2010301; economic 301 / 30101 */
  code: z.string(),
  level: z.enum(['class', 'section', 'item']), // 类 / 款 / 项
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const CellSchema = z.object({
  /** the column key this cell belongs to (see TableColumn.key) */
  column: z.string(),
  amount: AmountSchema.nullable(),
  /** the printed text when it is not an amount (empty cells are omitted) */
  text: z.string().optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const TableRowSchema = z.object({
  kind: RowKindSchema,
  /** for two-sided tables (收支总表): which side the row is on */
  side: z.enum(['income', 'expenditure']).optional(),
  label: z.string(),
  /** typed key of a fixed row (two-sided tables: fiscalAppropriation, generalBudget, incomeTotal …; see
   *  src/catalog/tables.ts), absent for classified rows */
  key: z.string().optional(),
  classification: ClassificationSchema.optional(),
  /** organisation code as printed, e.g. 002002 in "[002002]乌鲁木齐区政府办公室" */
  orgCode: z.string().optional(),
  /** project name (项目支出表) */
  project: z.string().optional(),
  cells: z.array(CellSchema),
  at: PlaceSchema,
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const TableColumnSchema = z.object({
  /** typed key: total, basic, project, personnel, public, budget, generalBudget, governmentFund, stateCapital,
   *  economic:301 …, income sources (fiscalAppropriation, businessIncome …) */
  key: z.string(),
  label: z.string(),
  side: z.enum(['income', 'expenditure']).optional(),
});
export type TableColumn = z.infer<typeof TableColumnSchema>;

export const TableSchema = z.object({
  id: TableIdSchema,
  /** present: read from the body; empty: present with its statement that it is empty, or printed blank (a header
   *  and 合计 without one figure); absent: announced
   *  (目录) but not in the body; attachment: announced as 见附表 and not part of this text */
  status: z.enum(['present', 'empty', 'absent', 'attachment']),
  number: z.string().optional(),
  title: z.string(),
  preparer: z.object({ name: z.string(), code: z.string().optional(), at: PlaceSchema.optional() }).optional(),
  year: z.number().int().optional(),
  unit: z.enum(['万元', '元']).optional(),
  columns: z.array(TableColumnSchema),
  rows: z.array(TableRowSchema),
  emptyStatement: TextAtSchema.optional(),
  at: PlaceSchema.optional(),
});
export type Table = z.infer<typeof TableSchema>;

/** What a narrative fact describes. */
export const SubjectSchema = z.object({
  kind: z.enum([
    'total', // 收支总预算 / 收入总计 / 支出总计
    'income', // 收入预算 / 本年收入
    'expenditure', // 支出预算 / 本年支出
    'fund', // 一般公共预算 / 政府性基金 / 国有资本经营 / income source
    'fiscalAppropriation', // 财政拨款收支
    'generalBudget', // 一般公共预算拨款合计
    'basic', // 基本支出
    'project', // 项目支出
    'function', // function class/款/项
    'personnel', // 人员经费
    'public', // 公用经费
    'economic', // an economic 款 named in the text
    'threePublic', // 三公 total or item
    'operatingCosts', // 机关运行经费
    'procurement',
    'other',
  ]),
  /** e.g. fund: generalBudget/governmentFund/stateCapital/…; threePublic: total/overseas/vehicle/vehiclePurchase/vehicleOperation/reception */
  key: z.string().optional(),
  code: z.string().optional(),
  /** names as printed, outermost first (类, 款, 项) */
  names: z.array(z.string()).optional(),
});
export type Subject = z.infer<typeof SubjectSchema>;

export const ChangeSchema = z.object({
  direction: z.enum(['increase', 'decrease', 'flat']),
  /** the word printed: 增加/减少/持平 */
  word: z.string(),
  amount: AmountSchema.optional(),
  /** the rate word printed: 增长/下降 */
  rateWord: z.string().optional(),
  percent: PercentSchema.optional(),
  /** 上年预算 / 上年决算 / 上年 / 年初预算 */
  basis: z.string().optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const FactSchema = z.object({
  subject: SubjectSchema,
  /** the label as printed ("基本支出", "公务用车运行费") */
  label: z.string(),
  amount: AmountSchema.optional(),
  /** year printed with the amount ("2022年预算数为") */
  year: z.number().int().optional(),
  share: PercentSchema.optional(),
  change: ChangeSchema.optional(),
  reason: TextAtSchema.optional(),
  /** 决算: the budget figure compared with (全年预算数 / 年初预算数) and the printed 预决算差异率 */
  budgetAmount: AmountSchema.optional(),
  varianceRate: PercentSchema.optional(),
  text: z.string(),
  at: PlaceSchema,
});
export type Fact = z.infer<typeof FactSchema>;

export const NarrativeSectionSchema = z.object({
  number: z.string(), // 一 … 十一
  title: z.string(),
  /** what the section explains: summary, income, expenditure, fiscal, generalBudget, basic, project, threePublic,
   *  governmentFund, stateCapital, other, performance */
  topic: z.string(),
  facts: z.array(FactSchema),
  /** the plain paragraphs of the section, in order */
  paragraphs: z.array(TextAtSchema),
  at: PlaceSchema,
});
export type NarrativeSection = z.infer<typeof NarrativeSectionSchema>;

export const ProjectSchema = z.object({
  name: z.string(),
  policyBasis: z.string().optional(),
  amount: AmountSchema.optional(),
  responsibleUnit: z.string().optional(),
  allocation: z.string().optional(),
  period: z.string().optional(),
  at: PlaceSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const ThreePublicItemKeySchema = z.enum([
  'total',
  'overseas',
  'vehicle',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
]);
export type ThreePublicItemKey = z.infer<typeof ThreePublicItemKeySchema>;

export const ThreePublicSchema = z.object({
  items: z.array(FactSchema),
  /** 决算 only */
  overseasGroups: CountSchema.optional(),
  overseasPeople: CountSchema.optional(),
  vehiclesPurchased: CountSchema.optional(),
  vehiclesHeld: CountSchema.optional(),
  receptionBatches: CountSchema.optional(),
  receptionPeople: CountSchema.optional(),
});

export const OperatingCostsSchema = z.object({
  fact: FactSchema.optional(),
  administrativeUnits: CountSchema.optional(),
  institutionUnits: CountSchema.optional(),
});

export const ProcurementSchema = z.object({
  total: AmountSchema.optional(),
  goods: AmountSchema.optional(),
  works: AmountSchema.optional(),
  services: AmountSchema.optional(),
  /** 面向中小企业预留 (budget) or 授予中小企业合同金额 (final) */
  sme: AmountSchema.optional(),
  smeShare: PercentSchema.optional(),
  smallMicro: AmountSchema.optional(),
  smallMicroShare: PercentSchema.optional(),
  /** reserved (预留, budget) or awarded (授予, final) */
  smeBasis: z.enum(['reserved', 'awarded']).optional(),
  at: PlaceSchema.optional(),
});

export const AssetsSchema = z.object({
  asOf: z.string().optional(),
  fixedAssetsValue: AmountSchema.optional(),
  buildingArea: CountSchema.optional(),
  buildingValue: AmountSchema.optional(),
  vehicles: CountSchema.optional(),
  vehiclesValue: AmountSchema.optional(),
  vehicleCategories: z.array(z.object({ name: z.string(), count: CountSchema, value: AmountSchema.optional() })),
  furnitureValue: AmountSchema.optional(),
  otherAssetsValue: AmountSchema.optional(),
  equipmentOver50: CountSchema.optional(),
  equipmentOver100: CountSchema.optional(),
  at: PlaceSchema.optional(),
});

export const IndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  /** the target as printed ("≥60 天") and split: comparator, value, unit */
  target: z.string(),
  comparator: z.string().optional(),
  value: z.string().optional(),
  valueUnit: z.string().optional(),
  /** 实施周期指标值, printed beside the 年度指标值 (`target`) by department-wide forms */
  periodTarget: z.string().optional(),
  /** self-evaluation only */
  actual: z.string().optional(),
  weight: z.string().optional(),
  score: z.string().optional(),
  deviationReason: z.string().optional(),
  at: PlaceSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A 年度重点工作任务 of a department-wide target: name, what is done, the funds and the expected result. */
export const PerformanceTaskSchema = z.object({
  name: z.string(),
  content: z.string().optional(),
  amount: AmountSchema.optional(),
  goal: z.string().optional(),
  at: PlaceSchema,
});
export type PerformanceTask = z.infer<typeof PerformanceTaskSchema>;

export const PerformanceTargetSchema = z.object({
  /** the project's name; "部门整体" for a department-wide target */
  project: z.string(),
  /** absent or project: a 项目支出绩效目标表; department: the department as a whole (部门整体绩效目标) */
  scope: z.enum(['project', 'department']).optional(),
  unit: z.string().optional(),
  totalFunds: AmountSchema.optional(),
  fiscalFunds: AmountSchema.optional(),
  otherFunds: AmountSchema.optional(),
  goal: z.string().optional(),
  /** department-wide targets: the 年度重点工作任务 */
  tasks: z.array(PerformanceTaskSchema).optional(),
  indicators: z.array(IndicatorSchema),
  at: PlaceSchema,
});
export type PerformanceTarget = z.infer<typeof PerformanceTargetSchema>;

export const FundLineSchema = z.object({
  label: z.string(),
  initialBudget: AmountSchema.optional(), // 年初预算数
  fullYearBudget: AmountSchema.optional(), // 全年预算数
  executed: AmountSchema.optional(), // 全年执行数
  weight: z.string().optional(), // 分值
  executionRate: PercentSchema.optional(), // 执行率
  score: z.string().optional(), // 得分
});

export const SelfEvaluationSchema = z.object({
  project: z.string(),
  department: z.string().optional(), // 主管部门
  implementingUnit: z.string().optional(), // 实施单位
  funds: z.array(FundLineSchema),
  goal: z.string().optional(),
  result: z.string().optional(),
  indicators: z.array(IndicatorSchema),
  totalWeight: z.string().optional(),
  totalScore: z.string().optional(),
  at: PlaceSchema,
});
export type SelfEvaluation = z.infer<typeof SelfEvaluationSchema>;

export const PerformanceSchema = z.object({
  projectCount: CountSchema.optional(),
  amount: AmountSchema.optional(),
  /** 决算: 全年预算数 / 全年执行数 of evaluated projects */
  budgetAmount: AmountSchema.optional(),
  executedAmount: AmountSchema.optional(),
  text: TextAtSchema.optional(),
  targets: z.array(PerformanceTargetSchema),
  selfEvaluations: z.array(SelfEvaluationSchema),
});

export const StaffSchema = z.object({
  authorized: CountSchema.optional(), // 编制数
  actual: CountSchema.optional(), // 实有人数
  active: CountSchema.optional(), // 在职
  activeChange: CountSchema.optional(),
  retired: CountSchema.optional(), // 退休
  retiredChange: CountSchema.optional(),
  retiredBefore1949: CountSchema.optional(), // 离休
  retiredBefore1949Change: CountSchema.optional(),
  at: PlaceSchema.optional(),
});

export const OverviewSchema = z.object({
  functions: z.array(TextAtSchema),
  organisation: z.object({
    text: z.string().optional(),
    internalDivisionCount: z.number().int().optional(),
    internalDivisions: z.array(z.string()),
    subordinateUnitCount: z.number().int().optional(),
    administrativeUnits: z.number().int().optional(),
    institutionUnits: z.number().int().optional(),
  }),
  staff: StaffSchema,
});

export const FiguresSchema = z.object({
  incomeTotal: z.number().optional(),
  expenditureTotal: z.number().optional(),
  currentYearIncome: z.number().optional(),
  currentYearExpenditure: z.number().optional(),
  basicExpenditure: z.number().optional(),
  projectExpenditure: z.number().optional(),
  generalPublicBudgetExpenditure: z.number().optional(),
  threePublic: z
    .object({
      total: z.number().optional(),
      overseas: z.number().optional(),
      vehiclePurchase: z.number().optional(),
      vehicleOperation: z.number().optional(),
      reception: z.number().optional(),
    })
    .optional(),
  personnel: z.number().optional(),
  publicFunds: z.number().optional(),
  operatingCosts: z.number().optional(),
  procurementTotal: z.number().optional(),
  functionClasses: z.record(z.string(), z.number()).optional(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const WarningSchema = z.object({ code: z.enum(WARNING_CODES), message: z.string(), at: PlaceSchema.optional() });
export type ParseWarning = z.infer<typeof WarningSchema>;

export const DisclosureSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.object({
    file: z.string(),
    format: z.string(),
    bytes: z.number().int(),
    lines: z.number().int().optional(),
    /** a disclosure published in pieces (附件1 情况说明, 附件2 报表) and joined: each file and what it holds */
    pieces: z
      .array(
        z.object({
          file: z.string(),
          format: z.string(),
          bytes: z.number().int(),
          lines: z.number().int().optional(),
          holds: z.enum(['explanation', 'tables']),
        }),
      )
      .optional(),
  }),
  /** absent: a disclosure (parts, tables, explanations); department-performance-target: only a
   *  部门整体预算绩效目标申报表, whose content is in tables (department-performance-target) and performance.targets */
  form: z.enum(['department-performance-target']).optional(),
  kind: DocumentKindSchema,
  scope: DocumentScopeSchema,
  year: z.number().int(),
  title: TextAtSchema,
  unit: z.object({
    name: z.string(),
    code: z.string().optional(),
    /** every other spelling of the unit's own name found in the document, with where */
    mentions: z.array(z.object({ name: z.string(), role: z.string(), at: PlaceSchema.optional() })),
    subordinateUnits: z.array(z.object({ name: z.string(), code: z.string().optional(), at: PlaceSchema.optional() })),
  }),
  date: z.object({ iso: z.string(), text: z.string(), at: PlaceSchema.optional() }).optional(),
  signature: TextAtSchema.optional(),
  /** 目录 entries: the parts and the tables and sections they announce */
  toc: z.array(
    z.object({
      part: z.string().optional(),
      title: z.string(),
      tableId: TableIdSchema.optional(),
      at: PlaceSchema.optional(),
    }),
  ),
  /** the document's 第X部分 headings as found in the body */
  parts: z.array(z.object({ number: z.string(), title: z.string(), at: PlaceSchema.optional() })),
  overview: OverviewSchema,
  tables: z.array(TableSchema),
  tablesPresent: z.array(TableIdSchema),
  narrative: z.array(NarrativeSectionSchema),
  projects: z.array(ProjectSchema),
  threePublic: ThreePublicSchema,
  operatingCosts: OperatingCostsSchema,
  procurement: ProcurementSchema,
  assets: AssetsSchema,
  performance: PerformanceSchema,
  glossary: z.array(z.object({ term: z.string(), definition: z.string(), at: PlaceSchema.optional() })),
  figures: FiguresSchema,
  warnings: z.array(WarningSchema),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

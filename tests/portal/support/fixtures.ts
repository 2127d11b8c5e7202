// Hand-built disclosure models for the portal tests: small, with amounts chosen so sums can be checked by hand.
import { makeAmount } from '../../../src/model/money.js';
import { emptyDisclosure } from '../../../src/model/empty.js';
import { DisclosureSchema, type Disclosure, type Table } from '../../../src/model/schema.js';

export interface FunctionRow {
  code: string;
  label: string;
  /** total, basic, project as printed (万元) */
  amounts: [string, string, string];
}

export interface FixtureOptions {
  unit: string;
  year: number;
  kind?: 'budget' | 'final_account';
  scope?: 'department' | 'unit';
  date?: string;
  staffActual?: number;
  staffAuthorized?: number;
  /** function rows; levels follow the code length (3 类, 5 款, 7 项); 项 rows and 款 rows without 项 are leaves */
  rows?: FunctionRow[];
  threePublic?: {
    total: number;
    overseas: number;
    vehiclePurchase: number;
    vehicleOperation: number;
    reception: number;
  };
  paragraphs?: string[];
  file?: string;
}

const at = { line: 1, column: 1 };

function levelOf(code: string): 'class' | 'section' | 'item' {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
}

export const DEFAULT_ROWS: FunctionRow[] = [
  { code: '201', label: '一般公共服务支出', amounts: ['300.50', '250.50', '50.00'] },
  { code: '20103', label: '政府办公厅（室）及相关机构事务', amounts: ['300.50', '250.50', '50.00'] },
  { code: '2010301', label: '行政运行', amounts: ['250.50', '250.50', '0.00'] },
  { code: '2010350', label: '事业运行', amounts: ['50.00', '0.00', '50.00'] },
  { code: '208', label: '社会保障和就业支出', amounts: ['40.25', '40.25', '0.00'] },
  { code: '20805', label: '行政事业单位养老支出', amounts: ['40.25', '40.25', '0.00'] },
  { code: '2080505', label: '机关事业单位基本养老保险缴费支出', amounts: ['40.25', '40.25', '0.00'] },
];

function functionTable(id: Table['id'], rows: FunctionRow[]): Table {
  const codes = rows.map((r) => r.code);
  const totals: [number, number, number] = [0, 0, 0];
  const tableRows: Table['rows'] = rows.map((r) => {
    const hasChild = codes.some((c) => c !== r.code && c.startsWith(r.code));
    if (r.code.length === 3) r.amounts.forEach((a, i) => (totals[i] += Math.round(Number(a) * 100)));
    return {
      kind: hasChild ? 'subtotal' : 'leaf',
      label: r.label,
      classification: { system: 'function', code: r.code, level: levelOf(r.code) },
      cells: (['total', 'basic', 'project'] as const).map((column, i) => ({
        column,
        amount: makeAmount(r.amounts[i], '万元'),
      })),
      at,
    };
  });
  tableRows.unshift({
    kind: 'total',
    label: '合计',
    cells: (['total', 'basic', 'project'] as const).map((column, i) => ({
      column,
      amount: makeAmount((totals[i] / 100).toFixed(2), '万元'),
    })),
    at,
  });
  return {
    id,
    status: 'present',
    title: '一般公共预算支出表',
    unit: '万元',
    columns: [
      { key: 'total', label: '合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    rows: tableRows,
  };
}

export function makeDisclosure(o: FixtureOptions): Disclosure {
  const kind = o.kind ?? 'budget';
  const rows = o.rows ?? DEFAULT_ROWS;
  const classes = rows.filter((r) => r.code.length === 3);
  const sum = (i: number) => classes.reduce((s, r) => s + Math.round(Number(r.amounts[i]) * 100), 0) / 100;
  const tp = o.threePublic ?? { total: 12.5, overseas: 0, vehiclePurchase: 0, vehicleOperation: 8.5, reception: 4 };
  const paragraphs = o.paragraphs ?? ['主要职能：负责本单位的日常运转。'];
  const doc: Disclosure = {
    ...emptyDisclosure({
      source: { file: o.file ?? `${o.unit}-${o.year}-${kind}.json`, format: 'model-json', bytes: 0 },
      kind,
      scope: o.scope ?? 'unit',
      year: o.year,
      title: { text: `${o.unit}${o.year}年${kind === 'budget' ? '单位预算' : '单位决算'}公开`, at },
      unit: { name: o.unit, mentions: [], subordinateUnits: [] },
    }),
    date: o.date ? { iso: o.date, text: o.date } : undefined,
    overview: {
      functions: paragraphs.map((text, i) => ({ text, at: { line: 10 + i, column: 1 } })),
      organisation: { internalDivisions: [] },
      staff: {
        actual:
          o.staffActual === undefined ? undefined : { value: o.staffActual, unit: '人', text: `${o.staffActual}人` },
        authorized:
          o.staffAuthorized === undefined
            ? undefined
            : { value: o.staffAuthorized, unit: '人', text: `${o.staffAuthorized}人` },
      },
    },
    tables: [
      functionTable(kind === 'budget' ? 'general-budget-expenditure' : 'final-general-budget-expenditure', rows),
    ],
    tablesPresent: [kind === 'budget' ? 'general-budget-expenditure' : 'final-general-budget-expenditure'],
    narrative: [
      {
        number: '一',
        title: '收支预算总体情况说明',
        topic: 'summary',
        facts: [],
        paragraphs: [{ text: `${o.year}年收支总预算${sum(0)}万元。`, at: { line: 20, column: 1 } }],
        at: { line: 19, column: 1 },
      },
    ],
    figures: {
      expenditureTotal: sum(0),
      basicExpenditure: sum(1),
      projectExpenditure: sum(2),
      generalPublicBudgetExpenditure: sum(0),
      threePublic: {
        total: tp.total,
        overseas: tp.overseas,
        vehiclePurchase: tp.vehiclePurchase,
        vehicleOperation: tp.vehicleOperation,
        reception: tp.reception,
      },
      functionClasses: Object.fromEntries(classes.map((r) => [r.code, Number(r.amounts[0])])),
    },
  };
  return DisclosureSchema.parse(doc);
}

/** The model as the bytes of a model JSON file (what `budgetdoc sample` writes). */
export function modelBytes(doc: Disclosure): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(doc, null, 2));
}

// What pages and the API show, computed once: key-figure tables, exact differences and ratios, chart series.
import { KIND_WORD, SCOPE_WORD, SEVERITY_WORD } from '../catalog/words.js';
import { lookupFunction } from '../catalog/codes.js';
import { THREE_PUBLIC_ITEM_KEYS, THREE_PUBLIC_NAME, type ThreePublicItem } from '../catalog/three-public.js';
import { diffExact, formatExact, parseDecimal, toWan } from '../model/money.js';
import type { Disclosure, Table } from '../model/schema.js';
import { FIGURES, figureValue } from '../store/figures.js';
import type { FigureRecord } from '../store/queries.js';
import { formatWanUnit } from './format.js';

// the catalogue's words, looked up by the strings the store keeps
export const KIND_LABEL: Record<string, string> = KIND_WORD;
export const SCOPE_LABEL: Record<string, string> = SCOPE_WORD;
export const SEVERITY_LABEL: Record<string, string> = SEVERITY_WORD;
export const STATUS_LABEL: Record<string, string> = { current: '现行', superseded: '历史版本', draft: '草稿' };
export const SYSTEM_LABEL: Record<string, string> = {
  function: '支出功能分类',
  economic: '支出经济分类',
  key: '固定行',
  organisation: '单位',
};
export const LEVEL_LABEL: Record<string, string> = { class: '类', section: '款', item: '项' };
export const ROW_KIND_LABEL: Record<string, string> = {
  total: '合计',
  subtotal: '小计',
  leaf: '明细',
  organisation: '单位',
};
export const YES_NO: Record<string, string> = { true: '是', false: '否' };
/** Chinese headers of the facts API's group-by dimensions. */
export const DIMENSION_LABEL: Record<string, string> = {
  document: '文件编号',
  unit: '单位',
  region: '地区',
  year: '年度',
  kind: '类型',
  scope: '范围',
  table: '表',
  column: '栏目',
  code: '科目编码',
  system: '分类',
  level: '级次',
  rowKind: '行类型',
  label: '行名称',
  class: '类',
  section: '款',
};
/** Coded values of the facts API's dimensions, by dimension. */
export const DIMENSION_VALUES: Record<string, Record<string, string>> = {
  kind: KIND_LABEL,
  scope: SCOPE_LABEL,
  system: SYSTEM_LABEL,
  level: LEVEL_LABEL,
  rowKind: ROW_KIND_LABEL,
};

/** The decimal text of a figure (JSON numbers print their shortest exact decimal). */
export function decimalText(n: number | undefined): string | null {
  if (n === undefined || !Number.isFinite(n)) return null;
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(8).replace(/\.?0+$/, '') : s;
}

function exact(text: string | null): { minor: number; scale: number } | null {
  return text === null ? null : parseDecimal(text);
}

/** b − a, exact. */
export function difference(a: string | null, b: string | null): string | null {
  const x = exact(a);
  const y = exact(b);
  return x && y ? formatExact(diffExact(y, x)) : null;
}

/** b ÷ a as a percentage with two decimals, rounded half away from zero (integer arithmetic). */
export function ratioPercent(a: string | null, b: string | null): string | null {
  const x = exact(a);
  const y = exact(b);
  if (!x || !y || x.minor === 0) return null;
  const scale = Math.max(x.scale, y.scale);
  const A = BigInt(x.minor) * 10n ** BigInt(scale - x.scale);
  const B = BigInt(y.minor) * 10n ** BigInt(scale - y.scale);
  const num = B * 10000n;
  const negative = num < 0n !== A < 0n;
  const absNum = num < 0n ? -num : num;
  const absA = A < 0n ? -A : A;
  let q = (absNum * 2n + absA) / (absA * 2n);
  if (negative) q = -q;
  return formatExact({ minor: Number(q), scale: 2 });
}

/** value ÷ people in 万元 per person, four decimals. */
export function perHead(value: string | null, people: string | null): string | null {
  const x = exact(people);
  const y = exact(value);
  if (!x || !y || x.minor <= 0) return null;
  const scale = Math.max(x.scale, y.scale);
  const P = BigInt(x.minor) * 10n ** BigInt(scale - x.scale);
  const V = BigInt(y.minor) * 10n ** BigInt(scale - y.scale);
  const n = V * 10000n;
  const q = n < 0n ? -((-n * 2n + P) / (P * 2n)) : (n * 2n + P) / (P * 2n);
  return formatExact({ minor: Number(q), scale: 4 });
}

/** How a compare row's values print: amounts in 万元, counts of people, per-head amounts (given in 万元 per person). */
export type CompareUnit = 'wan' | 'count' | 'perHead';

export interface CompareRow {
  key: string;
  label: string;
  unit: CompareUnit;
  /** 0 for key figures and 类, 1 for a 款, 2 for a 项 (drilled into) */
  depth: number;
  /** function code of a classified row (links drill into it) */
  code?: string;
  values: Array<string | null>;
  /** for each document after the first: 增减额 (value − baseline), exact */
  changes: Array<string | null>;
  /** for each document after the first: 增减率 (change ÷ baseline, %, two decimals) */
  changeRates: Array<string | null>;
  /** for each document after the first: value ÷ baseline (%, two decimals): 执行率 when a final account follows its budget */
  ratios: Array<string | null>;
}

/** A unit's documents are compared oldest first (budget before final account); other sets keep the order asked. */
export function compareOrder<T extends { unit_name: string; year: number; kind: string; id: number }>(docs: T[]): T[] {
  if (new Set(docs.map((d) => d.unit_name)).size !== 1) return docs;
  return [...docs].sort(
    (a, b) => a.year - b.year || (a.kind === b.kind ? 0 : a.kind === 'budget' ? -1 : 1) || a.id - b.id,
  );
}

/** Whether the changes are taken from the previous column (one unit over time) or from the first (other units). */
export function compareBaseline(docs: Array<{ unit_name: string }>): 'previous' | 'first' {
  return docs.length > 1 && new Set(docs.map((d) => d.unit_name)).size === 1 ? 'previous' : 'first';
}

/** A budget and the final account of the same unit and year: the 执行率 view. */
export function isExecutionPair(
  docs: Array<{ unit_name: string; year: number; kind: string; scope: string }>,
): boolean {
  return (
    docs.length === 2 &&
    docs[0].unit_name === docs[1].unit_name &&
    docs[0].year === docs[1].year &&
    docs[0].scope === docs[1].scope &&
    docs[0].kind === 'budget' &&
    docs[1].kind === 'final_account'
  );
}

/** A drilled-into row: a 款 or 项 with each document's amount (万元, exact text). */
export interface DrillRow {
  code: string;
  label: string;
  values: Array<string | null>;
}

export function compareRows(
  docs: FigureRecord[],
  drill: { code: string; rows: DrillRow[] } | undefined = undefined,
): CompareRow[] {
  const baseline = compareBaseline(docs);
  const rows: CompareRow[] = [];
  const add = (
    key: string,
    label: string,
    unit: CompareUnit,
    values: Array<string | null>,
    extra: Partial<CompareRow> = {},
  ) => {
    if (values.every((v) => v === null)) return;
    const base = (i: number) => (baseline === 'previous' ? values[i - 1] : values[0]);
    const changes = values.slice(1).map((v, j) => difference(base(j + 1), v));
    rows.push({
      key,
      label,
      unit,
      depth: 0,
      ...extra,
      values,
      changes,
      changeRates: changes.map((d, j) => ratioPercent(base(j + 1), d)),
      ratios: values.slice(1).map((v, j) => ratioPercent(base(j + 1), v)),
    });
  };
  for (const f of FIGURES)
    add(
      f.key,
      f.label,
      'wan',
      docs.map((d) => decimalText(figureValue(d.figures, f.key))),
    );
  add(
    'staff.actual',
    '实有人数',
    'count',
    docs.map((d) => d.staff_actual),
  );
  add(
    'staff.authorized',
    '编制数',
    'count',
    docs.map((d) => d.staff_authorized),
  );
  add(
    'perHead.expenditureTotal',
    '人均支出（按实有人数）',
    'perHead',
    docs.map((d) => perHead(decimalText(d.figures.expenditureTotal), d.staff_actual)),
  );
  add(
    'perHead.threePublic',
    '人均“三公”经费（按实有人数）',
    'perHead',
    docs.map((d) => perHead(decimalText(d.figures.threePublic?.total), d.staff_actual)),
  );
  const classes = [...new Set(docs.flatMap((d) => Object.keys(d.figures.functionClasses ?? {})))].sort();
  const year = docs[0]?.year ?? 2022;
  for (const code of classes) {
    add(
      `functionClasses.${code}`,
      `${code} ${lookupFunction(code, year)?.name ?? ''}`.trim(),
      'wan',
      docs.map((d) => decimalText(d.figures.functionClasses?.[code])),
      { code },
    );
    if (drill && drill.code.startsWith(code)) {
      for (const r of drill.rows)
        add(`function.${r.code}`, `${r.code} ${r.label}`, 'wan', r.values, {
          code: r.code,
          depth: r.code.length === 5 ? 1 : 2,
        });
    }
  }
  return rows;
}

export interface TreeNode {
  name: string;
  code: string;
  value: number;
  /** the value as the portal prints it (chart labels and tooltips) */
  text: string;
  children?: TreeNode[];
}

export const FUNCTION_TABLES: Table['id'][] = [
  'general-budget-expenditure',
  'expenditure-summary',
  'final-general-budget-expenditure',
  'final-expenditure',
];

/** Spending by function 类 → 款 → 项 as printed in the first table that classifies it (for drill-down). */
export function functionTree(doc: Disclosure): { table: string; tree: TreeNode[] } | null {
  const tables = FUNCTION_TABLES.map((id) => doc.tables.find((t) => t.id === id && t.status === 'present')).filter(
    (t): t is Table => !!t,
  );
  for (const table of tables) {
    const nodes = new Map<string, TreeNode>();
    const roots: TreeNode[] = [];
    for (const row of table.rows) {
      const c = row.classification;
      if (!c || c.system !== 'function') continue;
      const cell = row.cells.find((x) => x.column === 'total' && x.amount) ?? row.cells.find((x) => x.amount);
      if (!cell?.amount) continue;
      const wan = toWan(cell.amount);
      const node: TreeNode = {
        name: row.label.trim() || c.code,
        code: c.code,
        value: Number(formatExact(wan)),
        text: formatWanUnit(formatExact(wan)),
      };
      nodes.set(c.code, node);
      const parent =
        c.code.length > 3
          ? (nodes.get(c.code.slice(0, c.code.length - 2)) ??
            (c.code.length > 5 ? nodes.get(c.code.slice(0, 3)) : undefined))
          : undefined;
      if (parent) (parent.children ??= []).push(node);
      else roots.push(node);
    }
    if (roots.length) return { table: table.title, tree: roots };
  }
  return null;
}

export const THREE_PUBLIC_ITEMS: Array<[ThreePublicItem, string]> = THREE_PUBLIC_ITEM_KEYS.map((k) => [
  k,
  THREE_PUBLIC_NAME[k],
]);

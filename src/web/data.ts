// What pages and the API show, computed once: key-figure tables, exact differences and ratios, chart series.
import { lookupFunction } from '../catalog/codes.js';
import { diffExact, formatExact, parseDecimal, toWan } from '../model/money.js';
import type { Disclosure, Figures, Table } from '../model/schema.js';
import { FIGURES, figureValue } from '../store/figures.js';
import type { FigureRecord } from '../store/queries.js';

export const KIND_LABEL: Record<string, string> = { budget: '预算', final_account: '决算' };
export const SCOPE_LABEL: Record<string, string> = { department: '部门', unit: '单位' };
export const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

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

export interface CompareRow {
  key: string;
  label: string;
  values: Array<string | null>;
  /** for each document after the first: difference from the first and ratio to it (%) */
  differences: Array<string | null>;
  ratios: Array<string | null>;
}

export function compareRows(docs: FigureRecord[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const add = (key: string, label: string, values: Array<string | null>) => {
    if (values.every((v) => v === null)) return;
    rows.push({ key, label, values, differences: values.slice(1).map((v) => difference(values[0], v)), ratios: values.slice(1).map((v) => ratioPercent(values[0], v)) });
  };
  for (const f of FIGURES) add(f.key, f.label, docs.map((d) => decimalText(figureValue(d.figures, f.key))));
  add('staff.actual', '实有人数', docs.map((d) => d.staff_actual));
  add('staff.authorized', '编制数', docs.map((d) => d.staff_authorized));
  add('perHead.expenditureTotal', '人均支出（万元/人，按实有人数）', docs.map((d) => perHead(decimalText(d.figures.expenditureTotal), d.staff_actual)));
  add('perHead.threePublic', '人均“三公”经费（万元/人，按实有人数）', docs.map((d) => perHead(decimalText(d.figures.threePublic?.total), d.staff_actual)));
  const classes = [...new Set(docs.flatMap((d) => Object.keys(d.figures.functionClasses ?? {})))].sort();
  for (const code of classes) {
    const year = docs[0]?.year ?? 2022;
    add(`functionClasses.${code}`, `${code} ${lookupFunction(code, year)?.name ?? ''}`.trim(), docs.map((d) => decimalText(d.figures.functionClasses?.[code])));
  }
  return rows;
}

export interface TreeNode {
  name: string;
  code: string;
  value: number;
  children?: TreeNode[];
}

const FUNCTION_TABLES: Table['id'][] = [
  'general-budget-expenditure',
  'expenditure-summary',
  'final-general-budget-expenditure',
  'final-expenditure',
];

/** Spending by function 类 → 款 → 项 as printed in the first table that classifies it (for drill-down). */
export function functionTree(doc: Disclosure): { table: string; tree: TreeNode[] } | null {
  const tables = FUNCTION_TABLES.map((id) => doc.tables.find((t) => t.id === id && t.status === 'present')).filter((t): t is Table => !!t);
  for (const table of tables) {
    const nodes = new Map<string, TreeNode>();
    const roots: TreeNode[] = [];
    for (const row of table.rows) {
      const c = row.classification;
      if (!c || c.system !== 'function') continue;
      const cell = row.cells.find((x) => x.column === 'total' && x.amount) ?? row.cells.find((x) => x.amount);
      if (!cell?.amount) continue;
      const wan = toWan(cell.amount);
      const node: TreeNode = { name: row.label.trim() || c.code, code: c.code, value: Number(formatExact(wan)) };
      nodes.set(c.code, node);
      const parent = c.code.length > 3 ? (nodes.get(c.code.slice(0, c.code.length - 2)) ?? (c.code.length > 5 ? nodes.get(c.code.slice(0, 3)) : undefined)) : undefined;
      if (parent) (parent.children ??= []).push(node);
      else roots.push(node);
    }
    if (roots.length) return { table: table.title, tree: roots };
  }
  return null;
}

export const THREE_PUBLIC_ITEMS: Array<[keyof NonNullable<Figures['threePublic']>, string]> = [
  ['overseas', '因公出国（境）费'],
  ['vehiclePurchase', '公务用车购置费'],
  ['vehicleOperation', '公务用车运行维护费'],
  ['reception', '公务接待费'],
];

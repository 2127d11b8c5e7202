// The key figures the portal ranks and compares (paths into the model's `figures`, all in 万元), with labels.
import type { Figures } from '../model/schema.js';

export interface FigureDef {
  key: string;
  label: string;
}

export const FIGURES: FigureDef[] = [
  { key: 'incomeTotal', label: '收入总计' },
  { key: 'expenditureTotal', label: '支出总计' },
  { key: 'currentYearIncome', label: '本年收入' },
  { key: 'currentYearExpenditure', label: '本年支出' },
  { key: 'basicExpenditure', label: '基本支出' },
  { key: 'projectExpenditure', label: '项目支出' },
  { key: 'generalPublicBudgetExpenditure', label: '一般公共预算支出' },
  { key: 'personnel', label: '人员经费' },
  { key: 'publicFunds', label: '公用经费' },
  { key: 'operatingCosts', label: '机关运行经费' },
  { key: 'procurementTotal', label: '政府采购预算/支出' },
  { key: 'threePublic.total', label: '“三公”经费合计' },
  { key: 'threePublic.overseas', label: '因公出国（境）费' },
  { key: 'threePublic.vehiclePurchase', label: '公务用车购置费' },
  { key: 'threePublic.vehicleOperation', label: '公务用车运行维护费' },
  { key: 'threePublic.reception', label: '公务接待费' },
];

export const FIGURE_KEYS = new Set(FIGURES.map((f) => f.key));

export function figureLabel(key: string): string {
  return FIGURES.find((f) => f.key === key)?.label ?? key;
}

/** Reads a figure by its dotted key. */
export function figureValue(figures: Figures | undefined, key: string): number | undefined {
  let value: unknown = figures;
  for (const part of key.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** Per-head divisors: 实有人数 (actual staff) or 编制数 (authorised posts). */
export const PER_HEAD = { actual: '实有人数', authorized: '编制数' } as const;
export type PerHead = keyof typeof PER_HEAD;

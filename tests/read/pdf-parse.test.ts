// Parsing corpus PDFs end to end (detect → PDF reader → extractor): kind, year, unit, tables present and key
// figures, as far as the extractor reads each region's template; every expected value was read on the PDF pages.
import { describe, expect, it } from 'vitest';
import type { Disclosure, Table } from '../../src/model/schema.js';
import { parseFile } from '../../src/extract/index.js';
import { corpusPath } from './support.js';

const parsed = new Map<string, Promise<Disclosure>>();
const parse = (name: string) => {
  let p = parsed.get(name);
  if (!p) parsed.set(name, (p = parseFile(corpusPath(name))));
  return p;
};

function table(doc: Disclosure, id: string): Table {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(`table ${id} not read`);
  return t;
}

function amount(t: Table, label: string, side?: 'income' | 'expenditure'): string | undefined {
  const row = t.rows.find((r) => r.label.replace(/\s+/g, '') === label && (!side || r.side === side));
  return row?.cells.find((c) => c.amount)?.amount?.text;
}

describe('parse corpus PDFs', () => {
  it('008.pdf: 上海市普陀区财政局 2024 final account, nine tables from page 6 on', async () => {
    const d = await parse('008.pdf');
    expect(d.source.format).toBe('pdf');
    expect(d).toMatchObject({ kind: 'final_account', year: 2024, unit: { name: '上海市普陀区财政局' } });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining(['final-income-expenditure-summary', 'final-income', 'final-expenditure', 'final-fiscal-appropriation-summary', 'final-general-budget-expenditure', 'final-general-budget-basic-expenditure']),
    );
    const summary = table(d, 'final-income-expenditure-summary');
    expect(summary.at?.page).toBe(6);
    expect(amount(summary, '一、一般公共预算财政拨款收入', 'income')).toBe('2,940.05');
    expect(amount(summary, '一、一般公共服务支出', 'expenditure')).toBe('2,106.66');
    const cell = summary.rows.find((r) => r.side === 'income')!.cells[0].amount!;
    expect(cell.at?.page).toBe(6);
    expect(cell.at?.box).toHaveLength(4);
  });

  it('018.pdf: 深圳市统计局 2026 budget, 收支总表 on page 16', async () => {
    const d = await parse('018.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2026 });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['income-expenditure-summary', 'expenditure-summary', 'fiscal-appropriation-summary', 'general-budget-expenditure', 'three-public']));
    expect(table(d, 'income-expenditure-summary').at?.page).toBe(16);
    expect(d.figures.incomeTotal).toBe(5417.8);
    expect(d.figures.expenditureTotal).toBe(5417.8);
    expect(d.figures.operatingCosts).toBe(742.77);
  });

  it('021.pdf: 苏州市审计局 2026 budget, totals, basic/project split and function classes', async () => {
    const d = await parse('021.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2026 });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'general-budget-basic-expenditure', 'three-public']));
    expect(d.figures).toMatchObject({ incomeTotal: 4651.67, basicExpenditure: 4312.17, projectExpenditure: 339.5, procurementTotal: 188.5 });
    expect(d.figures.functionClasses).toMatchObject({ '201': 2906.63, '208': 442.09, '221': 1302.95 });
  });

  it('025.pdf: 西安市审计局 2026 budget in 元, parts "第X部分：…"', async () => {
    const d = await parse('025.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2026, unit: { name: '西安市审计局（汇总）' } });
    expect(d.parts.map((p) => p.title)).toEqual(expect.arrayContaining(['部门概况', '部门预算公开报表']));
    const summary = table(d, 'income-expenditure-summary');
    expect(summary.unit).toBe('元');
    expect(summary.at?.page).toBe(22);
    // 收入总计 42,034,723.58 元, 本年收入合计 41,052,896.08 元
    expect(d.figures.incomeTotal).toBeCloseTo(4203.472358, 6);
    expect(d.figures.currentYearIncome).toBeCloseTo(4105.289608, 6);
  });

  it('032.pdf: 国家信访局 2024 final account (central template)', async () => {
    const d = await parse('032.pdf');
    expect(d).toMatchObject({ kind: 'final_account', year: 2024, unit: { name: '国家信访局' } });
    expect(d.parts.map((p) => p.title)).toEqual(expect.arrayContaining(['国家信访局概况', '名词解释']));
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['final-income-expenditure-summary', 'final-income', 'final-expenditure', 'final-fiscal-appropriation-summary', 'final-general-budget-basic-expenditure']));
    expect(table(d, 'final-income-expenditure-summary').at?.page).toBe(7);
    expect(table(d, 'final-government-fund').status).toBe('empty');
  });

  it('033.pdf: 佛山市轨道交通局 2019 final account, figures from its tables', async () => {
    const d = await parse('033.pdf');
    expect(d).toMatchObject({ kind: 'final_account', year: 2019, unit: { name: '佛山市轨道交通局' } });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['final-income-expenditure-summary', 'final-expenditure', 'final-general-budget-basic-expenditure', 'final-three-public']));
    // 一般公共预算财政拨款支出 1668.14, 基本支出 746.39, 项目支出 921.75 (page 15), 公用经费合计 97.19 (page 20)
    expect(d.figures).toMatchObject({ generalPublicBudgetExpenditure: 1668.14, basicExpenditure: 746.39, projectExpenditure: 921.75, operatingCosts: 97.19 });
  });

  it('035.pdf: 江苏省人民检察院 2017 budget', async () => {
    const d = await parse('035.pdf');
    // the cover prints the unit and "2017年部门预算" in two large lines far apart: one title
    expect(d).toMatchObject({ kind: 'budget', year: 2017, title: { text: '江苏省人民检察院2017年部门预算' }, unit: { name: '江苏省人民检察院' } });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['income-expenditure-summary', 'fiscal-appropriation-summary']));
    expect(table(d, 'income-expenditure-summary').at?.page).toBe(10);
    expect(d.figures.currentYearIncome).toBe(17996.68);
  });

  it('002.pdf: 普陀区万里街道 2024 budget (Shanghai template, amounts in 元), tables and 三公', async () => {
    const d = await parse('002.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2024 });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-appropriation-summary', 'three-public']));
    const summary = table(d, 'income-expenditure-summary');
    expect(summary).toMatchObject({ unit: '元', at: { page: 10 } });
    // 收入总计 156,211,123 元; 一般公共服务支出 2,932,700 元; 三公 47.91 万元 (page 31)
    expect(d.figures.incomeTotal).toBeCloseTo(15621.1123, 6);
    expect(d.figures.functionClasses?.['201']).toBeCloseTo(293.27, 6);
    expect(d.figures.threePublic).toMatchObject({ total: 47.91, vehiclePurchase: 25, vehicleOperation: 21.56, reception: 1.35 });
  });

  it('013.pdf: 上海市财政局 2025 unit budget, tables and 三公', async () => {
    const d = await parse('013.pdf');
    expect(d).toMatchObject({ kind: 'budget', scope: 'unit', year: 2025 });
    expect(d.tablesPresent).toEqual(expect.arrayContaining(['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'three-public']));
    expect(table(d, 'income-summary').at?.page).toBe(8);
    // 收入总计 171,915,169 元; 201 一般公共服务支出 127,886,849 元; 三公 346.30 万元 (page 20)
    expect(d.figures.incomeTotal).toBeCloseTo(17191.5169, 6);
    expect(d.figures.functionClasses?.['201']).toBeCloseTo(12788.6849, 6);
    expect(d.figures.threePublic).toMatchObject({ total: 346.3, overseas: 288.7, vehicleOperation: 32.2, reception: 25.4 });
  });
});

describe('the unit of each corpus PDF (units as listed in ../shared/README.md and printed on the cover)', () => {
  it.each([
    ['002.pdf', '上海市普陀区人民政府万里街道办事处'], // title names the district; the tables' 编制单位 name the unit
    ['013.pdf', '上海市财政局'],
    ['018.pdf', '深圳市统计局（本级）'], // the year comes first: "2026年深圳市统计局（本级）部门预算"
    ['021.pdf', '苏州市审计局'],
    ['033.pdf', '佛山市轨道交通局'],
    ['035.pdf', '江苏省人民检察院'],
  ])('%s: %s', async (file, unit) => {
    expect((await parse(file)).unit.name).toBe(unit);
  });
});

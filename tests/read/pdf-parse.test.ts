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
      expect.arrayContaining([
        'final-income-expenditure-summary',
        'final-income',
        'final-expenditure',
        'final-fiscal-appropriation-summary',
        'final-general-budget-expenditure',
        'final-general-budget-basic-expenditure',
      ]),
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
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining([
        'income-expenditure-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'three-public',
      ]),
    );
    expect(table(d, 'income-expenditure-summary').at?.page).toBe(16);
    expect(d.figures.incomeTotal).toBe(5417.8);
    expect(d.figures.expenditureTotal).toBe(5417.8);
    expect(d.figures.operatingCosts).toBe(742.77);
  });

  it('021.pdf: 苏州市审计局 2026 budget, totals, basic/project split and function classes', async () => {
    const d = await parse('021.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2026 });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'general-budget-basic-expenditure',
        'three-public',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 4651.67,
      basicExpenditure: 4312.17,
      projectExpenditure: 339.5,
      procurementTotal: 188.5,
    });
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
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining([
        'final-income-expenditure-summary',
        'final-income',
        'final-expenditure',
        'final-fiscal-appropriation-summary',
        'final-general-budget-basic-expenditure',
      ]),
    );
    expect(table(d, 'final-income-expenditure-summary').at?.page).toBe(7);
    expect(table(d, 'final-government-fund').status).toBe('empty');
  });

  it('033.pdf: 佛山市轨道交通局 2019 final account, figures from its tables', async () => {
    const d = await parse('033.pdf');
    expect(d).toMatchObject({ kind: 'final_account', year: 2019, unit: { name: '佛山市轨道交通局' } });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining([
        'final-income-expenditure-summary',
        'final-expenditure',
        'final-general-budget-basic-expenditure',
        'final-three-public',
      ]),
    );
    // 一般公共预算财政拨款支出 1668.14, 基本支出 746.39, 项目支出 921.75 (page 15), 公用经费合计 97.19 (page 20)
    expect(d.figures).toMatchObject({
      generalPublicBudgetExpenditure: 1668.14,
      basicExpenditure: 746.39,
      projectExpenditure: 921.75,
      operatingCosts: 97.19,
    });
  });

  it('035.pdf: 江苏省人民检察院 2017 budget', async () => {
    const d = await parse('035.pdf');
    // the cover prints the unit and "2017年部门预算" in two large lines far apart: one title
    expect(d).toMatchObject({
      kind: 'budget',
      year: 2017,
      title: { text: '江苏省人民检察院2017年部门预算' },
      unit: { name: '江苏省人民检察院' },
    });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining(['income-expenditure-summary', 'fiscal-appropriation-summary']),
    );
    expect(table(d, 'income-expenditure-summary').at?.page).toBe(10);
    expect(d.figures.currentYearIncome).toBe(17996.68);
  });

  it('002.pdf: 普陀区万里街道 2024 budget (Shanghai template, amounts in 元), tables and 三公', async () => {
    const d = await parse('002.pdf');
    expect(d).toMatchObject({ kind: 'budget', year: 2024 });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'three-public',
      ]),
    );
    const summary = table(d, 'income-expenditure-summary');
    expect(summary).toMatchObject({ unit: '元', at: { page: 10 } });
    // 收入总计 156,211,123 元; 一般公共服务支出 2,932,700 元; 三公 47.91 万元 (page 31)
    expect(d.figures.incomeTotal).toBeCloseTo(15621.1123, 6);
    expect(d.figures.functionClasses?.['201']).toBeCloseTo(293.27, 6);
    expect(d.figures.threePublic).toMatchObject({
      total: 47.91,
      vehiclePurchase: 25,
      vehicleOperation: 21.56,
      reception: 1.35,
    });
  });

  it('013.pdf: 上海市财政局 2025 unit budget, tables and 三公', async () => {
    const d = await parse('013.pdf');
    expect(d).toMatchObject({ kind: 'budget', scope: 'unit', year: 2025 });
    expect(d.tablesPresent).toEqual(
      expect.arrayContaining(['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'three-public']),
    );
    expect(table(d, 'income-summary').at?.page).toBe(8);
    // 收入总计 171,915,169 元; 201 一般公共服务支出 127,886,849 元; 三公 346.30 万元 (page 20)
    expect(d.figures.incomeTotal).toBeCloseTo(17191.5169, 6);
    expect(d.figures.functionClasses?.['201']).toBeCloseTo(12788.6849, 6);
    expect(d.figures.threePublic).toMatchObject({
      total: 346.3,
      overseas: 288.7,
      vehicleOperation: 32.2,
      reception: 25.4,
    });
  });
});

/** A row by its classification code (and side), for cell-level checks. */
function coded(t: Table, code: string, side?: 'income' | 'expenditure') {
  const row = t.rows.find((r) => r.classification?.code === code && (!side || r.side === side));
  if (!row) throw new Error(`row ${code} not read in ${t.id}`);
  return row;
}
function cellText(row: Table['rows'][number], column: string): string | undefined {
  return row.cells.find((c) => c.column === column)?.amount?.text;
}

// For every corpus PDF (039 is a form, tested elsewhere): the standard tables it prints and the key figures it
// states, each read on the page named in the comment (pdftotext -layout -f P -l P, or the page image). Amounts in 元
// are given in 万元 as the model's figures are.
const sorted = (ids: string[]) => [...ids].sort();

describe('corpus PDFs: standard tables present and key figures, as printed', () => {
  it('002.pdf (上海 普陀区万里街道 2024 budget, 元)', async () => {
    const d = await parse('002.pdf');
    // p10 财务收支预算总表, p11 收入, p16 支出, p21 财政拨款收支, p22 一般公共预算支出功能分类, p27 政府性基金 (empty),
    // p28 国有资本经营 (empty), p29 一般公共预算基本支出部门预算经济分类, p31 "三公"经费和机关运行经费
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'government-fund-expenditure',
        'state-capital-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
      ]),
    );
    expect(table(d, 'general-budget-expenditure').at?.page).toBe(22);
    expect(table(d, 'general-budget-basic-expenditure').at?.page).toBe(29);
    expect(table(d, 'government-fund-expenditure').status).toBe('empty');
    expect(d.figures).toMatchObject({
      incomeTotal: 15621.1123, // p10 收入总计 156,211,123
      expenditureTotal: 15621.1123, // p10 支出总计 156,211,123
      basicExpenditure: 9970.602, // p26 合计 基本支出 99,706,020
      projectExpenditure: 5650.5103, // p26 合计 项目支出 56,505,103
      generalPublicBudgetExpenditure: 15621.1123, // p21 支出总计 一般公共预算 156,211,123
      personnel: 8853.7451, // p30 合计 人员经费 88,537,451
      publicFunds: 1116.8569, // p30 合计 公用经费 11,168,569
      threePublic: { total: 47.91, overseas: 0, vehiclePurchase: 25, vehicleOperation: 21.56, reception: 1.35 }, // p31
      // p10 一、一般公共服务支出 2,932,700 … 九、住房保障支出 8,882,399 (classes printed without codes)
      functionClasses: {
        '201': 293.27,
        '204': 163.3,
        '205': 25,
        '206': 10,
        '207': 20,
        '208': 1960.4064,
        '210': 322.3657,
        '212': 11938.5303,
        '221': 888.2399,
      },
    });
    // p22: 201 05 07 专项普查活动 257,700 (类/款/项 columns)
    expect(cellText(coded(table(d, 'general-budget-expenditure'), '2010507'), 'total')).toBe('257,700');
    // p10: the class printed as "一、一般公共服务支出" carries code 201
    expect(cellText(coded(table(d, 'income-expenditure-summary'), '201', 'expenditure'), 'budget')).toBe('2,932,700');
  });

  it('008.pdf (上海 普陀区财政局 2024 final account)', async () => {
    const d = await parse('008.pdf');
    // p6 收入支出决算总表 … p20 国有资本经营 (the nine 决算 tables, p19 and p20 empty)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'final-income-expenditure-summary',
        'final-income',
        'final-expenditure',
        'final-fiscal-appropriation-summary',
        'final-general-budget-expenditure',
        'final-general-budget-basic-expenditure',
        'final-three-public',
        'final-government-fund',
        'final-state-capital',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 2995.39, // p6 总计 2,995.39
      expenditureTotal: 2995.39,
      currentYearIncome: 2946.25, // p6 本年收入合计
      currentYearExpenditure: 2940.05, // p6 本年支出合计
      basicExpenditure: 2336.91, // p15 合计 基本支出
      projectExpenditure: 603.14, // p15 合计 项目支出
      generalPublicBudgetExpenditure: 2940.05, // p12 本年支出合计, 一般公共预算财政拨款
      personnel: 2152.26, // p17 人员经费合计
      publicFunds: 184.65, // p17 公用经费合计
      functionClasses: { '201': 2106.66, '208': 326.71, '210': 60.99, '221': 445.69 }, // p6
    });
    // p18: 预算数 and 决算数 alternate under each column; only 预算数 合计 and 公务接待费 are printed (0.95)
    const three = table(d, 'final-three-public');
    const budget = three.rows.find((r) => r.key === 'budget')!;
    expect(cellText(budget, 'total')).toBe('0.95');
    expect(cellText(budget, 'reception')).toBe('0.95');
    expect(three.rows.find((r) => r.key === 'final')?.cells ?? []).toEqual([]);
    // p16: 人员经费 and 公用经费 side by side; 302 商品和服务支出 171.07 sits in the right-hand group
    const basic = table(d, 'final-general-budget-basic-expenditure');
    expect(cellText(coded(basic, '302'), 'public')).toBe('171.07');
    expect(cellText(coded(basic, '30101'), 'personnel')).toBe('262.33');
  });

  it('013.pdf (上海市财政局 2025 unit budget, 元)', async () => {
    const d = await parse('013.pdf');
    // p7, p8, p10, p12, p13 一般公共预算支出功能分类, p15/p16 (printed without rows), p17 基本支出经济分类, p20 三公
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'government-fund-expenditure',
        'state-capital-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 17191.5169, // p7 收入总计 171,915,169
      basicExpenditure: 12764.2039, // p13-14 合计 基本支出 127,642,039
      projectExpenditure: 4427.313, // 项目支出 44,273,130
      personnel: 10246.426, // p17-19 合计 人员经费 102,464,260
      publicFunds: 2517.7779, // 公用经费 25,177,779
      threePublic: { total: 346.3, overseas: 288.7, vehicleOperation: 32.2, reception: 25.4 }, // p20
      functionClasses: { '201': 12788.6849, '208': 1756.032, '210': 466.8, '221': 2180 }, // p7
    });
  });

  it('018.pdf (深圳市统计局 2026 budget: 科目编码 column of full codes, 收支总表 by name)', async () => {
    const d = await parse('018.pdf');
    // 表1 p16 收支总表, 表2 p18 收入总表, 表3 p19 支出总表, 表6 p25 财政拨款收支总表, 表7 p27 一般公共预算支出表（按功能分类）,
    // 表9 p32 三公, 表10 p33 and 表11 p34 empty (表4 基本支出总表, 表5 项目支出总表, 表8 按经济分类 have no standard id)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'three-public',
        'government-fund-expenditure',
        'state-capital-expenditure',
      ]),
    );
    expect(table(d, 'government-fund-expenditure').status).toBe('empty'); // p33 "本表本年无发生额"
    expect(d.figures).toMatchObject({
      incomeTotal: 5417.8, // p16 收入总计
      currentYearIncome: 5417.8, // p16 本年收入合计
      basicExpenditure: 4104, // p27 深圳市统计局（本级） 基本支出 4,104.00
      projectExpenditure: 1313.8, // p27 项目支出 1,313.80
      generalPublicBudgetExpenditure: 5417.8, // p27 支出总计 5,417.80
      threePublic: { total: 32.56, overseas: 16.8, vehiclePurchase: 0, vehicleOperation: 4.2, reception: 11.56 }, // p32, row 2026年
      operatingCosts: 742.77, // p13
      functionClasses: { '201': 3478.72, '205': 193, '208': 562.39, '210': 86.28, '221': 1097.4 }, // p16
    });
    // p27: 2010501 行政运行 2,357.92 in the 科目编码 column
    expect(cellText(coded(table(d, 'general-budget-expenditure'), '2010501'), 'total')).toBe('2,357.92');
    // p16: 款 and 项 printed by name under "一、一般公共服务支出": 统计信息事务 → 20105, 行政运行 → 2010501
    const summary = table(d, 'income-expenditure-summary');
    expect(cellText(coded(summary, '20105', 'expenditure'), 'budget')).toBe('3,478.72');
    expect(cellText(coded(summary, '2010501', 'expenditure'), 'budget')).toBe('2,357.92');
    // p16: 单位资金 and 4.附属单位上缴收入 are template rows
    expect(summary.rows.find((r) => r.key === 'unitFunds')?.label).toBe('三、单位资金');
    expect(summary.rows.find((r) => r.key === 'subsidiaryRemit')?.label).toBe('4.附属单位上缴收入');
    // p32: rows 2025年 / 2026年 / 增减变化金额 under 一般公共预算 columns
    const three = table(d, 'three-public');
    expect(three.rows.map((r) => r.key)).toEqual(['prior', 'budget', 'change']);
    expect(cellText(three.rows[0], 'total')).toBe('59.62');
    expect(cellText(three.rows[2], 'overseas')).toBe('-27.07');
  });

  it('021.pdf (苏州市审计局 2026 budget: 三公 with 会议费 and 培训费)', async () => {
    const d = await parse('021.pdf');
    // p9 收支总表, p10 收入总表, p11 支出总表, p12 财政拨款收支总表, p16 一般公共预算支出表, p17 一般公共预算基本支出表, p18 三公,
    // p19 and p20 empty (p14/p15 财政拨款支出表 have no standard id)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
        'government-fund-expenditure',
        'state-capital-expenditure',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 4651.67, // p9
      currentYearIncome: 4651.67, // p9 本年收入合计
      basicExpenditure: 4312.17, // p16 合计 基本支出
      projectExpenditure: 339.5, // p16 合计 项目支出
      generalPublicBudgetExpenditure: 4651.67, // p12 一、本年支出 / p16 合计
      personnel: 3916.57, // p17
      publicFunds: 395.6, // p17
      threePublic: { total: 10, overseas: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 10 }, // p18
      operatingCosts: 395.6, // p21 合计
      procurementTotal: 188.5, // p22 总计
      functionClasses: { '201': 2906.63, '208': 442.09, '221': 1302.95 }, // p9
    });
    const row = table(d, 'three-public').rows[0];
    expect(cellText(row, 'meeting')).toBe('10.00'); // p18 会议费
    expect(cellText(row, 'training')).toBe('43.00'); // p18 培训费
    // p10 收入总表 by organisation (部门代码 | 部门名称): 合计 4,651.67, all 一般公共预算; 024001 苏州市审计局
    const income = table(d, 'income-summary');
    const total = income.rows.find((r) => r.kind === 'total')!;
    expect([cellText(total, 'total'), cellText(total, 'generalBudget')]).toEqual(['4,651.67', '4,651.67']);
    expect(income.rows.filter((r) => r.kind === 'organisation').map((r) => [r.orgCode, r.label])).toEqual([
      ['024', '苏州市审计局'],
      ['024001', '苏州市审计局'],
    ]);
    // p9: "八、附属单位上缴收入" is a template row
    expect(table(d, 'income-expenditure-summary').rows.some((r) => r.key === 'subsidiaryRemit')).toBe(true);
  });

  it('025.pdf (西安市审计局 2026 budget, 元: 部门/政府 economic codes side by side, 上年/当年/增减 三公)', async () => {
    const d = await parse('025.pdf');
    // 表1 p22 … 表4 p25, p26 一般公共预算支出明细表（按支出功能分类科目）, p30 基本支出明细表（按支出经济分类科目）, p35 三公
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 4203.472358, // p22 收入总计 42,034,723.58
      currentYearIncome: 4105.289608, // p22 本年收入合计 41,052,896.08
      currentYearExpenditure: 4203.472358, // p22 本年支出合计 42,034,723.58
      generalPublicBudgetExpenditure: 4005.289608, // p25 本年支出合计 40,052,896.08
      personnel: 3155.83644, // p30 合计 人员经费支出 31,558,364.40
      publicFunds: 198.585168, // p30 合计 公用经费支出 1,985,851.68
      threePublic: { total: 10.2, vehicleOperation: 8.2, reception: 2 }, // p35 当年: 小计 102,000, 运行维护费 82,000, 接待 20,000
      functionClasses: { '201': 3172.2917, '205': 21, '208': 463.558986, '210': 186.220916, '221': 360.400756 }, // p22
    });
    // p30: read by the 部门经济科目编码 (30101 基本工资), not the 政府经济科目编码 beside it
    expect(cellText(coded(table(d, 'general-budget-basic-expenditure'), '30101'), 'personnel')).toBe('7,059,565.80');
    const three = table(d, 'three-public');
    expect(three.rows.map((r) => r.key)).toEqual(['prior', 'budget', 'change']);
    expect(cellText(three.rows[1], 'training')).toBe('210,000.00'); // p35 当年 培训费
  });

  it('032.pdf (国家信访局 2024 final account: 行次 columns, full codes, 三公 预算数|决算数)', async () => {
    const d = await parse('032.pdf');
    // 公开01表 p7 … 公开09表 p15 (07 and 08 empty)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'final-income-expenditure-summary',
        'final-income',
        'final-expenditure',
        'final-fiscal-appropriation-summary',
        'final-general-budget-expenditure',
        'final-general-budget-basic-expenditure',
        'final-government-fund',
        'final-state-capital',
        'final-three-public',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 22066.59, // p7 总计 (行次 31)
      expenditureTotal: 22066.59,
      currentYearIncome: 20451.35, // p7 本年收入合计 (行次 27)
      currentYearExpenditure: 14572.53, // p7 本年支出合计
      basicExpenditure: 10234.37, // p11 合计 基本支出
      projectExpenditure: 3499.42, // p11 合计 项目支出
      generalPublicBudgetExpenditure: 13733.8, // p10 本年支出合计 一般公共预算财政拨款
      personnel: 7967.72, // p12 人员经费合计
      publicFunds: 2266.65, // p12 公用经费合计
      threePublic: { total: 46.21, overseas: 4.69, vehicleOperation: 40.61, reception: 0.9 }, // p15 决算数
      functionClasses: { '201': 10685.56, '205': 180.03, '208': 2228.57, '210': 497.53, '221': 980.85 }, // p7
    });
    // p8: 2014001 行政运行 6,000.76 in a single 科目代码 column; 合计 20,451.35
    const income = table(d, 'final-income');
    expect(cellText(coded(income, '2014001'), 'total')).toBe('6,000.76');
    expect(
      cellText(
        income.rows.find((r) => r.kind === 'total')!,
        'total',
      ),
    ).toBe('20,451.35');
    // p15: one printed row, 预算数 columns then 决算数 columns
    const three = table(d, 'final-three-public');
    expect(
      cellText(
        three.rows.find((r) => r.key === 'budget')!,
        'total',
      ),
    ).toBe('76.43');
    // p12: three code–name–决算数 groups; 310 资本性支出 27.24 is in the third, under 公用经费
    expect(cellText(coded(table(d, 'final-general-budget-basic-expenditure'), '310'), 'public')).toBe('27.24');
  });

  it('033.pdf (佛山市轨道交通局 2019 final account: 行次 columns not read as amounts)', async () => {
    const d = await parse('033.pdf');
    // 表1 p5 … 表8 p22 (no 国有资本经营 table)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'final-income-expenditure-summary',
        'final-income',
        'final-expenditure',
        'final-fiscal-appropriation-summary',
        'final-general-budget-expenditure',
        'final-general-budget-basic-expenditure',
        'final-three-public',
        'final-government-fund',
      ]),
    );
    expect(d.figures).toMatchObject({
      incomeTotal: 1668.14, // p7 总计 (行次 26)
      currentYearIncome: 1668.14, // p7 本年收入合计 (行次 23, not the amount)
      currentYearExpenditure: 1668.14, // p7 本年支出合计 (行次 49)
      basicExpenditure: 746.39, // p15 合计
      projectExpenditure: 921.75,
      generalPublicBudgetExpenditure: 1668.14, // p14 本年支出合计
      personnel: 649.2, // p20 人员经费合计
      publicFunds: 97.19, // p20 公用经费合计
      threePublic: { total: 0.16, overseas: 0, vehiclePurchase: 0, vehicleOperation: 0, reception: 0.16 }, // p21 决算数
      functionClasses: { '208': 76.23, '214': 1531.04, '221': 60.87 }, // p5-p7
    });
    const summary = table(d, 'final-income-expenditure-summary');
    expect(summary.rows.find((r) => r.key === 'currentYearIncome')?.cells.map((c) => c.amount?.text)).toEqual([
      '1668.14',
    ]);
    expect(cellText(coded(summary, '214', 'expenditure'), 'final')).toBe('1531.04'); // "十三、交通运输支出"
    const three = table(d, 'final-three-public');
    expect(
      cellText(
        three.rows.find((r) => r.key === 'budget')!,
        'total',
      ),
    ).toBe('0.00');
  });

  it('035.pdf (江苏省人民检察院 2017 budget: 总表 classes without codes, 三公 with 会议费/培训费)', async () => {
    const d = await parse('035.pdf');
    // 一 p10 收支预算总表, 二/三/四 p11, 七 p13 政府性基金 (empty), 八 p14 一般公共预算支出预算表, 九 p14 基本支出, 十一 p16 三公
    // (五/六 p12 财政拨款支出/基本支出预算表, 十 机关运行经费, 十二 政府采购 have no standard id)
    expect(sorted(d.tablesPresent)).toEqual(
      sorted([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'government-fund-expenditure',
        'general-budget-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
      ]),
    );
    expect(table(d, 'general-budget-expenditure').at?.page).toBe(14);
    expect(d.figures).toMatchObject({
      incomeTotal: 17996.68, // p10 收入合计
      expenditureTotal: 17996.68, // p10 支出合计 (printed under 支出用途)
      currentYearIncome: 17996.68, // p10 当年收入小计
      basicExpenditure: 12323.48, // p11 支出预算总表 基本支出 (the narrative once prints 12323.46)
      projectExpenditure: 5533, // p11 项目支出
      generalPublicBudgetExpenditure: 17981.68, // p11 一般公共预算 / p14 合计
      personnel: 9710.42, // p20 人员经费
      publicFunds: 2598.06, // p14 302 商品和服务支出 2,598.06; p21 公用经费
      threePublic: { total: 584.35, overseas: 110, vehiclePurchase: 50, vehicleOperation: 267.8, reception: 156.55 }, // p16 "三公"经费 小计 …
      procurementTotal: 2889.8, // p16 政府采购 合计
      functionClasses: { '204': 13656.34, '208': 2021.18, '221': 2319.16 }, // p10 四、公共安全支出 … 十八、住房保障支出
    });
    const three = table(d, 'three-public').rows[0];
    expect(cellText(three, 'meeting')).toBe('168.00'); // p16 会议费
    expect(cellText(three, 'training')).toBe('700.00'); // p16 培训费
    expect(cellText(three, 'vehicle')).toBe('317.80'); // p16 公务用车购置及运行维护费 小计
    // p12/p14: 2040401 行政运行 7,968.14 in a single 功能科目代码 column
    expect(cellText(coded(table(d, 'general-budget-expenditure'), '2040401'), 'total')).toBe('7,968.14');
    // p10: "九、医疗卫生与计划生育支出" (2017 name of 210) is a class row with its code
    expect(coded(table(d, 'income-expenditure-summary'), '210', 'expenditure').label).toBe(
      '九、医疗卫生与计划生育支出',
    );
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

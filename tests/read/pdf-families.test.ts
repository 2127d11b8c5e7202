// Template families of ../shared/corpus-wide read end to end (PDF reader → extractor): one test per family, every
// expected value read on the PDF page (pdftotext -layout -f P -l P), and every sum the table declares holding.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Disclosure, Table, TableRow } from '../../src/model/schema.js';
import { parseFile } from '../../src/extract/index.js';
import { readTableConfidence } from '../../src/audit/reading-confidence.js';
import { sharedDir } from '../support/paths.js';

const parsed = new Map<string, Promise<Disclosure>>();
const parse = (name: string) => {
  let p = parsed.get(name);
  if (!p) parsed.set(name, (p = parseFile(resolve(sharedDir, 'corpus-wide', name))));
  return p;
};

function table(doc: Disclosure, id: string): Table {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(`table ${id} not read`);
  return t;
}

function cells(row: TableRow | undefined): Record<string, string> {
  return Object.fromEntries((row?.cells ?? []).filter((c) => c.amount).map((c) => [c.column, c.amount!.text]));
}

const byLabel = (t: Table, label: string, side?: string) =>
  t.rows.find((r) => r.label.replace(/\s+/g, '') === label && (!side || r.side === side));
const byCode = (t: Table, code: string) => t.rows.find((r) => r.classification?.code === code);

/** every declared sum of the table checked and holding */
function allSumsHold(t: Table): void {
  const r = readTableConfidence(t);
  expect(r.identities.checked).toBeGreaterThan(0);
  expect(r.identities.held).toBe(r.identities.checked);
}

describe('template families of corpus-wide', () => {
  it('北京 (w51, 附件2 报表): titles drawn inside the frame, code-name cells "2050803-培训支出", 三公 with 接待 before 公务用车', async () => {
    const d = await parse('w51.pdf');
    // p1 预算01表 收支总表: the frame holds the title and unit line, and two blank sliver columns
    const summary = table(d, 'income-expenditure-summary');
    expect(cells(byLabel(summary, '一、一般公共预算拨款收入', 'income'))).toEqual({ budget: '1,431.026809' });
    expect(byLabel(summary, '上年结转结余', 'income')?.key).toBe('priorYearBalance');
    expect(byLabel(summary, '年终结转结余', 'expenditure')?.key).toBe('carryForward');
    expect(cells(byLabel(summary, '支出总计', 'expenditure'))).toEqual({ budget: '30,939.116470' });
    // p2 预算02表 收入总表: 本年收入 and 上年结转结余 groups, each with its 小计 (not counted twice)
    expect(cells(table(d, 'income-summary').rows[0])).toMatchObject({
      total: '30,939.116470',
      generalBudget: '1,431.026809',
      priorYearBalance: '29,508.089661',
    });
    // 预算03表 支出总表: function × 政府经济 × 部门经济 listing, read by its function codes
    const expenditure = table(d, 'expenditure-summary');
    expect(byCode(expenditure, '2050803')?.label).toBe('培训支出');
    expect(cells(byCode(expenditure, '2050803'))).toEqual({ total: '18.060000', basic: '18.060000' });
    expect(cells(expenditure.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '30,939.116470',
      basic: '921.324552',
      project: '30,017.791918',
    });
    allSumsHold(expenditure);
    // 预算06表 基本支出表: 政府经济 | 部门经济 codes, read by the 部门经济 codes the template asks for
    const basic = table(d, 'general-budget-basic-expenditure');
    expect(byCode(basic, '30199')?.label).toBe('其他工资福利支出');
    expect(cells(byCode(basic, '30199'))).toEqual({ total: '521.452500', personnel: '521.452500' });
    expect(cells(basic.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '921.324552',
      personnel: '734.812500',
      public: '186.512052',
    });
    allSumsHold(basic);
    // 预算09表 三公: “三公”经费财政拨款预算总额 | 因公出国（境）费用 | 公务接待费 | 公务用车…
    expect(cells(table(d, 'three-public').rows[0])).toEqual({
      total: '44.796055',
      overseas: '43.352803',
      reception: '1.443252',
    });
  }, 300_000);

  it('上海 (w02, 单位 in 元): amounts printing only their last thousands separator ("125360,898") are amounts', async () => {
    const d = await parse('w02.pdf');
    // p8 2026年预算单位收入预算总表: 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入
    const income = table(d, 'income-summary');
    expect(cells(byCode(income, '2080104'))).toEqual({
      total: '102026,002',
      generalBudget: '94146,002',
      otherIncome: '7880,000',
    });
    expect(byCode(income, '2080104')?.cells.find((c) => c.column === 'total')?.amount).toMatchObject({
      minor: 102026002,
      scale: 0,
      unit: '元',
    });
    expect(cells(byCode(income, '2080599'))).toEqual({ total: '6,400', generalBudget: '6,400' });
    expect(cells(income.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '128138,600',
      generalBudget: '120258,600',
      otherIncome: '7880,000',
    });
    allSumsHold(income);
    // p13–14 一般公共预算支出功能分类预算表: its 合计 row continued alone on the next page
    const general = table(d, 'general-budget-expenditure');
    expect(cells(byCode(general, '208'))).toEqual({ total: '117480,898', basic: '23051,310', project: '94429,588' });
    expect(cells(general.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '120258,600',
      basic: '25829,012',
      project: '94429,588',
    });
    allSumsHold(general);
    // p7 财务收支预算总表: 收入总计 = 支出总计
    const summary = table(d, 'income-expenditure-summary');
    expect(cells(byLabel(summary, '收入总计', 'income'))).toEqual({ budget: '128138,600' });
    allSumsHold(summary);
  }, 300_000);

  it('长沙 (w72): a 其中 sub-column under 本级财政拨款, 人员类 for 人员经费, an empty table printing only its 栏次 row', async () => {
    const d = await parse('w72.pdf');
    // p13 部门收入总体情况表: 合计 | 本级财政拨款 (金额 | 其中:经费拨款) | 财政专户管理事业收入 | …; the 其中 column is
    // part of 金额, not a source of its own
    const income = table(d, 'income-summary');
    expect(cells(byCode(income, '2014001'))).toEqual({ total: '1,517.95', generalBudget: '1,517.95' });
    expect(cells(income.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '1,935.36',
      generalBudget: '1,935.36',
    });
    allSumsHold(income);
    // p18 一般公共预算基本支出情况表: 总计 | 人员类 | 公用经费
    const basic = table(d, 'general-budget-basic-expenditure');
    expect(cells(basic.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '1,517.95',
      personnel: '1,394.97',
      public: '122.98',
    });
    expect(cells(byCode(basic, '30101'))).toEqual({ total: '225.08', personnel: '225.08' });
    allSumsHold(basic);
    // p21 政府性基金预算支出情况表: header and the row 1 2 3 numbering its columns, nothing else
    const fund = table(d, 'government-fund-expenditure');
    expect(fund.status).toBe('empty');
    expect(fund.rows).toEqual([]);
  }, 300_000);

  it('重庆 (w62): bold 合计 digits run across the cell rules, page numbers "— 1 0 —", a 收支总表 totalled by 合计 above its items', async () => {
    const d = await parse('w62.pdf');
    // p9 表二 部门收入总体情况表, 合计 row (bold): 174,900.64 | 101,833.84 | 41,534.73 | | 22,070.82 | 2,461.25 | | | 6,282.98 | 717.01
    const income = table(d, 'income-summary');
    expect(cells(income.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '174,900.64',
      generalBudget: '101,833.84',
      governmentFund: '41,534.73',
      specialAccount: '22,070.82',
      businessIncome: '2,461.25',
      operatingIncome: '6,282.98',
      otherIncome: '717.01',
    });
    // p10 215: 41,772.73 | 238.00 | 41,534.73 (the 0 of .00 and the 4 of 41,534.73 drawn as one run)
    expect(cells(byCode(income, '215'))).toEqual({
      total: '41,772.73',
      generalBudget: '238.00',
      governmentFund: '41,534.73',
    });
    // p11 continues the table after p10's page number "— 1 0 —": 2160699, 221 住房保障支出 …
    expect(cells(byCode(income, '2160699'))).toEqual({ total: '22,139.93', generalBudget: '22,139.93' });
    expect(cells(byCode(income, '2210201'))).toEqual({
      total: '1,947.94',
      generalBudget: '1,811.88',
      specialAccount: '49.06',
      operatingIncome: '87.01',
    });
    expect(byCode(income, '21606')?.kind).toBe('subtotal');
    allSumsHold(income);
    allSumsHold(table(d, 'expenditure-summary'));
    allSumsHold(table(d, 'general-budget-basic-expenditure'));
    // p8 表一 部门收支总体情况表: 合计 printed first on both sides, then 一、… of each side
    const summary = table(d, 'income-expenditure-summary');
    expect(byLabel(summary, '合计', 'income')).toMatchObject({ key: 'incomeTotal', kind: 'total' });
    expect(cells(byLabel(summary, '合计', 'income'))).toEqual({ budget: '174,900.64' });
    expect(byLabel(summary, '合计', 'expenditure')).toMatchObject({ key: 'expenditureTotal', kind: 'total' });
    allSumsHold(summary);
  }, 300_000);

  it('西安 (w76, 单位 in 元): figures rounded to fit their cells (454472259.1), 财政拨款收支总表 by three classifications side by side', async () => {
    const d = await parse('w76.pdf');
    // p30 表2 部门综合预算收入总表: 合计 | 一般公共预算拨款 (小计 | 其中：专项资金列入部门预算项目) | 政府性基金拨款 | …
    const income = table(d, 'income-summary');
    expect(cells(byLabel(income, '西安市医疗保障经办服务中心'))).toMatchObject({
      total: '454472259.1',
      generalBudget: '454472259.1',
    });
    expect(byLabel(income, '西安市医疗保障经办服务中心')?.cells.some((c) => c.amount?.text === '426680000')).toBe(
      false,
    );
    expect(cells(byLabel(income, '西安市医疗保险基金管理中心'))).toMatchObject({
      total: '7130000',
      generalBudget: '7130000',
    });
    // 245 = 245001 + 245002 + 245003: 18941962.57 + 454472259.1 + 7130000 = 480544221.67 against 480544221.6 (±0.05)
    allSumsHold(income);
    allSumsHold(table(d, 'expenditure-summary'));
    // p32 表4 财政拨款收支总表: 支出功能分科目（按大类）| 预算数 | 部门预算支出经济科目（按大类）| 预算数 | 政府预算…
    const fiscal = table(d, 'fiscal-appropriation-summary');
    expect(cells(byCode(fiscal, '210'))).toEqual({ total: '475907032.42' });
    expect(cells(byCode(fiscal, '221'))).toEqual({ total: '2298328.26' });
    expect(fiscal.rows.flatMap((r) => r.cells).every((c) => c.amount)).toBe(true);
    expect(cells(byLabel(fiscal, '支出总计', 'expenditure'))).toEqual({ total: '480544221.62' });
    allSumsHold(fiscal);
  }, 300_000);

  it('北京 (w53): a 收入总表 too wide for its page continues side by side on the next page', async () => {
    const d = await parse('w53.pdf');
    // p3: 合计 | 本年收入…; p4 under the same title: 其他收入 | 上年结转结余 (小计 …)
    const income = table(d, 'income-summary');
    expect(income.rows).toHaveLength(1);
    expect(cells(income.rows[0])).toMatchObject({
      total: '1,048,475.725671',
      generalBudget: '870,741.793967',
      otherIncome: '2,934.108891',
      priorYearBalance: '55,856.549576',
    });
    allSumsHold(income);
  }, 300_000);

  it('广州 (w65): "[2010401]行政运行" codes, 收入总体情况表 by 单位名称, 三公 printed by rows, 预算拨款', async () => {
    const d = await parse('w65.pdf');
    // p15 表5 一般公共预算支出情况表（按功能分类科目）
    const general = table(d, 'general-budget-expenditure');
    expect(byCode(general, '2010401')?.label).toBe('行政运行');
    expect(cells(byCode(general, '2010401'))).toEqual({ total: '7,635.32', basic: '7,635.32', project: '0.00' });
    expect(cells(general.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '155,723.39',
      basic: '16,877.61',
      project: '138,845.78',
    });
    allSumsHold(general);
    // p8 表2 收入总体情况表: 合计 and one row per unit
    const income = table(d, 'income-summary');
    expect(cells(byLabel(income, '广州市节能中心'))).toMatchObject({ total: '858.95', generalBudget: '858.95' });
    expect(byLabel(income, '合计')?.kind).toBe('total');
    allSumsHold(income);
    // p19 表8 财政拨款安排的行政经费及“三公”经费预算表: items down the first column, 合计 the first amount column
    expect(cells(table(d, 'three-public').rows[0])).toEqual({
      total: '88.23',
      overseas: '64.00',
      vehicle: '6.54',
      vehiclePurchase: '0.00',
      vehicleOperation: '6.54',
      reception: '17.69',
    });
    allSumsHold(table(d, 'three-public'));
    // p6 表1 收支总体情况表: 一、预算拨款 is the 财政拨款 row
    const summary = table(d, 'income-expenditure-summary');
    expect(byLabel(summary, '一、预算拨款', 'income')?.key).toBe('fiscalAppropriation');
    expect(byLabel(summary, '结转结余下年', 'expenditure')?.key).toBe('carryForward');
    allSumsHold(summary);
    // p18 表7 一般公共预算项目支出情况表（按经济分类科目）: the rows are economic codes
    const project = table(d, 'general-budget-project-expenditure');
    expect(project.rows.filter((r) => r.classification).every((r) => r.classification!.system === 'economic')).toBe(
      true,
    );
  }, 300_000);

  it('西安 (w78): one code column printing 款 short under their 类 ("05" under 208), unit rows 125001, 人员/公用/专项业务经费', async () => {
    const d = await parse('w78.pdf');
    // 一般公共预算支出明细表（按支出功能分类科目）
    const general = table(d, 'general-budget-expenditure');
    const units = general.rows.filter((r) => r.kind === 'organisation');
    expect(units[0]).toMatchObject({ label: '西安市安全生产监督管理局', orgCode: '125001' });
    expect(byCode(general, '20805')).toMatchObject({
      label: '行政事业单位离退休',
      classification: { level: 'section' },
    });
    expect(cells(byCode(general, '20805'))).toEqual({
      total: '113.28',
      personnelExpenditure: '81.23',
      publicExpenditure: '32.05',
    });
    expect(byCode(general, '20899')?.label).toBe('其他社会保障和就业支出');
    expect(general.rows.some((r) => r.classification?.code.length === 2)).toBe(false);
    expect(cells(general.rows.find((r) => r.kind === 'total'))).toEqual({
      total: '3,643.37',
      personnelExpenditure: '1,839.51',
      publicExpenditure: '182.88',
      specialProjectExpenditure: '1,620.98',
    });
    allSumsHold(general);
    // 收入总表: 总计 = 一般公共预算拨款 + 上年结转 + 上年实户资金余额
    const income = table(d, 'income-summary');
    expect(cells(income.rows[0])).toMatchObject({
      total: '3,695.91',
      generalBudget: '3,643.37',
      priorYearBalance: '11.61',
      priorAccountBalance: '40.93',
    });
    allSumsHold(income);
  }, 300_000);

  it('西安 (w78, 2019): 三公 column groups by year (2018年 | 2019年 | 增减变化情况), regional sub-codes 3010201 under 301, 上年实户资金余额', async () => {
    const d = await parse('w78.pdf');
    // p32 表13: the 2019年 group is the budget: 合计 83.74 = 小计 28.38 + 会议费 19.06 + 培训费 36.30; 小计 = 接待 4.38 + 用车 24.00
    const three = table(d, 'three-public');
    expect(cells(three.rows.find((r) => r.key === 'budget'))).toEqual({
      total: '28.38',
      reception: '4.38',
      vehicle: '24.00',
      vehicleOperation: '24.00',
      meeting: '19.06',
      training: '36.30',
    });
    expect(cells(three.rows.find((r) => r.key === 'prior'))).toMatchObject({ meeting: '4.32', training: '29.79' });
    expect(three.rows.find((r) => r.key === 'change')).toBeDefined();
    // the 2018年 group as printed: 小计 2.86 beside 接待 2.86 and 用车 21.22 (the document's own inconsistency)
    const reading = readTableConfidence(three);
    expect(reading.identities).toEqual({ checked: 6, held: 4 });
    // p19 表8 基本支出明细表: 301 工资福利支出 970.84 = 30101 237.03 + 3010201 317.69 + 3010202 34.76 + 30108 … (no 30102)
    const basic = table(d, 'general-budget-basic-expenditure');
    expect(cells(basic.rows.find((r) => r.classification?.code === '3010202'))).toEqual({
      total: '34.76',
      personnel: '34.76',
    });
    allSumsHold(basic);
    // p3 表1 收支总表: 收入总计 3,695.91 = 本年收入合计 3,643.37 + 上年实户资金余额 40.93 + 上年结转 11.61
    const summary = table(d, 'income-expenditure-summary');
    expect(byLabel(summary, '上年实户资金余额', 'income')).toMatchObject({ key: 'priorAccountBalance' });
    expect(byLabel(summary, '上年结转', 'income')).toMatchObject({ key: 'priorYearBalance' });
    allSumsHold(summary);
  }, 300_000);

  it('深圳 (w58): 收入总表 with one 预算单位 row and 收入总计', async () => {
    const d = await parse('w58.pdf');
    // p20 表2 收入总表
    const income = table(d, 'income-summary');
    expect(income.rows).toHaveLength(1);
    expect(income.rows[0]).toMatchObject({ kind: 'total', label: '深圳市城市管理和综合执法局（本级）' });
    expect(cells(income.rows[0])).toMatchObject({
      total: '10,692.90',
      generalBudget: '10,424.44',
      priorYearBalance: '268.46',
    });
    allSumsHold(income);
  }, 300_000);
});

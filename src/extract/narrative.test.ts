// Narrative facts read from the four seed disclosures, checked against figures read from the documents by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../../tests/support/paths.js';
import { formatExact } from '../model/money.js';
import type { Amount, Fact, Percent } from '../model/schema.js';
import { readText } from '../read/text.js';
import type { ExtractContext } from './context.js';
import { extractNarrative, type NarrativeResult } from './narrative.js';
import { readFacts } from './narrative/facts.js';
import { buildOutline } from './outline.js';

function parse(
  prefix: '000' | '001' | '003' | '004',
  unitName: string,
): { result: NarrativeResult; ctx: ExtractContext } {
  const ctx: ExtractContext = {
    file: prefix,
    kind: prefix === '004' ? 'final_account' : 'budget',
    scope: prefix === '000' || prefix === '004' ? 'department' : 'unit',
    year: 2022,
    unitName,
    warnings: [],
  };
  const outline = buildOutline(readText(readFileSync(seedPath(prefix), 'utf8')).blocks);
  return { result: extractNarrative(outline, ctx), ctx };
}

const money = (a?: Amount) => (a ? `${formatExact(a)}${a.unit}` : undefined);
const pct = (p?: Percent) => (p ? formatExact(p) : undefined);

function facts(r: NarrativeResult, section: string): Fact[] {
  const s = r.narrative.find((x) => x.number === section);
  if (!s) throw new Error(`no section ${section}`);
  return s.facts;
}

function fact(r: NarrativeResult, section: string, line: number, label: string): Fact {
  const f = facts(r, section).find((x) => x.at.line === line && x.label === label);
  if (!f)
    throw new Error(
      `no fact «${label}» on line ${line} in section ${section}: ${facts(r, section)
        .map((x) => `${x.at.line}:${x.label}`)
        .join(', ')}`,
    );
  return f;
}

describe('seed 000 (部门预算, 新疆巴州人民政府办公室)', () => {
  const { result: r, ctx } = parse('000', '新疆巴州人民政府办公室');

  it('finds the ten sections of 第三部分 with topics decided from their titles', () => {
    expect(r.narrative.map((s) => `${s.number}:${s.topic}`)).toEqual([
      '一:summary',
      '二:income',
      '三:expenditure',
      '四:fiscal',
      '五:generalBudget',
      '六:basic',
      '七:project',
      '八:threePublic',
      '九:governmentFund',
      '十:other',
    ]);
    expect(ctx.warnings).toEqual([]);
  });

  it('line 275: 基本支出 2014 万元, 占 82.51%, 比上年预算减少 9.17 万元, 下降 0.45%, with its reason', () => {
    const f = fact(r, '三', 275, '基本支出');
    expect(f.subject).toEqual({ kind: 'basic' });
    expect(money(f.amount)).toBe('2014万元');
    expect(pct(f.share)).toBe('82.51');
    expect(f.change).toMatchObject({ direction: 'decrease', word: '减少', rateWord: '下降', basis: '上年预算' });
    expect(money(f.change?.amount)).toBe('9.17万元');
    expect(pct(f.change?.percent)).toBe('0.45');
    expect(f.reason?.text).toBe('本年在职人员减少，预算减少');
  });

  it('line 265: 一般公共预算 income is a fund fact; 政府性基金预算未安排 is a fact without amount (line 267)', () => {
    const f = fact(r, '二', 265, '一般公共预算');
    expect(f.subject).toEqual({ kind: 'fund', key: 'generalBudget' });
    expect(money(f.change?.amount)).toBe('78.28万元');
    const none = fact(r, '二', 267, '政府性基金预算');
    expect(none.subject).toEqual({ kind: 'fund', key: 'governmentFund' });
    expect(none.amount).toBeUndefined();
  });

  it('lines 287 and 301: function classes with amounts and shares, no code invented', () => {
    expect(
      facts(r, '四')
        .filter((f) => f.subject.kind === 'function')
        .map((f) => `${f.label}=${money(f.amount)}`),
    ).toEqual([
      '一般公共服务支出=1901.34万元',
      '教育支出=6.27万元',
      '社会保障和就业支出=272.29万元',
      '卫生健康支出=146.57万元',
      '住房保障支出=114.53万元',
    ]);
    const gps = fact(r, '五', 301, '一般公共服务支出');
    expect(gps.subject).toEqual({ kind: 'function', names: ['一般公共服务支出'] });
    expect(pct(gps.share)).toBe('77.89');
    expect(pct(fact(r, '五', 307, '卫生健康支出').share)).toBe('6');
  });

  it('line 313: 行政运行（项） with its 类/款 path, year 2022, 1224.38 万元 and change', () => {
    const f = fact(r, '五', 313, '行政运行');
    expect(f.subject).toEqual({
      kind: 'function',
      names: ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行'],
    });
    expect(f.year).toBe(2022);
    expect(money(f.amount)).toBe('1224.38万元');
    expect(money(f.change?.amount)).toBe('171万元');
    expect(pct(f.change?.percent)).toBe('12.25');
  });

  it('lines 329-331: a sentence cut by the converter ("比上年预算增 | 加 1.1 万元") keeps its change', () => {
    const f = fact(r, '五', 329, '事业单位医疗');
    expect(money(f.amount)).toBe('5.43万元');
    expect(f.change?.direction).toBe('increase');
    expect(money(f.change?.amount)).toBe('1.1万元');
    expect(pct(f.change?.percent)).toBe('25.4');
    expect(f.reason?.text).toBe('事业单位医疗缴费基数调整，预算增加');
  });

  it('section 八: 三公 amounts on line 399 and their changes with reasons on line 401', () => {
    const items = r.threePublic.items;
    expect(items.filter((f) => f.at.line === 399).map((f) => `${f.subject.key}=${money(f.amount)}`)).toEqual([
      'total=98万元',
      'overseas=0万元',
      'vehiclePurchase=0万元',
      'vehicleOperation=97万元',
      'reception=1万元',
    ]);
    const op = items.find((f) => f.at.line === 401 && f.subject.key === 'vehicleOperation');
    expect(money(op?.change?.amount)).toBe('20万元');
    expect(pct(op?.change?.percent)).toBe('17.09');
    expect(op?.reason?.text).toBe('压缩车辆运行经费开支，减少车辆运行次数');
    const total = items.find((f) => f.at.line === 401 && f.subject.key === 'total');
    expect(total?.change).toMatchObject({ direction: 'decrease', basis: '上年' });
    expect(total?.reason).toBeUndefined();
  });

  it('section 七: four projects with amounts, units and periods (lines 349-395)', () => {
    expect(r.projects.map((p) => `${p.at.line}:${p.name}=${money(p.amount)}@${p.responsibleUnit}`)).toEqual([
      '349:巴州人民政府办公室政务服务保障费=295万元@巴州人民政府办公室',
      '361:电子政务网络监测维护费=27万元@巴州电子政务和大数据服务中心',
      '373:“放管服”工作及“12345”政务服务热线保障费=75万元@巴州行政服务中心',
      '385:政府采购专家评审费=30万元@巴州政务服务和公共资源交易中心',
    ]);
    expect(r.projects[3].policyBasis).toBe('《中华人民共和国政府采购法》');
    expect(r.projects[0].period).toBe('2022 年 1 月—2022 年 12 月');
  });

  it('section 十: 机关运行经费 (411-415), 政府采购 (419-421), 国有资产 (425-437), 绩效 (441)', () => {
    const oc = r.operatingCosts;
    expect(money(oc.fact?.amount)).toBe('221.61万元');
    expect(money(oc.fact?.change?.amount)).toBe('56.02万元');
    expect(oc.fact?.reason?.text).toBe('本年在职人员减少，机关运行经费预算减少');
    expect([oc.administrativeUnits?.value, oc.institutionUnits?.value]).toEqual([1, 5]);
    const p = r.procurement;
    expect([p.total, p.goods, p.works, p.services, p.sme, p.smallMicro].map(money)).toEqual([
      '206.69万元',
      '87.59万元',
      '0万元',
      '119.1万元',
      '205.09万元',
      '166.09万元',
    ]);
    expect(p.smeBasis).toBe('reserved');
    const a = r.assets;
    expect(a.asOf).toBe('2021年底');
    expect(a.buildingArea?.value).toBe(5128);
    expect(money(a.vehiclesValue)).toBe('895.39万元');
    expect(a.vehicleCategories.map((c) => `${c.name}:${c.count.value}:${money(c.value)}`)).toEqual([
      '一般公务用车:26:895.39万元',
      '执法执勤用车:0:0万元',
      '其他车辆:0:0万元',
    ]);
    expect([money(a.furnitureValue), money(a.otherAssetsValue)]).toEqual(['133.88万元', '788.72万元']);
    expect([a.equipmentOver50?.value, a.equipmentOver100?.value]).toEqual([1, 0]);
    expect(r.performanceSummary.projectCount?.value).toBe(4);
    expect(money(r.performanceSummary.amount)).toBe('427万元');
  });

  it('keeps the performance tables out of section 十 paragraphs', () => {
    const ten = r.narrative.find((s) => s.number === '十')!;
    expect(ten.paragraphs.some((p) => /年度资金总额|调研报告数量/.test(p.text))).toBe(false);
    expect(ten.paragraphs.at(-1)?.text).toBe('本部门无其他需说明事项。');
  });
});

describe('seed 001 (单位预算, 乌尔禾区人民政府办公室)', () => {
  const { result: r } = parse('001', '乌尔禾区人民政府办公室');

  it('line 352: function codes printed as （201）（03）（01） give code 2010301', () => {
    const f = fact(r, '五', 352, '行政运行');
    expect(f.subject).toEqual({
      kind: 'function',
      code: '2010301',
      names: ['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行'],
    });
    expect(money(f.amount)).toBe('448.43万元');
    expect(fact(r, '五', 347, '一般公共服务支出').subject.code).toBe('201');
  });

  it('line 321: a reason that runs over semicolons stays whole', () => {
    const f = fact(r, '三', 321, '项目支出');
    expect(f.reason?.text).toBe(
      '本年度区长专项经费比上年度减少了80万元；网站建设经费比上年减少了15万元；政务大厅经费比上年减少了40.47万元；以及其他专项经费的减少',
    );
  });

  it('lines 364-366: 人员经费/公用经费 with their listed economic items', () => {
    const six = facts(r, '六');
    expect(
      six.filter((f) => f.subject.kind === 'economic' && f.at.line === 364).map((f) => `${f.label}=${money(f.amount)}`),
    ).toEqual([
      '基本工资=72.58万元',
      '津贴补贴=117.4万元',
      '奖金=55.79万元',
      '机关事业单位基本养老保险费=25.04万元',
      '职工基本医疗保险缴费=12.99万元',
      '公务员医疗补助缴费=3.13万元',
      '其他社会保障缴费=1.31万元',
      '住房公积金=47.04万元',
      '生活补助=30.42万元',
    ]);
    expect(money(fact(r, '六', 366, '公用经费').amount)).toBe('107.77万元');
    expect(money(fact(r, '六', 366, '公务用车运行维护费').amount)).toBe('48.6万元');
  });

  it('section 七: "支出金额20.00万元" projects, also where the converter joined the fields of several (lines 406-440)', () => {
    expect(r.projects.map((p) => `${p.name}=${money(p.amount)}`)).toEqual([
      '区长专项准备经费=20.00万元',
      '驻外办事处经费=21.00万元',
      '网站建设经费=25.00万元',
      '信访业务经费=2.00万元',
      '慰问专项经费=4.00万元',
      '政务大厅工作经费=4.53万元',
    ]);
    expect(r.projects.map((p) => p.at.line)).toEqual([370, 382, 394, 406, 418, 430]);
    expect(r.projects[4].amount?.at?.line).toBe(422);
    expect(r.projects[3].policyBasis).toBe('根据《政府工作报告》安排，主要用于信访大厅建设支出');
    expect(r.projects[5].allocation).toBe('用于办公网络使用及维护');
  });

  it('line 446: 三公 changes printed with 0.00', () => {
    const reception = r.threePublic.items.find((f) => f.at.line === 446 && f.subject.key === 'reception');
    expect(money(reception?.change?.amount)).toBe('0.00万元');
    expect(reception?.reason?.text).toBe('厉行节约，参照上年预算安排本年预算');
  });
});

describe('seed 003 (单位预算, 克孜勒苏柯尔克孜自治州人民政府办公室)', () => {
  const { result: r } = parse('003', '克孜勒苏柯尔克孜自治州人民政府办公室');

  it('line 327: the year printed with the amount is kept as printed (2021 in a 2022 document)', () => {
    const f = fact(r, '五', 327, '其他政府办公厅(室)及相关机构事务支出');
    expect(f.year).toBe(2021);
    expect(money(f.amount)).toBe('157万元');
    expect(f.reason?.text).toBe('2022年项目预算不包括自治区专项为民办事经费17万元');
  });

  it('line 285: numbers with converter spaces ("1503. 16", "79. 54", "5. 59%") are exact', () => {
    const f = fact(r, '二', 285, '一般公共预算');
    expect(money(f.amount)).toBe('1503.16万元');
    expect(f.amount?.text).toBe('1503. 16');
    expect(money(f.change?.amount)).toBe('79.54万元');
    expect(pct(f.change?.percent)).toBe('5.59');
    expect(f.reason?.text).toBe('人员工资增加');
  });

  it('lines 297-299: "减少17万 | 元" cut by a page break still reads 17 万元', () => {
    const f = fact(r, '三', 297, '项目支出');
    expect(money(f.change?.amount)).toBe('17万元');
    expect(pct(f.change?.percent)).toBe('9.77');
  });

  it('line 277: an income source misprinted as 一般公共服务 is the 一般公共预算 fund, its label as printed', () => {
    const f = fact(r, '一', 277, '一般公共服务');
    expect(f.subject).toEqual({ kind: 'fund', key: 'generalBudget' });
  });

  it('line 414: vehicles by category, 其他车辆 12 辆', () => {
    expect(r.assets.vehicleCategories.map((c) => `${c.name}:${c.count.value}`)).toEqual([
      '一般公务用车:0',
      '执法执勤用车:0',
      '其他车辆:12',
    ]);
    expect(money(r.assets.furnitureValue)).toBe('17.53万元');
  });
});

describe('seed 004 (部门决算, 新疆昌吉州政务服务和公共资源交易管理局)', () => {
  const { result: r } = parse('004', '新疆昌吉州政务服务和公共资源交易管理局');

  it('finds the eleven sections with final-account topics', () => {
    expect(r.narrative.map((s) => `${s.number}:${s.topic}`)).toEqual([
      '一:summary',
      '二:income',
      '三:expenditure',
      '四:fiscal',
      '五:generalBudget',
      '六:basic',
      '七:threePublic',
      '八:governmentFund',
      '九:stateCapital',
      '十:other',
      '十一:performance',
    ]);
  });

  it('line 63: 收入总计 1,488.29 万元, 与上年相比减少 312.94 万元, 下降 17.37%, and its parts', () => {
    const f = fact(r, '一', 63, '收入总计');
    expect(f.subject).toEqual({ kind: 'total', key: 'income' });
    expect(money(f.amount)).toBe('1488.29万元');
    expect(f.amount?.text).toBe('1,488.29');
    expect(f.change).toMatchObject({ direction: 'decrease', word: '减少', basis: '上年' });
    expect(money(f.change?.amount)).toBe('312.94万元');
    expect(pct(f.change?.percent)).toBe('17.37');
    expect(f.reason?.text).toMatch(/^本年退休 1 人，调出 2 人，人员经费减少；2022 年开始/);
    expect(money(fact(r, '一', 63, '使用非财政拨款结余').amount)).toBe('115.50万元');
  });

  it('line 69: income sources with their shares', () => {
    expect(
      facts(r, '二')
        .filter((f) => f.subject.kind === 'fund')
        .map((f) => `${f.subject.key}=${money(f.amount)}@${pct(f.share)}`),
    ).toEqual([
      'fiscalAppropriation=1363.45万元@99.32',
      'superiorSubsidy=0.00万元@0.00',
      'businessIncome=0.00万元@0.00',
      'operatingIncome=0.00万元@0.00',
      'subsidiaryRemittance=0.00万元@0.00',
      'otherIncome=9.34万元@0.68',
    ]);
  });

  it('line 83: 财政拨款收入总计 年初预算数 1,206.34 vs 决算数 1,363.45, 预决算差异率 13.02%', () => {
    const f = facts(r, '四').find((x) => x.budgetAmount && x.subject.key === 'incomeTotal');
    expect(money(f?.budgetAmount)).toBe('1206.34万元');
    expect(money(f?.amount)).toBe('1363.45万元');
    expect(pct(f?.varianceRate)).toBe('13.02');
    expect(f?.reason?.text).toMatch(/^本年聘用人员增加 8 人/);
  });

  it('line 91: 一般公共预算财政拨款支出 占本年支出合计的 91.61%', () => {
    const f = fact(r, '五', 91, '一般公共预算财政拨款支出');
    expect(f.subject.kind).toBe('generalBudget');
    expect(pct(f.share)).toBe('91.61');
    expect(money(f.change?.amount)).toBe('660.56万元');
  });

  it('line 103: 支出决算数为 223.14 万元, 比上年决算减少 180.39 万元 (no year printed)', () => {
    const f = fact(r, '五', 103, '行政运行');
    expect(money(f.amount)).toBe('223.14万元');
    expect(f.year).toBeUndefined();
    expect(f.change).toMatchObject({ direction: 'decrease', basis: '上年决算' });
    expect(money(f.change?.amount)).toBe('180.39万元');
    expect(pct(f.change?.percent)).toBe('44.70');
  });

  it('lines 111-113: an item whose amount the converter moved to the next paragraph sits where the amount is', () => {
    const f = fact(r, '五', 113, '机关事业单位基本养老保险缴费支出');
    expect(money(f.amount)).toBe('41.90万元');
    expect(f.amount?.at?.line).toBe(113);
    expect(money(f.change?.amount)).toBe('4.55万元');
  });

  it('lines 73-75: facts of a sentence cut by a page break carry the line of their own figure', () => {
    expect(facts(r, '三').map((f) => `${f.at.line}:${f.label}`)).toEqual([
      '73:本年支出',
      '75:基本支出',
      '75:项目支出',
      '75:上缴上级支出',
      '75:经营支出',
      '75:对附属单位补助支出',
    ]);
    const second = facts(r, '四')
      .filter((f) => f.budgetAmount)
      .map((f) => f.at.line);
    expect(second).toEqual([83, 85]);
    expect(fact(r, '四', 83, '财政拨款收入总计').reason?.at?.line).toBe(85);
  });

  it('section 七: 三公 决算 with shares, counts and 全年预算数 comparisons (lines 147-157)', () => {
    const items = r.threePublic.items;
    const vehicle = items.find((f) => f.at.line === 147 && f.subject.key === 'vehicle');
    expect(money(vehicle?.amount)).toBe('4.79万元');
    expect(pct(vehicle?.share)).toBe('95.99');
    const op = items.find((f) => f.at.line === 157 && f.subject.key === 'vehicleOperation');
    expect([money(op?.budgetAmount), money(op?.amount), pct(op?.varianceRate)]).toEqual([
      '4.80万元',
      '4.79万元',
      '-0.21',
    ]);
    const tp = r.threePublic;
    expect(
      [
        tp.overseasGroups,
        tp.overseasPeople,
        tp.vehiclesPurchased,
        tp.vehiclesHeld,
        tp.receptionBatches,
        tp.receptionPeople,
      ].map((c) => c?.value),
    ).toEqual([0, 0, 0, 3, 3, 18]);
  });

  it('section 十: 公用经费 under 机关运行经费 with its printed label; 授予 procurement; assets as of 2022年12月31日', () => {
    const oc = r.operatingCosts.fact;
    expect(oc?.label).toBe('公用经费');
    expect(oc?.subject.kind).toBe('operatingCosts');
    expect(money(oc?.amount)).toBe('67.39万元');
    expect(r.procurement).toMatchObject({ smeBasis: 'awarded' });
    expect([money(r.procurement.sme), pct(r.procurement.smeShare), pct(r.procurement.smallMicroShare)]).toEqual([
      '55.51万元',
      '100.00',
      '100.00',
    ]);
    expect(r.assets.asOf).toBe('2022年12月31日');
    expect(money(r.assets.fixedAssetsValue)).toBe('532.65万元');
    expect(r.assets.vehicleCategories.map((c) => `${c.name}:${c.count.value}`)).toEqual([
      '副部（省）级及以上领导用车:0',
      '主要领导干部用车:2',
      '机要通信用车:0',
      '应急保障用车:0',
      '执法执勤用车:0',
      '特种专业技术用车:0',
      '离退休干部用车:0',
      '其他用车:1',
    ]);
    expect(r.assets.equipmentOver100?.value).toBe(0);
    expect(r.assets.equipmentOver50).toBeUndefined();
  });

  it('section 十一: 绩效评价项目 9 个, 全年预算数 748.11, 全年执行数 728.90', () => {
    const p = r.performanceSummary;
    expect([p.projectCount?.value, money(p.budgetAmount), money(p.executedAmount)]).toEqual([
      9,
      '748.11万元',
      '728.90万元',
    ]);
  });
});

describe('fact reader on constructed text', () => {
  const at = { line: 1, column: 1 };
  const read = (text: string) =>
    readFacts([{ text, at }], { unitName: '某单位', context: { topic: 'expenditure', subtopic: 'none', year: 2022 } });

  it('reads 元 when 元 is printed and never invents a figure', () => {
    const [f] = read('基本支出 12,345.60 元，占 50%。');
    expect(f.amount).toMatchObject({ minor: 1234560, scale: 2, unit: '元' });
    expect(f.change).toBeUndefined();
    expect(f.reason).toBeUndefined();
  });

  it('a change against a printed year ("比2023年预算减少") and a 年初预算/支出决算 pair (other templates)', () => {
    const [income] = read('2024年，财政拨款收入15621.11万元，比2023年预算减少876.75万元。');
    expect(income.change).toMatchObject({ direction: 'decrease', basis: '2023年预算' });
    expect(income.year).toBe(2024);
    const [pair] = read('一般公共服务（类）支出年初预算1560.05万元，支出决算1511.89万元。');
    expect(pair.subject).toEqual({ kind: 'function', names: ['一般公共服务'] });
    expect([money(pair.budgetAmount), money(pair.amount)]).toEqual(['1560.05万元', '1511.89万元']);
  });

  it('a plain 预算 paired in one sentence with its 决算 is the budget compared with (中央部门决算 三公 family)', () => {
    const tp = (text: string) =>
      readFacts([{ text, at }], { unitName: '某局', context: { topic: 'threePublic', subtopic: 'none', year: 2024 } });
    const [total, overseas] = tp(
      '某局 2024 年度“三公”经费财政拨款支出预算为 50.00 万元，2024 年度支出决算为 30.55 万元，完成预算的 61.10%。' +
        '其中：因公出国（境）费支出决算为 2.10 万元，完成预算的 21.00%。',
    );
    expect(total.subject).toMatchObject({ kind: 'threePublic', key: 'total' });
    expect([money(total.budgetAmount), money(total.amount)]).toEqual(['50.00万元', '30.55万元']);
    // the comparison with the budget is part of what the item states (three-public-explained reads it there)
    expect(overseas.text).toContain('完成预算的 21.00%');
    // a 预算 figure not followed by a 决算 stays the sentence's own amount
    const [budgetOnly] = tp('2024 年度“三公”经费财政拨款支出预算为 50.00 万元，比上年减少 1.00 万元。');
    expect([money(budgetOnly.amount), budgetOnly.budgetAmount]).toEqual(['50.00万元', undefined]);
  });

  it('a reason in its own sentence after the change belongs to the fact before it', () => {
    const [f] = read('项目支出 10 万元，比上年预算减少 2 万元，下降 16.67%。主要原因是：项目减少。');
    expect(f.reason?.text).toBe('项目减少');
    expect(f.change?.basis).toBe('上年预算');
  });
});

describe('explanation part without 说明 in its title', () => {
  it('reads 第三部分 …决算情况 and topics of sections named for 机关运行经费 and 政府采购', () => {
    const text = [
      '第一部分 某局概况',
      '',
      '一、主要职能',
      '',
      '负责某项工作。',
      '',
      '第三部分 某局2024年度部门决算情况',
      '',
      '一、收入支出决算总体情况说明',
      '',
      '2024年度收入总计100.00万元。',
      '',
      '二、机关运行经费支出说明',
      '',
      '2024年度机关运行经费支出10.00万元，比上年增加1.00万元，增长11.11%。',
      '',
      '三、政府采购支出说明',
      '',
      '2024年度政府采购支出总额5.00万元。',
    ].join('\n');
    const ctx: ExtractContext = {
      file: 't',
      kind: 'final_account',
      scope: 'department',
      year: 2024,
      unitName: '某局',
      warnings: [],
    };
    const r = extractNarrative(buildOutline(readText(text).blocks), ctx);
    expect(r.narrative.map((x) => `${x.number}:${x.topic}`)).toEqual(['一:summary', '二:other', '三:other']);
    expect(money(r.operatingCosts.fact?.amount)).toBe('10.00万元');
    expect(r.operatingCosts.fact?.at.line).toBe(15);
    expect(money(r.procurement.total)).toBe('5.00万元');
    expect(ctx.warnings).toEqual([]);
  });
});

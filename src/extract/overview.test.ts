// 概况 and 名词解释 read from the four seed disclosures, checked against what the documents print.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../../tests/support/paths.js';
import { readText } from '../read/text.js';
import type { ExtractContext } from './context.js';
import { buildOutline, type Outline } from './outline.js';
import { extractGlossary, extractOverview, extractSubordinateUnits } from './overview.js';

function load(prefix: '000' | '001' | '003' | '004', unitName: string): { outline: Outline; ctx: ExtractContext } {
  const ctx: ExtractContext = {
    file: prefix,
    kind: prefix === '004' ? 'final_account' : 'budget',
    scope: 'unit',
    year: 2022,
    unitName,
    warnings: [],
  };
  return { outline: buildOutline(readText(readFileSync(seedPath(prefix), 'utf8')).blocks), ctx };
}

describe('seed 000 概况 and 名词解释', () => {
  const { outline, ctx } = load('000', '新疆巴州人民政府办公室');
  const o = extractOverview(outline, ctx);

  it('lines 61-89: fifteen 主要职能 items numbered "1、", without their numbers', () => {
    expect(o.functions).toHaveLength(15);
    expect(o.functions[0]).toMatchObject({
      text: '负责自治州人民政府会议的准备工作，协助自治州人民政府领导同志组织会议决定事项的实施。',
      at: { line: 61 },
    });
    expect(o.functions[14].text).toBe('完成自治州党委、自治州人民政府交办的其他任务。');
    expect(o.functions[12].text).toMatch(/见证交易活动。$/);
  });

  it('line 93-95: 12 处室 by name (not the 8 科室 of a subordinate unit), 6 下属单位, 行政 2 / 事业 5', () => {
    expect(o.organisation.internalDivisionCount).toBe(12);
    expect(o.organisation.internalDivisions).toEqual([
      '综合一科',
      '综合二科',
      '综合三科',
      '综合四科',
      '公务处理科',
      '值班室',
      '州人民政府督查室',
      '州人民政府政务服务办公室',
      '政策法规科',
      '信息科',
      '组织人事科',
      '行政管理科',
    ]);
    expect(o.organisation.subordinateUnitCount).toBe(6);
    expect([o.organisation.administrativeUnits, o.organisation.institutionUnits]).toEqual([2, 5]);
  });

  it('lines 97-104: the seven listed units, including "## 7." that the converter marked as a heading', () => {
    const units = extractSubordinateUnits(outline, ctx);
    expect(units.map((u) => `${u.at?.line}:${u.name}`)).toEqual([
      '97:巴州人民政府办公室（包含央企办）',
      '98:巴州电子政务与大数据服务中心',
      '99:巴州行政服务中心',
      '100:巴州政务服务和公共资源交易中心',
      '101:巴州驻北京联络处',
      '102:巴州驻上海联络处',
      '104:巴州驻乌鲁木齐办事处',
    ]);
  });

  it('line 106: 编制数 138, 实有 193, 在职 126 减少 11 (signed −11), 退休 67 增加 2, 离休 0', () => {
    const s = o.staff;
    expect([s.authorized?.value, s.actual?.value, s.active?.value, s.activeChange?.value]).toEqual([
      138, 193, 126, -11,
    ]);
    expect(s.activeChange?.text).toBe('减少 11 人');
    expect([
      s.retired?.value,
      s.retiredChange?.value,
      s.retiredBefore1949?.value,
      s.retiredBefore1949Change?.value,
    ]).toEqual([67, 2, 0, 0]);
    expect(s.at?.line).toBe(106);
  });

  it('lines 573-589: eight glossary terms marked with ** and numbered 一、', () => {
    const g = extractGlossary(outline, ctx);
    expect(g.map((x) => x.term)).toEqual([
      '财政拨款',
      '一般公共预算',
      '财政专户管理资金',
      '其他资金',
      '基本支出',
      '项目支出',
      '“三公”经费',
      '机关运行经费',
    ]);
    expect(g[0]).toMatchObject({
      definition: '指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。',
      at: { line: 573 },
    });
    expect(ctx.warnings).toEqual([]);
  });
});

describe('seed 001 概况', () => {
  const { outline, ctx } = load('001', '乌尔禾区人民政府办公室');
  const o = extractOverview(outline, ctx);

  it('lines 44-67: nineteen duties, list-marked "- 1." and plain "15."', () => {
    expect(o.functions).toHaveLength(19);
    expect(o.functions[14]).toMatchObject({ at: { line: 59 } });
    expect(o.functions[14].text).toMatch(/^办理群众网上投诉信访事项/);
  });

  it('lines 71-73: divisions and staff joined by the converter into one paragraph are told apart', () => {
    expect(o.organisation.internalDivisionCount).toBe(10);
    expect(o.organisation.internalDivisions.at(-1)).toBe('民团办');
    expect(o.organisation.subordinateUnitCount).toBe(0);
    expect([
      o.staff.authorized?.value,
      o.staff.actual?.value,
      o.staff.active?.value,
      o.staff.activeChange?.value,
    ]).toEqual([15, 15, 15, 0]);
  });

  it('lines 717-727: six glossary terms', () => {
    expect(extractGlossary(outline, ctx).map((x) => x.term)).toEqual([
      '财政拨款',
      '一般公共预算',
      '基本支出',
      '项目支出',
      '“三公”经费',
      '机关运行经费',
    ]);
  });
});

describe('seed 003 概况', () => {
  const { outline, ctx } = load('003', '克孜勒苏柯尔克孜自治州人民政府办公室');
  const o = extractOverview(outline, ctx);

  it('lines 45-61: fourteen duties numbered "(1)", the seventh rejoined across a page break', () => {
    expect(o.functions).toHaveLength(14);
    expect(o.functions[6].text).toBe('负责自治州人民政府相关日常工作,负责对外联络、综合协调、管理服务工作。');
  });

  it('line 66: 编制数 61, 实有人数 103, 在职 68 增加 1', () => {
    expect([
      o.staff.authorized?.value,
      o.staff.actual?.value,
      o.staff.active?.value,
      o.staff.activeChange?.value,
      o.staff.retired?.value,
    ]).toEqual([61, 103, 68, 1, 35]);
  });

  it('lines 529-536: a glossary with half-width colons and a definition cut by a page break', () => {
    const g = extractGlossary(outline, ctx);
    expect(g.map((x) => x.term)).toEqual([
      '财政拨款',
      '一般公共预算',
      '基本支出',
      '项目支出',
      '"三公"经费',
      '机关运行经费',
    ]);
    expect(g[5].definition).toMatch(/办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。$/);
  });
});

describe('seed 004 概况 and 专业名词解释', () => {
  const { outline, ctx } = load('004', '新疆昌吉州政务服务和公共资源交易管理局');
  const o = extractOverview(outline, ctx);

  it('line 49: one unnumbered paragraph of duties', () => {
    expect(o.functions).toHaveLength(1);
    expect(o.functions[0].text).toMatch(/^集行政审批、工程交易、政府采购、矿业权、产权交易等业务为一体。/);
  });

  it('lines 53-57: 实有 38, 在职人员 33, 离休人员 0, 退休人员 5; no 编制数 printed; 9 处室 named across a page break', () => {
    expect(o.staff.authorized).toBeUndefined();
    expect([
      o.staff.actual?.value,
      o.staff.active?.value,
      o.staff.retiredBefore1949?.value,
      o.staff.retired?.value,
    ]).toEqual([38, 33, 0, 5]);
    expect(o.staff.activeChange).toBeUndefined();
    expect(o.organisation.internalDivisionCount).toBe(9);
    expect(o.organisation.internalDivisions[7]).toBe('“放管服”改革和优化营商环境督办科');
  });

  it('lines 456-482: fourteen unnumbered "term：definition" entries', () => {
    const g = extractGlossary(outline, ctx);
    expect(g).toHaveLength(14);
    expect(g[0]).toMatchObject({ term: '财政拨款收入', definition: '指同级财政当年拨付的资金。', at: { line: 456 } });
    expect(g[13].term).toBe('机关运行经费');
  });
});

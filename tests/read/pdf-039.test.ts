// Corpus 039.pdf: a 部门整体预算绩效目标申报表 published on its own (2 pages, A3). Every expected value below was read
// on the rendered pages (pdftoppm), page given in the comments.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/extract/index.js';
import { audit } from '../../src/audit/index.js';
import type { Disclosure, PerformanceTarget } from '../../src/model/schema.js';
import { corpusPath } from './support.js';

/** amounts compared as printed, without the thousands separators the model drops */
const printed = (a: { text: string } | null | undefined) => a?.text.replace(/,/g, '');
const plain = (s: string) => s.replace(/,/g, '');

let doc: Disclosure;
let target: PerformanceTarget;

beforeAll(async () => {
  doc = await parseFile(corpusPath('039.pdf'));
  target = doc.performance.targets.find((t) => t.scope === 'department')!;
}, 60_000);

describe('039.pdf: 部门整体预算绩效目标申报表', () => {
  it('is read as a department budget form of 2026 of its unit', () => {
    expect(doc.form).toBe('department-performance-target');
    expect(doc.kind).toBe('budget');
    expect(doc.scope).toBe('department');
    // p1 title
    expect(doc.title.text).toBe('部门整体预算绩效目标申报表');
    // the year is printed only in cells: p1 "通过实施2026年度广州12345热线平台运营项目", p2 "2026年信息化项目管理"
    expect(doc.year).toBe(2026);
    // p1, first row: 部门名称 | 广州市政务服务和数据管理局
    expect(doc.unit.name).toBe('广州市政务服务和数据管理局');
    expect(doc.tablesPresent).toEqual(['department-performance-target']);
  });

  it('reads the 预算整体情况 block (p1, 预算金额（万元）)', () => {
    const table = doc.tables.find((t) => t.id === 'department-performance-target')!;
    expect(table.unit).toBe('万元');
    const amounts = Object.fromEntries(table.rows.map((r) => [r.label, printed(r.cells[0].amount)]));
    const expected = {
      基本支出: '12,634.14',
      项目支出: '86,246.64',
      财政拨款: '98,880.78',
      其他资金: '0.00',
      财政专项资金: '0.00',
      其他事业发展性支出: '0.00',
      市本级使用资金: '98,880.78',
      拟用于对下转移支付资金: '0.00',
    };
    expect(amounts).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, plain(v)])));
    for (const r of table.rows) expect(r.cells[0].amount?.at?.page).toBe(1);
    // key figures: 基本支出 and 项目支出
    expect(doc.figures.basicExpenditure).toBe(12634.14);
    expect(doc.figures.projectExpenditure).toBe(86246.64);
  });

  it('reads the department-wide target: funds, goal, tasks', () => {
    expect(target.project).toBe('部门整体');
    expect(target.unit).toBe('广州市政务服务和数据管理局');
    expect(printed(target.fiscalFunds)).toBe(plain('98,880.78'));
    expect(printed(target.otherFunds)).toBe('0.00');
    // p1 总体绩效目标: starts "坚持以习近平新时代中国特色社会主义思想为指导" and ends "助力广州打造数字中国标杆城市。"
    expect(target.goal?.startsWith('坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    expect(target.goal?.endsWith('助力广州打造数字中国标杆城市。')).toBe(true);
    // 年度重点工作任务: three on p1, two on p2, 拟投入的资金（万元）
    const tasks = target.tasks ?? [];
    expect(tasks.map((t) => [printed(t.amount), t.at.page])).toEqual(
      [
        ['164.85', 1],
        ['12,000.00', 1],
        ['1,108.00', 1],
        ['1,756.90', 2],
        ['51,365.96', 2],
      ].map(([a, p]) => [plain(a as string), p]),
    );
    expect(tasks[1].name).toBe('为市民群众提供全方位、多渠道、一体化的热线服务');
    expect(tasks[2].name).toBe('优化审批服务，推进政务服务便民化。');
    expect(tasks[4].name).toBe('统筹全市电子政务基础设施、信息系统、数据资源等安全保障工作。');
    expect(tasks[1].content?.startsWith('广州12345政务服务便民热线已完成全市资源整合工作')).toBe(true);
    expect(tasks[1].goal?.startsWith('通过实施2026年度广州12345热线平台运营项目')).toBe(true);
  });

  it('reads the 21 indicators of p2 with both values and their merged level cells', () => {
    const ind = target.indicators;
    expect(ind).toHaveLength(21);
    const byName = (name: string) => ind.find((i) => i.name === name)!;
    expect(ind[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '提出“十五五”规划任务举措数量（条）',
      target: '≥20',
      periodTarget: '≥20',
      comparator: '≥',
      value: '20',
    });
    expect(byName('汇聚数据数量.')).toMatchObject({ target: '≥10亿条', value: '10', valueUnit: '亿条' });
    expect(byName('服务企业次数（年度）')).toMatchObject({ level2: '数量指标', target: '全年≥10000家次' });
    expect(byName('政务云支撑系统数')).toMatchObject({ level2: '数量指标', target: '≥1340个' });
    expect(byName('事件工单解决率')).toMatchObject({ level1: '产出指标', level2: '质量指标', target: '≥90%' });
    expect(byName('运维服务按时完成率')).toMatchObject({ level2: '时效指标', target: '≥90%' });
    // the 社会效益指标 group is printed inside the 产出指标 cell
    expect(byName('话务接通率')).toMatchObject({ level1: '产出指标', level2: '社会效益指标', target: '≥93%' });
    expect(byName('特别重大事件（Ⅰ级）发生率')).toMatchObject({ level2: '社会效益指标', target: '≤1%' });
    expect(byName('有效投诉率')).toMatchObject({ level2: '社会效益指标', target: '≤1%' });
    expect(byName('政务服务受理综合满意率')).toMatchObject({
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      target: '≥95%',
    });
    expect(byName('人工成本控制率')).toMatchObject({
      level1: '成本指标',
      level2: '经济成本指标',
      target: '≤1',
      periodTarget: '≤1',
    });
    for (const i of ind) expect(i.at.page).toBe(2);
  });

  it('audits without completeness findings: a form has no parts or standard tables to miss', () => {
    const findings = audit(doc);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.some((f) => f.rule === 'required-tables' || f.rule === 'required-parts')).toBe(false);
  });
});

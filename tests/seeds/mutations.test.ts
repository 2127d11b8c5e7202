// Guards the comparison itself: deliberately wrong expectations must be reported, so a passing seed test means the
// model agrees with the document and not that the comparison looked away.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { expected as e000 } from '../fixtures/seeds/000.expected.js';
import { expected as e004 } from '../fixtures/seeds/004.expected.js';
import type { ExpectedSeed } from '../fixtures/seeds/types.js';
import { seedsDir } from '../support/paths.js';
import {
  compareFacts,
  compareFigures,
  compareMeta,
  compareOutline,
  compareProcurement,
  compareSelfEvaluation,
  compareTable,
  compareTableStatuses,
  compareTarget,
  sectionFacts,
} from './compare.js';

const copy = <T>(v: T): T => structuredClone(v);
const parse = (e: ExpectedSeed) => {
  const file = resolve(seedsDir, e.file);
  return parseText(readFileSync(file, 'utf8'), { file });
};

describe('the seed comparison reports wrong expectations', () => {
  let d000: Disclosure;
  let d004: Disclosure;
  beforeAll(() => {
    d000 = parse(e000);
    d004 = parse(e004);
  });
  const table = (id: string) => copy(e000.tables.find((t) => t.id === id)!);

  it('a cell printed with other precision (2441 for 2441.00)', () => {
    const t = table('income-expenditure-summary');
    t.rows[0].cells.budget = '2441';
    expect(compareTable(d000, t).join('\n')).toMatch(/line 120 .*budget is 2441.00, the document prints 2441/);
  });
  it('a missing row, a cell the document leaves empty, a wrong code', () => {
    const t = table('general-budget-project-expenditure');
    t.rows.splice(2, 1);
    expect(compareTable(d000, t).join('\n')).toMatch(/line 216: extra row/);
    const u = table('general-budget-project-expenditure');
    delete u.rows[3].cells['economic:399'];
    expect(compareTable(d000, u).join('\n')).toMatch(/line 217 .*economic:399 = 2.5, but that cell is empty/);
    const v = table('general-budget-project-expenditure');
    v.rows[5].code = '2010301';
    expect(compareTable(d000, v).join('\n')).toMatch(/line 219 .*code is "2010350"/);
  });
  it('a wrong table status', () => {
    const e = copy(e000);
    e.absentTables.push('state-capital-expenditure');
    expect(compareTableStatuses(d000, e).join('\n')).toMatch(/state-capital-expenditure/);
  });
  it('a wrong share, change percent, reason or year of a narrative fact', () => {
    const facts = copy(e000.facts.filter((f) => f.section === '二'));
    facts[1].share = '10';
    expect(compareFacts(sectionFacts(d000, '二'), facts).join('\n')).toMatch(/line 265 .*share is 100%/);
    const g = copy(e000.facts.filter((f) => f.section === '二'));
    g[1].change!.percent = '3.13';
    g[1].reasonStartsWith = '本年减少';
    const out = compareFacts(sectionFacts(d000, '二'), g).join('\n');
    expect(out).toMatch(/change percent is 3.31%/);
    expect(out).toMatch(/reason is/);
    const h = copy(e000.facts.filter((f) => f.section === '五'));
    h.find((f) => f.line === 313)!.year = 2021;
    expect(compareFacts(sectionFacts(d000, '五'), h).join('\n')).toMatch(/line 313 .*year is 2022/);
  });
  it('a year, share or change the sentence does not print', () => {
    const facts = copy(e000.facts.filter((f) => f.section === '五'));
    const f = facts.find((x) => x.line === 293)!;
    delete f.year;
    const g = facts.find((x) => x.line === 301)!;
    delete g.share;
    const h = facts.find((x) => x.line === 295)!;
    delete h.change;
    delete h.reasonStartsWith;
    const out = compareFacts(sectionFacts(d000, '五'), facts).join('\n');
    expect(out).toMatch(/line 293 .*year is 2022/);
    expect(out).toMatch(/line 301 .*share 77.89%/);
    expect(out).toMatch(/line 295 .*change 减少 9.17/);
  });
  it('a wrong outline', () => {
    const e = copy(e000);
    e.sections[9].line = 406;
    e.functions.count = 14;
    const out = compareOutline(d000, e).join('\n');
    expect(out).toMatch(/十@407/);
    expect(out).toMatch(/主要职能: count is 15/);
  });
  it('a fact the document does not state', () => {
    const facts = copy(e000.facts.filter((f) => f.section === '三'));
    facts.push({ ...facts[1], label: '上缴上级支出', subject: { kind: 'other' }, amount: '5' });
    expect(compareFacts(sectionFacts(d000, '三'), facts).join('\n')).toMatch(/上缴上级支出 .*no such fact/);
  });
  it('a wrong indicator target, a wrong 得分, a wrong fund line', () => {
    const t = copy(e000.performance.targets[0]);
    t.indicators[0].target = '≥6天';
    expect(compareTarget(d000, t, 0).join('\n')).toMatch(/line 451 .*指标值 is "≥60天"/);
    const s = copy(e004.performance.selfEvaluations[2]);
    s.indicators.find((i) => i.line === 268)!.score = '6';
    s.funds[0].executed = '4.61';
    const out = compareSelfEvaluation(d004, s, 2).join('\n');
    expect(out).toMatch(/line 268 .*得分 is "1.56"/);
    expect(out).toMatch(/全年执行数 is 4.16/);
  });
  it('a wrong staff change sign, procurement amount, figure', () => {
    const e = copy(e000);
    e.staff.activeChange = '11';
    expect(compareMeta(d000, e).join('\n')).toMatch(/在职 change/);
    e.procurement!.goods = '87.95';
    expect(compareProcurement(d000, e).join('\n')).toMatch(/goods is 87.59/);
    e.figures.incomeTotal = '2442.00';
    expect(compareFigures(d000.figures, e).join('\n')).toMatch(/figures.incomeTotal is 2441/);
  });
});

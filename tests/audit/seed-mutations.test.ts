// The rules work on real parsed documents: each change below, made to a figure of a parsed seed, is caught by the
// rule responsible for it (and the unchanged seed does not have that finding).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import { audit, READING_DOUBT, type Finding } from '../../src/audit/index.js';
import type { Amount, Disclosure, Table } from '../../src/model/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = (name: string) =>
  parseText(readFileSync(path.resolve(repoRoot, '../shared/seeds', name), 'utf8'), { file: name });
const seed003 = load('003_783022c0c0399fdf.txt');
const seed004 = load('004_9028ece1c81ee275.txt');

/** Adds `cents` hundredths to an amount, keeping its text in step. */
function shift(a: Amount | null | undefined, cents: number): void {
  if (!a) throw new Error('no amount to change');
  const step = a.scale >= 2 ? cents * 10 ** (a.scale - 2) : cents / 10 ** (2 - a.scale);
  if (!Number.isInteger(step)) throw new Error('cannot shift an amount printed with fewer decimals by cents');
  a.minor += step;
  const digits = String(Math.abs(a.minor)).padStart(a.scale + 1, '0');
  a.text = a.scale ? `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}` : digits;
}

const table = (d: Disclosure, id: string): Table => d.tables.find((t) => t.id === id)!;
const cell = (t: Table, code: string, column: string) =>
  t.rows.find((r) => r.classification?.code === code && !r.project)!.cells.find((c) => c.column === column)!.amount;

/** Every check that found something: a finding and those of the same cause folded into it (never those a reading doubt holds back). */
function checks(findings: Finding[]): Array<{ rule: string; message: string }> {
  return findings.filter((f) => f.rule !== READING_DOUBT).flatMap((f) => [f, ...(f.also ?? [])]);
}

function newFindings(base: Disclosure, change: (d: Disclosure) => void): Set<string> {
  const before = new Set(checks(audit(base)).map((f) => `${f.rule}|${f.message}`));
  const doc = structuredClone(base);
  change(doc);
  return new Set(
    checks(audit(doc))
      .filter((f) => !before.has(`${f.rule}|${f.message}`))
      .map((f) => f.rule),
  );
}

const CASES: Array<[string, Disclosure, (d: Disclosure) => void, string[]]> = [
  [
    '003 一般公共预算支出表 行政运行 基本支出 +1.00',
    seed003,
    (d) => shift(cell(table(d, 'general-budget-expenditure'), '2010301', 'basic'), 100),
    ['row-identity', 'classification-hierarchy'],
  ],
  [
    '003 基本支出表 基本工资 +1.00',
    seed003,
    (d) => shift(cell(table(d, 'general-budget-basic-expenditure'), '30101', 'total'), 100),
    ['classification-hierarchy', 'row-identity', 'narrative-amount'],
  ],
  [
    '003 收支总表 201 +1.00',
    seed003,
    (d) =>
      shift(
        table(d, 'income-expenditure-summary').rows.find((r) => r.classification?.code === '201')!.cells[0].amount,
        100,
      ),
    ['fixed-row-sums', 'cross-table-agreement'],
  ],
  [
    '003 财政拨款收支总表 201 一般公共预算 +1.00',
    seed003,
    (d) => shift(cell(table(d, 'fiscal-appropriation-summary'), '201', 'generalBudget'), 100),
    ['row-identity', 'cross-table-agreement'],
  ],
  [
    '003 说明 基本支出 +1.00',
    seed003,
    (d) =>
      shift(
        d.narrative.find((s) => s.topic === 'expenditure')!.facts.find((f) => f.subject.kind === 'basic')!.amount,
        100,
      ),
    ['narrative-amount', 'share', 'change-arithmetic', 'repeated-figure'],
  ],
  [
    '003 说明 公务接待费 +5.00',
    seed003,
    (d) => shift(d.threePublic.items.find((f) => f.subject.key === 'reception')!.amount, 500),
    ['narrative-amount', 'three-public-narrative-sum'],
  ],
  ['003 政府采购 货物 +5.00', seed003, (d) => shift(d.procurement.goods, 500), ['procurement-sums']],
  [
    '003 绩效目标表 年度资金总额 +5.00',
    seed003,
    (d) => shift(d.performance.targets[0].totalFunds, 500),
    ['performance-target-funds', 'project-amounts'],
  ],
  ['003 机关运行经费 +5.00', seed003, (d) => shift(d.operatingCosts.fact!.amount, 500), ['operating-costs']],
  ['003 实有人数 +1', seed003, (d) => (d.overview.staff.actual!.value += 1), ['staff-count']],
  [
    '004 自评表 全年执行数 −8.00',
    seed004,
    (d) => {
      const funds = d.performance.selfEvaluations[0].funds;
      shift(funds[0].executed, -800);
    },
    ['self-evaluation'],
  ],
  [
    '004 自评表 总分 +1',
    seed004,
    (d) => (d.performance.selfEvaluations[0].totalScore = '101.00 分'),
    ['self-evaluation'],
  ],
  [
    '004 三公 预决算差异率',
    seed004,
    (d) => {
      const f = d.threePublic.items.find((x) => x.subject.key === 'vehicleOperation' && x.varianceRate)!;
      f.varianceRate = { ...f.varianceRate!, minor: -1000, text: '-10.00%' };
    },
    ['variance-rate'],
  ],
  [
    '004 说明 使用非财政拨款结余 +1.00',
    seed004,
    (d) => shift(d.narrative[0].facts.find((f) => f.subject.key === 'nonFiscalBalanceUsed')!.amount, 100),
    ['final-identities'],
  ],
  [
    '004 说明 其他收入 +1.00',
    seed004,
    (d) =>
      shift(
        d.narrative.find((s) => s.topic === 'income')!.facts.find((f) => f.subject.key === 'otherIncome')!.amount,
        100,
      ),
    ['final-identities', 'share'],
  ],
];

describe('changes to parsed seeds are caught', () => {
  it.each(CASES)('%s', (_name, base, change, rules) => {
    const found = newFindings(base, change);
    for (const rule of rules) expect(found, `expected ${rule}`).toContain(rule);
  });
});

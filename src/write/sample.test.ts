// Checks the sample generator against the disclosure identities, recomputed here from the model alone.
import { describe, expect, it } from 'vitest';
import { DisclosureSchema, type Amount, type Disclosure, type Table, type TableRow } from '../model/schema.js';
import { tableTemplate, standardTableIds } from '../catalog/tables.js';
import { generateSample } from './sample.js';
import { nameMatches } from '../catalog/codes.js';

const N = 200;

/** value in 0.01 万元 (the generator prints two decimals) */
function v(a: Amount | null | undefined): number {
  if (!a) return 0;
  expect(a.unit).toBe('万元');
  return a.minor * 10 ** (2 - a.scale);
}

function cell(row: TableRow, column: string): number {
  return v(row.cells.find((c) => c.column === column)?.amount);
}

function tableOf(doc: Disclosure, id: string): Table {
  const t = doc.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function fixed(t: Table, key: string, side?: string): TableRow {
  const r = t.rows.find((x) => x.key === key && (!side || x.side === side));
  if (!r) throw new Error(`${t.id}: no row ${key}`);
  return r;
}

/** Σ children = parent for code hierarchies, and Σ top level = total row, for every column. */
function checkHierarchy(t: Table, where: string): void {
  const classified = t.rows.filter((r) => r.classification);
  const columns = t.columns.map((c) => c.key);
  const total = t.rows.find((r) => r.kind === 'total');
  for (const col of columns) {
    for (const parent of classified) {
      const code = parent.classification!.code;
      const children = classified.filter(
        (r) =>
          r.classification!.code !== code &&
          r.classification!.code.startsWith(code) &&
          isDirectChild(r.classification!.code, code, r),
      );
      if (children.length === 0) continue;
      // project tables repeat the 项 code per project: those rows are all children of the 款
      expect(
        children.reduce((s, r) => s + cell(r, col), 0),
        `${where} ${t.id} ${code} ${col}`,
      ).toBe(cell(parent, col));
    }
    if (total) {
      const top = classified.filter((r) => r.classification!.level === 'class');
      expect(
        top.reduce((s, r) => s + cell(r, col), 0),
        `${where} ${t.id} 合计 ${col}`,
      ).toBe(cell(total, col));
    }
  }
}

function isDirectChild(child: string, parent: string, row: TableRow): boolean {
  if (row.classification!.system === 'economic') return child.length === parent.length + 2;
  return child.length === parent.length + 2;
}

function checkRowIdentities(t: Table, where: string): void {
  let identities = tableTemplate(t.id).rowIdentities;
  if (t.id === 'final-three-public') identities = tableTemplate('three-public').rowIdentities;
  if (t.id === 'final-general-budget-basic-expenditure')
    identities = [{ total: 'total', parts: ['personnel', 'public'] }];
  if (t.id === 'final-expenditure')
    identities = [
      { total: 'total', parts: ['basic', 'project', 'superiorRemit', 'operatingExpenditure', 'subsidiaryGrant'] },
    ];
  if (t.id === 'final-income')
    identities = [
      {
        total: 'total',
        parts: [
          'fiscalAppropriation',
          'superiorSubsidy',
          'businessIncome',
          'operatingIncome',
          'subsidiaryRemit',
          'otherIncome',
        ],
      },
    ];
  if (t.id === 'final-government-fund' || t.id === 'final-state-capital')
    identities = [{ total: 'total', parts: ['basic', 'project'] }];
  for (const row of t.rows) {
    if (row.side === 'income') continue;
    for (const id of identities) {
      // a template may declare identities over columns some layouts print (西安's 人员/公用/专项业务经费)
      if (!id.parts.every((k) => t.columns.some((c) => c.key === k))) continue;
      expect(
        id.parts.reduce((s, k) => s + cell(row, k), 0),
        `${where} ${t.id} ${row.label} ${id.total}`,
      ).toBe(cell(row, id.total));
    }
  }
}

function rate(current: number, change: number): number {
  const base = current - change;
  return Math.round((Math.abs(change) * 10000) / Math.abs(base));
}

function checkFacts(doc: Disclosure, where: string): void {
  const facts = [...doc.narrative.flatMap((s) => s.facts), ...doc.threePublic.items];
  for (const f of facts) {
    expect(f.text.length, `${where} fact text`).toBeGreaterThan(0);
    if (f.change && f.change.direction !== 'flat') {
      const cur = v(f.amount);
      const delta = v(f.change.amount) * (f.change.direction === 'increase' ? 1 : -1);
      expect(f.change.word).toBe(delta > 0 ? '增加' : '减少');
      if (f.change.percent) {
        expect(f.change.rateWord).toBe(delta > 0 ? '增长' : '下降');
        expect(f.change.percent.minor, `${where} ${f.label} rate`).toBe(rate(cur, delta));
      }
      expect(f.reason?.text, `${where} ${f.label} reason`).toBeTruthy();
      expect(f.text).toContain(f.change.amount!.text);
    }
    if (f.amount) expect(f.text).toContain(`${f.amount.text}万元`);
  }
}

function checkBudget(doc: Disclosure, where: string): void {
  const sum = tableOf(doc, 'income-expenditure-summary');
  const incomeTotal = cell(fixed(sum, 'incomeTotal'), 'budget');
  expect(incomeTotal, where).toBe(cell(fixed(sum, 'expenditureTotal'), 'budget'));
  const classes = sum.rows.filter((r) => r.side === 'expenditure' && r.classification);
  expect(classes.reduce((s, r) => s + cell(r, 'budget'), 0)).toBe(incomeTotal);
  const gb = cell(fixed(sum, 'generalBudget'), 'budget');
  const gf = cell(fixed(sum, 'governmentFund'), 'budget');
  expect(cell(fixed(sum, 'fiscalAppropriation'), 'budget')).toBe(gb + gf + cell(fixed(sum, 'stateCapital'), 'budget'));
  const parts = ['fiscalAppropriation', 'specialAccount', 'businessIncome', 'operatingIncome', 'otherIncome'].reduce(
    (s, k) => s + cell(fixed(sum, k), 'budget'),
    0,
  );
  expect(parts).toBe(cell(fixed(sum, 'currentYearIncome'), 'budget'));

  const fiscal = tableOf(doc, 'fiscal-appropriation-summary');
  expect(cell(fixed(fiscal, 'expenditureTotal'), 'generalBudget')).toBe(gb);
  expect(cell(fixed(fiscal, 'incomeTotal'), 'total')).toBe(cell(fixed(fiscal, 'expenditureTotal'), 'total'));
  const gbTable = tableOf(doc, 'general-budget-expenditure');
  const gbTotal = gbTable.rows.find((r) => r.kind === 'total')!;
  expect(cell(gbTotal, 'total')).toBe(gb);
  expect(cell(tableOf(doc, 'general-budget-basic-expenditure').rows[0], 'total')).toBe(cell(gbTotal, 'basic'));
  expect(cell(tableOf(doc, 'general-budget-project-expenditure').rows[0], 'total')).toBe(cell(gbTotal, 'project'));
  const gfTable = tableOf(doc, 'government-fund-expenditure');
  if (gf === 0) {
    expect(gfTable.status).toBe('empty');
    expect(gfTable.emptyStatement?.text).toContain('此表为空表');
  } else expect(cell(gfTable.rows[0], 'total')).toBe(gf);
  expect(doc.figures.incomeTotal).toBe(incomeTotal / 100);
  expect(doc.figures.generalPublicBudgetExpenditure).toBe(gb / 100);
  const three = tableOf(doc, 'three-public').rows[0];
  expect(doc.figures.threePublic?.total).toBe(cell(three, 'total') / 100);
  // performance targets: funds = fiscal + other; one per project of the project table
  const projectRows = tableOf(doc, 'general-budget-project-expenditure').rows.filter((r) => r.project);
  expect(doc.performance.targets.map((x) => x.project).sort()).toEqual(projectRows.map((r) => r.project!).sort());
  for (const tg of doc.performance.targets) expect(v(tg.totalFunds)).toBe(v(tg.fiscalFunds) + v(tg.otherFunds));
  for (const pr of doc.projects)
    expect(v(pr.amount)).toBe(
      cell(
        projectRows.find((r) => r.project === pr.name)!,
        'total',
      ),
    );
  // narrative amounts equal table figures
  const factOf = (topic: string, kind: string, key?: string) =>
    doc.narrative
      .find((s) => s.topic === topic)!
      .facts.find((f) => f.subject.kind === kind && (key === undefined || f.subject.key === key));
  expect(v(factOf('summary', 'total')!.amount)).toBe(incomeTotal);
  expect(v(factOf('generalBudget', 'basic')!.amount)).toBe(cell(gbTotal, 'basic'));
  expect(v(factOf('basic', 'personnel')!.amount)).toBe(
    cell(tableOf(doc, 'general-budget-basic-expenditure').rows[0], 'personnel'),
  );
  const income = factOf('income', 'fund', 'generalBudget')!;
  expect(income.share!.minor).toBe(Math.round((gb * 10000) / incomeTotal));
  for (const f of doc.narrative
    .find((s) => s.topic === 'generalBudget')!
    .facts.filter((x) => x.subject.kind === 'function' && x.subject.code!.length === 7)) {
    const row = gbTable.rows.find((r) => r.classification?.code === f.subject.code)!;
    expect(v(f.amount), `${where} ${f.subject.code}`).toBe(cell(row, 'total'));
  }
}

function checkFinal(doc: Disclosure, where: string): void {
  const sum = tableOf(doc, 'final-income-expenditure-summary');
  const c = (key: string) => cell(fixed(sum, key), 'final');
  expect(c('incomeTotal'), where).toBe(c('expenditureTotal'));
  expect(c('incomeTotal')).toBe(c('currentYearIncome') + c('nonAppropriationBalanceUsed') + c('openingBalance'));
  expect(c('expenditureTotal')).toBe(c('currentYearExpenditure') + c('balanceDistribution') + c('carryForward'));
  expect(c('currentYearIncome')).toBe(
    [
      'fiscalAppropriation',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemit',
      'otherIncome',
    ].reduce((s, k) => s + c(k), 0),
  );
  const exp = tableOf(doc, 'final-expenditure').rows[0];
  expect(cell(exp, 'total')).toBe(c('currentYearExpenditure'));
  const inc = tableOf(doc, 'final-income').rows[0];
  expect(cell(inc, 'total')).toBe(cell(exp, 'total') - (c('currentYearExpenditure') - c('currentYearIncome')));
  const three = tableOf(doc, 'final-three-public');
  const final = three.rows.find((r) => r.key === 'final')!;
  expect(doc.figures.threePublic?.total).toBe(cell(final, 'total') / 100);
  for (const item of doc.threePublic.items) {
    if (item.budgetAmount && v(item.budgetAmount) !== 0) {
      const b = v(item.budgetAmount),
        f = v(item.amount);
      expect(item.varianceRate!.minor, `${where} ${item.label}`).toBe(
        Math.sign(f - b) * Math.round((Math.abs(f - b) * 10000) / b),
      );
    }
  }
  for (const e of doc.performance.selfEvaluations) {
    const total = e.funds[0];
    const rateMinor = Math.round((v(total.executed) * 10000) / v(total.fullYearBudget));
    expect(total.executionRate!.minor).toBe(rateMinor);
    const scores = e.indicators.reduce((s, i) => s + Number(i.score), 0) + Number(total.score);
    expect(Number(e.totalScore)).toBeCloseTo(scores, 2);
    expect(e.indicators.reduce((s, i) => s + Number(i.weight), 0) + Number(total.weight)).toBe(100);
  }
  expect(v(doc.performance.executedAmount)).toBe(
    doc.performance.selfEvaluations.reduce((s, e) => s + v(e.funds[0].executed), 0),
  );
}

function checkCommon(doc: Disclosure, where: string): void {
  expect(doc.tables.map((t) => t.id)).toEqual(standardTableIds(doc.kind));
  expect(doc.tablesPresent).toEqual(standardTableIds(doc.kind));
  for (const t of doc.tables) {
    checkRowIdentities(t, where);
    if (t.rows.some((r) => r.classification && !r.side)) checkHierarchy(t, where);
    expect(t.preparer?.name).toBe(doc.unit.name);
  }
  const st = doc.overview.staff;
  expect(st.actual!.value).toBe(st.active!.value + st.retired!.value + st.retiredBefore1949!.value);
  const pr = doc.procurement;
  expect(v(pr.total)).toBe(v(pr.goods) + v(pr.works) + v(pr.services));
  expect(v(pr.sme)).toBeLessThanOrEqual(v(pr.total));
  expect(v(pr.smallMicro)).toBeLessThanOrEqual(v(pr.sme));
  const as = doc.assets;
  expect(as.vehicles!.value).toBe(as.vehicleCategories.reduce((s, x) => s + x.count.value, 0));
  expect(v(as.vehiclesValue)).toBe(as.vehicleCategories.reduce((s, x) => s + v(x.value), 0));
  const tp = Object.fromEntries(doc.threePublic.items.map((f) => [f.subject.key, v(f.amount)]));
  expect(tp.total).toBe(tp.overseas + tp.vehicle + tp.reception);
  expect(tp.vehicle).toBe(tp.vehiclePurchase + tp.vehicleOperation);
  expect(doc.unit.name).toMatch(/^示例/);
  // every classified row uses a code of that year's catalogue with its name
  for (const t of doc.tables) {
    for (const r of t.rows) {
      if (!r.classification) continue;
      expect(
        nameMatches(r.classification.code, r.label, doc.year, r.classification.system),
        `${where} ${t.id} ${r.classification.code} ${r.label}`,
      ).toBe('exact');
    }
  }
  checkFacts(doc, where);
}

describe('generateSample', () => {
  it('is deterministic in (kind, seed, index) and varies with the index', () => {
    const a = generateSample({ kind: 'budget', seed: 42, index: 3 });
    const b = generateSample({ kind: 'budget', seed: 42, index: 3 });
    const c = generateSample({ kind: 'budget', seed: 42, index: 4 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  for (const kind of ['budget', 'final_account'] as const) {
    it(`writes ${N} valid, internally consistent ${kind} documents`, () => {
      const units = new Set<string>();
      let departments = 0,
        withFund = 0;
      for (let i = 0; i < N; i++) {
        const doc = generateSample({ kind, seed: 'test', index: i });
        const where = `${kind} #${i}`;
        DisclosureSchema.parse(doc);
        expect(doc.kind).toBe(kind);
        checkCommon(doc, where);
        if (kind === 'budget') checkBudget(doc, where);
        else checkFinal(doc, where);
        units.add(doc.unit.name);
        if (doc.scope === 'department') departments++;
        if (doc.tables.some((t) => /government-fund/.test(t.id) && t.status === 'present')) withFund++;
      }
      // variety: many unit names, both scopes, some government-fund tables present and some empty
      expect(units.size).toBeGreaterThan(N / 4);
      expect(departments).toBeGreaterThan(N / 5);
      expect(departments).toBeLessThan(N);
      expect(withFund).toBeGreaterThan(0);
      expect(withFund).toBeLessThan(N);
    });
  }
});

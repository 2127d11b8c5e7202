// Compares two disclosure models on what a rendered document states (figures, table cells, narrative facts,
// 三公, procurement, staff, projects, performance), ignoring positions and printed spellings. Used by the
// round-trip tests: render → parse back → compare names every difference.
import type { Amount, Disclosure, Fact, Percent, Table, TableRow } from '../model/schema.js';
import { minorOf } from './numbers.js';

export interface Difference {
  /** stable category for grouping: "table-cell final-three-public", "fact threePublic", … */
  category: string;
  detail: string;
}

const norm = (s: string): string =>
  s.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[“”"]/g, '"');

const zero: Amount = { minor: 0, scale: 2, unit: '万元', text: '0.00' };

function amt(a: Amount | null | undefined): string {
  return a ? (minorOf(a) / 100).toFixed(2) : '—';
}

function pct(p: Percent | undefined): string {
  return p ? (p.minor / 10 ** p.scale).toFixed(2) : '—';
}

function rowId(r: TableRow): string {
  const side = r.side ? `${r.side}:` : '';
  if (r.classification) return `${side}${r.classification.code}${r.project ? `:${norm(r.project)}` : ''}`;
  if (r.kind === 'total' && !r.side) return `${side}合计`;
  return `${side}${norm(r.label)}`;
}

function cellValue(r: TableRow, column: string): string {
  const c = r.cells.find((x) => x.column === column);
  return c?.amount ? amt(c.amount) : '0.00';
}

function compareTable(e: Table, a: Table | undefined, out: Difference[]): void {
  const cat = (what: string) => `${what} ${e.id}`;
  if (!a) {
    out.push({ category: cat('table-missing'), detail: `${e.id}: not read back` });
    return;
  }
  if (a.status !== e.status)
    out.push({ category: cat('table-status'), detail: `${e.id}: status ${e.status} → ${a.status}` });
  // single-row tables (三公) carry no row codes: rows match by position
  const byPosition = e.id === 'three-public' || e.id === 'final-three-public';
  const idOf = (r: TableRow, i: number) => (byPosition ? `#${i + 1}` : rowId(r));
  const actualRows = new Map<string, TableRow>();
  a.rows.forEach((r, i) => {
    if (!actualRows.has(idOf(r, i))) actualRows.set(idOf(r, i), r);
  });
  const columns = [...new Set(e.rows.flatMap((r) => r.cells.map((c) => c.column)))];
  for (const [i, r] of e.rows.entries()) {
    const id = idOf(r, i);
    const got = actualRows.get(id);
    if (!got) {
      out.push({ category: cat('table-row'), detail: `${e.id}: row ${id} not read back` });
      continue;
    }
    for (const col of columns) {
      const want = cellValue(r, col);
      const have = cellValue(got, col);
      if (want !== have)
        out.push({ category: cat('table-cell'), detail: `${e.id}: row ${id} column ${col}: ${want} → ${have}` });
    }
  }
  const expectedIds = new Set(e.rows.map((r, i) => idOf(r, i)));
  for (const [i, r] of a.rows.entries())
    if (!expectedIds.has(idOf(r, i)))
      out.push({ category: cat('table-extra-row'), detail: `${e.id}: extra row ${idOf(r, i)}` });
}

function factKey(topic: string, f: Fact): string {
  return `${topic}/${f.subject.kind}${f.subject.key ? `:${f.subject.key}` : ''}${f.subject.code ? `:${f.subject.code}` : ''}`;
}

/** A zero change is flat whatever word printed it ("增加0万元" in the seeds). */
function direction(f: Fact): string {
  if (!f.change) return '—';
  if (f.change.direction === 'flat' || !f.change.amount || f.change.amount.minor === 0) return 'flat';
  return f.change.direction;
}

function compareFact(where: string, e: Fact, a: Fact | undefined, out: Difference[], category: string): void {
  if (!a) {
    out.push({ category, detail: `${where}: fact not read back (${e.label} ${amt(e.amount)})` });
    return;
  }
  const pairs: Array<[string, string, string]> = [
    ['amount', amt(e.amount), amt(a.amount)],
    ['share', pct(e.share), pct(a.share)],
    ['direction', direction(e), direction(a)],
    ['change', e.change ? amt(e.change.amount ?? zero) : '—', a.change ? amt(a.change.amount ?? zero) : '—'],
    ['rate', pct(e.change?.percent), pct(a.change?.percent)],
    ['budget', amt(e.budgetAmount), amt(a.budgetAmount)],
    ['variance', pct(e.varianceRate), pct(a.varianceRate)],
    ['reason', e.reason ? norm(e.reason.text) : '—', a.reason ? norm(a.reason.text).replace(/。$/, '') : '—'],
  ];
  for (const [what, want, have] of pairs) {
    if (want !== have) out.push({ category: `${category} ${what}`, detail: `${where} ${what}: ${want} → ${have}` });
  }
}

/** One 三公 item stated in several sentences (amount, change, budget) merged into one fact. */
function mergeItems(doc: Disclosure, key: string | undefined): Fact | undefined {
  const candidates = [
    ...doc.threePublic.items,
    ...doc.narrative.filter((s) => s.topic === 'threePublic').flatMap((s) => s.facts),
  ].filter((x) => x.subject.key === key);
  if (!candidates.length) return undefined;
  const pick = <K extends keyof Fact>(k: K): Fact[K] => candidates.find((x) => x[k] !== undefined)?.[k] as Fact[K];
  return {
    ...(candidates.find((x) => x.amount) ?? candidates[0]),
    change: pick('change'),
    reason: pick('reason'),
    budgetAmount: pick('budgetAmount'),
    varianceRate: pick('varianceRate'),
    share: pick('share'),
  };
}

/** Every difference between what `expected` states and what `actual` (read back) states. */
export function compareDisclosures(expected: Disclosure, actual: Disclosure): Difference[] {
  const out: Difference[] = [];
  const same = (category: string, what: string, want: unknown, have: unknown) => {
    const w = JSON.stringify(want ?? null),
      h = JSON.stringify(have ?? null);
    if (w !== h) out.push({ category, detail: `${what}: ${w} → ${h}` });
  };
  same('meta', 'kind', expected.kind, actual.kind);
  same('meta', 'scope', expected.scope, actual.scope);
  same('meta', 'year', expected.year, actual.year);
  same('meta', 'unit name', expected.unit.name, actual.unit.name);

  const ef = expected.figures as Record<string, unknown>,
    af = actual.figures as Record<string, unknown>;
  for (const k of Object.keys(ef)) same(`figures ${k}`, `figures.${k}`, ef[k], af[k]);

  for (const t of expected.tables) {
    if (t.status !== 'present' && t.status !== 'empty') continue;
    compareTable(
      t,
      actual.tables.find((x) => x.id === t.id),
      out,
    );
  }

  for (const sec of expected.narrative) {
    // 三公 statements are compared below, merged per item
    if (sec.topic === 'threePublic') continue;
    const got = actual.narrative.find((s) => s.topic === sec.topic);
    if (!got && sec.facts.length) {
      out.push({
        category: `section-missing ${sec.topic}`,
        detail: `section ${sec.topic} (${sec.title}) not read back`,
      });
      continue;
    }
    const used = new Set<Fact>();
    for (const f of sec.facts) {
      const key = factKey(sec.topic, f);
      let match = got?.facts.find((x) => !used.has(x) && factKey(sec.topic, x) === key);
      if (match) used.add(match);
      // the reader keeps a budget comparison ("与年初预算数相比情况：…") as a statement of its own: merge it back
      if (match && f.budgetAmount && !match.budgetAmount) {
        const comparison = got?.facts.find((x) => !used.has(x) && factKey(sec.topic, x) === key && x.budgetAmount);
        if (comparison) {
          used.add(comparison);
          match = {
            ...match,
            budgetAmount: comparison.budgetAmount,
            ...(comparison.varianceRate ? { varianceRate: comparison.varianceRate } : {}),
          };
        }
      }
      compareFact(key, f, match, out, `fact ${sec.topic}/${f.subject.kind}`);
    }
  }
  const seenItems = new Set<string | undefined>();
  for (const f of expected.threePublic.items) {
    if (seenItems.has(f.subject.key)) continue;
    seenItems.add(f.subject.key);
    const key = `threePublic/${f.subject.key}`;
    // a document may state an item twice (amount, then change): the statement with the change counts
    compareFact(key, mergeItems(expected, f.subject.key)!, mergeItems(actual, f.subject.key), out, `fact threePublic`);
  }
  for (const k of [
    'overseasGroups',
    'overseasPeople',
    'vehiclesPurchased',
    'vehiclesHeld',
    'receptionBatches',
    'receptionPeople',
  ] as const) {
    same(`threePublic ${k}`, `threePublic.${k}`, expected.threePublic[k]?.value, actual.threePublic[k]?.value);
  }
  if (expected.operatingCosts.fact)
    compareFact('operatingCosts', expected.operatingCosts.fact, actual.operatingCosts.fact, out, 'fact operatingCosts');

  const ep = expected.procurement,
    ap = actual.procurement;
  for (const k of ['total', 'goods', 'works', 'services', 'sme', 'smallMicro'] as const)
    same(`procurement ${k}`, `procurement.${k}`, amt(ep[k]), amt(ap[k]));
  const es = expected.overview.staff,
    as = actual.overview.staff;
  for (const k of ['authorized', 'actual', 'active', 'retired', 'retiredBefore1949'] as const)
    same(`staff ${k}`, `staff.${k}`, es[k]?.value, as[k]?.value);
  same('assets vehicles', 'assets.vehicles', expected.assets.vehicles?.value, actual.assets.vehicles?.value);
  same(
    'assets buildingArea',
    'assets.buildingArea',
    expected.assets.buildingArea?.value,
    actual.assets.buildingArea?.value,
  );

  same(
    'projects',
    'projects',
    expected.projects.map((p) => [p.name, amt(p.amount)]),
    actual.projects.map((p) => [p.name, amt(p.amount)]),
  );
  same(
    'performance targets',
    'performance.targets',
    expected.performance.targets.map((t) => [
      t.project,
      amt(t.totalFunds),
      amt(t.fiscalFunds),
      amt(t.otherFunds),
      t.indicators.length,
    ]),
    actual.performance.targets.map((t) => [
      t.project,
      amt(t.totalFunds),
      amt(t.fiscalFunds),
      amt(t.otherFunds),
      t.indicators.length,
    ]),
  );
  same(
    'performance indicators',
    'performance.targets.indicators',
    expected.performance.targets.flatMap((t) => t.indicators.map((i) => [i.level2, norm(i.name), norm(i.target)])),
    actual.performance.targets.flatMap((t) => t.indicators.map((i) => [i.level2, norm(i.name), norm(i.target)])),
  );
  same(
    'self-evaluations',
    'performance.selfEvaluations',
    expected.performance.selfEvaluations.map((e) => [
      e.project,
      amt(e.funds[0]?.executed),
      pct(e.funds[0]?.executionRate),
      e.totalScore,
      e.indicators.length,
    ]),
    actual.performance.selfEvaluations.map((e) => [
      e.project,
      amt(e.funds[0]?.executed),
      pct(e.funds[0]?.executionRate),
      e.totalScore,
      e.indicators.length,
    ]),
  );
  same(
    'glossary',
    'glossary terms',
    expected.glossary.map((g) => norm(g.term)),
    actual.glossary.map((g) => norm(g.term)),
  );
  return out;
}

/** Differences grouped by category with a count and the first example, for readable test failures. */
export function summariseDifferences(diffs: Array<Difference & { doc?: string }>): string[] {
  const groups = new Map<string, { n: number; first: string }>();
  for (const d of diffs) {
    const g = groups.get(d.category);
    if (g) g.n++;
    else groups.set(d.category, { n: 1, first: `${d.doc ? `${d.doc}: ` : ''}${d.detail}` });
  }
  return [...groups.entries()].sort((a, b) => b[1].n - a[1].n).map(([c, g]) => `${c} ×${g.n} — e.g. ${g.first}`);
}

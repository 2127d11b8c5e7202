// One cause, one finding: a wrong figure breaks every sum and comparison it takes part in (its row, its column's
// parent, the grand total, the tables and sentences that print it again). Findings that share a row of a table or a
// figure of the narrative are folded into one, which keeps the others as related places.
import type { Finding, FindingPlace, RuleCategory } from './types.js';

/** Checks of figures; completeness and names findings each have their own cause even when they share a place. */
const FIGURE_CATEGORIES: ReadonlySet<RuleCategory> = new Set(['arithmetic', 'cross-table', 'narrative']);

/** When several findings of a group point at equally shared places, the one pinning the cell best leads. */
const LEAD_ORDER = [
  'row-identity',
  'fixed-row-sums',
  'two-sided-balance',
  'classification-hierarchy',
  'narrative-amount',
  'cross-table-agreement',
];

function keyOf(p: FindingPlace): string | undefined {
  if (p.table && p.row) return `row|${p.table}|${p.row}|${p.line ?? ''}`;
  if (!p.table && p.line !== undefined) return `at|${p.line}|${p.column ?? ''}`;
  return undefined;
}

function keys(f: Finding): string[] {
  return [f.location, ...(f.related ?? [])].map(keyOf).filter((k): k is string => k !== undefined);
}

function samePlace(a: FindingPlace, b: FindingPlace): boolean {
  return (
    a.table === b.table && a.row === b.row && a.line === b.line && a.column === b.column && a.section === b.section
  );
}

/** Folds findings of figure rules that share a place into one finding per cause; other findings pass unchanged. */
export function groupByCause(findings: Finding[], categoryOf: (rule: string) => RuleCategory | undefined): Finding[] {
  const candidates = findings.filter(
    (f) => f.severity !== 'info' && FIGURE_CATEGORIES.has(categoryOf(f.rule) as RuleCategory),
  );
  if (candidates.length < 2) return findings;
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  candidates.forEach((f, i) => {
    for (const k of keys(f)) {
      const o = owner.get(`${f.severity}|${k}`);
      if (o === undefined) owner.set(`${f.severity}|${k}`, i);
      else parent[find(i)] = find(o);
    }
  });
  const groups = new Map<number, Finding[]>();
  candidates.forEach((f, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), f]));
  const replaced = new Map<Finding, Finding | null>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const lead = leadOf(group);
    const others = group.filter((f) => f !== lead);
    const related: FindingPlace[] = [...(lead.related ?? [])];
    for (const o of others)
      for (const p of [o.location, ...(o.related ?? [])])
        if (!samePlace(p, lead.location) && !related.some((r) => samePlace(r, p))) related.push(p);
    replaced.set(lead, {
      ...lead,
      related,
      also: [
        ...(lead.also ?? []),
        ...others.map((o) => ({ rule: o.rule, severity: o.severity, message: o.message, location: o.location })),
      ],
    });
    for (const o of others) replaced.set(o, null);
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const r = replaced.get(f);
    if (r === undefined) out.push(f);
    else if (r) out.push(r);
  }
  return out;
}

/** The finding whose own place the others point at most; ties go by LEAD_ORDER, then by first printed. */
function leadOf(group: Finding[]): Finding {
  const counts = new Map<string, number>();
  for (const f of group) for (const k of new Set(keys(f))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const score = (f: Finding) => {
    const k = keyOf(f.location);
    return k ? (counts.get(k) ?? 0) : 0;
  };
  const order = (rule: string) => {
    const i = LEAD_ORDER.indexOf(rule);
    return i < 0 ? LEAD_ORDER.length : i;
  };
  return [...group].sort(
    (a, b) => score(b) - score(a) || order(a.rule) - order(b.rule) || (a.location.line ?? 0) - (b.location.line ?? 0),
  )[0];
}

// Prior-year figures from the previous year's model (`render --previous FILE`): the year-on-year changes the
// explanation states (增加/减少 X万元，增长/下降 Y%) and the staff changes, filled where the input lacks them. The
// input's own prior-year values always win; only the statements the standard explanation makes get a change.
import type { Count, Disclosure, DocumentKind, Fact, Subject } from '../model/schema.js';
import { minorOf } from './numbers.js';
import { makeChange, previousBasis } from './phrases.js';

/** Whether the standard explanation compares this statement with the previous year. */
function statesChange(kind: DocumentKind, topic: string, s: Subject): boolean {
  const item = s.kind === 'function' && (s.code?.length ?? 0) === 7;
  if (s.kind === 'operatingCosts') return true;
  if (kind === 'budget') {
    if (topic === 'income') return s.kind === 'fund';
    if (topic === 'expenditure') return s.kind === 'basic' || s.kind === 'project';
    if (topic === 'generalBudget') return s.kind === 'basic' || s.kind === 'project' || item;
    return false;
  }
  if (topic === 'summary') return s.kind === 'total';
  if (topic === 'fiscal') return s.kind === 'fiscalAppropriation';
  if (topic === 'generalBudget') return s.kind === 'generalBudget' || item;
  return false;
}

const same = (a: Subject, b: Subject) =>
  a.kind === b.kind && (a.key ?? '') === (b.key ?? '') && (a.code ?? '') === (b.code ?? '');

export interface PreviousYearResult {
  doc: Disclosure;
  /** how many changes were filled from the previous year */
  filled: number;
}

/**
 * The input with the prior-year comparisons it lacks taken from `previous` (the same unit's model for the year
 * before): a statement's change is computed from its amount and the previous year's amount of the same statement.
 */
export function fillFromPreviousYear(input: Disclosure, previous: Disclosure): PreviousYearResult {
  const doc = structuredClone(input);
  const basis = previousBasis(doc.kind);
  let filled = 0;
  const fill = (f: Fact, before: Fact | undefined) => {
    if (f.change || !f.amount || !before?.amount) return;
    f.change = makeChange(minorOf(f.amount), minorOf(before.amount), basis);
    filled++;
  };
  for (const sec of doc.narrative) {
    const prevSection = previous.narrative.find((s) => s.topic === sec.topic);
    for (const f of sec.facts) {
      if (!statesChange(doc.kind, sec.topic, f.subject)) continue;
      fill(
        f,
        prevSection?.facts.find((x) => same(x.subject, f.subject)),
      );
    }
  }
  // 三公: every item but the 车辆 subtotal, which the templates explain through 购置 and 运行
  for (const f of doc.threePublic.items) {
    if (f.subject.key === 'vehicle') continue;
    fill(
      f,
      previous.threePublic.items.find((x) => x.subject.key === f.subject.key && x.amount),
    );
  }
  if (doc.operatingCosts.fact) fill(doc.operatingCosts.fact, previous.operatingCosts.fact);
  // staff: 比上年增减 from the two years' head counts
  const staff = doc.overview.staff;
  const before = previous.overview.staff;
  const pairs = [
    ['active', 'activeChange'],
    ['retired', 'retiredChange'],
    ['retiredBefore1949', 'retiredBefore1949Change'],
  ] as const;
  for (const [now, change] of pairs) {
    const a = staff[now],
      b = before[now];
    if (staff[change] || !a || !b) continue;
    const value = a.value - b.value;
    staff[change] = { value, unit: a.unit, text: `${value}${a.unit}` } satisfies Count;
    filled++;
  }
  return { doc, filled };
}

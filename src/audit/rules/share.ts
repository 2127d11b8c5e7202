// Narrative: a stated share (占X%) equals the part divided by the whole it is a share of, recomputed.
import type { Rule } from '../types.js';
import type { Fact } from '../../model/schema.js';
import { checkPercent, factPlace, formatPercent, percentValue, wan } from '../support.js';

/** Subjects that open a 其中 list and serve as the whole for the shares after them. */
const WHOLE_KINDS = new Set(['total', 'income', 'expenditure', 'fiscalAppropriation', 'generalBudget']);

function isWhole(f: Fact): boolean {
  return Boolean(f.amount) && (WHOLE_KINDS.has(f.subject.kind) || (f.subject.kind === 'threePublic' && f.subject.key === 'total'));
}

/** The printed shares of the facts after `whole` (until the next whole) add up to exactly 100%. */
function sharesAddUpTo100(facts: Fact[], whole: Fact): boolean {
  const start = facts.indexOf(whole);
  const shares: Array<{ minor: number; scale: number }> = [];
  for (const f of facts.slice(start + 1)) {
    if (isWhole(f) && !f.share) break;
    if (f.share) shares.push(f.share);
  }
  if (shares.length < 2) return false;
  const scale = Math.max(...shares.map((p) => p.scale));
  return shares.reduce((sum, p) => sum + p.minor * 10 ** (scale - p.scale), 0) === 100 * 10 ** scale;
}

export const rule: Rule = {
  meta: {
    id: 'share',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'A stated share (占X%) equals the amount divided by the total stated before it, to the printed precision. Shares of one ' +
        'whole adjusted by one last-digit step so that they add up to exactly 100% are rounding, not an error.',
    },
    messages: ['shareMismatch'],
  },
  check({ doc, report }) {
    for (const section of doc.narrative) {
      let whole: Fact | undefined;
      for (const fact of section.facts) {
        // a whole may itself carry a share of something stated elsewhere; it is the whole for the facts after it
        const previousWhole = whole;
        if (isWhole(fact)) whole = fact;
        if (!fact.share || !fact.amount || !previousWhole?.amount || previousWhole.amount.minor === 0 || previousWhole === fact) continue;
        if (fact.subject.kind === previousWhole.subject.kind && fact.subject.key === previousWhole.subject.key) continue;
        const r = checkPercent(fact.share, wan(fact.amount), wan(previousWhole.amount));
        if (r.ok) continue;
        // shares of one whole are often rounded so that they add up to exactly 100%: one last-digit step is rounding
        const unit = 10 ** -fact.share.scale;
        if (Math.abs(r.computed - percentValue(fact.share)) <= r.allowance + unit && sharesAddUpTo100(section.facts, previousWhole)) continue;
        const expected = formatPercent(r.computed, fact.share.scale);
        report({
          messageId: 'shareMismatch',
          data: { label: fact.label, whole: previousWhole.label, expected, actual: fact.share.text },
          location: factPlace(section, fact),
          related: [factPlace(section, previousWhole)],
          expected,
          actual: fact.share.text,
          tolerance: `±${r.allowance.toFixed(4)}%`,
        });
      }
    }
  },
};

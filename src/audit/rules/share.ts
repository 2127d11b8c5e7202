// Narrative: a stated share (占X%) equals the part divided by the whole it is a share of, recomputed.
import type { Rule } from '../types.js';
import type { Fact } from '../../model/schema.js';
import { checkPercent, factPlace, formatPercent, wan } from '../support.js';

/** Subjects that open a 其中 list and serve as the whole for the shares after them. */
const WHOLE_KINDS = new Set(['total', 'income', 'expenditure', 'fiscalAppropriation', 'generalBudget']);

function isWhole(f: Fact): boolean {
  return Boolean(f.amount) && !f.share && (WHOLE_KINDS.has(f.subject.kind) || (f.subject.kind === 'threePublic' && f.subject.key === 'total'));
}

export const rule: Rule = {
  meta: {
    id: 'share',
    category: 'narrative',
    severity: 'error',
    docs: { description: 'A stated share (占X%) equals the amount divided by the total stated before it, to the printed precision.' },
    messages: ['shareMismatch'],
  },
  check({ doc, report }) {
    for (const section of doc.narrative) {
      let whole: Fact | undefined;
      for (const fact of section.facts) {
        if (isWhole(fact)) whole = fact;
        if (!fact.share || !fact.amount || !whole?.amount || whole.amount.minor === 0) continue;
        const r = checkPercent(fact.share, wan(fact.amount), wan(whole.amount));
        if (r.ok) continue;
        const expected = formatPercent(r.computed, fact.share.scale);
        report({
          messageId: 'shareMismatch',
          data: { label: fact.label, whole: whole.label, expected, actual: fact.share.text },
          location: factPlace(section, fact),
          related: [factPlace(section, whole)],
          expected,
          actual: fact.share.text,
          tolerance: `±${r.allowance.toFixed(4)}%`,
        });
      }
    }
  },
};

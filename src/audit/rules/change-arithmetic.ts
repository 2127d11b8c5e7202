// Narrative: a year-on-year change agrees with itself — the direction words match, and the rate equals
// change / (current − change) (or change / (current + change) for a decrease).
import type { Rule } from '../types.js';
import type { Fact } from '../../model/schema.js';
import { checkPercent, factPlace, formatPercent, uniqueFacts, wan } from '../support.js';
import { atScale } from '../../model/money.js';

const UP = /增加|增长|上升|提高/;
const DOWN = /减少|下降|降低|减/;

function sameSubject(a: Fact, b: Fact): boolean {
  return (
    a.subject.kind === b.subject.kind &&
    (a.subject.key ?? '') === (b.subject.key ?? '') &&
    (a.subject.code ?? '') === (b.subject.code ?? '')
  );
}

export const rule: Rule = {
  meta: {
    id: 'change-arithmetic',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'A stated change is consistent: the amount word (增加/减少) and the rate word (增长/下降) point the same way, ' +
        'and the printed rate equals change ÷ previous year, where previous year = current − change (increase) or current + change (decrease).',
    },
    messages: ['changeWordsConflict', 'changeRateMismatch'],
  },
  check({ doc, report }) {
    const facts = uniqueFacts(doc);
    for (const { section, fact } of facts) {
      const change = fact.change;
      if (!change) continue;
      const place = factPlace(section, fact);
      if (
        change.rateWord &&
        ((UP.test(change.word) && DOWN.test(change.rateWord)) || (DOWN.test(change.word) && UP.test(change.rateWord)))
      ) {
        report({
          messageId: 'changeWordsConflict',
          data: { label: fact.label, word: change.word, rateWord: change.rateWord },
          location: place,
          expected: change.word,
          actual: change.rateWord,
        });
      }
      if (!change.amount || !change.percent) continue;
      // the current figure: stated with the change, or in another statement of the same subject in this section
      // (an unnamed subject, kind other, is no subject: another "other" statement is not the same figure)
      const current =
        fact.amount ??
        (fact.subject.kind === 'other'
          ? undefined
          : facts.find((f) => f.section === section && f.fact.amount && sameSubject(f.fact, fact))?.fact.amount);
      if (!current) continue;
      const cur = wan(current);
      const delta = wan(change.amount);
      // the change read as the current figure itself, or a label without a word: the sentence was misread, not misprinted
      if (atScale(cur, Math.max(cur.scale, delta.scale)) === Math.abs(atScale(delta, Math.max(cur.scale, delta.scale))))
        continue;
      if (!/[\u4e00-\u9fff]/.test(fact.label)) continue;
      const scale = Math.max(cur.scale, delta.scale);
      const sign = change.direction === 'decrease' ? 1 : -1;
      const previous = { minor: atScale(cur, scale) + sign * Math.abs(atScale(delta, scale)), scale };
      if (previous.minor <= 0) continue;
      // the previous year is derived: its rounding is that of the current figure and of the change together
      const deltaHalf = 0.5 * 10 ** -delta.scale;
      const r = checkPercent(change.percent, { minor: Math.abs(delta.minor), scale: delta.scale }, previous, {
        part: deltaHalf,
        whole: 0.5 * 10 ** -cur.scale + deltaHalf,
      });
      if (r.ok) continue;
      const expected = formatPercent(r.computed, change.percent.scale);
      report({
        messageId: 'changeRateMismatch',
        data: { label: fact.label, expected, actual: change.percent.text },
        location: place,
        expected,
        actual: change.percent.text,
        tolerance: `±${r.allowance.toFixed(4)}%`,
      });
    }
  },
};

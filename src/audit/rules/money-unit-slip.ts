// Names and units: an amount printed with the wrong unit (万元 for 元 or the reverse) next to the table that holds it.
import type { Rule } from '../types.js';
import { resolveFigure } from '../figures.js';
import { amountText, factPlace, uniqueFacts } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'money-unit-slip',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        'An amount in the narrative carries the unit of its table: the same digits printed with 元 instead of 万元 (or the reverse) are a unit slip.',
    },
    messages: ['unitSlip'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (!fact.amount || fact.amount.minor === 0) continue;
      const figure = resolveFigure(doc, fact.subject, section?.topic);
      if (!figure) continue;
      const a = fact.amount;
      const b = figure.amount;
      if (a.unit === b.unit || a.minor !== b.minor || a.scale !== b.scale) continue;
      report({
        messageId: 'unitSlip',
        data: { label: fact.label, expected: `${b.text || a.text}${b.unit}`, actual: `${a.text}${a.unit}` },
        location: factPlace(section, fact),
        related: [figure.place],
        expected: amountText(b),
        actual: amountText(a),
      });
    }
  },
};

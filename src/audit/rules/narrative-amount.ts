// Narrative against tables: every amount the 情况说明 states equals the table figure it names.
import type { Rule } from '../types.js';
import { resolveFigure } from '../figures.js';
import { amountText, compareEqual, factPlace, isSingleProject, uniqueFacts } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'narrative-amount',
    category: 'narrative',
    severity: 'error',
    docs: { description: 'Every amount stated in the narrative (totals, funds, 基本/项目, classes, 人员/公用, 三公 items…) equals the table figure it names.' },
    messages: ['narrativeAmountMismatch'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (!fact.amount || isSingleProject(fact)) continue;
      const figure = resolveFigure(doc, fact.subject, section?.topic);
      if (!figure) continue;
      const c = compareEqual(fact.amount, figure.amount);
      if (c.ok) continue;
      // the same digits in the other unit is a 万元/元 slip, reported by money-unit-slip
      if (fact.amount.unit !== figure.amount.unit && fact.amount.minor === figure.amount.minor && fact.amount.scale === figure.amount.scale) continue;
      report({
        messageId: 'narrativeAmountMismatch',
        data: { label: fact.label, expected: c.expected, actual: amountText(fact.amount), table: figure.place.table ?? '' },
        location: factPlace(section, fact),
        related: [figure.place],
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

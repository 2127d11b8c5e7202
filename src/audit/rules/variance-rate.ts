// Narrative (决算): the printed 预决算差异率 equals (决算 − 预算) ÷ 预算, and its sign matches the words.
import type { Rule } from '../types.js';
import { checkPercent, factPlace, formatPercent, uniqueFacts, wan } from '../support.js';
import { atScale } from '../../model/money.js';

export const rule: Rule = {
  meta: {
    id: 'variance-rate',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'In a final account the stated 预决算差异率 equals (决算数 − 预算数) ÷ 预算数; no rate is stated against a zero budget.',
    },
    messages: ['varianceRateMismatch', 'varianceAgainstZero'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (!fact.varianceRate || !fact.amount || !fact.budgetAmount) continue;
      const actual = wan(fact.amount);
      const budget = wan(fact.budgetAmount);
      if (budget.minor === 0) {
        // 0.00% of a zero budget with nothing spent says nothing wrong
        if (actual.minor === 0 && fact.varianceRate.minor === 0) continue;
        report({
          messageId: 'varianceAgainstZero',
          data: { label: fact.label, actual: fact.varianceRate.text },
          location: factPlace(section, fact),
          actual: fact.varianceRate.text,
          expected: '不计算差异率',
        });
        continue;
      }
      const scale = Math.max(actual.scale, budget.scale);
      const diff = { minor: atScale(actual, scale) - atScale(budget, scale), scale };
      // the printed rate may carry its sign or leave it to the words; compare magnitudes and, when signed, the sign
      const printed = fact.varianceRate;
      const budgetHalf = 0.5 * 10 ** -budget.scale;
      const r = checkPercent(
        { ...printed, minor: Math.abs(printed.minor) },
        { minor: Math.abs(diff.minor), scale },
        budget,
        { part: 0.5 * 10 ** -actual.scale + budgetHalf, whole: budgetHalf },
      );
      const signWrong =
        printed.minor !== 0 &&
        diff.minor !== 0 &&
        printed.minor < 0 !== diff.minor < 0 &&
        /^-/.test(printed.text.trim());
      if (r.ok && !signWrong) continue;
      const expected = formatPercent((diff.minor < 0 ? -1 : 1) * r.computed, printed.scale);
      report({
        messageId: 'varianceRateMismatch',
        data: { label: fact.label, expected, actual: printed.text },
        location: factPlace(section, fact),
        expected,
        actual: printed.text,
        tolerance: `±${r.allowance.toFixed(4)}%`,
      });
    }
  },
};

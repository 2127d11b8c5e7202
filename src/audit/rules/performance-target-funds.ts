// Performance targets: 年度资金总额 = 财政拨款 + 其他资金.
import type { Rule } from '../types.js';
import { compareSum, placeOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'performance-target-funds',
    category: 'narrative',
    severity: 'warning',
    docs: { description: '项目支出绩效目标表: 年度资金总额 equals 财政拨款 + 其他资金.' },
    messages: ['targetFundsMismatch'],
  },
  check({ doc, report }) {
    for (const t of doc.performance.targets) {
      if (!t.totalFunds || !t.fiscalFunds) continue;
      const parts = t.otherFunds ? [t.fiscalFunds, t.otherFunds] : [t.fiscalFunds];
      const c = compareSum(t.totalFunds, parts);
      if (c.ok) continue;
      report({
        messageId: 'targetFundsMismatch',
        data: { project: t.project, expected: c.expected, actual: c.actual },
        location: placeOf(t.at, '预算绩效'),
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

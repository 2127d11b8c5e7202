// Overview: 实有人数 = 在职 + 退休 + 离休.
import type { Rule } from '../types.js';
import { placeOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'staff-count',
    category: 'narrative',
    severity: 'warning',
    docs: { description: '概况: the 实有人数 equals 在职 + 退休 + 离休.' },
    messages: ['staffCountMismatch'],
  },
  check({ doc, report }) {
    const s = doc.overview.staff;
    if (!s.actual || !s.active) return;
    const sum = s.active.value + (s.retired?.value ?? 0) + (s.retiredBefore1949?.value ?? 0);
    if (sum === s.actual.value) return;
    report({
      messageId: 'staffCountMismatch',
      data: { expected: s.actual.value, actual: sum },
      location: placeOf(s.actual.at ?? s.at, '机构设置及人员情况'),
      expected: `${s.actual.value}人`,
      actual: `${sum}人`,
    });
  },
};

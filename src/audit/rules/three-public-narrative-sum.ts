// Narrative: the 三公 total stated equals 出国 + 车辆购置 + 车辆运行 + 接待 as stated.
import type { Rule } from '../types.js';
import type { Amount, Fact } from '../../model/schema.js';
import { compareSum, factPlace, sectionOfLine } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'three-public-narrative-sum',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'The 三公 total in the narrative equals the sum of its items (出国, 公务用车购置 and 运行 or their 小计, 接待); the 车辆 小计 equals 购置 + 运行.',
    },
    messages: ['threePublicSumMismatch'],
  },
  check({ doc, report }) {
    // the current-year amounts (a 决算 also states budget figures; those carry budgetAmount, not amount)
    const byKey = (key: string): Fact | undefined =>
      doc.threePublic.items.find((f) => f.subject.key === key && f.amount);
    const check = (total: Fact | undefined, parts: Array<Fact | undefined>) => {
      const present = parts.filter((p): p is Fact => Boolean(p));
      if (!total || present.length !== parts.length) return;
      const c = compareSum(
        total.amount!,
        present.map((p) => p.amount as Amount),
      );
      if (c.ok) return;
      report({
        messageId: 'threePublicSumMismatch',
        data: { label: total.label, expected: c.expected, actual: c.actual },
        location: factPlace(sectionOfLine(doc, total.at.line), total),
        related: present.map((p) => factPlace(sectionOfLine(doc, p.at.line), p)),
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    };
    const vehicle = byKey('vehicle');
    const purchase = byKey('vehiclePurchase');
    const operation = byKey('vehicleOperation');
    check(byKey('total'), [byKey('overseas'), ...(vehicle ? [vehicle] : [purchase, operation]), byKey('reception')]);
    if (vehicle) check(vehicle, [purchase, operation]);
  },
};

// Narrative: the vehicles listed by category add up to the stated number of vehicles and their value.
import type { Rule } from '../types.js';
import type { Amount } from '../../model/schema.js';
import { compareSum, placeOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'vehicle-categories',
    category: 'narrative',
    severity: 'warning',
    docs: {
      description:
        '国有资产占用: the vehicles by category (一般公务用车, 执法执勤用车, 其他…) add up to the total number of vehicles and to their value.',
    },
    messages: ['vehicleCountMismatch', 'vehicleValueMismatch'],
  },
  check({ doc, report }) {
    const a = doc.assets;
    if (a.vehicleCategories.length === 0) return;
    const location = placeOf(a.vehicles?.at ?? a.at, '国有资产占用情况');
    if (a.vehicles) {
      const sum = a.vehicleCategories.reduce((s, c) => s + c.count.value, 0);
      if (sum !== a.vehicles.value) {
        report({
          messageId: 'vehicleCountMismatch',
          data: { expected: a.vehicles.value, actual: sum },
          location,
          expected: `${a.vehicles.value}${a.vehicles.unit}`,
          actual: `${sum}${a.vehicles.unit}`,
        });
      }
    }
    const values = a.vehicleCategories.map((c) => c.value).filter((v): v is Amount => Boolean(v));
    if (a.vehiclesValue && values.length === a.vehicleCategories.length) {
      const c = compareSum(a.vehiclesValue, values);
      if (!c.ok)
        report({
          messageId: 'vehicleValueMismatch',
          data: { expected: c.actual, actual: c.expected },
          location,
          expected: c.actual,
          actual: c.expected,
          tolerance: c.tolerance,
        });
    }
  },
};

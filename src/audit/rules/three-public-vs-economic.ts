// Across tables: a 三公 item covers basic and project spending, so it is at least the matching economic 款 of the
// basic expenditure table (公务接待费 ≥ 30217, 公务用车运行维护费 ≥ 30231, 因公出国(境)费 ≥ 30212, 公务用车购置 ≥ 31013).
import type { Rule } from '../types.js';
import { THREE_PUBLIC_ECONOMIC_CODE, THREE_PUBLIC_NAME, type ThreePublicItem } from '../../catalog/three-public.js';
import { amountText, cellAmount, exceeds, findTable, rowPlace } from '../support.js';

/** Each 三公 item and the economic 款 of the same spending (部门预算支出经济分类). */
const LINKS = (Object.entries(THREE_PUBLIC_ECONOMIC_CODE) as [ThreePublicItem, string][]).map(([key, code]) => ({
  key,
  name: THREE_PUBLIC_NAME[key],
  code,
}));

export const rule: Rule = {
  meta: {
    id: 'three-public-vs-economic',
    category: 'cross-table',
    severity: 'warning',
    docs: {
      description:
        'A 三公 item in the 三公 table is not less than the matching economic 款 of the basic expenditure table (the 三公 figure covers ' +
        'basic and project spending): 公务接待费 ≥ 30217, 公务用车运行费 ≥ 30231, 因公出国(境)费 ≥ 30212, 公务用车购置费 ≥ 31013.',
    },
    messages: ['threePublicBelowEconomic'],
  },
  check({ doc, report }) {
    const threePublic = findTable(doc, 'three-public');
    const basic = findTable(doc, 'general-budget-basic-expenditure');
    if (!threePublic || !basic || threePublic.status !== 'present' || basic.status !== 'present') return;
    const row = threePublic.rows.find((r) => r.cells.some((c) => c.amount));
    if (!row) return;
    for (const link of LINKS) {
      const economicRow = basic.rows.find(
        (r) => r.classification?.system === 'economic' && r.classification.code === link.code,
      );
      const economic = economicRow ? cellAmount(economicRow, 'total') : null;
      if (!economicRow || !economic || economic.minor === 0) continue;
      const item = cellAmount(row, link.key) ?? { minor: 0, scale: economic.scale, unit: economic.unit, text: '0' };
      if (!exceeds(economic, item)) continue;
      report({
        messageId: 'threePublicBelowEconomic',
        data: { item: link.name, code: link.code, expected: amountText(economic), actual: amountText(item) },
        location: rowPlace(threePublic, row),
        related: [rowPlace(basic, economicRow)],
        expected: `≥ ${amountText(economic)}`,
        actual: amountText(item),
      });
    }
  },
};

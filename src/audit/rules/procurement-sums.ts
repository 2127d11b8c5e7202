// Narrative: 政府采购 货物 + 工程 + 服务 = 总额; 中小企业 ≤ 总额; 小微企业 ≤ 中小企业; the SME share recomputes.
import type { Rule } from '../types.js';
import { amountText, checkPercent, compareSum, exceeds, formatPercent, placeOf, wan } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'procurement-sums',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        '政府采购: 货物 + 工程 + 服务 = 总额; 中小企业 ≤ 总额; 小微企业 ≤ 中小企业; 中小企业 share = 中小企业 ÷ 总额.',
    },
    messages: ['procurementSumMismatch', 'procurementPartExceeds', 'procurementShareMismatch'],
  },
  check({ doc, report }) {
    const p = doc.procurement;
    const location = placeOf(p.at ?? p.total?.at, '政府采购情况');
    if (p.total && p.goods && p.works && p.services) {
      const c = compareSum(p.total, [p.goods, p.works, p.services]);
      if (!c.ok)
        report({
          messageId: 'procurementSumMismatch',
          data: { expected: c.expected, actual: c.actual },
          location,
          expected: c.expected,
          actual: c.actual,
          tolerance: c.tolerance,
        });
    }
    const pairs: Array<[typeof p.sme, typeof p.total, string, string]> = [
      [p.sme, p.total, '中小企业', '采购总额'],
      [p.smallMicro, p.sme, '小微企业', '中小企业'],
    ];
    for (const [part, whole, partName, wholeName] of pairs) {
      if (!part || !whole || !exceeds(part, whole)) continue;
      report({
        messageId: 'procurementPartExceeds',
        data: { part: partName, whole: wholeName, expected: amountText(whole), actual: amountText(part) },
        location,
        expected: `≤ ${amountText(whole)}`,
        actual: amountText(part),
      });
    }
    if (p.smeShare && p.sme && p.total && p.total.minor !== 0) {
      const r = checkPercent(p.smeShare, wan(p.sme), wan(p.total));
      if (!r.ok) {
        const expected = formatPercent(r.computed, p.smeShare.scale);
        report({
          messageId: 'procurementShareMismatch',
          data: { expected, actual: p.smeShare.text },
          location,
          expected,
          actual: p.smeShare.text,
          tolerance: `±${r.allowance.toFixed(4)}%`,
        });
      }
    }
  },
};

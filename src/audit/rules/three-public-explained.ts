// Completeness: the 三公 explanation states each item (出国, 车辆购置, 车辆运行, 接待) with its change and the reason.
import type { Rule } from '../types.js';
import { factPlace, isZero, sectionOfLine, templateOf } from '../support.js';

const ITEMS: Array<{ key: string; name: string }> = [
  { key: 'overseas', name: '因公出国(境)费' },
  { key: 'vehiclePurchase', name: '公务用车购置费' },
  { key: 'vehicleOperation', name: '公务用车运行费' },
  { key: 'reception', name: '公务接待费' },
];

export const rule: Rule = {
  meta: {
    id: 'three-public-explained',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'The 三公 explanation states every item with its amount, its change on the previous year (a final account may compare it with ' +
        'its budget instead) and the reason (财预〔2016〕143号).',
    },
    messages: ['threePublicMissing', 'threePublicItemMissing', 'threePublicChangeMissing', 'threePublicReasonMissing'],
  },
  check({ doc, report }) {
    const items = doc.threePublic.items;
    const threePublicTable = doc.tables.find((t) => t.status === 'present' && templateOf(t)?.layout === 'single-row');
    if (items.length === 0) {
      if (threePublicTable || doc.kind === 'budget') report({ messageId: 'threePublicMissing', location: { section: '情况说明' }, expected: '三公经费说明', actual: '无' });
      return;
    }
    const first = items[0];
    for (const item of ITEMS) {
      const stated = items.filter((f) => f.subject.key === item.key);
      if (stated.length === 0) {
        report({ messageId: 'threePublicItemMissing', data: { item: item.name }, location: factPlace(sectionOfLine(doc, first.at.line), first), expected: item.name, actual: '未说明' });
        continue;
      }
      // a change stated for 公务用车购置及运行费 as one item covers its 购置 and 运行 parts
      const combined = item.key.startsWith('vehicle') ? items.filter((f) => f.subject.key === 'vehicle') : [];
      // a final account may explain each item against its budget (预算数 / 决算数) instead of the previous year
      const compared = (f: (typeof items)[number]) => Boolean(f.change || (doc.kind === 'final_account' && f.budgetAmount));
      const withChange = stated.find(compared) ?? combined.find(compared);
      if (!withChange) {
        report({ messageId: 'threePublicChangeMissing', data: { item: item.name }, location: factPlace(sectionOfLine(doc, stated[0].at.line), stated[0]), expected: '增减变化', actual: '未说明' });
        continue;
      }
      const changed = withChange.change
        ? !isZero(withChange.change.amount) || (withChange.change.percent && withChange.change.percent.minor !== 0)
        : withChange.amount && withChange.budgetAmount && withChange.amount.minor * 10 ** withChange.budgetAmount.scale !== withChange.budgetAmount.minor * 10 ** withChange.amount.scale;
      if (changed && !stated.some((f) => f.reason) && !combined.some((f) => f.reason)) {
        report({ messageId: 'threePublicReasonMissing', data: { item: item.name }, location: factPlace(sectionOfLine(doc, withChange.at.line), withChange), expected: '增减原因', actual: '未说明' });
      }
    }
  },
};

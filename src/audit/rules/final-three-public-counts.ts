// Completeness (决算): the 三公 explanation states groups/people abroad, vehicles bought/held, reception batches/people.
import type { Rule } from '../types.js';
import type { ThreePublicItemKey } from '../../model/schema.js';
import { factPlace, isZero, sectionOfLine } from '../support.js';

type CountKey =
  'overseasGroups' | 'overseasPeople' | 'vehiclesPurchased' | 'vehiclesHeld' | 'receptionBatches' | 'receptionPeople';

/** Each count and the item whose spending it explains (a count is not required when that spending is zero). */
const COUNTS: Array<{ key: CountKey; name: string; item?: ThreePublicItemKey }> = [
  { key: 'overseasGroups', name: '因公出国(境)团组数', item: 'overseas' },
  { key: 'overseasPeople', name: '因公出国(境)人次', item: 'overseas' },
  { key: 'vehiclesPurchased', name: '公务用车购置数', item: 'vehiclePurchase' },
  { key: 'vehiclesHeld', name: '公务用车保有量' },
  { key: 'receptionBatches', name: '国内公务接待批次', item: 'reception' },
  { key: 'receptionPeople', name: '国内公务接待人次', item: 'reception' },
];

export const rule: Rule = {
  meta: {
    id: 'final-three-public-counts',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'A final account states 出国团组数/人次, 公务用车购置数/保有量 and 国内公务接待批次/人次 (中办发〔2016〕13号).',
    },
    messages: ['finalCountMissing'],
  },
  check({ doc, report }) {
    if (doc.kind !== 'final_account' || doc.threePublic.items.length === 0) return;
    const tp = doc.threePublic;
    const first = tp.items[0];
    for (const c of COUNTS) {
      if (tp[c.key]) continue;
      if (c.item) {
        const item = tp.items.find((f) => f.subject.key === c.item);
        if (item && isZero(item.amount)) continue;
      }
      report({
        messageId: 'finalCountMissing',
        data: { item: c.name },
        location: factPlace(sectionOfLine(doc, first.at.line), first),
        expected: c.name,
        actual: '未说明',
      });
    }
  },
};

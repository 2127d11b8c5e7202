// Completeness: every stated increase or decrease ("比上年增加/减少") gives its 主要原因.
import type { Rule } from '../types.js';
import { factPlace, isZero, uniqueFacts } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'change-reason',
    category: 'completeness',
    severity: 'warning',
    docs: {
      description:
        'Every year-on-year increase or decrease stated in the narrative is followed by its main reason (主要原因).',
    },
    messages: ['changeWithoutReason'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      const change = fact.change;
      if (!change || change.direction === 'flat' || fact.reason) continue;
      if (isZero(change.amount) && (!change.percent || change.percent.minor === 0)) continue;
      // a 三公 total whose change is explained item by item has its reasons
      if (
        fact.subject.kind === 'threePublic' &&
        fact.subject.key === 'total' &&
        doc.threePublic.items.some((f) => f.subject.key !== 'total' && f.change && f.reason)
      )
        continue;
      report({
        messageId: 'changeWithoutReason',
        data: { label: fact.label, word: change.word },
        location: factPlace(section, fact),
        expected: '主要原因',
        actual: '未说明',
      });
    }
  },
};

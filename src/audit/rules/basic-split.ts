// Narrative: 人员经费 + 公用经费 = 基本支出, as stated in the narrative.
import type { Rule } from '../types.js';
import type { Fact, NarrativeSection } from '../../model/schema.js';
import { compareSum, factPlace } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'basic-split',
    category: 'narrative',
    severity: 'error',
    docs: { description: 'The 人员经费 and 公用经费 stated in the narrative add up to the 基本支出 stated with them.' },
    messages: ['basicSplitMismatch'],
  },
  check({ doc, report }) {
    for (const section of doc.narrative) {
      const find = (kind: string): Fact | undefined => section.facts.find((f) => f.subject.kind === kind && f.amount);
      const personnel = find('personnel');
      const pub = find('public');
      if (!personnel || !pub) continue;
      const basicHere = find('basic');
      let basicSection: NarrativeSection | undefined = section;
      let basic = basicHere;
      if (!basic) {
        basicSection = doc.narrative.find((s) => s.topic === 'basic' || s.topic === 'generalBudget');
        basic = basicSection?.facts.find((f) => f.subject.kind === 'basic' && f.amount);
      }
      if (!basic) continue;
      const c = compareSum(basic.amount!, [personnel.amount!, pub.amount!]);
      if (c.ok) continue;
      report({
        messageId: 'basicSplitMismatch',
        data: { expected: c.actual, actual: c.expected },
        location: factPlace(section, personnel),
        related: [factPlace(section, pub), factPlace(basicSection, basic)],
        expected: c.actual,
        actual: c.expected,
        tolerance: c.tolerance,
      });
    }
  },
};

// Narrative: no doubled words from editing ("增加增加", "万元万元", "的的").
import type { Rule } from '../types.js';
import { allParagraphs, placeInParagraph, sectionName } from '../support.js';

const DOUBLED = /(增加|减少|增长|下降|万元|主要|其中|用于|支出|的)\1/g;

export const rule: Rule = {
  meta: {
    id: 'duplicated-words',
    category: 'narrative',
    severity: 'info',
    docs: { description: 'The narrative has no doubled words left from editing ("增加增加", "万元万元", "的的").' },
    messages: ['duplicatedWord'],
  },
  check({ doc, report }) {
    for (const p of allParagraphs(doc)) {
      const compact = p.text;
      for (const m of compact.matchAll(DOUBLED)) {
        report({
          messageId: 'duplicatedWord',
          data: { actual: m[0] },
          location: {
            section: p.section ? sectionName(p.section) : undefined,
            ...placeInParagraph(p.at, p.text, m.index ?? 0),
          },
          expected: m[1],
          actual: m[0],
        });
      }
    }
  },
};

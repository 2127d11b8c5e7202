// Names: fund and category words are the official ones ("国有资本经营预算", not "国有资金经营预算").
import type { Rule } from '../types.js';
import { allParagraphs, placeInParagraph, sectionName } from '../support.js';

/** Wrong word → the official word. */
const WRONG_WORDS: Array<{ wrong: RegExp; right: string }> = [
  { wrong: /国有资金经营/g, right: '国有资本经营' },
  { wrong: /国有资产经营预算/g, right: '国有资本经营预算' },
  { wrong: /一般公共财政预算/g, right: '一般公共预算' },
  { wrong: /政府基金预算/g, right: '政府性基金预算' },
];

export const rule: Rule = {
  meta: {
    id: 'category-word',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'Fund names use the official words: 国有资本经营预算 (not 国有资金经营), 一般公共预算, 政府性基金预算.',
    },
    messages: ['wrongCategoryWord'],
  },
  check({ doc, report }) {
    const texts = [
      ...allParagraphs(doc).map((p) => ({
        text: p.text,
        at: p.at,
        section: p.section ? sectionName(p.section) : undefined,
      })),
      ...doc.tables.map((t) => ({ text: t.emptyStatement?.text ?? '', at: t.emptyStatement?.at, section: t.title })),
    ];
    for (const t of texts) {
      for (const w of WRONG_WORDS) {
        for (const m of t.text.matchAll(w.wrong)) {
          report({
            messageId: 'wrongCategoryWord',
            data: { expected: w.right, actual: m[0] },
            location: { section: t.section, ...placeInParagraph(t.at, t.text, m.index ?? 0) },
            expected: w.right,
            actual: m[0],
          });
        }
      }
    }
  },
};

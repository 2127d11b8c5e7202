// Names: income is described by its source (一般公共预算拨款, 事业收入 …), not by a function class (一般公共服务 …).
import type { Rule } from '../types.js';
import { functionClassByName } from '../../catalog/codes.js';
import { allParagraphs, factPlace, placeInParagraph, sectionName, uniqueFacts } from '../support.js';

/** "收入预算包括：X…" / "收入包括：X…" — the items listed after it. */
const INCOME_LIST = /收入(?:预算)?(?:主要)?包括[:：]\s*([^。；;]*)/g;

export const rule: Rule = {
  meta: {
    id: 'income-by-fund',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'An income statement names income sources (一般公共预算拨款, 政府性基金预算拨款, 事业收入…), not function classes of expenditure (一般公共服务…).',
    },
    messages: ['incomeByFunction'],
  },
  check({ doc, report }) {
    const reportedLines = new Set<number>();
    for (const p of allParagraphs(doc)) {
      for (const m of p.text.matchAll(INCOME_LIST)) {
        const items = m[1]
          .split(/[、，,]/)
          .map((x) =>
            x
              .replace(/[\d.\s万元亿]+$/g, '')
              .replace(/\d[\d.\s]*万?元.*$/, '')
              .trim(),
          )
          .filter(Boolean);
        for (const item of items) {
          const cls = functionClassByName(item, doc.year);
          if (!cls) continue;
          const place = placeInParagraph(p.at, p.text, m.index ?? 0);
          if (place.line) reportedLines.add(place.line);
          report({
            messageId: 'incomeByFunction',
            data: { actual: item, cls: `${cls.code} ${cls.name}` },
            location: { section: p.section ? sectionName(p.section) : undefined, ...place },
            expected: '按资金来源列示（如一般公共预算拨款）',
            actual: item,
          });
        }
      }
    }
    // the same, when the parser recorded the item as a fact of an income statement
    for (const { section, fact } of uniqueFacts(doc)) {
      if (fact.subject.kind !== 'function' || reportedLines.has(fact.at.line)) continue;
      if (!/^收入/.test(fact.text.replace(/\s+/g, '')) && !/收入(预算)?(主要)?包括/.test(fact.text)) continue;
      report({
        messageId: 'incomeByFunction',
        data: { actual: fact.label, cls: fact.subject.code ?? '' },
        location: factPlace(section, fact),
        expected: '按资金来源列示（如一般公共预算拨款）',
        actual: fact.label,
      });
    }
  },
};

// Narrative against tables: every amount the 情况说明 states equals the table figure it names.
import type { Rule } from '../types.js';
import { resolveFigure, sameQuantity } from '../figures.js';
import type { Fact, NarrativeSection } from '../../model/schema.js';
import { amountText, compactText, compareEqual, factPlace, isSingleProject, uniqueFacts } from '../support.js';

/**
 * "项目支出 … 万元，其中：一般公共服务支出 417.41 万元": a class named after 其中 in a sentence about 项目支出 (or 基本支出)
 * states that part of the class, not the class total of the table.
 */
function partOfSpending(section: NarrativeSection | undefined, fact: Fact): boolean {
  const own = compactText(fact.text);
  for (const p of section?.paragraphs ?? []) {
    const text = compactText(p.text);
    const at = text.indexOf(own.slice(0, 12));
    if (at < 0) continue;
    const before = text.slice(Math.max(0, at - 160), at + Math.min(own.length, 12));
    const sentence = before.slice(before.lastIndexOf('。') + 1);
    if (/其中/.test(sentence) && /(项目|基本)支出/.test(sentence.slice(0, sentence.lastIndexOf('其中')))) return true;
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'narrative-amount',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'Every amount stated in the narrative (totals, funds, 基本/项目, classes, 人员/公用, 三公 items…) equals the table figure it names, ' +
        'compared only between the same subject and kind of quantity: a sentence about 会议费/培训费, 上年 or 上年结转, a 预算 figure in a ' +
        'final account, or the 项目支出 part of a class is not compared with the row total.',
    },
    messages: ['narrativeAmountMismatch'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (!fact.amount || isSingleProject(fact)) continue;
      const figure = resolveFigure(doc, fact.subject, section?.topic);
      if (!figure) continue;
      if (!sameQuantity(fact.label, figure.row.label, doc.kind, fact.subject.kind)) continue;
      if ((fact.subject.kind === 'function' || fact.subject.kind === 'economic') && partOfSpending(section, fact)) continue;
      const c = compareEqual(fact.amount, figure.amount);
      if (c.ok) continue;
      // the same digits in the other unit is a 万元/元 slip, reported by money-unit-slip
      if (fact.amount.unit !== figure.amount.unit && fact.amount.minor === figure.amount.minor && fact.amount.scale === figure.amount.scale) continue;
      report({
        messageId: 'narrativeAmountMismatch',
        data: { label: fact.label, expected: c.expected, actual: amountText(fact.amount), table: figure.place.table ?? '' },
        location: factPlace(section, fact),
        related: [figure.place],
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

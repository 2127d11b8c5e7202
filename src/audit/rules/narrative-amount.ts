// Narrative against tables: every amount the 情况说明 states equals the table figure it names.
import type { Rule } from '../types.js';
import { resolveFigure } from '../figures.js';
import { amountText, compareEqual, factPlace, isSingleProject, uniqueFacts } from '../support.js';

const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算/g;

/**
 * Does the label name the same subject and the same kind of quantity as the table row? A sentence about 会议费 or
 * 培训费, about 上年结转 or the 上年 figure, about a 预算 figure in a final account, or about the 项目支出 (or 基本支出)
 * part of a class is not a statement of the row's amount, whatever subject the reader gave it.
 */
export function sameQuantity(label: string, row: string, kind: 'budget' | 'final_account', subjectKind: string): boolean {
  const l = label.replace(/\s+/g, '');
  const r = row.replace(/\s+/g, '');
  for (const word of [/会议费/, /培训费/]) if (word.test(l) !== word.test(r)) return false;
  if (/上年|结转|结余/.test(l) !== /上年|结转|结余/.test(r)) return false;
  if (kind === 'final_account' && /预算/.test(l.replace(FUND_NAMES, '')) && !/决算/.test(l)) return false;
  if ((subjectKind === 'function' || subjectKind === 'economic') && /(项目|基本)支出中|其中.*(项目|基本)支出/.test(l)) return false;
  return true;
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

// Narrative against itself: a figure stated in two sections (基本支出 in 三 and 五, a 项 in 五 and its project) is
// stated alike — the same amount and the same change.
import type { Rule } from '../types.js';
import type { Fact, NarrativeSection } from '../../model/schema.js';
import {
  amountText,
  compareEqual,
  factPlace,
  isSingleProject,
  partOfSpending,
  sentenceUpTo,
  uniqueFacts,
} from '../support.js';
import { onlyGeneralBudget, sameQuantity } from '../figures.js';

const ALL_FUNDS_TOPICS = new Set(['summary', 'income', 'expenditure']);
const KEYED_KINDS = new Set(['fund', 'procurement', 'threePublic']);

/**
 * Words before a procurement figure in its sentence that make it a different figure of the same key: the part paid
 * from one fund (其中一般公共预算拨款政府采购 …: 货物, 工程, 服务 again), the amount reserved for 中小企业 or 小微企业,
 * the contracts they won (中标或成交的，采购金额 …).
 */
const PROCUREMENT_QUALIFIERS = [
  /一般公共预算/,
  /政府性基金/,
  /国有资本经营/,
  /中小企业/,
  /小微企业|小型和微型/,
  /预留/,
  /中标|成交/,
];
function qualifiers(section: NarrativeSection | undefined, fact: Fact): string {
  if (fact.subject.kind !== 'procurement') return '';
  const sentence = sentenceUpTo(section, fact);
  return PROCUREMENT_QUALIFIERS.map((q) => (q.test(sentence) ? '1' : '0')).join('');
}

export const rule: Rule = {
  meta: {
    id: 'repeated-figure',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'The same figure stated in two places of the narrative has the same amount and the same year-on-year change; statements of ' +
        'different quantities (会议费 and 培训费, 上年结转 and 本年) are not compared, whatever subject they were read as.',
    },
    messages: ['repeatedAmountDiffers', 'repeatedChangeDiffers'],
  },
  check({ doc, report }) {
    const sameScope = onlyGeneralBudget(doc);
    const groups = new Map<string, Array<{ section?: NarrativeSection; fact: Fact }>>();
    for (const f of uniqueFacts(doc)) {
      const s = f.fact.subject;
      // kinds that name several figures tell them apart by key; without one two facts need not be the same figure
      if (s.kind === 'other' || (KEYED_KINDS.has(s.kind) && !s.key) || isSingleProject(f.fact)) continue;
      if ((s.kind === 'function' || s.kind === 'economic') && !s.code) continue;
      // the 项目支出 (基本支出) part of a class is not the class
      if ((s.kind === 'function' || s.kind === 'economic') && partOfSpending(f.section, f.fact)) continue;
      const scope = sameScope ? 'all' : ALL_FUNDS_TOPICS.has(f.section?.topic ?? '') ? 'all' : 'gb';
      const key = `${scope}|${s.kind}|${s.key ?? ''}|${s.code ?? ''}|${f.fact.change?.basis ?? ''}|${qualifiers(f.section, f.fact)}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      for (const other of group.slice(1)) {
        if (other.section === first.section && other.fact.at.line === first.fact.at.line) continue;
        const a = first.fact;
        const b = other.fact;
        // one subject as the reader keyed it, but the sentences speak of different quantities (会议费 and 培训费, 上年结转 and 本年)
        if (
          !sameQuantity(a.label, b.label, doc.kind, a.subject.kind) ||
          !sameQuantity(b.label, a.label, doc.kind, b.subject.kind)
        )
          continue;
        if (a.amount && b.amount) {
          const c = compareEqual(b.amount, a.amount);
          if (!c.ok) {
            report({
              messageId: 'repeatedAmountDiffers',
              data: { label: b.label, expected: amountText(a.amount), actual: amountText(b.amount) },
              location: factPlace(other.section, b),
              related: [factPlace(first.section, a)],
              expected: c.expected,
              actual: c.actual,
              tolerance: c.tolerance,
            });
          }
        }
        if (a.change?.amount && b.change?.amount) {
          const c = compareEqual(b.change.amount, a.change.amount);
          const directionDiffers = a.change.direction !== b.change.direction && a.change.amount.minor !== 0;
          const percentDiffers =
            a.change.percent &&
            b.change.percent &&
            a.change.percent.text.replace(/\s/g, '') !== b.change.percent.text.replace(/\s/g, '');
          if (!c.ok || directionDiffers || percentDiffers) {
            const describe = (f: Fact) =>
              `${f.change!.word}${f.change!.amount!.text}${f.change!.amount!.unit}${f.change!.percent ? `，${f.change!.rateWord ?? ''}${f.change!.percent.text}` : ''}`;
            report({
              messageId: 'repeatedChangeDiffers',
              data: { label: b.label, expected: describe(a), actual: describe(b) },
              location: factPlace(other.section, b),
              related: [factPlace(first.section, a)],
              expected: describe(a),
              actual: describe(b),
              tolerance: c.tolerance,
            });
          }
        }
      }
    }
  },
};

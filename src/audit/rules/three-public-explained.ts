// Completeness: the 三公 explanation states each item (出国, 车辆购置, 车辆运行, 接待) with its change and the reason.
import type { Rule } from '../types.js';
import { THREE_PUBLIC_ITEM_KEYS, THREE_PUBLIC_NAME } from '../../catalog/three-public.js';
import { factPlace, isZero, sectionOfLine, templateOf } from '../support.js';

const ITEMS = THREE_PUBLIC_ITEM_KEYS.map((key) => ({ key, name: THREE_PUBLIC_NAME[key] }));

const CHANGE_IN_WORDS = /持平|相同|相等|一致|不变|无变化|没有变化|未发生变化|(等于|小于|大于|低于|高于|少于|多于)上年/;
/** a final account may compare with its budget in words: 完成预算的 15.63% */
const AGAINST_BUDGET = /完成(年初|全年)?预算/;

export const rule: Rule = {
  meta: {
    id: 'three-public-explained',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'The 三公 explanation states every item with its amount, its change on the previous year (a final account may compare it with ' +
        'its budget instead) and the reason (财预〔2016〕143号). A change stated in words counts: 与上年持平, 相同, 相等, 一致, ' +
        '本年数小于上年预算数 …; an unchanged item needs no reason.',
    },
    messages: [
      'threePublicMissing',
      'threePublicItemMissing',
      'threePublicChangeMissing',
      'threePublicChangeOnTotalOnly',
      'threePublicReasonMissing',
    ],
  },
  check({ doc, report }) {
    const items = doc.threePublic.items;
    const threePublicTable = doc.tables.find((t) => t.status === 'present' && templateOf(t)?.layout === 'single-row');
    if (items.length === 0) {
      if (threePublicTable || doc.kind === 'budget')
        report({
          messageId: 'threePublicMissing',
          location: { section: '情况说明' },
          expected: '三公经费说明',
          actual: '无',
        });
      return;
    }
    const first = items[0];
    // 北京's template (and others) explains the change and its reason on the 三公 total, then each item's amount and
    // use: an item without its own change is then noted as a warning, not an error of the document
    const total = items.find((f) => f.subject.key === 'total' && f.change);
    const totalExplained = Boolean(total && (total.reason || total.change!.amount?.minor === 0));
    for (const item of ITEMS) {
      const stated = items.filter((f) => f.subject.key === item.key);
      if (stated.length === 0) {
        report({
          messageId: 'threePublicItemMissing',
          data: { item: item.name },
          location: factPlace(sectionOfLine(doc, first.at.line), first),
          expected: item.name,
          actual: '未说明',
        });
        continue;
      }
      // a change stated for 公务用车购置及运行费 as one item covers its 购置 and 运行 parts
      const combined = item.key.startsWith('vehicle') ? items.filter((f) => f.subject.key === 'vehicle') : [];
      // a final account may explain each item against its budget (预算数 / 决算数) instead of the previous year
      // 与上年持平/相同/相等, 本年数小于上年预算数 …: a change stated in words (an unchanged amount is a stated change of 0)
      const compared = (f: (typeof items)[number]) => {
        const text = f.text.replace(/\s+/g, '');
        return Boolean(
          f.change ||
          (doc.kind === 'final_account' && (f.budgetAmount || AGAINST_BUDGET.test(text))) ||
          CHANGE_IN_WORDS.test(text),
        );
      };
      const withChange = stated.find(compared) ?? combined.find(compared);
      if (!withChange) {
        report({
          messageId: totalExplained ? 'threePublicChangeOnTotalOnly' : 'threePublicChangeMissing',
          data: { item: item.name },
          location: factPlace(sectionOfLine(doc, stated[0].at.line), stated[0]),
          expected: '增减变化',
          actual: '未说明',
          ...(totalExplained ? { severity: 'warning' as const } : {}),
        });
        continue;
      }
      const changed = withChange.change
        ? !isZero(withChange.change.amount) || (withChange.change.percent && withChange.change.percent.minor !== 0)
        : withChange.amount &&
          withChange.budgetAmount &&
          withChange.amount.minor * 10 ** withChange.budgetAmount.scale !==
            withChange.budgetAmount.minor * 10 ** withChange.amount.scale;
      if (changed && !stated.some((f) => f.reason) && !combined.some((f) => f.reason)) {
        report({
          messageId: 'threePublicReasonMissing',
          data: { item: item.name },
          location: factPlace(sectionOfLine(doc, withChange.at.line), withChange),
          expected: '增减原因',
          actual: '未说明',
        });
      }
    }
  },
};

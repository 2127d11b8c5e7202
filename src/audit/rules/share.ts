// Narrative: a stated share (占X%) equals the part divided by the whole it is a share of, recomputed.
import type { Rule } from '../types.js';
import type { Fact } from '../../model/schema.js';
import { checkPercent, compactText, factPlace, formatPercent, percentValue, wan } from '../support.js';

/** Subjects that open a 其中 list and serve as the whole for the shares after them. */
const WHOLE_KINDS = new Set(['total', 'income', 'expenditure', 'fiscalAppropriation', 'generalBudget']);

function isWhole(f: Fact): boolean {
  return (
    Boolean(f.amount) &&
    (WHOLE_KINDS.has(f.subject.kind) || (f.subject.kind === 'threePublic' && f.subject.key === 'total'))
  );
}

/** The printed shares of the facts after `whole` (until the next whole) add up to exactly 100%. */
function sharesAddUpTo100(facts: Fact[], whole: Fact): boolean {
  const start = facts.indexOf(whole);
  const shares: Array<{ minor: number; scale: number }> = [];
  for (const f of facts.slice(start + 1)) {
    if (isWhole(f) && !f.share) break;
    if (f.share) shares.push(f.share);
  }
  if (shares.length < 2) return false;
  const scale = Math.max(...shares.map((p) => p.scale));
  return shares.reduce((sum, p) => sum + p.minor * 10 ** (scale - p.scale), 0) === 100 * 10 ** scale;
}

/** The base the sentence names for its share ("占本年支出决算的 12.3%" → 本年支出决算), if any. */
export function namedBase(fact: Fact): string | undefined {
  if (!fact.share) return undefined;
  const text = compactText(fact.text);
  const at = text.indexOf(fact.share.text.replace(/\s+/g, ''));
  const before = at >= 0 ? text.slice(0, at) : text;
  const m = /占([^，。；,;:：%\d]{0,24})$/.exec(before);
  if (!m) return undefined;
  const base = m[1].replace(/(的)?(比重|比例|百分比)?(为|是)?$/, '').replace(/^(全部|总)?的?$/, '');
  return base || undefined;
}

const norm = (s: string) =>
  compactText(s)
    .replace(/[“”"（）()]/g, '')
    .replace(/的/g, '');

/**
 * Is the whole a share is recomputed against the quantity the sentence names? A share "of the 预算" is not one of a
 * 决算 figure, one "of the 上年" not one of this year's, one of income not one of expenditure.
 */
function sameKindOfQuantity(base: string, whole: Fact, kind: 'budget' | 'final_account'): boolean {
  const b = base.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  const w = norm(whole.label).replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  if (/上年/.test(b) !== /上年/.test(w)) return false;
  if (kind === 'final_account' && /预算/.test(b) && !/预算/.test(w)) return false;
  if (/决算/.test(b) && /预算/.test(w) && !/决算/.test(w)) return false;
  if ((/收入/.test(b) && /支出/.test(w) && !/收入/.test(w)) || (/支出/.test(b) && /收入/.test(w) && !/支出/.test(w)))
    return false;
  return true;
}

/**
 * "支出预算 81676.15 万元 … 基本支出 50790.07 万元，占本年支出预算 66.54% … 项目支出 25542.89 万元，占本年支出预算
 * 33.46% … 年终结转结余 5343.19 万元" (北京): the base the sentence names (本年) is not the total stated before (it
 * includes the carry-over) but is printed nowhere; when the shares naming that base add up to 100%, their amounts add
 * up to it, and the share is checked against that sum.
 */
function ofPartsSum(facts: Fact[], fact: Fact, base: string, against: Fact): boolean {
  if (!/本年|当年/.test(base) || /本年|当年/.test(against.label)) return false;
  const siblings = facts.filter((f) => f.share && f.amount && namedBase(f) === base);
  if (siblings.length < 2 || !siblings.includes(fact)) return false;
  const scale = Math.max(...siblings.map((f) => f.share!.scale));
  const total = siblings.reduce((sum, f) => sum + f.share!.minor * 10 ** (scale - f.share!.scale), 0);
  if (Math.abs(total - 100 * 10 ** scale) > siblings.length) return false;
  const parts = siblings.map((f) => wan(f.amount!));
  const amountScale = Math.max(...parts.map((x) => x.scale));
  const sum = { minor: parts.reduce((t, x) => t + x.minor * 10 ** (amountScale - x.scale), 0), scale: amountScale };
  return checkPercent(fact.share!, wan(fact.amount!), sum, { whole: 0.5 * 10 ** -amountScale * siblings.length }).ok;
}

export const rule: Rule = {
  meta: {
    id: 'share',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'A stated share (占X%) equals the amount divided by the base its sentence names (占本年支出的, 占年初预算的), else by the total ' +
        'stated before it, to the printed precision; a share of a different kind of quantity than that total (预算 vs 决算, 上年 vs 本年, ' +
        'income vs expenditure) is not recomputed. Shares of one whole adjusted by one last-digit step so that they add up to exactly 100% ' +
        'are rounding, not an error. A base named 本年 that is not the total stated before (which holds the carry-over) is the sum of the ' +
        'parts whose shares of it add up to 100%.',
    },
    messages: ['shareMismatch'],
  },
  check({ doc, report }) {
    for (const section of doc.narrative) {
      let whole: Fact | undefined;
      for (const fact of section.facts) {
        // a whole may itself carry a share of something stated elsewhere; it is the whole for the facts after it
        const previousWhole = whole;
        if (isWhole(fact)) whole = fact;
        if (!fact.share || !fact.amount) continue;
        // the base the sentence names, when it is a figure stated before; else the whole before it, if of the same kind
        const base = namedBase(fact);
        const before = section.facts.slice(0, section.facts.indexOf(fact)).reverse();
        const named = base
          ? before.find(
              (f) =>
                f.amount &&
                f.amount.minor !== 0 &&
                norm(f.label).length >= 2 &&
                (norm(base) === norm(f.label) || norm(base).endsWith(norm(f.label))),
            )
          : undefined;
        const against =
          named ??
          (base && previousWhole && !sameKindOfQuantity(base, previousWhole, doc.kind) ? undefined : previousWhole);
        if (!against?.amount || against.amount.minor === 0 || against === fact) continue;
        if (
          fact.subject.kind === against.subject.kind &&
          fact.subject.key === against.subject.key &&
          fact.subject.code === against.subject.code
        )
          continue;
        const r = checkPercent(fact.share, wan(fact.amount), wan(against.amount));
        if (r.ok) continue;
        if (base && ofPartsSum(section.facts, fact, base, against)) continue;
        // shares of one whole are often rounded so that they add up to exactly 100%: one last-digit step is rounding
        const unit = 10 ** -fact.share.scale;
        if (
          Math.abs(r.computed - percentValue(fact.share)) <= r.allowance + unit &&
          sharesAddUpTo100(section.facts, against)
        )
          continue;
        const expected = formatPercent(r.computed, fact.share.scale);
        report({
          messageId: 'shareMismatch',
          data: { label: fact.label, whole: against.label, expected, actual: fact.share.text },
          location: factPlace(section, fact),
          related: [factPlace(section, against)],
          expected,
          actual: fact.share.text,
          tolerance: `±${r.allowance.toFixed(4)}%`,
        });
      }
    }
  },
};

// Sentence pieces of the explanation sections, built from numbers so that every amount, share, change, rate and
// direction word is computed: shared by the sample generator (Fact.text) and the renderers.
import { KIND_WORD } from '../catalog/words.js';
import type { Change, DocumentKind } from '../model/schema.js';
import { amount, money, percent, rateMinor } from './numbers.js';

export function yuan(minor: number): string {
  return `${money(minor)}万元`;
}

export function pct(minor: number): string {
  return percent(minor).text;
}

/** The change record for current vs previous, with words and rate computed. */
export function makeChange(current: number, previous: number, basis: string): Change {
  const delta = current - previous;
  if (delta === 0) {
    // printed as the templates do: "增加0.00万元，增长0.00%" (no rate when both years are 0)
    const flat: Change = { direction: 'flat', word: '增加', amount: amount(0), basis };
    if (current !== 0) {
      flat.rateWord = '增长';
      flat.percent = percent(0);
    }
    return flat;
  }
  const rate = rateMinor(current, delta);
  const up = delta > 0;
  const change: Change = {
    direction: up ? 'increase' : 'decrease',
    word: up ? '增加' : '减少',
    amount: amount(Math.abs(delta)),
    basis,
  };
  if (rate !== null) {
    change.rateWord = up ? '增长' : '下降';
    change.percent = percent(Math.abs(rate));
  }
  return change;
}

/** "比上年预算增加78.28万元，增长3.31%"; no change: "比上年预算增加0.00万元，增长0.00%" (the seeds' form). */
export function changeClause(change: Change): string {
  const basis = change.basis ?? '上年';
  // no change is printed as the templates print it: "增加0.00万元，增长0.00%"
  if (change.direction === 'flat' || !change.amount || change.amount.minor === 0)
    return `比${basis}增加0.00万元${change.percent ? '，增长0.00%' : ''}`;
  let s = `比${basis}${change.word}${yuan(change.amount.minor)}`;
  if (change.rateWord && change.percent) s += `，${change.rateWord}${change.percent.text}`;
  return s;
}

export function previousBasis(kind: DocumentKind): string {
  return `上年${KIND_WORD[kind]}`;
}

/** "主要原因是：…。" or "。" */
export function reasonClause(reason: string | undefined): string {
  return reason ? `，主要原因是：${reason}。` : '。';
}

/** 预决算差异率 = (决算 − 预算) / 预算, percent minor units; null when the budget is 0. */
export function varianceMinor(final: number, budget: number): number | null {
  return budget === 0 ? null : rateMinor(final, final - budget);
}

/** Chinese numerals for section numbers (一 … 二十). */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

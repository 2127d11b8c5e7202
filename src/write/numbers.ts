// Exact arithmetic for the writer: amounts as integers of 0.01 万元, shares and rates rounded half away from zero.
import type { Amount, Percent } from '../model/schema.js';

/** Money in the writer is always 万元 with two decimals: minor units of 0.01 万元. */
export const SCALE = 2;

/** Decimal text of minor units at scale 2 ("2441.00"); the hot path of the generator, so done by hand. */
export function text2(minor: number): string {
  const a = minor < 0 ? -minor : minor;
  const whole = Math.floor(a / 100);
  const frac = a - whole * 100;
  return `${minor < 0 ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

export function amount(minor: number): Amount {
  return { minor, scale: SCALE, unit: '万元', text: text2(minor) };
}

export function percent(minor: number): Percent {
  return { minor, scale: SCALE, text: `${text2(minor)}%` };
}

/** a / b rounded half away from zero to an integer (b ≠ 0). */
export function roundDiv(a: number, b: number): number {
  if (b === 0) throw new RangeError('division by zero');
  const negative = a < 0 !== b < 0;
  const x = Math.abs(a);
  const y = Math.abs(b);
  const q = Math.floor(x / y);
  const r = x - q * y;
  const rounded = 2 * r >= y ? q + 1 : q;
  return negative ? -rounded : rounded;
}

/** part / whole as a percentage with two decimals, in minor units (12.75% → 1275); 0 when whole is 0. */
export function shareMinor(part: number, whole: number): number {
  return whole === 0 ? 0 : roundDiv(part * 10000, whole);
}

/** Year-on-year rate: change / (current − change), as percent minor units; null when the base is 0. */
export function rateMinor(current: number, change: number): number | null {
  const base = current - change;
  return base === 0 ? null : roundDiv(change * 10000, base);
}

/** Amount in minor units → the JSON number in 万元 ("figures"). */
export function wan(minor: number): number {
  return Number(text2(minor));
}

/** Exact value of an amount in 0.01 万元 (amounts with more decimals are rounded, 元 converted). */
export function minorOf(a: Amount): number {
  const scale = a.unit === '元' ? a.scale + 4 : a.scale;
  if (scale <= SCALE) return a.minor * 10 ** (SCALE - scale);
  return roundDiv(a.minor, 10 ** (scale - SCALE));
}

/** Printed money text without trailing zeros ("2441", "78.28", "1.1") or fixed two decimals. */
export function money(minor: number, fixed = true): string {
  const t = text2(minor);
  return fixed ? t : t.replace(/0+$/, '').replace(/\.$/, '');
}

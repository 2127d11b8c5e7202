// Exact money and percentages: decimal text → integer in the smallest published unit, never a binary float.
import type { Amount, Percent, Place } from './schema.js';

export type MoneyUnit = '万元' | '元';

/**
 * Normalises a printed number as it appears in converted PDFs: full-width digits, thousands separators,
 * spaces inside the number ("1, 089. 40", "1346. 16", "29 5"). Returns null when the text is not a number.
 */
export function normaliseNumberText(raw: string): string | null {
  let s = toHalfWidth(raw).replace(/[\s\u00a0]+/g, '');
  s = s.replace(/,(?=\d)/g, '');
  if (s === '' || s === '-' || s === '—' || s === '–') return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return s;
}

/** Parses decimal text into an integer count of 10^-scale units. */
const PLAIN_DECIMAL = /^(\d{1,15})(?:\.(\d{1,8}))?$/;

export function parseDecimal(text: string): { minor: number; scale: number } | null {
  const quick = plainDecimal(text);
  if (quick) return quick;
  const plain = PLAIN_DECIMAL.exec(text);
  if (plain) {
    // the common case, printed without noise: "1901.34", "2441"
    const frac = plain[2] ?? '';
    return { minor: Number(plain[1] + frac), scale: frac.length };
  }
  const s = normaliseNumberText(text);
  if (s === null) return null;
  const negative = s.startsWith('-');
  const body = s.replace(/^[-+]/, '');
  const [intPart, fracPart = ''] = body.split('.');
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return null;
  return { minor: negative ? -minor : minor, scale: fracPart.length };
}

/**
 * PLAIN_DECIMAL's common case read digit by digit, without a match object or string concatenation, also after
 * leading spaces (a figure read from prose: " 2441", which the full path reads the same): at most 15 digits in
 * all, so the integer is exact and equals Number() of the digits; null sends the text to the full path.
 */
function plainDecimal(text: string): { minor: number; scale: number } | null {
  const n = text.length;
  let start = 0;
  while (start < n && text.charCodeAt(start) === 0x20) start++;
  const length = n - start;
  if (length === 0 || length > 16) return null;
  let minor = 0;
  let point = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) minor = minor * 10 + (c - 0x30);
    else if (c === 0x2e && point < 0 && i > start && i < n - 1) point = i;
    else return null;
  }
  if (point < 0 && length > 15) return null;
  const scale = point < 0 ? 0 : n - 1 - point;
  if (scale > 8) return null;
  return { minor, scale };
}

export function makeAmount(text: string, unit: MoneyUnit, at?: Place): Amount | null {
  const d = parseDecimal(text);
  if (!d) return null;
  return at
    ? { minor: d.minor, scale: d.scale, unit, text: text.trim(), at }
    : { minor: d.minor, scale: d.scale, unit, text: text.trim() };
}

export function makePercent(text: string, at?: Place): Percent | null {
  const d = parseDecimal(text.replace(/[%％]/g, ''));
  if (!d) return null;
  return at
    ? { minor: d.minor, scale: d.scale, text: text.trim(), at }
    : { minor: d.minor, scale: d.scale, text: text.trim() };
}

/** Value scaled to `scale` decimals (scale must be ≥ the value's own scale). */
export function atScale(v: { minor: number; scale: number }, scale: number): number {
  if (scale < v.scale) throw new RangeError(`cannot lower scale ${v.scale} to ${scale} exactly`);
  return v.minor * 10 ** (scale - v.scale);
}

/** Converts an amount to 万元 keeping exactness (元 → 万元 adds four decimals). */
export function toWan(a: Amount): { minor: number; scale: number } {
  return a.unit === '万元' ? { minor: a.minor, scale: a.scale } : { minor: a.minor, scale: a.scale + 4 };
}

/** Sum of exact values at the largest scale among them. */
export function sumExact(values: Array<{ minor: number; scale: number }>): { minor: number; scale: number } {
  const scale = values.reduce((m, v) => Math.max(m, v.scale), 0);
  return { minor: values.reduce((s, v) => s + atScale(v, scale), 0), scale };
}

/** Difference a − b at the common scale. */
export function diffExact(
  a: { minor: number; scale: number },
  b: { minor: number; scale: number },
): { minor: number; scale: number } {
  const scale = Math.max(a.scale, b.scale);
  return { minor: atScale(a, scale) - atScale(b, scale), scale };
}

/** Printable decimal text of an exact value ("2441.00"). */
export function formatExact(v: { minor: number; scale: number }): string {
  const neg = v.minor < 0;
  const digits = String(Math.abs(v.minor)).padStart(v.scale + 1, '0');
  const text = v.scale === 0 ? digits : `${digits.slice(0, -v.scale)}.${digits.slice(-v.scale)}`;
  return neg ? `-${text}` : text;
}

/**
 * The JSON number for a decimal value. The decimal string is exact; Number() of a decimal string gives the
 * nearest double, whose shortest printed form is that same decimal, so the JSON text stays exact.
 */
export function toJsonNumber(v: { minor: number; scale: number }): number {
  return Number(formatExact(v));
}

/**
 * Rounding allowance, in units of 10^-scale, for a comparison between figures printed at `scales`:
 * each printed figure may be off by half its last digit, so n figures printed to 0.01 allow n × 0.005.
 */
export function roundingTolerance(scales: number[], scale: number): number {
  return scales.reduce((t, s) => t + 0.5 * 10 ** (scale - s), 0);
}

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

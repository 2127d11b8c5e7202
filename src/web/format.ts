// The portal's one number formatter: 万元 with two decimals, per head in 元/人, percentages with two decimals, — for
// absent. Pages, chart labels and tooltips, compare and rankings print through it; downloads keep raw decimals.
import { parseDecimal } from '../model/money.js';

export const ABSENT = '—';

type Value = string | number | null | undefined;

/** The exact decimal of a value (JSON numbers print their shortest exact decimal), or null. */
function exact(v: Value): { minor: bigint; scale: number } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const s = String(v);
    v = /e/i.test(s) ? v.toFixed(10) : s;
  }
  const d = parseDecimal(v.trim());
  return d ? { minor: BigInt(d.minor), scale: d.scale } : null;
}

/** Rounds half away from zero to `places` decimals after multiplying by 10^shift, as text. */
function fixed(v: Value, places: number, shift = 0): string | null {
  const d = exact(v);
  if (!d) return null;
  let { minor } = d;
  let scale = d.scale - shift;
  if (scale < 0) {
    minor *= 10n ** BigInt(-scale);
    scale = 0;
  }
  const negative = minor < 0n;
  let abs = negative ? -minor : minor;
  if (scale > places) {
    const div = 10n ** BigInt(scale - places);
    abs = (abs * 2n + div) / (div * 2n);
  } else abs *= 10n ** BigInt(places - scale);
  const digits = abs.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

/** An amount in 万元: "2441.00"; — when absent. */
export function formatWan(v: Value): string {
  return fixed(v, 2) ?? ABSENT;
}

/** An amount in 万元 with its unit: "2441.00 万元". */
export function formatWanUnit(v: Value): string {
  const t = fixed(v, 2);
  return t === null ? ABSENT : `${t} 万元`;
}

/** A per-head amount given in 万元 per person, shown in 元 per person: "126477 元/人". */
export function formatPerHead(wanPerPerson: Value): string {
  const t = fixed(wanPerPerson, 0, 4);
  return t === null ? ABSENT : `${t} 元/人`;
}

/** A percentage given as its number of percent: "12.34%". */
export function formatPercent(v: Value): string {
  const t = fixed(v, 2);
  return t === null ? ABSENT : `${t}%`;
}

/** A signed change in 万元: "+12.30", "-4.00". */
export function formatChange(v: Value): string {
  const t = fixed(v, 2);
  return t === null ? ABSENT : /^-|^0\.00$/.test(t) ? t : `+${t}`;
}

/** A signed percentage change: "+12.34%". */
export function formatPercentChange(v: Value): string {
  const t = fixed(v, 2);
  return t === null ? ABSENT : `${/^-|^0\.00$/.test(t) ? t : `+${t}`}%`;
}

/** A count of people or items, as it is. */
export function formatCount(v: Value): string {
  const t = fixed(v, 0);
  return t === null ? ABSENT : t;
}

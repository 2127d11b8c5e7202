// Matching helpers shared by the extractors: normalised comparison text and tolerant number patterns.
import { toHalfWidth } from '../model/money.js';

/** Text for matching: half-width, no spaces, straight quotes. Never stored in the model. */
const NEEDS_NORM = /[\s\u00a0“”"＂‘’【】\uff01-\uff5e\u3000]/;
/** the same labels are normalised again and again across a document and across documents */
const normCache = new Map<string, string>();
export function norm(s: string): string {
  if (!NEEDS_NORM.test(s)) return s;
  if (s.length > 64) return normalise(s);
  let out = normCache.get(s);
  if (out === undefined) {
    if (normCache.size > 20_000) normCache.clear();
    normCache.set(s, (out = normalise(s)));
  }
  return out;
}

function normalise(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[“”"＂]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/【/g, '[')
    .replace(/】/g, ']');
}

/** Text for display: collapses runs of spaces between CJK characters left by line wrapping in converted PDFs. */
const tidyCache = new Map<string, string>();
export function tidy(s: string): string {
  if (!/\s/.test(s)) return s;
  if (s.length > 64) return collapseSpaces(s);
  let out = tidyCache.get(s);
  if (out === undefined) {
    if (tidyCache.size > 20_000) tidyCache.clear();
    tidyCache.set(s, (out = collapseSpaces(s)));
  }
  return out;
}

function collapseSpaces(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3400-\u9fff（），。、：；“”])\s+(?=[\u3400-\u9fff（），。、：；“”])/g, '')
    .trim();
}

/**
 * A printed decimal inside running text, tolerating the converter's spaces ("1503. 16", "79. 54",
 * "1, 089. 40"): digits, optional thousands groups, optional decimals.
 */
export const NUMBER = String.raw`\d{1,3}(?:[,，]\s?\d{3})+(?:\s?[.．]\s?\d+)?|\d+(?:\s?[.．]\s?\d+)?`;

/** A table cell holding only a number (with the converter's noise: "1346. 16", "29 5", "1, 089. 40"). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
export function isNumericCell(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return true;
  if (text === '' || !/\d/.test(text)) return false;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t);
}

/** Removes every space and the thousands separators of a number text: "1, 089. 40" → "1089.40". */
export function compactNumber(text: string): string {
  return toHalfWidth(text).replace(/[\s,，]+/g, '').replace(/．/g, '.');
}

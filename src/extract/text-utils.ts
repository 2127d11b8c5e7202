// Matching helpers shared by the extractors: normalised comparison text and tolerant number patterns.
import { toHalfWidth } from '../model/money.js';
import { isWhitespace } from '../read/normalise.js';

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

/**
 * Text for display: collapses runs of spaces between CJK characters left by line wrapping in converted PDFs.
 * A text without whitespace is returned as it is; short ones recur (labels, cells) and are remembered.
 */
const WHITESPACE = /\s/;
const tidyCache = new Map<string, string>();
export function tidy(s: string): string {
  const i = s.search(WHITESPACE);
  if (i < 0) return s;
  if (s.length > 64) return collapseSpaces(s, i);
  let out = tidyCache.get(s);
  if (out === undefined) {
    if (tidyCache.size > 20_000) tidyCache.clear();
    tidyCache.set(s, (out = collapseSpaces(s, i)));
  }
  return out;
}

/**
 * One scan, no regular expressions, from the first whitespace at `i`: every run of whitespace becomes one space,
 * or nothing at either end and between two CJK characters or CJK punctuation.
 */
function collapseSpaces(s: string, i: number): string {
  const n = s.length;
  let out = '';
  let from = 0;
  while (i < n) {
    if (!isWhitespace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWhitespace(s.charCodeAt(j))) j++;
    out += s.slice(from, i);
    if (i > 0 && j < n && !(isTight(s.charCodeAt(i - 1)) && isTight(s.charCodeAt(j)))) out += ' ';
    from = i = j;
  }
  return out + s.slice(from);
}

/** CJK characters and the CJK punctuation between which a wrapped line's space is dropped */
function isTight(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    c === 0xff08 ||
    c === 0xff09 ||
    c === 0xff0c ||
    c === 0x3002 ||
    c === 0x3001 ||
    c === 0xff1a ||
    c === 0xff1b ||
    c === 0x201c ||
    c === 0x201d
  );
}

/**
 * A printed decimal inside running text, tolerating the converter's spaces ("1503. 16", "79. 54",
 * "1, 089. 40"): digits, optional thousands groups, optional decimals.
 */
export const NUMBER = String.raw`\d{1,3}(?:[,，]\s?\d{3})+(?:\s?[.．]\s?\d+)?|\d+(?:\s?[.．]\s?\d+)?`;

/**
 * A table cell holding only a number (with the converter's noise: "1346. 16", "29 5", "1, 089. 40"). Some finance
 * software prints only the last thousands separators of an amount in 元 ("125360,898" for 125,360,898): every
 * separator still stands three digits before the next one or the decimal point, so the digits are not in doubt.
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
export function isNumericCell(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return true;
  if (text === '' || !/\d/.test(text)) return false;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return /^-?\d+(,\d{3})*(\.\d+)?$/.test(t);
}

/** Removes every space and the thousands separators of a number text: "1, 089. 40" → "1089.40". */
export function compactNumber(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s,，]+/g, '')
    .replace(/．/g, '.');
}

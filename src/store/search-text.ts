// Search text normalisation (shared by the index, the query and the SQL confirmation) and result snippets.
//
// A disclosure prints “三公”经费, a reader types 三公经费 or "三公"经费 or full-width letters and digits: both sides
// are folded the same way (NFKC, lower case, quotation and title marks dropped), so every spelling finds the same
// documents. Snippets are cut from the original text so the reader sees it as printed, with the matches marked.

/** Marks that only decorate a word: dropped so that “三公”经费 and 三公经费 are the same words. */
export const DECORATION_MARKS = '"\'“”‘’「」『』《》〈〉«»‹›〝〞〟＂＇';

const DECORATION = new RegExp(`[${DECORATION_MARKS.replace(/[\\\]^-]/g, (c) => `\\${c}`)}]`, 'u');

/** Characters folded before (a disclosure uses a few hundred distinct ones outside the fast paths). */
const folds = new Map<string, string>();

/** Folds one character (or a character NFKC expands) the way the index does; '' where it is a decoration mark. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // fast paths for what a disclosure is made of: Chinese characters (NFKC leaves them), ASCII letters and digits
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  if (code < 0x80)
    return code === 0x22 || code === 0x27 ? '' : code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFKC').toLowerCase();
    if (DECORATION.test(folded)) folded = folded.replace(new RegExp(DECORATION.source, 'gu'), '');
    // bounded: text from outside may hold any of a million code points
    if (folds.size < 20000) folds.set(ch, folded);
  }
  return folded;
}

/** Runs of characters that need folding: anything but Chinese characters and ASCII other than capitals and quotes. */
const NEEDS_FOLDING = /[^\u4e00-\u9fff\0-\x21\x23-\x26\x28-\x40\x5b-\x7f]+/g;

/** The folded form of `text`, as the index and the queries see it. */
export function normaliseForSearch(text: string): string {
  // characters that fold to themselves are left to the regular expression engine; the rest one by one
  return text.replace(NEEDS_FOLDING, (run) => {
    let out = '';
    for (const ch of run) out += foldChar(ch);
    return out;
  });
}

/** Names the folding of foldedSearchText; a store whose texts were folded another way refolds them when opened. */
export const SEARCH_TEXT_VERSION = 'document_text: NFKC, lower case, without quotation marks, line for line';

/**
 * The text a long query word is confirmed against, and where a snippet's line is found: folded, line for line with
 * the text (no character folds into or out of a line break), so that the store compares it with plain strpos and
 * the n-th line of one is the n-th line of the other.
 */
export function foldedSearchText(text: string): string {
  return normaliseForSearch(text);
}

/** The folded text and, for each of its UTF-16 units, the offset in `text` of the character it came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  return { folded, origin };
}

/** A piece of a snippet: text as printed, and whether it matched a query word. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A short passage of `text` around the first match of the query's words, with every match of any word inside it
 * marked; undefined when no word occurs (the document matched on its unit name alone, say).
 */
export function searchSnippet(text: string, query: string, context = 36): SnippetPart[] | undefined {
  const words = query
    .split(/\s+/)
    .map(normaliseForSearch)
    .filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  // a match never spans a line (the words hold no line break, and folding keeps every line break), so the first
  // match lies in the first line holding any word: only that line is folded with its offsets and cut
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const folded = normaliseForSearch(line);
    if (words.some((w) => folded.includes(w))) return lineSnippet(line, words, context);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/** The snippet of one line that holds a match. */
function lineSnippet(text: string, words: string[], context: number): SnippetPart[] | undefined {
  const { folded, origin } = foldWithMap(text);
  const originEnd = (foldedEnd: number) => (foldedEnd >= origin.length ? text.length : origin[foldedEnd]);
  // every match of every word, as ranges of the original text
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      let from = origin[at];
      let to = originEnd(at + word.length);
      // the marks around a matched word belong to it as printed (“三公”经费)
      while (from > 0 && DECORATION.test(text[from - 1])) from--;
      while (to < text.length && DECORATION.test(text[to])) to++;
      ranges.push([from, to]);
    }
  }
  if (ranges.length === 0) return undefined;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = ranges[0];
  const start = Math.max(0, first[0] - context);
  const end = Math.min(text.length, first[1] + context * 2);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= at || from >= end) continue;
    const a = Math.max(from, at);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: text.slice(at, a), match: false });
    parts.push({ text: text.slice(a, b), match: true });
    at = b;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

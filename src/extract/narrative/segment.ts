// Cutting explanation prose into the pieces the fact reader works on: paragraphs (with fragments the converter
// split rejoined), sentences and comma/semicolon parts with their offsets, so that printed text can be quoted back.
import { withPageAndBox, type Block, type LinePiece } from '../../read/blocks.js';
import { isWhitespace } from '../../read/normalise.js';
import type { Place } from '../../model/schema.js';
import { NUMBER } from '../text-utils.js';

export interface Paragraph {
  text: string;
  at: Place;
  /** where each source line of `text` begins (offsets in `text`), when the paragraph joins several lines */
  pieces?: Piece[];
}

/** where a source line begins in a paragraph's text; page and box when the reader knows them (PDF) */
export type Piece = LinePiece;

/** The piece standing for a whole block or paragraph that joins no lines: its own place. */
function pieceOfPlace(at: Place): Piece {
  return withPageAndBox<Piece>({ offset: 0, line: at.line, column: at.column }, at);
}

/** The source place of a character offset in a paragraph's text (the line the character was printed on). */
export function placeOf(para: Paragraph, offset: number, endOffset?: number): Place {
  const start = pieceAt(para, offset);
  const place: Place = { line: start.line, column: start.column + Math.max(0, offset - start.offset) };
  if (start.page !== undefined) place.page = start.page;
  if (start.box) place.box = start.box;
  if (endOffset !== undefined) {
    const end = pieceAt(para, Math.max(offset, endOffset - 1));
    if (end.line !== start.line) place.endLine = end.line;
  }
  return place;
}

/** The source line of a character offset in a paragraph's text. */
export function lineOf(para: Paragraph, offset: number): number {
  return pieceAt(para, offset).line;
}

/** the piece a character offset lies in: the last one starting at or before it (the paragraph's own place before any) */
function pieceAt(
  para: Paragraph,
  offset: number,
): { offset: number; line: number; column: number; page?: number; box?: Piece['box'] } {
  const pieces = para.pieces;
  let piece: Piece | undefined;
  if (pieces) for (let i = 0; i < pieces.length; i++) if (pieces[i].offset <= offset) piece = pieces[i];
  return piece ?? { offset: 0, line: para.at.line, column: para.at.column, page: para.at.page, box: para.at.box };
}

/** CJK characters and the full-width punctuation between which tidy() drops spaces */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    code === 0xff08 || // （
    code === 0xff09 || // ）
    code === 0xff0c || // ，
    code === 0x3002 || // 。
    code === 0x3001 || // 、
    code === 0xff1a || // ：
    code === 0xff1b || // ；
    code === 0x201c || // “
    code === 0x201d // ”
  );
}

/**
 * tidy() (text-utils) that also moves offsets in the input (where a paragraph's source lines begin) to the tidied
 * text: whitespace runs become one space, spaces between CJK characters go, the ends are trimmed. An offset moves to
 * the first kept character at or after it (a kept space stands for the last character of its run).
 */
export function tidyMapped(s: string, offsets?: number[]): { text: string; offsets?: number[] } {
  // most paragraphs have no whitespace at all: the text is its own map
  if (!/\s/.test(s)) return { text: s };
  const mapped: number[] | undefined = offsets ? [] : undefined;
  let q = 0;
  /** the offsets up to `source` (the input offset of the character written at `at`) land at `at` + how far in they are */
  const settle = (from: number, to: number, at: number) => {
    if (!offsets || !mapped) return;
    while (q < offsets.length && offsets[q] <= to) mapped[q] = at + Math.max(0, offsets[q++] - from);
  };
  let out = '';
  let i = 0;
  let end = s.length;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  while (end > i && isSpace(s.charCodeAt(end - 1))) end--;
  // copy runs of kept characters whole; each whitespace run between them becomes one space or none
  let runStart = i;
  while (i < end) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    settle(runStart, i - 1, out.length);
    out += s.slice(runStart, i);
    let j = i;
    while (isSpace(s.charCodeAt(j))) j++;
    // a run becomes one space (mapped to its last character), none between two CJK characters
    if (!(out.length > 0 && isCjkCode(s.charCodeAt(i - 1)) && isCjkCode(s.charCodeAt(j)))) {
      settle(j - 1, j - 1, out.length);
      out += ' ';
    }
    i = j;
    runStart = j;
  }
  settle(runStart, end - 1, out.length);
  out += s.slice(runStart, end);
  if (!mapped || !offsets) return { text: out };
  while (mapped.length < offsets.length) mapped.push(out.length);
  return { text: out, offsets: mapped };
}

/** the whitespace the converter leaves: ASCII spaces and controls, no-break and ideographic spaces */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** The pieces of a block re-expressed in tidied offsets (`offsets`: theirs moved by tidyMapped, when it moved any). */
function tidiedPieces(pieces: Piece[] | undefined, offsets: number[] | undefined): Piece[] | undefined {
  if (!pieces || pieces.length < 2) return undefined;
  if (!offsets) return pieces;
  return pieces.map((p, k) => ({ ...p, offset: offsets[k] }));
}

/** tidyMapped for a block's pieces, whose offsets it needs ascending (source lines in order; sorted if not) */
function tidyBlock(text: string, pieces: Piece[] | undefined): { text: string; offsets?: number[] } {
  if (!pieces || pieces.length < 2) return tidyMapped(text);
  const order = pieces.map((_, k) => k);
  if (pieces.some((p, k) => k > 0 && p.offset < pieces[k - 1].offset))
    order.sort((a, b) => pieces[a].offset - pieces[b].offset);
  const tidied = tidyMapped(
    text,
    order.map((k) => pieces[k].offset),
  );
  if (!tidied.offsets) return tidied;
  const offsets: number[] = [];
  order.forEach((k, rank) => (offsets[k] = tidied.offsets![rank]));
  return { text: tidied.text, offsets };
}

/** A printed number (optionally signed) followed by its money unit. */
export const MONEY = new RegExp(String.raw`(?<![\d.．])(-?\s?(?:${NUMBER}))\s*(万元|元)(?![/／])`);
export const MONEY_G = new RegExp(MONEY.source, 'g');
/** A printed percentage. */
export const PERCENT = new RegExp(String.raw`(-?\s?(?:${NUMBER}))\s*[%％]`);

const SENTENCE_END = /[。；;！？!?：:]$/;
/** the converter cut "…支出决算数为" from "41.90 万元，…": a paragraph that starts with the figure or its unit */
const CONTINUES_FIGURE = new RegExp(String.raw`^(?:(?:${NUMBER})\s*(?:万元|元|%|％)|万元|元[，,。；])`);

/** Paragraph blocks of a run of blocks, tidied, with figure fragments rejoined. */
export function paragraphsOf(blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const rawPieces = (b as { pieces?: Piece[] }).pieces;
    const { text, offsets } = tidyBlock(b.text, rawPieces);
    if (!text) continue;
    const pieces = tidiedPieces(rawPieces, offsets);
    const prev = out[out.length - 1];
    if (prev && !SENTENCE_END.test(prev.text) && CONTINUES_FIGURE.test(text)) {
      const joined = `${prev.text}${/\d$/.test(prev.text) ? ' ' : ''}`;
      const own = pieces ?? [pieceOfPlace(b.at)];
      prev.pieces = [
        ...(prev.pieces ?? [pieceOfPlace(prev.at)]),
        ...own.map((p) => ({ ...p, offset: p.offset + joined.length })),
      ];
      prev.text = joined + text;
      prev.at = { ...prev.at, endLine: b.at.endLine ?? b.at.line };
      continue;
    }
    out.push(pieces ? { text, at: { ...b.at }, pieces } : { text, at: { ...b.at } });
  }
  return out;
}

/** Leading list numbering: "1.", "1、", "(1)", "（一）", "一、". */
export const ORDINAL =
  /^(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*/;

/** first characters of ORDINAL: a digit, an opening bracket or 一…十 (most texts start otherwise and skip the regex) */
const ORDINAL_START = new Set([...'0123456789（(一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

export function withoutOrdinal(s: string): string {
  return ORDINAL_START.has(s.charCodeAt(0)) ? s.replace(ORDINAL, '') : s;
}

export type Separator = 'start' | 'comma' | 'semicolon';

export interface Part {
  /** text of the part, trimmed, without a leading 其中： */
  text: string;
  /** offsets of `text` in the paragraph text */
  start: number;
  end: number;
  sep: Separator;
  /** the part began with 其中： */
  among: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  parts: Part[];
}

function isThousandsComma(s: string, i: number): boolean {
  return s[i] === ',' && /\d/.test(s[i - 1] ?? '') && /^\s?\d{3}(?!\d)/.test(s.slice(i + 1));
}

const AMONG = /^其中\s*[:：]?\s*/;
const FULL_STOP = 0x3002; // 。
const EXCLAMATION = 0xff01; // ！
const QUESTION = 0xff1f; // ？
const FULL_COMMA = 0xff0c; // ，
const COMMA = 0x2c;
const FULL_SEMICOLON = 0xff1b; // ；
const SEMICOLON = 0x3b;

/** Splits paragraph text into sentences (at 。！？) and each sentence into parts (at ，,；;). */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let sStart = 0;
  let parts: Part[] = [];
  let pStart = 0;
  let sep: Separator = 'start';
  const pushPart = (end: number) => {
    // the part trimmed by offsets: one slice instead of slice, trimStart and trim
    let from = pStart;
    let to = end;
    while (from < to && isWhitespace(text.charCodeAt(from))) from++;
    while (to > from && isWhitespace(text.charCodeAt(to - 1))) to--;
    let t = text.slice(from, to);
    let start = from;
    let among = false;
    const m = t.startsWith('其中') ? AMONG.exec(t) : null;
    if (m) {
      among = true;
      t = t.slice(m[0].length);
      start += m[0].length;
    }
    if (t) parts.push({ text: t, start, end: start + t.length, sep, among });
  };
  // char codes, not text[i]: every two-byte character read as a string is a new one-character string
  for (let i = 0; i <= text.length; i++) {
    const ch = i === text.length ? -1 : text.charCodeAt(i);
    const endOfSentence = ch === -1 || ch === FULL_STOP || ch === EXCLAMATION || ch === QUESTION;
    const semicolon = ch === FULL_SEMICOLON || ch === SEMICOLON;
    if (endOfSentence || semicolon || ch === FULL_COMMA || (ch === COMMA && !isThousandsComma(text, i))) {
      pushPart(i);
      sep = semicolon ? 'semicolon' : 'comma';
      pStart = i + 1;
      if (endOfSentence) {
        if (parts.length) sentences.push({ start: sStart, end: i, parts });
        parts = [];
        sStart = i + 1;
        sep = 'start';
      }
    }
  }
  return sentences;
}

/** Splits a part at 、 when it lists several figures ("办公费6.64万元、邮电费6.27万元"). */
export function listItems(part: Part): Part[] {
  if (!part.text.includes('、') || !part.text.includes('元')) return [part];
  const count = part.text.match(MONEY_G)?.length ?? 0;
  if (count < 2) return [part];
  const items: Part[] = [];
  let from = 0;
  for (let i = 0; i <= part.text.length; i++) {
    if (i === part.text.length || part.text[i] === '、') {
      const raw = part.text.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      if (t)
        items.push({
          text: t,
          start: part.start + from + lead,
          end: part.start + from + lead + t.length,
          sep: items.length ? 'comma' : part.sep,
          among: items.length ? false : part.among,
        });
      from = i + 1;
    }
  }
  // a 、 inside a name ("工资福利、商品和服务支出") leaves items without a figure: keep them whole
  return items.every((p) => MONEY.test(p.text)) ? items : [part];
}

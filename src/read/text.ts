// The text reader: text or Markdown converted from a PDF (as in ../shared/seeds) → positioned blocks.
import { isUtf8 } from 'node:buffer';
import type { Block, CellBlock, HeadingBlock, ReadResult } from './blocks.js';
import { ReadError, unknownFormat } from './errors.js';
import { isWhitespace, normaliseCodePoints } from './normalise.js';

const PART = /^第([一二三四五六七八九十]+)部分\s*/;
const SECTION = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*/;
const SUBSECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/;
const ITEM = /^(?:(\d{1,2})\s*[、.．](?!\d)|[（(](\d{1,2})[）)])\s*/;
const TABLE_LABEL = /^表\s*([一二三四五六七八九十\d]{1,3})\s*[:：]?\s*$/;
/** sentence punctuation: a line holding it reads as prose, not as a title */
const PROSE = /[。；;]|[，,](?!\d)/;

/** Strips conversion noise that carries no meaning: HTML-ish tags, Markdown emphasis and list marks. */
const NOT_BLANK = /\S/;

/** Characters that may need cleaning (< # * + -, radicals, no-break and zero-width spaces); most lines have none. */
const NOISE = /[<#*+\-\u2e80-\u2eff\u2f00-\u2fdf\u00a0\u200b-\u200d\ufeff]/;
const NOISE_ALL = new RegExp(NOISE.source, 'g');

/**
 * Which lines hold a noise character, found with one scan of the whole text (lines split at \n only) rather than
 * one scan per line and per cell.
 */
function noisyLines(text: string, lines: string[]): Uint8Array {
  const noisy = new Uint8Array(lines.length);
  NOISE_ALL.lastIndex = 0;
  let line = 0;
  let lineEnd = lines.length ? lines[0].length : 0;
  let m: RegExpExecArray | null;
  while ((m = NOISE_ALL.exec(text))) {
    while (m.index > lineEnd && line < lines.length - 1) lineEnd += 1 + lines[++line].length;
    noisy[line] = 1;
  }
  return noisy;
}

function cleanLine(raw: string, noisy = NOISE.test(raw)): { text: string; marked: number; column: number } {
  if (!noisy) {
    const trimmed = raw.trimStart();
    return { text: trimmed.trimEnd(), marked: 0, column: raw.length - trimmed.length + 1 };
  }
  let s = normaliseCodePoints(raw).replace(/<\/?(?:b|i|u|strong|em|span|font|sup|sub|br)\b[^>]*>/gi, '');
  const indent = s.length - s.trimStart().length;
  s = s.trim();
  let marked = 0;
  const hashes = /^(#{1,6})\s+/.exec(s);
  if (hashes) {
    marked = hashes[1].length;
    s = s.slice(hashes[0].length);
  }
  s = s
    .replace(/^[-*+]\s+(?=\S)/, '')
    .replace(/\*\*/g, '')
    .trim();
  return { text: s, marked, column: indent + 1 };
}

/** whether the line's first character is visible (most lines): then it needs no \\S scan */
function startsVisible(raw: string): boolean {
  return raw.length > 0 && !isWhitespace(raw.charCodeAt(0));
}

/** the first characters a numbered heading can start with (第, 一…十, brackets, digits, 表) */
const NUMBERED_START = /^[第一二三四五六七八九十（(\d表]/;

function titleLike(rest: string, max: number): boolean {
  return rest.length <= max && !PROSE.test(rest) && !/[:：]\s*\S/.test(rest);
}

/** The heading block a line is, or null; built whole (one object shape) rather than spread into a block. */
function classifyHeading(text: string, marked: number, at: HeadingBlock['at']): HeadingBlock | null {
  if (marked === 0 && !NUMBERED_START.test(text)) return null;
  let m: RegExpExecArray | null;
  const isMarked = marked > 0;
  const heading = (numbering: HeadingBlock['numbering'], number: string, title: string): HeadingBlock => ({
    type: 'heading',
    text,
    numbering,
    number,
    title,
    marked: isMarked,
    at,
  });
  if ((m = TABLE_LABEL.exec(text))) return heading('table', m[1], '');
  if ((m = PART.exec(text)) && titleLike(text.slice(m[0].length), 60))
    return heading('part', m[1], text.slice(m[0].length).trim());
  if ((m = SECTION.exec(text)) && titleLike(text.slice(m[0].length), 80))
    return heading('section', m[1], text.slice(m[0].length).trim());
  if ((m = SUBSECTION.exec(text)) && titleLike(text.slice(m[0].length), 60))
    return heading('subsection', m[1], text.slice(m[0].length).trim());
  if ((m = ITEM.exec(text)) && (isMarked || titleLike(text.slice(m[0].length), 30)))
    return heading('item', m[1] ?? m[2], text.slice(m[0].length).trim());
  if (isMarked) return { type: 'heading', text, numbering: 'none', title: text, marked: true, at };
  return null;
}

function startsNumbered(text: string): boolean {
  if (!NUMBERED_START.test(text)) return false;
  return PART.test(text) || SECTION.test(text) || SUBSECTION.test(text) || ITEM.test(text) || TABLE_LABEL.test(text);
}

/** the separator between two pieces of one paragraph: none between CJK characters, one space between Latin words */
function joinSeparator(aLast: number, bFirst: number): string {
  return isLatinOrDigit(aLast) && isLatin(bFirst) ? ' ' : '';
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinOrDigit = (c: number) => isLatin(c) || isDigitCode(c);
/** 。；;：:！？!? — a piece ending in one of them ends its sentence */
const SENTENCE_END = new Set([0x3002, 0xff1b, 0x3b, 0xff1a, 0x3a, 0xff01, 0xff1f, 0x21, 0x3f]);
/** \d.．，,、 — a piece ending in one of them is continued by the next */
const OPEN_END = new Set([0x2e, 0xff0e, 0xff0c, 0x2c, 0x3001]);
/** 。；;，, — PROSE at the last character (a comma counts there: no digit follows it yet) */
const PROSE_END = new Set([0x3002, 0xff1b, 0x3b, 0xff0c, 0x2c]);

/** A piece of a joined paragraph: where it starts in the paragraph's text and in the input. */
type ParagraphPiece = { offset: number; line: number; column: number };

/**
 * A paragraph being joined from lines, kept as pieces with what the joining rules ask of the whole text (its
 * first characters, its last character, whether PROSE matches it) updated per piece: testing the growing text
 * itself made reading quadratic in the length of a paragraph. Characters are tested by char code and the arrays
 * of pieces made only when a second piece joins: a string indexed by [i] makes a new string for every CJK character,
 * and that garbage, and a paragraph's arrays for every one-line paragraph, made long texts cost more than their
 * length (collected by the young generation's copying, whose work grows with what the text keeps alive).
 */
class Paragraph {
  #first: string;
  #parts: string[] | null = null;
  #pieces: ParagraphPiece[] | null = null;
  length = 0;
  /** char code of the last character (code unit) */
  lastCode = -1;
  /** PROSE matches at a position before the last character (the last one's match depends on what follows) */
  #proseBefore = false;
  endLine: number;

  constructor(
    text: string,
    readonly line: number,
    readonly column: number,
  ) {
    this.#first = text;
    this.endLine = line;
    this.#scan(text);
    this.length = text.length;
    this.lastCode = text.charCodeAt(text.length - 1);
  }

  /** PROSE = /[。；;]|[，,](?!\d)/ decided over the previous last character and the added text, until it matches */
  #scan(added: string): void {
    if (this.#proseBefore) return;
    let prev = this.lastCode;
    for (let i = 0; i < added.length; i++) {
      const c = added.charCodeAt(i);
      if (
        prev === 0x3002 ||
        prev === 0xff1b ||
        prev === 0x3b ||
        ((prev === 0xff0c || prev === 0x2c) && !isDigitCode(c))
      ) {
        this.#proseBefore = true;
        return;
      }
      prev = c;
    }
  }

  append(text: string, line: number, column: number): void {
    const sep = joinSeparator(this.lastCode, text.charCodeAt(0));
    const added = sep ? sep + text : text;
    this.#scan(added);
    if (!this.#parts) {
      this.#parts = [this.#first];
      this.#pieces = [{ offset: 0, line: this.line, column: this.column }];
    }
    this.#parts.push(added);
    this.#pieces!.push({ offset: this.length + sep.length, line, column });
    this.length += added.length;
    this.lastCode = added.charCodeAt(added.length - 1);
    this.endLine = line;
  }

  /** PROSE.test(text) */
  prose(): boolean {
    return this.#proseBefore || PROSE_END.has(this.lastCode);
  }

  /** whether the last character ends a sentence (。；;：:！？!?) */
  endsSentence(): boolean {
    return SENTENCE_END.has(this.lastCode);
  }

  /** whether the last character leaves the text open for a continuation (a digit, . ． ， , 、) */
  endsOpen(): boolean {
    return isDigitCode(this.lastCode) || OPEN_END.has(this.lastCode);
  }

  /** whether `other` begins with the paragraph's first six characters (other.slice(0, 6) === text.slice(0, 6)) */
  sameStart(other: string): boolean {
    if (other.length < 6 || this.length < 6) return false;
    if (this.#first.length >= 6) {
      for (let i = 0; i < 6; i++) if (other.charCodeAt(i) !== this.#first.charCodeAt(i)) return false;
      return true;
    }
    return other.startsWith(this.text().slice(0, 6));
  }

  /** the pieces, when the paragraph was joined from more than one line */
  pieces(): ParagraphPiece[] | null {
    return this.#pieces;
  }

  text(): string {
    return this.#parts ? this.#parts.join('') : this.#first;
  }
}

/**
 * Reads converted text into blocks. Lines with tabs are table rows (consecutive rows form one grid);
 * numbered or Markdown-marked title lines are headings; other lines form paragraphs. A paragraph cut by a
 * page break (prose not ending a sentence, then a blank gap, then an unnumbered continuation) is rejoined.
 */
export function readText(input: string, format = 'text'): ReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const crlf = text.includes('\r');
  const lines = crlf ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const noisy = crlf ? undefined : noisyLines(text, lines);
  const blocks: Block[] = [];
  let para: Paragraph | null = null;
  let table: { rows: CellBlock[][]; line: number; column: number; endLine: number } | null = null;
  let blankSince = 0;

  const flushPara = () => {
    if (para) {
      const block: Block = {
        type: 'paragraph',
        text: para.text(),
        at: { line: para.line, column: para.column, endLine: para.endLine },
      };
      const pieces = para.pieces();
      if (pieces) block.pieces = pieces;
      blocks.push(block);
    }
    para = null;
  };
  const flushTable = () => {
    if (table)
      blocks.push({
        type: 'table',
        rows: table.rows,
        at: { line: table.line, column: table.column, endLine: table.endLine },
      });
    table = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (!startsVisible(raw) && !NOT_BLANK.test(raw)) {
      blankSince++;
      flushTable();
      continue;
    }
    const gap = blankSince;
    blankSince = 0;

    if (raw.includes('\t')) {
      flushPara();
      const row: CellBlock[] = [];
      // a line without noise characters has none in its cells: they are only trimmed
      const noisyLine = noisy ? noisy[i] === 1 : NOISE.test(raw);
      let from = 0;
      for (;;) {
        const tab = raw.indexOf('\t', from);
        const to = tab < 0 ? raw.length : tab;
        const col = from + 1;
        if (to === from) row.push({ text: '', at: { line: lineNo, column: col } });
        else if (noisyLine) {
          const c = cleanLine(raw.slice(from, to));
          row.push({ text: c.text, at: { line: lineNo, column: col + c.column - 1 } });
        } else {
          let a = from;
          let b = to;
          while (a < b && isWhitespace(raw.charCodeAt(a))) a++;
          while (b > a && isWhitespace(raw.charCodeAt(b - 1))) b--;
          row.push({
            text: a === from && b === to ? raw.slice(from, to) : raw.slice(a, b),
            at: { line: lineNo, column: col + (a - from) },
          });
        }
        if (tab < 0) break;
        from = tab + 1;
      }
      if (!table) table = { rows: [], line: lineNo, column: 1, endLine: lineNo };
      table.rows.push(row);
      table.endLine = lineNo;
      continue;
    }
    flushTable();

    const c = cleanLine(raw, noisy ? noisy[i] === 1 : NOISE.test(raw));
    if (c.text === '') continue;
    const heading = classifyHeading(c.text, c.marked, { line: lineNo, column: c.column });
    if (heading) {
      flushPara();
      blocks.push(heading);
      continue;
    }
    const listItem = /^\s*[-*+]\s/.test(raw);
    if (para && !listItem && !startsNumbered(c.text)) {
      const p: Paragraph = para;
      const continuesDirectly = gap === 0;
      // a sentence cut by a page break: the previous piece is prose that does not end a sentence
      const openSentence = !p.endsSentence();
      const continuation = /^(?:万?元|[，,。；、%％）)])/.test(c.text) || p.endsOpen();
      // a new "label：value" line or a sentence repeating the paragraph's subject starts a new paragraph
      const labelLine = /^[\u4e00-\u9fff（）()]{2,12}[:：]/.test(c.text);
      const sameSubject = p.sameStart(c.text);
      const cutByPageBreak =
        gap > 0 &&
        openSentence &&
        p.length >= 12 &&
        (p.prose() || continuation) &&
        !(labelLine && !continuation) &&
        !sameSubject;
      if (continuesDirectly || cutByPageBreak) {
        p.append(c.text, lineNo, c.column);
        continue;
      }
    }
    flushPara();
    para = new Paragraph(c.text, lineNo, c.column);
  }
  flushPara();
  flushTable();
  return { blocks, lines: lines.length, bytes: Buffer.byteLength(input, 'utf8'), format };
}

/** Decodes bytes as UTF-8 text, refusing binary data and other encodings with a clear reason. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0)
    throw new ReadError(file, '文件为空 (empty file)', 'provide a disclosure text, e.g. one converted from its PDF');
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  // binary data in none of the formats detected before the text path
  if (sample.indexOf(0) >= 0) throw unknownFormat(file);
  // validated, then decoded by Buffer (several times faster than a fatal TextDecoder); a leading byte order mark is
  // dropped as TextDecoder drops it
  if (!isUtf8(bytes))
    throw new ReadError(file, '不是 UTF-8 编码的文本 (text is not UTF-8)', 'save the file as UTF-8 and try again');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

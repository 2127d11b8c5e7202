// The HTML reader (web pages in UTF-8 or GBK/GB2312/GB18030, and the HTML mammoth makes of DOCX): headings,
// paragraphs and tables (colspan/rowspan kept as empty cells, text in the first) → the text reader's blocks.
import type { Block, ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { blocksFromLines, type SourceLine } from './lines.js';
import { normalisePdfText } from './normalise.js';

// ---------------------------------------------------------------------------------------------------------------
// decoding

const GB_CHARSETS = /^(?:gbk|gb2312|gb_2312-80|gb18030|x-gbk|cp936|euc-cn)$/i;

/** The charset a page declares (BOM, <meta charset>, http-equiv content type), or undefined. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf-16';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

/** Decodes a web page: its declared charset (GBK family through the GB18030 decoder), else UTF-8, else GB18030. */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  const charset = declaredCharset(bytes);
  const tryDecode = (label: string, fatal: boolean) => new TextDecoder(label, { fatal }).decode(bytes);
  if (charset && GB_CHARSETS.test(charset)) return tryDecode('gb18030', false);
  if (charset === 'utf-16') return tryDecode(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', false);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return tryDecode(charset, false);
    } catch {
      throw new ReadError(
        file,
        `网页声明的编码 ${charset} 无法识别 (unknown charset)`,
        'save the page as UTF-8 or GBK',
      );
    }
  }
  try {
    return tryDecode('utf-8', true);
  } catch {
    // undeclared and not UTF-8: Chinese government sites that omit the charset serve GBK
    return tryDecode('gb18030', false);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// parsing

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  yen: '¥',
  emsp: ' ',
  ensp: ' ',
  thinsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Collapses HTML whitespace: none for a source line break between two CJK characters, one space elsewhere. */
function collapse(s: string): string {
  return s.replace(/\s+/g, (ws, off: number, all: string) => {
    const before = all[off - 1] ?? '';
    const after = all[off + ws.length] ?? '';
    return /\n/.test(ws) && /[\u2e80-\u9fff\uff00-\uffef]/.test(before) && /[\u2e80-\u9fff\uff00-\uffef]/.test(after)
      ? ''
      : ' ';
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'center',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'address',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const SKIP_TAGS = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'object', 'iframe']);

interface OpenCell {
  text: string;
  colspan: number;
  rowspan: number;
  line: number;
}

interface OpenTable {
  rows: { texts: string[]; lines: number[]; line: number }[];
  /** columns still covered by a rowspan from above: column → rows left */
  covered: Map<number, number>;
  row: { texts: string[]; lines: number[]; line: number } | null;
  cell: OpenCell | null;
  depth: number;
}

/** Reads HTML text into source lines: headings marked with #, blocks separated by blank lines, tables as tab rows. */
export function htmlLines(html: string): SourceLine[] {
  const out: SourceLine[] = [];
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0,
      hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let buffer = '';
  let bufferLine = 1;
  let heading = 0;
  let skip = 0;
  let table: OpenTable | null = null;
  const blank = () => {
    if (out.length && out[out.length - 1].text !== '') out.push({ text: '' });
  };
  const flush = (paragraphEnd: boolean) => {
    const text = normalisePdfText(collapse(decodeEntities(buffer))).trim();
    buffer = '';
    if (text) {
      out.push({ text: heading ? `${'#'.repeat(heading)} ${text}` : text, at: { line: bufferLine, column: 1 } });
    }
    if (paragraphEnd) blank();
  };
  const finishCell = () => {
    if (!table?.cell) return;
    const row = table.row ?? (table.row = { texts: [], lines: [], line: table.cell.line });
    // skip columns covered by a rowspan from the rows above
    while (table.covered.has(row.texts.length)) {
      row.texts.push('');
      row.lines.push(table.cell.line);
    }
    const text = normalisePdfText(collapse(decodeEntities(table.cell.text))).trim();
    const start = row.texts.length;
    for (let k = 0; k < table.cell.colspan; k++) {
      row.texts.push(k === 0 ? text : '');
      row.lines.push(table.cell.line);
      if (table.cell.rowspan > 1) table.covered.set(start + k, table.cell.rowspan);
    }
    table.cell = null;
  };
  const finishRow = () => {
    if (!table) return;
    finishCell();
    if (table.row) {
      while (table.covered.has(table.row.texts.length)) {
        table.row.texts.push('');
        table.row.lines.push(table.row.line);
      }
      table.rows.push(table.row);
      // one row of every rowspan is used up (cells that started in this row included)
      for (const [col, left] of [...table.covered]) {
        if (left <= 1) table.covered.delete(col);
        else table.covered.set(col, left - 1);
      }
    }
    table.row = null;
  };
  const finishTable = () => {
    if (!table) return;
    finishRow();
    const width = Math.max(0, ...table.rows.map((r) => r.texts.length));
    blank();
    for (const r of table.rows) {
      if (r.texts.every((t) => t === '')) continue;
      const texts = r.texts.map((t) => t.replace(/\t/g, ' '));
      while (texts.length < width) texts.push('');
      out.push({
        text: texts.length === 1 ? `${texts[0]}\t` : texts.join('\t'),
        at: { line: r.line, column: 1 },
        cells: r.lines.map((line) => ({ line, column: 1 })),
      });
    }
    blank();
    table = null;
  };

  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|<![^>]*>|<\?[^>]*>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(cleaned))) {
    const [, closing, rawName, attrs, text] = m;
    if (text !== undefined) {
      if (skip) continue;
      if (table?.cell) table.cell.text += text;
      else if (!table) {
        if (!buffer.trim()) bufferLine = lineOf(m.index + (text.length - text.trimStart().length));
        buffer += text;
      }
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (SKIP_TAGS.has(name)) {
      if (name === 'head' || name === 'title' || !/\/\s*$/.test(attrs ?? ''))
        skip = Math.max(0, skip + (closing ? -1 : 1));
      continue;
    }
    if (skip) continue;
    if (name === 'table') {
      if (!closing) {
        if (table) {
          table.depth++;
          continue;
        }
        flush(true);
        table = { rows: [], covered: new Map(), row: null, cell: null, depth: 0 };
      } else if (table) {
        if (table.depth > 0) table.depth--;
        else finishTable();
      }
      continue;
    }
    if (table) {
      if (table.depth > 0) {
        // a table inside a cell: its cells become text of the outer cell
        if (table.cell && (name === 'td' || name === 'th' || name === 'br' || name === 'p') && !closing)
          table.cell.text += ' ';
        continue;
      }
      if (name === 'tr') {
        if (closing) finishRow();
        else {
          finishRow();
          table.row = { texts: [], lines: [], line: lineOf(m.index) };
        }
      } else if (name === 'td' || name === 'th') {
        if (closing) finishCell();
        else {
          finishCell();
          if (!table.row) table.row = { texts: [], lines: [], line: lineOf(m.index) };
          const span = (attr: string) =>
            Math.min(
              100,
              Math.max(1, Number(new RegExp(`${attr}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs ?? '')?.[1] ?? 1)),
            );
          table.cell = { text: '', colspan: span('colspan'), rowspan: span('rowspan'), line: lineOf(m.index) };
        }
      } else if (table.cell && (name === 'br' || name === 'p' || name === 'div') && !closing) {
        // a line break inside a cell is wrapping, not a new cell
        table.cell.text += ' ';
      }
      continue;
    }
    if (name === 'br') {
      flush(false);
      continue;
    }
    if (BLOCK_TAGS.has(name)) {
      flush(true);
      const level = /^h([1-6])$/.exec(name);
      if (level) heading = closing ? 0 : Number(level[1]);
    }
  }
  if (table) finishTable();
  flush(true);
  while (out.length && out[out.length - 1].text === '') out.pop();
  return out;
}

/** Reads a web page into blocks. */
export function readHtml(bytes: Uint8Array, file: string): ReadResult {
  const html = decodeHtml(bytes, file);
  return readHtmlString(html, 'html', bytes.length);
}

export function readHtmlString(html: string, format: string, bytes: number): ReadResult {
  const lines = htmlLines(html);
  return blocksFromLines(lines, format, bytes);
}

export type { Block };

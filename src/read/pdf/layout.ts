// Pages → the text reader's input: one line per printed line, paragraphs and wrapped titles rejoined, grids as
// tab-separated rows (a table continued on the next page joined), and a map back to each line's page and box.
import type { Block, CellBlock } from '../blocks.js';
import { marginKey } from './furniture.js';
import { type Box, type TextLine, type PageContent, indexAtOrBefore, unionBox, unionBoxes } from './geometry.js';

interface LineSource {
  page: number;
  box: Box;
  cells?: Box[];
}

interface OpenTable {
  header: Set<string>;
  lead: string[];
  width: number;
  cols: number[];
}

/** Puts every non-empty cell in the column whose left edge is the last at or before the cell's text. */
function realign(rows: { text: string; box: Box }[][], cols: number[]): { text: string; box: Box }[][] {
  return rows.map((row) => {
    const out = cols.map((x, k) => ({
      text: '',
      box: [x, row[0]?.box[1] ?? 0, cols[k + 1] ?? x, row[0]?.box[3] ?? 0] as Box,
    }));
    for (const c of row) {
      if (!c.text) continue;
      const k = Math.max(0, indexAtOrBefore(cols, c.box[0]));
      out[k] = out[k].text ? { text: `${out[k].text} ${c.text}`, box: unionBox(out[k].box, c.box) } : { ...c };
    }
    return out;
  });
}

/** An amount as tables print it (grouped thousands or decimals), unlike 栏次 numbers and codes. */
function isAmount(text: string): boolean {
  return /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$/.test(text.replace(/\s+/g, ''));
}

/**
 * A grid whose first row holds one text alone that ends in 表 (北京's tables draw "预算05表 一般公共预算支出表" inside
 * their ruling): a new table, never the continuation of the previous page's.
 */
function titledGrid(rows: Array<Array<{ text: string }>>): boolean {
  const filled = (rows[0] ?? []).filter((c) => c.text.trim() !== '');
  if (filled.length !== 1) return false;
  const t = filled[0].text.replace(/\s+/g, '');
  return t.length <= 40 && /表$/.test(t) && !/[:：]/.test(t);
}

/** The rows above a grid's first row of amounts (at most five): what a continued page repeats. */
function headerKeys(rows: { text: string }[][]): Set<string> {
  const keys = new Set<string>();
  for (const r of rows.slice(0, 5)) {
    if (r.some((c) => isAmount(c.text))) break;
    keys.add(rowKey(r));
  }
  return keys;
}

function rowKey(row: { text: string }[]): string {
  return row.map((c) => c.text.replace(/\s+/g, '')).join('|');
}

/**
 * Writes the pages as the text reader's input: one line per printed line, a blank line where a paragraph ends,
 * tab-separated rows for grids. A table continued on the next page joins the previous grid (its repeated header
 * rows, title and unit line dropped).
 */
export function layout(pages: PageContent[]): { text: string; sources: LineSource[] } {
  const out: string[] = [];
  const sources: LineSource[] = [];
  const push = (s: string, src: LineSource) => {
    out.push(s);
    sources.push(src);
  };
  const blank = (page: number) => {
    if (out.length && out[out.length - 1] !== '') push('', { page, box: [0, 0, 0, 0] });
  };
  let openTable: OpenTable | null = null;
  let lastLine: { line: TextLine; page: number } | null = null;
  /** the last printed line (lastLine may hold several printed lines joined) */
  let lastPhys: TextLine | null = null;
  // text margins per page format (portrait and landscape pages differ): where long lines start and end
  const edges = new Map<number, { x0: number[]; x1: number[] }>();
  for (const p of pages) {
    const e = edges.get(Math.round(p.width)) ?? { x0: [], x1: [] };
    edges.set(Math.round(p.width), e);
    for (const it of p.items) {
      if (it.kind === 'line' && it.line.text.length > 20) {
        e.x0.push(it.line.box[0]);
        e.x1.push(it.line.box[2]);
      }
    }
  }
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  const margins = (p: PageContent): [number, number] => {
    const e = edges.get(Math.round(p.width));
    return e && e.x0.length ? [quantile(e.x0, 0.1), quantile(e.x1, 0.9)] : [0, p.width];
  };
  // the body text's size: the size most characters are printed in
  const bySize = new Map<number, number>();
  for (const p of pages)
    for (const it of p.items)
      if (it.kind === 'line')
        bySize.set(Math.round(it.line.size), (bySize.get(Math.round(it.line.size)) ?? 0) + it.line.text.length);
  const bodySize = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  // line pitch of body text: the most common distance between consecutive body lines of a page
  const pitches = new Map<number, number>();
  for (const p of pages) {
    let prev: TextLine | null = null;
    for (const it of p.items) {
      if (it.kind !== 'line') {
        prev = null;
        continue;
      }
      const l = it.line;
      if (prev && Math.round(prev.size) === bodySize && Math.round(l.size) === bodySize) {
        const d = Math.round(l.box[1] - prev.box[1]);
        if (d > 0 && d < bodySize * 3) pitches.set(d, (pitches.get(d) ?? 0) + 1);
      }
      prev = l;
    }
  }
  const pitch = [...pitches].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  /** the previous page's last line when it is prose left open at the right margin: the next page may continue it */
  let openProse: { line: TextLine; right: number } | null;
  let right = 0;
  for (const p of pages) {
    openProse =
      lastPhys &&
      lastLine &&
      out.at(-1) === lastLine.line.text &&
      !/[。；;：:！？!?]$/.test(lastPhys.text) &&
      lastPhys.box[2] >= right - lastPhys.size * 1.5
        ? { line: lastPhys, right }
        : null;
    blank(p.page);
    lastLine = null;
    lastPhys = null;
    const [leftMargin, rightMargin] = margins(p);
    right = rightMargin;
    // a page that opens with a table continuing the previous page's table: skip its repeated lead lines
    let k = 0;
    let continuing: OpenTable | null = null;
    if (openTable) {
      let j = 0;
      while (j < p.items.length && j < 4 && p.items[j].kind === 'line') j++;
      const first = p.items[j];
      const lead = openTable.lead;
      // (compared as text: the previous page may have joined a title's lines into one)
      const leadText = lead.join('');
      const leadRepeats = p.items
        .slice(0, j)
        .every((it) => it.kind === 'line' && leadText.includes(marginKey(it.line.text)));
      // a grid right at the top of the page, or after the table's repeated title and unit lines, continues it
      // (a continuation with more columns than the table is another segment: it stays a grid of its own)
      if (
        first?.kind === 'grid' &&
        leadRepeats &&
        first.grid.rows[0].length <= openTable.width &&
        !titledGrid(first.grid.rows)
      ) {
        // the page-break blank line: the grid continues
        out.pop();
        sources.pop();
        k = j;
        continuing = openTable;
      }
      openTable = null;
    }
    const lead: string[] = [];
    for (; k < p.items.length; k++) {
      const it = p.items[k];
      if (it.kind === 'grid') {
        // the assertion breaks a circular inference through the loop (TS7022 without it), though the linter calls it needless
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        const cont = continuing as OpenTable | null;
        if (!cont) blank(p.page);
        const header: Set<string> = cont?.header ?? headerKeys(it.grid.rows);
        let first = true;
        // a continuation drawn with other column rules (a last row of merged cells): cells go to the open table's
        // columns by their x position
        const rows = cont && it.grid.rows[0].length !== cont.width ? realign(it.grid.rows, cont.cols) : it.grid.rows;
        for (const row of rows) {
          if (row.every((c) => c.text === '')) continue;
          // a continued table's repeated header rows
          if (cont && first && header.has(rowKey(row))) continue;
          first = false;
          const texts = row.map((c) => c.text);
          push(texts.length === 1 ? `${texts[0]}\t` : texts.join('\t'), {
            page: p.page,
            box: unionBoxes(row.map((c) => c.box)),
            cells: row.map((c) => c.box),
          });
        }
        openTable = cont
          ? { ...cont }
          : { header, lead: lead.slice(-3), width: it.grid.rows[0].length, cols: it.grid.cols };
        continuing = null;
        lead.length = 0;
        lastLine = null;
        lastPhys = null;
        continue;
      }
      const l = it.line;
      openTable = null;
      continuing = null;
      // a title wrapped over lines is one line for the text reader (which classifies headings line by line)
      const merge = (text: string) => {
        const merged: TextLine = { text, box: unionBox(lastLine!.line.box, l.box), size: lastLine!.line.size };
        out[out.length - 1] = merged.text;
        sources[sources.length - 1] = { page: p.page, box: merged.box };
        lead[lead.length - 1] = marginKey(merged.text);
        lastLine = { line: merged, page: p.page };
        lastPhys = l;
      };
      const open = lastLine && lastPhys && out.at(-1) === lastLine.line.text;
      if (open && titleContinues(lastPhys!, l, bodySize, p.page === 1, rightMargin)) {
        merge(joinTitle(lastLine!.line.text, l.text));
        continue;
      }
      const breaks = lastPhys
        ? isTocHeading(l) ||
          isTocHeading(lastPhys) ||
          paragraphBreak(lastPhys, l, leftMargin, rightMargin, bodySize, p.page === 1, pitch)
        : false;
      // a numbered line wrapped onto the next, or a sentence wrapped just before "一、…" / "1.", reads like a new
      // numbered line to the text reader: keep the lines together when the first ran to the right margin without
      // ending its sentence
      const wrapped =
        open && !breaks && lastPhys!.box[2] >= rightMargin - l.size * 1.5 && !/[。；;：:！？!?]$/.test(lastPhys!.text);
      if (wrapped && (NUMBERED_START.test(l.text) || NUMBERED_START.test(lastLine!.line.text))) {
        merge(lastLine!.line.text + l.text);
        continue;
      }
      if (breaks) blank(p.page);
      if (out.at(-1)?.includes('\t')) blank(p.page);
      // a sentence cut by the page break: the first line of the page starts at the left margin in the same type
      // and is no numbered heading (the text reader would take "要原因是：…" for a label line of its own)
      if (
        k === 0 &&
        openProse &&
        out.at(-1) === '' &&
        Math.abs(l.size - openProse.line.size) <= 1 &&
        l.box[0] - leftMargin <= l.size * 0.5 &&
        !NUMBERED_START.test(l.text)
      ) {
        out.pop();
        sources.pop();
      }
      push(l.text, { page: p.page, box: l.box });
      lead.push(marginKey(l.text));
      lastLine = { line: l, page: p.page };
      lastPhys = l;
    }
  }
  return { text: out.join('\n'), sources };
}

const NUMBERED_START =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d)|表\s*[一二三四五六七八九十\d])/;
const NUMBERED_TITLE =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|表\s*[一二三四五六七八九十\d]{1,3})/;

const STANDS_ALONE = /^(?:目录$|第[一二三四五六七八九十]+部分)/;
/** the 目录 heading: a paragraph of its own, whatever the spacing around it */
const isTocHeading = (l: TextLine) => l.text.length <= 8 && /^目录$/.test(l.text.replace(/\s+/g, ''));

/** Whether `next` continues the title printed on `prev`: large title lines, or a numbered heading wrapped. */
function titleContinues(prev: TextLine, next: TextLine, bodySize: number, cover: boolean, right: number): boolean {
  const large = (l: TextLine) => l.size >= bodySize * 1.3;
  if (/[。；：:，,]/.test(prev.text + next.text)) return false;
  // the 目录 heading and a part heading under a large cover title are lines of their own
  if (STANDS_ALONE.test(next.text.replace(/\s+/g, '')) || isTocHeading(prev)) return false;
  // a numbered heading that reached the right margin and ends on the next line ("…支出预" / "算表")
  const size = Math.max(prev.size, next.size);
  if (
    NUMBERED_TITLE.test(prev.text) &&
    prev.box[2] >= right - size * 2 &&
    next.text.length <= 8 &&
    next.box[1] - prev.box[3] <= size * 1.2
  )
    return true;
  if (!large(prev)) return false;
  if (cover) return large(next);
  return Math.abs(prev.size - next.size) <= 1 && next.box[1] - prev.box[3] <= Math.max(prev.size, next.size) * 1.2;
}

function joinTitle(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * A new paragraph starts after a wide vertical gap, at a first-line indent, or after a line ending short; a title
 * printed large over several lines stays one block.
 */
function paragraphBreak(
  prev: TextLine,
  next: TextLine,
  left: number,
  right: number,
  bodySize: number,
  cover: boolean,
  pitch: number,
): boolean {
  const size = Math.max(prev.size, next.size);
  const gap = next.box[1] - prev.box[3];
  // the document's usual distance between the lines of a paragraph (official documents often set 28–30 pt)
  const wide =
    Math.abs(prev.size - bodySize) <= 1 && pitch > 0 ? next.box[1] - prev.box[1] > pitch * 1.35 : gap > size * 0.9;
  const large = (l: TextLine) => l.size >= bodySize * 1.3;
  // on the cover the unit and "2024年部门预算" may be printed in two large sizes: still one title
  const title =
    large(prev) &&
    (cover ? large(next) : Math.abs(prev.size - next.size) <= 1) &&
    !/[。；]$/.test(prev.text) &&
    !/[:：]/.test(prev.text + next.text);
  // on the cover the large lines (unit, year and kind) form the title however widely spaced; elsewhere a title's
  // lines sit close together
  if (title) return cover ? false : gap > size * 1.2;
  if (wide) return true;
  if (next.box[0] - left > size * 1.5 && next.box[0] - prev.box[0] > size * 0.8) return true;
  if (prev.box[2] < right - size * 2.5) return true;
  // centred titles and differently sized lines are not continued prose
  return Math.abs(prev.size - next.size) > 1.5;
}

/** Gives every block and cell its page and box, from the line it was read from. */
export function placeBlocks(blocks: Block[], sources: LineSource[]): void {
  const src = (line: number) => sources[line - 1];
  const placeOf = (line: number, endLine?: number) => {
    const first = src(line);
    if (!first) return {};
    let box = first.box;
    for (let l = line + 1; endLine && l <= endLine; l++) {
      const s = src(l);
      if (s && s.page === first.page && s.box[2] > 0) box = unionBox(box, s.box);
    }
    return { page: first.page, box: box.map((n) => Math.round(n * 10) / 10) as Box };
  };
  for (const b of blocks) {
    Object.assign(b.at, placeOf(b.at.line, b.at.endLine));
    // each joined line keeps its own page and box: a paragraph may run onto the next page
    if (b.type === 'paragraph' && b.pieces) for (const piece of b.pieces) Object.assign(piece, placeOf(piece.line));
    if (b.type === 'table') {
      for (const row of b.rows) placeCells(row, src(row[0]?.at.line ?? 0));
    }
  }
}

function placeCells(row: CellBlock[], source: LineSource | undefined): void {
  if (!source) return;
  row.forEach((c, k) => {
    const box = source.cells?.[k] ?? source.box;
    c.at.column = k + 1;
    c.at.page = source.page;
    c.at.box = box.map((n) => Math.round(n * 10) / 10) as Box;
  });
}

// The PDF reader: text with positions and ruling lines (pdfjs-dist) → the same blocks the text reader produces,
// every block and cell carrying its page and box (PDF points, origin top-left of the page as displayed).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Block, CellBlock, ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { reclassifyHeadings } from './lines.js';
import { normaliseCodePoints, normalisePdfText } from './normalise.js';
import { refuseInflationBomb } from './pdf-streams.js';
import { readText } from './text.js';

/** More pages than any disclosure has: refusing early bounds time and memory. */
export const MAX_PDF_PAGES = 1000;

/** Time budget for reading one PDF's pages (a disclosure takes seconds). */
export const MAX_READ_SECONDS = 180;

type Box = [number, number, number, number];

/** A run of text on one line (an item of the text layer, split where it holds wide gaps). */
interface Piece {
  text: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyphs, baseline */
  top: number;
  bottom: number;
  base: number;
  size: number;
}

interface Rule {
  /** horizontal: y fixed, from a to b in x; vertical: x fixed, from a to b in y */
  at: number;
  a: number;
  b: number;
}

interface Grid {
  box: Box;
  /** left edge of every column */
  cols: number[];
  rows: { text: string; box: Box }[][];
}

interface TextLine {
  text: string;
  box: Box;
  size: number;
}

/** What one page contributes, in reading order. */
type PageItem = { kind: 'line'; line: TextLine } | { kind: 'grid'; grid: Grid };

interface PageContent {
  page: number;
  width: number;
  height: number;
  items: PageItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// pdfjs loading

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Directory of pdfjs-dist's bundled data (CMaps for CJK fonts, standard font metrics); no network. */
function pdfjsDataDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

// ---------------------------------------------------------------------------------------------------------------
// text normalisation

/** Display width of a character in ems (CJK and full-width 1, others 0.5): places split pieces inside an item. */
function charWeight(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0x2e80 ? 1 : 0.5;
}

function isNumeric(text: string): boolean {
  return /^[-−(（]?\d[\d,，]*(?:\.\d+)?[)）]?%?$/.test(text.replace(/\s+/g, ''));
}

// ---------------------------------------------------------------------------------------------------------------
// page → pieces and rules

type Matrix = [number, number, number, number, number, number];

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function piecesOf(items: TextItemLike[], viewport: Matrix): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    if (!item.str || !item.str.trim()) continue;
    const m = mul(viewport, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || Math.abs(item.height) || 10;
    const dirLen = Math.hypot(m[0], m[1]) || 1;
    const dx = m[0] / dirLen;
    const dy = m[1] / dirLen;
    // text running along y (rotated pages' stamps, vertical labels) is kept but laid out by its start point
    const width = item.width * (Math.abs(dx) >= Math.abs(dy) ? 1 : 0) || 0;
    const scale = Math.abs(viewport[0]) + Math.abs(viewport[1]) || 1;
    const w = width * scale * Math.sign(dx || 1);
    const baseX = m[4];
    const baseY = m[5];
    const str = normalisePdfText(item.str);
    const chars = [...str];
    const total = chars.reduce((s, ch) => s + charWeight(ch), 0) || 1;
    // split where the item holds two or more spaces: separate cells drawn by one text operation
    const re = /\S+(?:\s\S+)*/g;
    let m2: RegExpExecArray | null;
    while ((m2 = re.exec(str))) {
      const before = [...str.slice(0, m2.index)].reduce((s, ch) => s + charWeight(ch), 0);
      const len = [...m2[0]].reduce((s, ch) => s + charWeight(ch), 0);
      const xa = baseX + (w * before) / total;
      const xb = baseX + (w * (before + len)) / total;
      pieces.push({
        text: m2[0],
        x0: Math.min(xa, xb),
        x1: Math.max(xa, xb, Math.min(xa, xb) + 1),
        top: baseY - size * 0.85,
        bottom: baseY + size * 0.15,
        base: baseY,
        size,
      });
    }
  }
  return pieces;
}

interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[][];
}

/** Ruling lines: stroked path segments and thin filled rectangles, in viewport coordinates. */
function rulesOf(ops: OperatorListLike, OPS: PdfJs['OPS'], viewport: Matrix): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  const addSegment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 1 && Math.abs(x1 - x0) >= 2) h.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 1 && Math.abs(y1 - y0) >= 2) v.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.transform) ctm = mul(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null;
      if (matrix && matrix.length === 6) ctm = mul(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const stroke = strokeOps.has(op);
      const fill = fillOps.has(op);
      if (!stroke && !fill) continue;
      const buf = (args[1] as (Float32Array | null)[])?.[0];
      if (!buf) continue;
      // walk the path: subpaths of moveTo/lineTo (curves end a straight run)
      const subpaths: [number, number][][] = [];
      let cur: [number, number][] = [];
      for (let k = 0; k < buf.length; ) {
        const d = buf[k++];
        if (d === 0) {
          if (cur.length) subpaths.push(cur);
          cur = [apply(ctm, buf[k], buf[k + 1])];
          k += 2;
        } else if (d === 1) {
          cur.push(apply(ctm, buf[k], buf[k + 1]));
          k += 2;
        } else if (d === 2) {
          cur.push(apply(ctm, buf[k + 4], buf[k + 5]));
          k += 6;
        } else if (d === 3) {
          cur.push(apply(ctm, buf[k + 2], buf[k + 3]));
          k += 4;
        } else if (d === 4) {
          if (cur.length) cur.push(cur[0]);
        } else break;
      }
      if (cur.length) subpaths.push(cur);
      for (const sp of subpaths) {
        if (stroke) {
          for (let k = 1; k < sp.length; k++) addSegment(sp[k - 1][0], sp[k - 1][1], sp[k][0], sp[k][1]);
        } else {
          const xs = sp.map((p) => p[0]);
          const ys = sp.map((p) => p[1]);
          const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
          // a thin filled rectangle is a drawn rule (Excel and WPS draw cell borders this way)
          if (y1 - y0 <= 3 && x1 - x0 > 3) h.push({ at: (y0 + y1) / 2, a: x0, b: x1 });
          else if (x1 - x0 <= 3 && y1 - y0 > 3) v.push({ at: (x0 + x1) / 2, a: y0, b: y1 });
        }
      }
    }
  }
  return { h: mergeRules(h), v: mergeRules(v) };
}

/** Joins collinear rules that touch or overlap (borders drawn cell by cell); linear after sorting. */
function mergeRules(rules: Rule[]): Rule[] {
  // rules within 1.5 pt of each other share a line: cluster their positions first, then merge along each line
  const byAt = [...rules].sort((p, q) => p.at - q.at);
  const lineOf = new Map<Rule, number>();
  let line = -1;
  let lineStart = -Infinity;
  for (const r of byAt) {
    if (r.at - lineStart > 1.5) {
      line++;
      lineStart = r.at;
    }
    lineOf.set(r, line);
  }
  const sorted = byAt.sort((p, q) => lineOf.get(p)! - lineOf.get(q)! || p.a - q.a);
  const out: Rule[] = [];
  let lastLine = -1;
  for (const r of sorted) {
    const last = out[out.length - 1];
    const l = lineOf.get(r)!;
    if (last && l === lastLine && r.a <= last.b + 2) {
      last.b = Math.max(last.b, r.b);
      continue;
    }
    out.push({ ...r });
    lastLine = l;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// ruled tables

interface Region {
  box: Box;
  h: Rule[];
  v: Rule[];
}

/** Groups crossing rules into table regions (a region needs two rules each way). */
function regionsOf(h: Rule[], v: Rule[]): Region[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const tol = 3;
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i], b = v[j];
      if (b.at >= a.a - tol && b.at <= a.b + tol && a.at >= b.a - tol && a.at <= b.b + tol) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]);
    else g.v.push(v[i - h.length]);
    groups.set(find(i), g);
  }
  const regions: Region[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const x0 = Math.min(...g.h.map((r) => r.a), ...g.v.map((r) => r.at));
    const x1 = Math.max(...g.h.map((r) => r.b), ...g.v.map((r) => r.at));
    const y0 = Math.min(...g.v.map((r) => r.a), ...g.h.map((r) => r.at));
    const y1 = Math.max(...g.v.map((r) => r.b), ...g.h.map((r) => r.at));
    if (x1 - x0 < 20 || y1 - y0 < 8) continue;
    regions.push({ box: [x0, y0, x1, y1], h: g.h, v: g.v });
  }
  return regions.sort((a, b) => a.box[1] - b.box[1]);
}

/** Distinct positions, values within `tol` of each other counted once. */
function cluster(values: number[], tol = 2.5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > tol) out.push(x);
  return out;
}

function indexAtOrBefore(stops: number[], x: number): number {
  let k = 0;
  for (let i = 0; i < stops.length; i++) if (stops[i] <= x + 2.5) k = i;
  return k;
}

function unionBox(a: Box | undefined, b: Box): Box {
  return a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : [...b];
}

/** Joins pieces of one cell or line: no space between CJK characters, one space where the print leaves a gap. */
function joinPieces(ps: Piece[]): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of ps) {
    if (prev) {
      const sameLine = Math.abs(p.base - prev.base) < Math.max(p.size, prev.size) * 0.5;
      const gap = p.x0 - prev.x1;
      const latinBoundary = /[A-Za-z0-9%)]$/.test(out) && /^[A-Za-z0-9(]/.test(p.text);
      if (sameLine ? gap > Math.max(p.size, prev.size) * 0.8 || (latinBoundary && gap > p.size * 0.15) : latinBoundary) out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out.trim();
}

/** Orders pieces by line (baseline) then by x. */
function readingOrder(ps: Piece[]): Piece[] {
  const sorted = [...ps].sort((a, b) => a.base - b.base);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].base - p.base) < Math.max(line[0].size, p.size) * 0.5) line.push(p);
    else lines.push([p]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.x0 - b.x0));
}

/**
 * A piece drawn across a column rule (one text operation for two cells) splits at its spaces; digits run together
 * across the rule (重庆's bold 合计 rows: "…0.64" and "101,…" drawn as one item "41") split between their characters.
 * Words are left whole: a name may overflow its cell across a rule, an amount never does.
 */
function splitAtRules(p: Piece, v: Rule[]): Piece[] {
  const cy = (p.top + p.bottom) / 2;
  const crosses = (q: Piece) => v.filter((r) => r.at > q.x0 + 2 && r.at < q.x1 - 2 && r.a <= cy && r.b >= cy).map((r) => r.at);
  if (crosses(p).length === 0) return [p];
  const words = /\s/.test(p.text) ? splitRuns(p, /\S+/g) : [p];
  return words.flatMap((w) => {
    const at = crosses(w);
    return at.length && /^[-\d,.]{2,}$/.test(w.text) ? splitDigits(w, at) : [w];
  });
}

/** The runs of a piece matching `re`, each placed by its share of the piece's width (characters weighed). */
function splitRuns(p: Piece, re: RegExp): Piece[] {
  const total = [...p.text].reduce((n, ch) => n + charWeight(ch), 0) || 1;
  const w = p.x1 - p.x0;
  const out: Piece[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(p.text))) {
    const before = [...p.text.slice(0, m.index)].reduce((n, ch) => n + charWeight(ch), 0);
    const len = [...m[0]].reduce((n, ch) => n + charWeight(ch), 0);
    out.push({ ...p, text: m[0], x0: p.x0 + (w * before) / total, x1: p.x0 + (w * (before + len)) / total });
  }
  return out;
}

/** A run of digits split at the rules crossing it: each character goes to the side its middle lies on. */
function splitDigits(p: Piece, rules: number[]): Piece[] {
  const chars = [...p.text];
  const step = (p.x1 - p.x0) / chars.length;
  const parts = new Map<number, { text: string; x0: number; x1: number }>();
  chars.forEach((ch, k) => {
    const x0 = p.x0 + step * k;
    const side = rules.filter((r) => r < x0 + step / 2).length;
    const part = parts.get(side);
    if (part) (part.text += ch), (part.x1 = x0 + step);
    else parts.set(side, { text: ch, x0, x1: x0 + step });
  });
  return [...parts.values()].map((part) => ({ ...p, ...part }));
}

/** Assigns pieces to the cells the rules draw; merged cells put their text in their first row and column. */
function gridOfRegion(region: Region, drawn: Piece[]): Grid {
  const pieces = drawn.flatMap((p) => splitAtRules(p, region.v));
  const xs = cluster(region.v.map((r) => r.at));
  const ys = cluster(region.h.map((r) => r.at));
  const nCols = Math.max(1, xs.length - 1);
  const nRows = Math.max(1, ys.length - 1);
  const cells = new Map<string, Piece[]>();
  const tol = 2;
  for (const p of pieces) {
    const cx = (p.x0 + p.x1) / 2;
    const cy = (p.top + p.bottom) / 2;
    const left = region.v.filter((r) => r.at <= cx + tol && r.a <= cy + tol && r.b >= cy - tol).reduce((m, r) => Math.max(m, r.at), -Infinity);
    const top = region.h.filter((r) => r.at <= cy + tol && r.a <= cx + tol && r.b >= cx - tol).reduce((m, r) => Math.max(m, r.at), -Infinity);
    const col = Math.min(nCols - 1, left === -Infinity ? 0 : indexAtOrBefore(xs, left));
    const row = Math.min(nRows - 1, top === -Infinity ? 0 : indexAtOrBefore(ys, top));
    const key = `${row}:${col}`;
    const list = cells.get(key) ?? [];
    list.push(p);
    cells.set(key, list);
  }
  // a band between two horizontal rules may hold several printed rows (tables ruled only by columns)
  const rows: { text: string; box: Box }[][] = [];
  for (let r = 0; r < nRows; r++) {
    const band: Piece[][] = [];
    for (let c = 0; c < nCols; c++) band.push(cells.get(`${r}:${c}`) ?? []);
    if (band.every((b) => b.length === 0)) continue;
    for (const sub of splitBand(band)) {
      rows.push(
        sub.map((ps, c) => {
          if (ps.length === 0) return { text: '', box: [xs[c] ?? region.box[0], ys[r] ?? region.box[1], xs[c + 1] ?? region.box[2], ys[r + 1] ?? region.box[3]] as Box };
          const ordered = readingOrder(ps);
          return { text: joinPieces(ordered), box: ordered.reduce<Box | undefined>((b, p) => unionBox(b, [p.x0, p.top, p.x1, p.bottom]), undefined)! };
        }),
      );
    }
  }
  return { box: region.box, cols: xs.slice(0, nCols), rows };
}

/** Splits a band into printed rows when a number column holds numbers on more than one baseline. */
function splitBand(band: Piece[][]): Piece[][][] {
  const numericBaselines = new Set<number>();
  let split = false;
  for (const ps of band) {
    const bases = cluster(ps.filter((p) => isNumeric(p.text)).map((p) => p.base), 2);
    if (bases.length > 1) split = true;
    for (const b of bases) numericBaselines.add(b);
  }
  if (!split) return [band];
  const stops = cluster([...numericBaselines], 2);
  // each piece goes to the printed row whose baseline is nearest at or below its own (wrapped names end there)
  const out: Piece[][][] = stops.map(() => band.map(() => []));
  for (let c = 0; c < band.length; c++) {
    for (const p of band[c]) {
      let k = stops.findIndex((s) => s >= p.base - 2);
      if (k < 0) k = stops.length - 1;
      out[k][c].push(p);
    }
  }
  return out.filter((row) => row.some((ps) => ps.length > 0));
}

// ---------------------------------------------------------------------------------------------------------------
// unruled tables and text lines

function linesOf(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].base - p.base) < Math.min(line[0].size, p.size) * 0.45) line.push(p);
    else lines.push([p]);
  }
  for (const l of lines) l.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Pieces of a line separated by gaps wider than two characters: the cells of an unruled table row. */
function chunksOf(line: Piece[]): Piece[][] {
  const chunks: Piece[][] = [];
  for (const p of line) {
    const last = chunks.at(-1);
    const prev = last?.at(-1);
    if (last && prev && p.x0 - prev.x1 < Math.max(p.size, prev.size) * 1.6) last.push(p);
    else chunks.push([p]);
  }
  return chunks;
}

/**
 * Consecutive lines that print several separated chunks with numbers among them form an unruled table; its columns
 * come from the chunk positions of the rows holding numbers.
 */
function unruledGrid(lines: Piece[][]): Grid {
  const rowsChunks = lines.map(chunksOf);
  const numericRows = rowsChunks.filter((cs) => cs.some((c) => isNumeric(joinPieces(c))));
  const basis = numericRows.length ? numericRows : rowsChunks;
  // column intervals: merge overlapping chunk extents of the numeric rows
  const intervals = basis.flatMap((cs) => cs.map((c) => [c[0].x0, c.at(-1)!.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
  const cols: [number, number][] = [];
  for (const iv of intervals) {
    const last = cols.at(-1);
    if (last && iv[0] <= last[1] + 2) last[1] = Math.max(last[1], iv[1]);
    else cols.push([...iv]);
  }
  const rows: { text: string; box: Box }[][] = [];
  let box: Box | undefined;
  for (const cs of rowsChunks) {
    const slots: Piece[][] = cols.map(() => []);
    for (const c of cs) {
      const x0 = c[0].x0, x1 = c.at(-1)!.x1;
      let best = 0, bestScore = -Infinity;
      cols.forEach((col, k) => {
        const overlap = Math.min(x1, col[1]) - Math.max(x0, col[0]);
        const score = overlap > 0 ? overlap : -Math.abs((x0 + x1) / 2 - (col[0] + col[1]) / 2);
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      });
      slots[best].push(...c);
    }
    rows.push(
      slots.map((ps, k) => {
        if (!ps.length) return { text: '', box: [cols[k][0], cs[0][0].top, cols[k][1], cs[0][0].bottom] as Box };
        const b = ps.reduce<Box | undefined>((acc, p) => unionBox(acc, [p.x0, p.top, p.x1, p.bottom]), undefined)!;
        box = unionBox(box, b);
        return { text: joinPieces(ps), box: b };
      }),
    );
  }
  return { box: box ?? [0, 0, 0, 0], cols: cols.map((c) => c[0]), rows };
}

function isTableLine(line: Piece[]): boolean {
  const chunks = chunksOf(line);
  if (chunks.length < 2) return false;
  const texts = chunks.map(joinPieces);
  const numbers = texts.filter(isNumeric).length;
  // prose never leaves wide gaps; a table row has numbers or at least three separated cells
  return numbers >= 1 || chunks.length >= 3;
}

function lineOf(ps: Piece[]): TextLine {
  const box = ps.reduce<Box | undefined>((b, p) => unionBox(b, [p.x0, p.top, p.x1, p.bottom]), undefined)!;
  return { text: joinPieces(ps), box, size: Math.max(...ps.map((p) => p.size)) };
}

/** A row drawn inside a table's frame that is a caption, not a row: one text, a title (…表) or a unit/preparer line. */
const CAPTION = /表|单位\s*[:：]|编制(部门|单位)|部门\s*[:：]|预算年度/;
function isCaptionRow(row: { text: string }[]): boolean {
  const texts = row.map((c) => c.text).filter(Boolean);
  return texts.length === 1 && !isNumeric(texts[0]) && texts[0].replace(/\s+/g, '').length <= 60 && CAPTION.test(texts[0]) && !/[。；]/.test(texts[0]);
}
function isTitleRow(row: { text: string }[]): boolean {
  return isCaptionRow(row) && /表\s*([(（][^)）]*[)）])?$/.test(row.map((c) => c.text).join('').trim());
}

/**
 * Some templates (Excel exports: 北京's 预算01表…) draw the title and unit line inside the table's frame, and one frame
 * may hold the end of one table and the start of the next: caption rows before the first row of a grid become lines,
 * and a title row after rows of data starts a new grid.
 */
function peelCaptions(grid: Grid): { y: number; item: PageItem }[] {
  const out: { y: number; item: PageItem }[] = [];
  let rows: Grid['rows'] = [];
  const flush = () => {
    if (!rows.length) return;
    const box = rows.reduce<Box | undefined>((b, r) => unionBox(b, unionBoxes(r.map((c) => c.box))), undefined)!;
    out.push({ y: rows[0][0].box[1], item: { kind: 'grid', grid: { box: [grid.box[0], box[1], grid.box[2], grid.box[3]], cols: grid.cols, rows } } });
    rows = [];
  };
  for (const row of grid.rows) {
    if (rows.length === 0 ? isCaptionRow(row) : isTitleRow(row)) {
      flush();
      const cell = row.find((c) => c.text)!;
      out.push({ y: cell.box[1], item: { kind: 'line', line: { text: cell.text, box: cell.box, size: Math.max(6, cell.box[3] - cell.box[1]) } } });
      continue;
    }
    rows.push(row);
  }
  flush();
  // a frame of captions only, or captions over a single row, is left as it was drawn
  if (!out.some((o) => o.item.kind === 'grid')) return out;
  return out.length === 1 ? [{ y: grid.box[1], item: { kind: 'grid', grid } }] : out;
}

function pageItems(pieces: Piece[], rules: { h: Rule[]; v: Rule[] }): PageItem[] {
  const regions = regionsOf(rules.h, rules.v);
  const inRegion = new Map<Region, Piece[]>();
  const free: Piece[] = [];
  for (const p of pieces) {
    const cx = (p.x0 + p.x1) / 2, cy = (p.top + p.bottom) / 2;
    const r = regions.find((g) => cx >= g.box[0] - 1 && cx <= g.box[2] + 1 && cy >= g.box[1] - 1 && cy <= g.box[3] + 1);
    if (!r) free.push(p);
    else if (inRegion.has(r)) inRegion.get(r)!.push(p);
    else inRegion.set(r, [p]);
  }
  const items: { y: number; item: PageItem }[] = [];
  for (const r of regions) {
    const ps = inRegion.get(r);
    if (!ps?.length) continue;
    const grid = gridOfRegion(r, ps);
    if (grid.rows.length === 0) continue;
    // a ruled box around plain text (one column) is a frame, not a table
    if (grid.rows.every((row) => row.filter((c) => c.text).length <= 1) && grid.rows[0].length <= 1) {
      for (const l of linesOf(ps)) items.push({ y: l[0].top, item: { kind: 'line', line: lineOf(l) } });
      continue;
    }
    for (const part of peelCaptions(grid)) items.push(part);
  }
  // free text: runs of table-like lines become unruled grids
  const lines = linesOf(free);
  for (let i = 0; i < lines.length; ) {
    if (isTableLine(lines[i])) {
      let j = i;
      while (j < lines.length && isTableLine(lines[j])) j++;
      // a header line directly above the run (one or two chunks, no sentence punctuation) belongs to it
      if (j - i >= 2) {
        const grid = unruledGrid(lines.slice(i, j));
        items.push({ y: lines[i][0].top, item: { kind: 'grid', grid } });
        i = j;
        continue;
      }
    }
    items.push({ y: lines[i][0].top, item: { kind: 'line', line: lineOf(lines[i]) } });
    i++;
  }
  return items.sort((a, b) => a.y - b.y).map((x) => x.item);
}

// ---------------------------------------------------------------------------------------------------------------
// page headers, footers, page numbers

// (重庆 spaces the digits of its page numbers: "— 1 0 —")
const PAGE_NUMBER = /^(?:[-—–－_~·\s]*\d(?:\s?\d){0,3}[-—–－_~·\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*[/／]\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/;

function marginKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

/** Drops page numbers and lines repeated in the top or bottom margin of many pages. */
function dropPageFurniture(pages: PageContent[]): void {
  const inMargin = (p: PageContent, l: TextLine) => l.box[3] < p.height * 0.1 || l.box[1] > p.height * 0.9;
  const counts = new Map<string, number>();
  /** margin lines seen somewhere without a grid right after them: page headers, not a long table's title */
  const notTitles = new Set<string>();
  const gridFollows = (p: PageContent, i: number) => p.items.slice(i + 1, i + 4).some((x) => x.kind === 'grid');
  for (const p of pages) {
    const seen = new Set<string>();
    p.items.forEach((it, i) => {
      if (it.kind !== 'line' || !inMargin(p, it.line)) return;
      const key = marginKey(it.line.text);
      seen.add(key);
      if (!gridFollows(p, i)) notTitles.add(key);
    });
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, pages.length * 0.3);
  // the title and unit line of a long table printed at the top of every page it spans are kept where they first appear
  const keptTitles = new Set<string>();
  for (const p of pages) {
    p.items = p.items.filter((it) => {
      if (it.kind !== 'line') return true;
      const l = it.line;
      const nearEdge = l.box[3] < p.height * 0.14 || l.box[1] > p.height * 0.86;
      if (nearEdge && PAGE_NUMBER.test(l.text.trim())) return false;
      const key = marginKey(l.text);
      if (!(inMargin(p, l) && repeated(key))) return true;
      if (!notTitles.has(key) && !keptTitles.has(key)) {
        keptTitles.add(key);
        return true;
      }
      return false;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// pages → virtual text for the text reader, with a map back to pages and boxes

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
    const out = cols.map((x, k) => ({ text: '', box: [x, row[0]?.box[1] ?? 0, cols[k + 1] ?? x, row[0]?.box[3] ?? 0] as Box }));
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
function layout(pages: PageContent[]): { text: string; sources: LineSource[] } {
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
  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  const margins = (p: PageContent): [number, number] => {
    const e = edges.get(Math.round(p.width));
    return e && e.x0.length ? [quantile(e.x0, 0.1), quantile(e.x1, 0.9)] : [0, p.width];
  };
  // the body text's size: the size most characters are printed in
  const bySize = new Map<number, number>();
  for (const p of pages) for (const it of p.items) if (it.kind === 'line') bySize.set(Math.round(it.line.size), (bySize.get(Math.round(it.line.size)) ?? 0) + it.line.text.length);
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
    openProse = lastPhys && lastLine && out.at(-1) === lastLine.line.text && !/[。；;：:！？!?]$/.test(lastPhys.text) && lastPhys.box[2] >= right - lastPhys.size * 1.5 ? { line: lastPhys, right } : null;
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
      const leadRepeats = p.items.slice(0, j).every((it) => it.kind === 'line' && leadText.includes(marginKey(it.line.text)));
      // a grid right at the top of the page, or after the table's repeated title and unit lines, continues it
      // (a continuation with more columns than the table is another segment: it stays a grid of its own)
      if (first?.kind === 'grid' && leadRepeats && first.grid.rows[0].length <= openTable.width && !titledGrid(first.grid.rows)) {
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
          push(texts.length === 1 ? `${texts[0]}\t` : texts.join('\t'), { page: p.page, box: unionBoxes(row.map((c) => c.box)), cells: row.map((c) => c.box) });
        }
        openTable = cont ? { ...cont } : { header, lead: lead.slice(-3), width: it.grid.rows[0].length, cols: it.grid.cols };
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
      const breaks = lastPhys ? isTocHeading(l) || isTocHeading(lastPhys) || paragraphBreak(lastPhys, l, leftMargin, rightMargin, bodySize, p.page === 1, pitch) : false;
      // a numbered line wrapped onto the next, or a sentence wrapped just before "一、…" / "1.", reads like a new
      // numbered line to the text reader: keep the lines together when the first ran to the right margin without
      // ending its sentence
      const wrapped = open && !breaks && lastPhys!.box[2] >= rightMargin - l.size * 1.5 && !/[。；;：:！？!?]$/.test(lastPhys!.text);
      if (wrapped && (NUMBERED_START.test(l.text) || NUMBERED_START.test(lastLine!.line.text))) {
        merge(lastLine!.line.text + l.text);
        continue;
      }
      if (breaks) blank(p.page);
      if (out.at(-1)?.includes('\t')) blank(p.page);
      // a sentence cut by the page break: the first line of the page starts at the left margin in the same type
      // and is no numbered heading (the text reader would take "要原因是：…" for a label line of its own)
      if (k === 0 && openProse && out.at(-1) === '' && Math.abs(l.size - openProse.line.size) <= 1 && l.box[0] - leftMargin <= l.size * 0.5 && !NUMBERED_START.test(l.text)) {
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

function unionBoxes(boxes: Box[]): Box {
  return boxes.reduce<Box | undefined>((b, x) => unionBox(b, x), undefined) ?? [0, 0, 0, 0];
}

const NUMBERED_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d)|表\s*[一二三四五六七八九十\d])/;
const NUMBERED_TITLE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|表\s*[一二三四五六七八九十\d]{1,3})/;

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
  if (NUMBERED_TITLE.test(prev.text) && prev.box[2] >= right - size * 2 && next.text.length <= 8 && next.box[1] - prev.box[3] <= size * 1.2) return true;
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
function paragraphBreak(prev: TextLine, next: TextLine, left: number, right: number, bodySize: number, cover: boolean, pitch: number): boolean {
  const size = Math.max(prev.size, next.size);
  const gap = next.box[1] - prev.box[3];
  // the document's usual distance between the lines of a paragraph (official documents often set 28–30 pt)
  const wide = Math.abs(prev.size - bodySize) <= 1 && pitch > 0 ? next.box[1] - prev.box[1] > pitch * 1.35 : gap > size * 0.9;
  const large = (l: TextLine) => l.size >= bodySize * 1.3;
  // on the cover the unit and "2024年部门预算" may be printed in two large sizes: still one title
  const title = large(prev) && (cover ? large(next) : Math.abs(prev.size - next.size) <= 1) && !/[。；]$/.test(prev.text) && !/[:：]/.test(prev.text + next.text);
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
function placeBlocks(blocks: Block[], sources: LineSource[]): void {
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

// ---------------------------------------------------------------------------------------------------------------
// scanned PDFs: OCR with Debian's tesseract-ocr (+ chi-sim) and poppler's pdftoppm, when installed

const run = promisify(execFile);

async function hasCommand(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tidies OCR output into the text reader's input: digits split by OCR spaces rejoined, spaces between CJK characters
 * dropped, and lines printed in columns (wide gaps, a number among them) written as tab-separated rows.
 */
export function ocrLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let l = line
        .replace(/(\d)\s*([,，.])\s+(\d)/g, '$1$2$3')
        .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '')
        .replace(/[;；](?=\s*\S)/g, (m, off: number, all: string) => (/(?:部门|单位)$/.test(all.slice(0, off)) ? '：' : m))
        .trimEnd();
      // a label and its amount printed close together: "合计17,981.68"
      l = l.replace(/([\u4e00-\u9fff）)])(-?\d{1,3}(?:,\d{3})*\.\d{2})$/, '$1  $2');
      const cells = l.trim().split(/\s{2,}/);
      if (cells.length >= 2 && cells.some((c) => isNumeric(c))) return cells.join('\t');
      return l;
    })
    .join('\n');
}

/** Pages OCR'd at most, and seconds for all of them: OCR takes seconds per page, and an upload must not hold a
 *  worker for minutes (a 6 KB PDF of 60 blank pages took 94 s). */
export const MAX_OCR_PAGES = 30;
export const MAX_OCR_SECONDS = 90;

function tooLong(file: string, detail: string): ReadError {
  return new ReadError(file, `扫描件过长，无法识别 (scanned document too long: ${detail})`, 'pass a PDF with a text layer, or split the scan');
}

async function ocrPdf(bytes: Uint8Array, file: string, pages: number): Promise<string> {
  const scanned = '这是扫描件，PDF 没有文字层 (scanned PDF without a text layer)';
  if (!(await hasCommand('tesseract', ['--version'])) || !(await hasCommand('pdftoppm', ['-v']))) {
    throw new ReadError(file, scanned, 'install tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils to read it by OCR, or pass a PDF with text');
  }
  const langs = (await run('tesseract', ['--list-langs'], { timeout: 10_000 })).stdout;
  if (!/\bchi_sim\b/.test(langs)) throw new ReadError(file, scanned, 'install tesseract-ocr-chi-sim (Chinese OCR data) to read it by OCR');
  if (pages > MAX_OCR_PAGES) throw tooLong(file, `${pages} 页 > ${MAX_OCR_PAGES} 页`);
  const deadline = Date.now() + MAX_OCR_SECONDS * 1000;
  const left = () => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw tooLong(file, `超过 ${MAX_OCR_SECONDS} 秒`);
    return ms;
  };
  const dir = await mkdtemp(join(tmpdir(), 'budgetdoc-ocr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const texts: string[] = [];
    // one page at a time, each step within what is left of the budget
    for (let n = 1; n <= pages; n++) {
      await run('pdftoppm', ['-r', '300', '-gray', '-png', '-f', String(n), '-l', String(n), '-singlefile', join(dir, 'in.pdf'), join(dir, 'p')], { timeout: left() });
      // psm 4 (one column of variable-size text) keeps table rows; interword spaces show the columns
      const { stdout } = await run('tesseract', [join(dir, 'p.png'), '-', '-l', 'chi_sim', '--psm', '4', '-c', 'preserve_interword_spaces=1'], { timeout: left(), maxBuffer: 16 * 1024 * 1024 });
      texts.push(ocrLines(normalisePdfText(stdout)));
    }
    return texts.join('\n\n');
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // a step killed at the deadline
    if ((err as { killed?: boolean }).killed && Date.now() >= deadline - 50) throw tooLong(file, `超过 ${MAX_OCR_SECONDS} 秒`);
    throw new ReadError(file, `扫描件 OCR 失败 (OCR failed: ${pdfErrorText(err)})`, 'check the tesseract installation or pass a PDF with text');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// entry point

export interface PdfReadOptions {
  /** OCR pages without a text layer with tesseract when it is installed (default true) */
  ocr?: boolean;
}

/** pdfjs's reason for a failure, on one line and without paths. */
function pdfErrorText(err: unknown): string {
  const text = String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200);
  return text.replace(/(?<![\w.:/])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g, '…');
}

/** Reads a PDF into blocks; throws ReadError for encrypted, damaged, empty, oversized or scanned-without-OCR files. */
export async function readPdf(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<ReadResult> {
  // streams inflating to gigabytes are refused before pdfjs would hold them in memory
  await refuseInflationBomb(bytes, file);
  const pdfjs = await loadPdfJs();
  const dataDir = pdfjsDataDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dataDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dataDir, 'standard_fonts') + '/',
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string })?.name ?? '';
    if (name === 'PasswordException') throw new ReadError(file, 'PDF 已加密，需要密码 (encrypted PDF)', 'publish or pass an unencrypted copy');
    throw new ReadError(file, `PDF 文件已损坏或不完整 (damaged or truncated PDF: ${pdfErrorText(err)})`, 'download the file again');
  }
  try {
    if (doc.numPages === 0) throw new ReadError(file, 'PDF 没有任何页面 (PDF has no pages)', 'check that this is the disclosure file');
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ReadError(file, `PDF 页数过多 (${doc.numPages} 页 > ${MAX_PDF_PAGES})：不像一份公开文件 (too many pages for a disclosure)`, 'split it or check that it is the right file');
    }
    const pages: PageContent[] = [];
    let chars = 0;
    let undecodable = 0;
    const started = Date.now();
    for (let n = 1; n <= doc.numPages; n++) {
      // a pathological file (huge content streams) is stopped between pages rather than read for minutes
      if (Date.now() - started > MAX_READ_SECONDS * 1000) {
        throw new ReadError(file, `PDF 读取超时 (more than ${MAX_READ_SECONDS} s, stopped at page ${n} of ${doc.numPages})`, 'check that this is the disclosure file, or split it');
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw new ReadError(file, `第 ${n} 页无法读取 (page ${n} is damaged: ${pdfErrorText(err)})`, 'download the file again');
      }
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const pieces = piecesOf(content.items.filter((i): i is TextItemLike & (typeof content.items)[number] => 'str' in i), vt);
      for (const piece of pieces) {
        chars += piece.text.length;
        // private-use and control code points: glyphs of a font without a Unicode mapping
        for (const ch of piece.text) {
          const c = ch.codePointAt(0) ?? 0;
          if (c <= 0x1f || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) undecodable++;
        }
      }
      let rules: { h: Rule[]; v: Rule[] } = { h: [], v: [] };
      if (pieces.length) {
        const ops = await page.getOperatorList({ intent: 'display' });
        rules = rulesOf(ops, pdfjs.OPS, vt);
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items: pageItems(pieces, rules) });
      page.cleanup();
    }
    const unreadableText = chars > 0 && undecodable / chars > 0.3;
    if (chars < doc.numPages * 10 || unreadableText) {
      if (options.ocr !== false) {
        const text = await ocrPdf(bytes, file, doc.numPages);
        if (text.replace(/\s+/g, '').length < 10) throw new ReadError(file, '这是扫描件，OCR 没有识别出文字 (scanned PDF, OCR found no text)', 'check the scan quality or pass a PDF with text');
        return { ...readText(text, 'pdf-ocr'), bytes: bytes.length };
      }
      if (unreadableText) throw new ReadError(file, 'PDF 的文字层无法解码（字体缺少 Unicode 映射）(text layer without a Unicode mapping)', 'install tesseract-ocr and tesseract-ocr-chi-sim to read it by OCR, or pass another copy');
      throw new ReadError(file, '这是扫描件，PDF 没有文字层 (scanned PDF without a text layer)', 'install tesseract-ocr and tesseract-ocr-chi-sim to read it by OCR, or pass a PDF with text');
    }
    dropPageFurniture(pages);
    const { text, sources } = layout(pages);
    const read = readText(text, 'pdf');
    placeBlocks(read.blocks, sources);
    return { blocks: reclassifyHeadings(read.blocks), lines: read.lines, bytes: bytes.length, format: 'pdf' };
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // pdfjs reports a damaged stream while reading a page's content (Bad encoding in flate stream, Illegal
    // character, Invalid number…): the file is damaged, not the program
    throw new ReadError(file, `PDF 文件已损坏 (damaged PDF: ${pdfErrorText(err)})`, 'download the file again, or pass another copy');
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

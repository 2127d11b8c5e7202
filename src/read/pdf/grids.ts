// Rules and grids: ruling lines from a page's drawing operators, ruled regions read as grids of cells, runs of
// table-like lines without rules read as unruled grids, captions drawn inside a frame peeled off; one page's items.
import {
  type Box,
  type Piece,
  type Rule,
  type Grid,
  type PageItem,
  charWeight,
  isNumeric,
  type Matrix,
  mul,
  apply,
  cluster,
  indexAtOrBefore,
  unionBox,
  unionBoxes,
} from './geometry.js';
import { type PdfJs, joinPieces, readingOrder, linesOf, chunksOf, lineOf } from './text-layer.js';

interface OperatorListLike {
  fnArray: number[];
  argsArray: unknown[][];
}

/** Ruling lines: stroked path segments and thin filled rectangles, in viewport coordinates. */
export function rulesOf(ops: OperatorListLike, OPS: PdfJs['OPS'], viewport: Matrix): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const strokeOps = new Set<number>([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  const addSegment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) < 1 && Math.abs(x1 - x0) >= 2)
      h.push({ at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 1 && Math.abs(y1 - y0) >= 2)
      v.push({ at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
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
      for (let k = 0; k < buf.length;) {
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
          const x0 = Math.min(...xs),
            x1 = Math.max(...xs),
            y0 = Math.min(...ys),
            y1 = Math.max(...ys);
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
      const a = h[i],
        b = v[j];
      if (b.at >= a.a - tol && b.at <= a.b + tol && a.at >= b.a - tol && a.at <= b.b + tol)
        parent[find(i)] = find(h.length + j);
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

/**
 * A piece drawn across a column rule (one text operation for two cells) splits at its spaces; digits run together
 * across the rule (重庆's bold 合计 rows: "…0.64" and "101,…" drawn as one item "41") split between their characters.
 * Words are left whole: a name may overflow its cell across a rule, an amount never does.
 */
function splitAtRules(p: Piece, v: Rule[]): Piece[] {
  const cy = (p.top + p.bottom) / 2;
  const crosses = (q: Piece) =>
    v.filter((r) => r.at > q.x0 + 2 && r.at < q.x1 - 2 && r.a <= cy && r.b >= cy).map((r) => r.at);
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
    if (part) {
      part.text += ch;
      part.x1 = x0 + step;
    } else parts.set(side, { text: ch, x0, x1: x0 + step });
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
    const left = region.v
      .filter((r) => r.at <= cx + tol && r.a <= cy + tol && r.b >= cy - tol)
      .reduce((m, r) => Math.max(m, r.at), -Infinity);
    const top = region.h
      .filter((r) => r.at <= cy + tol && r.a <= cx + tol && r.b >= cx - tol)
      .reduce((m, r) => Math.max(m, r.at), -Infinity);
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
    const wrapped = wrappedAmounts(band);
    for (const sub of splitBand(band, wrapped)) {
      rows.push(
        sub.map((ps, c) => {
          if (ps.length === 0)
            return {
              text: '',
              box: [
                xs[c] ?? region.box[0],
                ys[r] ?? region.box[1],
                xs[c + 1] ?? region.box[2],
                ys[r + 1] ?? region.box[3],
              ] as Box,
            };
          const ordered = readingOrder(ps);
          return {
            text: wrapped.has(ps) ? ordered.map((p) => p.text.trim()).join('') : joinPieces(ordered),
            box: ordered.reduce<Box | undefined>((b, p) => unionBox(b, [p.x0, p.top, p.x1, p.bottom]), undefined)!,
          };
        }),
      );
    }
  }
  return { box: region.box, cols: xs.slice(0, nCols), rows };
}

/**
 * The cells of a band holding one amount wrapped onto two lines and centred on the row (无锡's 收入总表: "143,999.0"
 * over "0" in a column too narrow, the other cells' figures printed on one baseline between the two lines): the two
 * lines joined are one number, and some other cell of the band has a number on a baseline strictly between them.
 * Two printed rows of a table ruled by columns only put their figures on the same two baselines, never between.
 */
function wrappedAmounts(band: Piece[][]): Set<Piece[]> {
  const out = new Set<Piece[]>();
  const lines = (ps: Piece[]) =>
    cluster(
      ps.map((p) => p.base),
      2,
    );
  for (const ps of band) {
    if (ps.length < 2 || !ps.every((p) => isNumeric(p.text))) continue;
    const bases = lines(ps);
    if (bases.length !== 2) continue;
    const ordered = readingOrder(ps);
    if (!isNumeric(ordered.map((p) => p.text.trim()).join(''))) continue;
    const [upper, lower] = [Math.min(...bases), Math.max(...bases)];
    const between = band.some(
      (other) =>
        other !== ps &&
        other.some((p) => isNumeric(p.text) && p.base > upper + 2 && p.base < lower - 2) &&
        other.every((p) => !isNumeric(p.text) || (p.base > upper + 2 && p.base < lower - 2)),
    );
    if (between) out.add(ps);
  }
  return out;
}

/** Splits a band into printed rows when a number column holds numbers on more than one baseline. */
function splitBand(band: Piece[][], wrapped: Set<Piece[]> = new Set()): Piece[][][] {
  const numericBaselines = new Set<number>();
  let split = false;
  for (const ps of band) {
    if (wrapped.has(ps)) continue;
    const bases = cluster(
      ps.filter((p) => isNumeric(p.text)).map((p) => p.base),
      2,
    );
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

/**
 * Consecutive lines that print several separated chunks with numbers among them form an unruled table; its columns
 * come from the chunk positions of the rows holding numbers.
 */
function unruledGrid(lines: Piece[][]): Grid {
  const rowsChunks = lines.map(chunksOf);
  const numericRows = rowsChunks.filter((cs) => cs.some((c) => isNumeric(joinPieces(c))));
  const basis = numericRows.length ? numericRows : rowsChunks;
  // column intervals: merge overlapping chunk extents of the numeric rows
  const intervals = basis
    .flatMap((cs) => cs.map((c) => [c[0].x0, c.at(-1)!.x1] as [number, number]))
    .sort((a, b) => a[0] - b[0]);
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
      const x0 = c[0].x0,
        x1 = c.at(-1)!.x1;
      let best = 0,
        bestScore = -Infinity;
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

const CAPTION = /表|单位\s*[:：]|编制(部门|单位)|部门\s*[:：]|预算年度/;
function isCaptionRow(row: { text: string }[]): boolean {
  const texts = row.map((c) => c.text).filter(Boolean);
  return (
    texts.length === 1 &&
    !isNumeric(texts[0]) &&
    texts[0].replace(/\s+/g, '').length <= 60 &&
    CAPTION.test(texts[0]) &&
    !/[。；]/.test(texts[0])
  );
}
function isTitleRow(row: { text: string }[]): boolean {
  return (
    isCaptionRow(row) &&
    /表\s*([(（][^)）]*[)）])?$/.test(
      row
        .map((c) => c.text)
        .join('')
        .trim(),
    )
  );
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
    out.push({
      y: rows[0][0].box[1],
      item: { kind: 'grid', grid: { box: [grid.box[0], box[1], grid.box[2], grid.box[3]], cols: grid.cols, rows } },
    });
    rows = [];
  };
  for (const row of grid.rows) {
    if (rows.length === 0 ? isCaptionRow(row) : isTitleRow(row)) {
      flush();
      const cell = row.find((c) => c.text)!;
      out.push({
        y: cell.box[1],
        item: { kind: 'line', line: { text: cell.text, box: cell.box, size: Math.max(6, cell.box[3] - cell.box[1]) } },
      });
      continue;
    }
    rows.push(row);
  }
  flush();
  // a frame of captions only, or captions over a single row, is left as it was drawn
  if (!out.some((o) => o.item.kind === 'grid')) return out;
  return out.length === 1 ? [{ y: grid.box[1], item: { kind: 'grid', grid } }] : out;
}

export function pageItems(pieces: Piece[], rules: { h: Rule[]; v: Rule[] }): PageItem[] {
  const regions = regionsOf(rules.h, rules.v);
  const inRegion = new Map<Region, Piece[]>();
  const free: Piece[] = [];
  for (const p of pieces) {
    const cx = (p.x0 + p.x1) / 2,
      cy = (p.top + p.bottom) / 2;
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
  for (let i = 0; i < lines.length;) {
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

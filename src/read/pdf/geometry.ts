// Shapes shared by the PDF reader's stages (pieces of text, ruling lines, grids, lines, pages) and the small geometry
// they are measured with: boxes in PDF points, origin top-left of the page as displayed.

export type Box = [number, number, number, number];

/** A run of text on one line (an item of the text layer, split where it holds wide gaps). */
export interface Piece {
  text: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyphs, baseline */
  top: number;
  bottom: number;
  base: number;
  size: number;
}

export interface Rule {
  /** horizontal: y fixed, from a to b in x; vertical: x fixed, from a to b in y */
  at: number;
  a: number;
  b: number;
}

export interface Grid {
  box: Box;
  /** left edge of every column */
  cols: number[];
  rows: { text: string; box: Box }[][];
}

export interface TextLine {
  text: string;
  box: Box;
  size: number;
}

/** What one page contributes, in reading order. */
export type PageItem = { kind: 'line'; line: TextLine } | { kind: 'grid'; grid: Grid };

export interface PageContent {
  page: number;
  width: number;
  height: number;
  items: PageItem[];
}

/** Display width of a character in ems (CJK and full-width 1, others 0.5): places split pieces inside an item. */
export function charWeight(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0x2e80 ? 1 : 0.5;
}

export function isNumeric(text: string): boolean {
  return /^[-−(（]?\d[\d,，]*(?:\.\d+)?[)）]?%?$/.test(text.replace(/\s+/g, ''));
}

export type Matrix = [number, number, number, number, number, number];

export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Distinct positions, values within `tol` of each other counted once. */
export function cluster(values: number[], tol = 2.5): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > tol) out.push(x);
  return out;
}

export function indexAtOrBefore(stops: number[], x: number): number {
  let k = 0;
  for (let i = 0; i < stops.length; i++) if (stops[i] <= x + 2.5) k = i;
  return k;
}

export function unionBox(a: Box | undefined, b: Box): Box {
  return a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : [...b];
}

export function unionBoxes(boxes: Box[]): Box {
  return boxes.reduce<Box | undefined>((b, x) => unionBox(b, x), undefined) ?? [0, 0, 0, 0];
}

// The PDF text layer: pdfjs-dist loaded once, its text items placed on the page as pieces (split where one item holds
// several cells), and pieces joined into lines and cell texts.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { normalisePdfText } from '../normalise.js';
import { type Box, type Piece, type TextLine, charWeight, type Matrix, mul, unionBox } from './geometry.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Directory of pdfjs-dist's bundled data (CMaps for CJK fonts, standard font metrics); no network. */
export function pdfjsDataDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export function piecesOf(items: TextItemLike[], viewport: Matrix): Piece[] {
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

/** Joins pieces of one cell or line: no space between CJK characters, one space where the print leaves a gap. */
export function joinPieces(ps: Piece[]): string {
  let out = '';
  let prev: Piece | undefined;
  for (const p of ps) {
    if (prev) {
      const sameLine = Math.abs(p.base - prev.base) < Math.max(p.size, prev.size) * 0.5;
      const gap = p.x0 - prev.x1;
      const latinBoundary = /[A-Za-z0-9%)]$/.test(out) && /^[A-Za-z0-9(]/.test(p.text);
      if (sameLine ? gap > Math.max(p.size, prev.size) * 0.8 || (latinBoundary && gap > p.size * 0.15) : latinBoundary)
        out += ' ';
    }
    out += p.text;
    prev = p;
  }
  return out.trim();
}

/** Orders pieces by line (baseline) then by x. */
export function readingOrder(ps: Piece[]): Piece[] {
  const sorted = [...ps].sort((a, b) => a.base - b.base);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].base - p.base) < Math.max(line[0].size, p.size) * 0.5) line.push(p);
    else lines.push([p]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.x0 - b.x0));
}

export function linesOf(pieces: Piece[]): Piece[][] {
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
export function chunksOf(line: Piece[]): Piece[][] {
  const chunks: Piece[][] = [];
  for (const p of line) {
    const last = chunks.at(-1);
    const prev = last?.at(-1);
    if (last && prev && p.x0 - prev.x1 < Math.max(p.size, prev.size) * 1.6) last.push(p);
    else chunks.push([p]);
  }
  return chunks;
}

export function lineOf(ps: Piece[]): TextLine {
  const box = ps.reduce<Box | undefined>((b, p) => unionBox(b, [p.x0, p.top, p.x1, p.bottom]), undefined)!;
  return { text: joinPieces(ps), box, size: Math.max(...ps.map((p) => p.size)) };
}

/** pdfjs's reason for a failure, on one line and without paths. */
export function pdfErrorText(err: unknown): string {
  const text = String((err as Error)?.message ?? err)
    .split('\n')[0]
    .slice(0, 200);
  return text.replace(/(?<![\w.:/])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g, '…');
}

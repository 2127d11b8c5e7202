// Helpers for the reader tests: read each corpus PDF once per test file, find titled grids and rows in blocks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Block, CellBlock, TableBlock } from '../../src/read/blocks.js';
import type { ReadResult } from '../../src/read/blocks.js';
import { readPdf } from '../../src/read/pdf.js';
import { corpusDir } from '../support/paths.js';

const cache = new Map<string, Promise<ReadResult>>();

export function corpusPath(name: string): string {
  return resolve(corpusDir, name);
}

/** The blocks of a corpus PDF (read once per test file). */
export function readCorpus(name: string): Promise<ReadResult> {
  let p = cache.get(name);
  if (!p) {
    p = readPdf(readFileSync(corpusPath(name)), name);
    cache.set(name, p);
  }
  return p;
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The grid that follows (within three blocks: unit line, notes) a block whose text matches `title`. */
export function gridAfter(blocks: Block[], title: RegExp): TableBlock {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type === 'table' || !title.test(compact(b.text))) continue;
    const grid = blocks.slice(i + 1, i + 4).find((x): x is TableBlock => x.type === 'table');
    if (grid) return grid;
  }
  throw new Error(`no grid after a block titled ${title}`);
}

/** The row of a grid whose cells, read left to right, start with the given texts (spaces ignored). */
export function rowStarting(grid: TableBlock, ...start: string[]): CellBlock[] {
  const row = grid.rows.find((r) => start.every((s, k) => compact(r[k]?.text ?? '') === compact(s)));
  if (!row) throw new Error(`no row starting ${start.join(' | ')}`);
  return row;
}

export function texts(row: CellBlock[]): string[] {
  return row.map((c) => c.text);
}

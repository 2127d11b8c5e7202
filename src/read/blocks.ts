// The reader's output: positioned blocks (headings, paragraphs, table grids), the same for every input format.
import type { Place } from '../model/schema.js';

export interface CellBlock {
  /** normalised text of the cell ("" for an empty cell) */
  text: string;
  at: Place;
}

export interface HeadingBlock {
  type: 'heading';
  /** normalised text without Markdown marks or tags */
  text: string;
  /** numbering form found at the start: part (第一部分), section (一、), subsection (（一）), item (1、 1. (1)),
   *  table (表一 / 表 1:), or none (a Markdown heading without number) */
  numbering: 'part' | 'section' | 'subsection' | 'item' | 'table' | 'none';
  /** the number itself as printed, e.g. 一, 1, 十一 */
  number?: string;
  /** the text after the number */
  title: string;
  /** true when the source marked it as a heading (Markdown #); numbering alone also makes a heading */
  marked: boolean;
  at: Place;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  at: Place;
  /** where each source line joined into `text` begins: offset in `text` → line/column (absent for one line);
   *  readers that know pages (PDF) add the line's page and box */
  pieces?: LinePiece[];
}

/** The start of one source line inside a joined paragraph. */
export interface LinePiece {
  offset: number;
  line: number;
  column: number;
  page?: number;
  box?: [number, number, number, number];
}

/**
 * Adds page and box of a place or line piece `p` to `target`, when the reader knows them (copied only when
 * present), after its own members; returns `target`.
 * Assigned member by member: spreading conditional objects ({...(x ? {page} : {})}) is many times slower.
 */
export function withPageAndBox<T extends { page?: number; box?: [number, number, number, number] }>(
  target: T,
  p: { page?: number; box?: [number, number, number, number] },
): T {
  if (p.page !== undefined) target.page = p.page;
  if (p.box) target.box = p.box;
  return target;
}

/** The exact place of a character offset inside a block's text (a paragraph may span several lines). */
export function placeAt(block: Block, offset: number): Place {
  if (block.type !== 'paragraph' || !block.pieces) {
    return block.type === 'table'
      ? block.at
      : withPageAndBox<Place>({ line: block.at.line, column: block.at.column + offset }, block.at);
  }
  let piece = block.pieces[0];
  for (const p of block.pieces) if (p.offset <= offset) piece = p;
  return withPageAndBox<Place>(
    { line: piece.line, column: piece.column + (offset - piece.offset) },
    piece.page !== undefined ? piece : block.at,
  );
}

export interface TableBlock {
  type: 'table';
  rows: CellBlock[][];
  at: Place;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface ReadResult {
  blocks: Block[];
  lines: number;
  bytes: number;
  format: string;
}

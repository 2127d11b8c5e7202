// Positioned lines → blocks, shared by the readers that see a document as lines (HTML, DOCX via HTML, XLSX, PDF):
// the text reader's blocks given back the places the lines came from, and part headings the text grammar misses.
import type { Place } from '../model/schema.js';
import type { Block, CellBlock, ReadResult } from './blocks.js';
import { readText } from './text.js';

/** One line of the text reader's input with the place it came from (cells: one place per tab-separated cell). */
export interface SourceLine {
  text: string;
  at?: Partial<Place>;
  cells?: Partial<Place>[];
}

/**
 * Reads lines (blank string = paragraph break, tab-separated = table row) with the text reader and gives every
 * block and cell the place of the line it came from.
 */
export function blocksFromLines(lines: SourceLine[], format: string, bytes: number): ReadResult {
  const read = readText(lines.map((l) => l.text).join('\n'), format);
  const src = (line: number) => lines[line - 1];
  const place = (at: Place) => {
    const s = src(at.line);
    if (s?.at) Object.assign(at, s.at);
    if (at.endLine !== undefined) {
      const e = src(at.endLine);
      if (e?.at?.line !== undefined) at.endLine = e.at.line;
    }
  };
  for (const b of read.blocks) {
    if (b.type === 'table') {
      for (const row of b.rows) placeRow(row, src(row[0]?.at.line ?? 0));
    }
    place(b.at);
  }
  return { blocks: reclassifyHeadings(read.blocks), lines: read.lines, bytes, format };
}

function placeRow(row: CellBlock[], s: SourceLine | undefined): void {
  if (!s) return;
  row.forEach((c, k) => Object.assign(c.at, s.cells?.[k] ?? s.at ?? {}));
}

const PART_WITH_COLON = /^第([一二三四五六七八九十]+)部分\s*[:：]\s*(\S.{0,40})$/;

/** Part headings printed "第一部分：部门概况" (the colon keeps the text reader from taking them as headings). */
export function reclassifyHeadings(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const next = blocks[i + 1];
    // "第一部分" alone on its line, its title on the next: one heading
    if (b.type === 'heading' && b.numbering === 'part' && !b.title && next?.type === 'paragraph' && next.at.page === b.at.page && next.text.length <= 40 && !/[。；;，,：:]/.test(next.text)) {
      out.push({ ...b, text: `${b.text} ${next.text}`, title: next.text.trim() });
      i++;
      continue;
    }
    out.push(classifyPart(b));
  }
  return out;
}

function classifyPart(b: Block): Block {
  {
    if (b.type !== 'paragraph') return b;
    const m = PART_WITH_COLON.exec(b.text);
    if (!m || /[。；;，,]/.test(m[2])) return b;
    return { type: 'heading', text: b.text, numbering: 'part', number: m[1], title: m[2].trim(), marked: false, at: b.at };
  }
}

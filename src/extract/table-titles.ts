// Table titles printed inside a ruled grid: tables-only PDFs (北京's "预算01表 收支总表") draw the title and the
// 金额单位 line in the grid's top rows, and the reader joins tables that follow each other into one grid. Such a grid
// is cut at its title rows into title line, metadata lines and one grid per table before the tables are found.
import type { Block, CellBlock, TableBlock } from '../read/blocks.js';
import { norm } from './text-utils.js';

/** Metadata printed above a table's header (unit of amounts, preparing unit, year). */
const META_LINE =
  /^(?:金额)?单位[:：]|^(?:编制|预算)(?:部门|单位)|^部门名称|^单位名称|^预算年度|^[(（](?:19|20)\d{2}年度?[)）]$/;

/** The one text of a row whose other cells are empty, or undefined. */
function soleText(row: CellBlock[]): CellBlock | undefined {
  // asked of every row of every grid: counted without building the list of filled cells
  let sole: CellBlock | undefined;
  for (const c of row) {
    if (!isFilled(c.text)) continue;
    if (sole) return undefined;
    sole = c;
  }
  return sole;
}

/** c.trim() !== '' without making the trimmed string (cells are trimmed by the reader already, mostly) */
function isFilled(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first !== 0x3000 && first !== 0xfeff && !(first >= 0x1680 && first <= 0x205f))
    return true;
  return text.trim() !== '';
}

/** Drops the columns no row fills (a grid cut out of a wider one keeps only its own columns). */
function ownColumns(rows: CellBlock[][]): CellBlock[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const used: number[] = [];
  for (let k = 0; k < width; k++) if (rows.some((r) => (r[k]?.text ?? '').trim() !== '')) used.push(k);
  if (used.length === width) return rows;
  return rows.map((r) => used.map((k) => r[k] ?? { text: '', at: r[0]?.at ?? { line: 0, column: 0 } }));
}

function paragraphOf(cell: CellBlock): Block {
  return { type: 'paragraph', text: cell.text.trim(), at: cell.at };
}

/**
 * Cuts grids at rows that hold only a table title (recognised by `isTitle`) and the metadata rows right after it;
 * other blocks pass unchanged. A grid without such rows is returned as it is.
 */
export function splitTitledGrids(blocks: Block[], isTitle: (b: Block) => boolean): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type !== 'table' || !b.rows.some((r) => titleRow(r, isTitle))) {
      out.push(b);
      continue;
    }
    let rows: CellBlock[][] = [];
    const flush = () => {
      const kept = rows.filter((r) => r.some((c) => c.text.trim() !== ''));
      if (kept.length)
        out.push({ type: 'table', rows: ownColumns(kept), at: kept[0][0]?.at ?? b.at } satisfies TableBlock);
      rows = [];
    };
    let inMeta = false;
    for (const row of b.rows) {
      const sole = soleText(row);
      if (sole && titleRow(row, isTitle)) {
        flush();
        out.push(paragraphOf(sole));
        inMeta = true;
        continue;
      }
      if (inMeta && sole && META_LINE.test(norm(sole.text))) {
        out.push(paragraphOf(sole));
        continue;
      }
      inMeta = false;
      rows.push(row);
    }
    flush();
  }
  return out;
}

function titleRow(row: CellBlock[], isTitle: (b: Block) => boolean): boolean {
  const sole = soleText(row);
  return sole !== undefined && isTitle(paragraphOf(sole));
}

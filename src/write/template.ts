// Blank input workbook (`budgetdoc template`): the standard tables of a kind with their headers, fixed rows and
// code columns, amounts left empty, plus the particulars sheets (src/write/workbook-sheets.ts) with their
// instructions and drop-downs. Built from the same layout the renderers use, so a filled workbook has the
// published form.
import type { DocumentKind } from '../model/schema.js';
import { tableTemplate } from '../catalog/tables.js';
import { layoutDisclosure, gridWidth, type BodyCell, type GridBlock } from './layout.js';
import { generateSample } from './sample.js';
import { workbookBytes } from './workbook.js';

const BLANK_ROWS = 30;

function blank(cell: BodyCell): BodyCell {
  return {
    text: cell.minor !== undefined || cell.percentMinor !== undefined ? '' : cell.text,
    colspan: cell.colspan,
    bold: cell.bold,
  };
}

function emptyRow(width: number): BodyCell[] {
  return Array.from({ length: width }, () => ({ text: '' }));
}

function blankGrid(g: GridBlock): GridBlock {
  const width = gridWidth(g);
  const layout = g.tableId ? tableTemplate(g.tableId as Parameters<typeof tableTemplate>[0]).layout : 'classified';
  let body: BodyCell[][];
  if (layout === 'two-sided') body = g.body.map((r) => r.map(blank));
  else if (layout === 'single-row')
    body = g.body.map((r) => r.map((c) => (c.minor !== undefined ? { text: '' } : blank(c))));
  else
    body = [...(g.body[0] ? [g.body[0].map(blank)] : []), ...Array.from({ length: BLANK_ROWS }, () => emptyRow(width))];
  return { ...g, meta: g.meta.map((m) => m.replace(/：.*$/, '：')), body, note: undefined };
}

/** The blank standard tables of a kind: headers, fixed rows and class lists from a generated document, figures dropped. */
export function templateTables(kind: DocumentKind): GridBlock[] {
  const doc = generateSample({ kind, seed: 'template', index: 0 });
  return layoutDisclosure(doc)
    .filter((b): b is GridBlock => b.kind === 'table' && b.tableId !== undefined)
    .map(blankGrid);
}

/** The blank input workbook of a kind as .xlsx bytes: 基本信息, 概况, the tables, then the particulars sheets. */
export function renderTemplate(kind: DocumentKind): Promise<Buffer> {
  return workbookBytes(kind, templateTables(kind));
}

// Blank input workbook (`budgetdoc template`): the standard tables of a kind with their headers, fixed rows and
// code columns, amounts left empty, plus a sheet for the document's particulars. Built from the same layout the
// renderers use, so a filled workbook has the published form.
import type { DocumentKind } from '../model/schema.js';
import { tableTemplate } from '../catalog/tables.js';
import { layoutDisclosure, gridWidth, type BodyCell, type GridBlock, type LayoutBlock } from './layout.js';
import { generateSample } from './sample.js';
import { layoutToXlsx } from './xlsx.js';

const BLANK_ROWS = 30;

function blank(cell: BodyCell): BodyCell {
  return { text: cell.minor !== undefined || cell.percentMinor !== undefined ? '' : cell.text, colspan: cell.colspan, bold: cell.bold };
}

function emptyRow(width: number): BodyCell[] {
  return Array.from({ length: width }, () => ({ text: '' }));
}

function blankGrid(g: GridBlock): GridBlock {
  const width = gridWidth(g);
  const layout = g.tableId ? tableTemplate(g.tableId as Parameters<typeof tableTemplate>[0]).layout : 'classified';
  let body: BodyCell[][];
  if (layout === 'two-sided') body = g.body.map((r) => r.map(blank));
  else if (layout === 'single-row') body = g.body.map((r) => r.map((c) => (c.minor !== undefined ? { text: '' } : blank(c))));
  else body = [...(g.body[0] ? [g.body[0].map(blank)] : []), ...Array.from({ length: BLANK_ROWS }, () => emptyRow(width))];
  return { ...g, meta: g.meta.map((m) => m.replace(/：.*$/, '：')), body, note: undefined };
}

/** The blocks of the blank workbook: particulars first, then every standard table of the kind. */
export function templateBlocks(kind: DocumentKind): LayoutBlock[] {
  // the structure (headers, fixed rows, class lists) comes from a generated document; its figures are dropped
  const doc = generateSample({ kind, seed: 'template', index: 0 });
  const tables = layoutDisclosure(doc).filter((b): b is GridBlock => b.kind === 'table' && b.tableId !== undefined);
  const particulars: GridBlock = {
    kind: 'table', title: '基本信息', meta: [], labelColumns: 2,
    header: [[{ text: '项目' }, { text: '填写内容' }]],
    body: [['单位名称', ''], ['单位编码', ''], ['口径（部门/单位）', ''], ['种类', kind === 'budget' ? '预算' : '决算'], ['年度', ''], ['编制日期', '']].map(([a, b]) => [{ text: a }, { text: b }]),
  };
  return [particulars, ...tables.map(blankGrid)];
}

/** The blank input workbook of a kind as .xlsx bytes. */
export function renderTemplate(kind: DocumentKind): Promise<Buffer> {
  return layoutToXlsx(templateBlocks(kind));
}

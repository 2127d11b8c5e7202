// Text/Markdown writer in the form of the seeds (../shared/seeds): `#` headings, 表N: labels, 编制部门/单位 lines,
// tables as tab-separated rows with merged header cells left as empty cells.
import type { Disclosure } from '../model/schema.js';
import { expandHeader, gridWidth, layoutDisclosure, type GridBlock, type LayoutBlock } from './layout.js';

function gridText(g: GridBlock): string[] {
  const width = gridWidth(g);
  const lines: string[] = [];
  if (g.number) lines.push(`表 ${g.number}:`, '');
  lines.push(`### ${g.title}`, '');
  for (const m of g.meta) lines.push(m, '');
  const rows: string[][] = [...expandHeader(g.header)];
  for (const r of g.body) {
    const cells: string[] = [];
    for (const c of r) {
      cells.push(c.text);
      for (let i = 1; i < (c.colspan ?? 1); i++) cells.push('');
    }
    rows.push(cells);
  }
  for (const r of rows) {
    while (r.length < width) r.push('');
    lines.push(r.join('\t'));
  }
  lines.push('');
  if (g.note) lines.push(g.note, '');
  return lines;
}

/** Renders the layout blocks as text. */
export function layoutToText(blocks: LayoutBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') lines.push(`${'#'.repeat(b.level)} ${b.text}`, '');
    else if (b.kind === 'paragraph') lines.push(b.text, '');
    else lines.push(...gridText(b));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The disclosure as text in the seeds' form. */
export function renderText(doc: Disclosure): string {
  return layoutToText(layoutDisclosure(doc));
}

// HTML writer: one self-contained page (escaped text, merged header cells, screen and print CSS) from the layout.
import type { Disclosure } from '../model/schema.js';
import { layoutDisclosure, type GridBlock, type LayoutBlock } from './layout.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
:root { --ink: #1f2328; --rule: #8c959f; --head: #eef1f4; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1100px; padding: 24px 32px; line-height: 1.7; font-size: 15px; }
h1 { font-size: 24px; text-align: center; margin: 24px 0 8px; }
h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 20px 0 8px; }
h4 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0; text-indent: 2em; }
nav p { text-indent: 0; margin: 2px 0 2px 2em; }
figure.table { margin: 20px 0 28px; overflow-x: auto; }
figure.table .label { font-weight: bold; margin-bottom: 2px; }
figure.table figcaption { text-align: center; font-weight: bold; font-size: 16px; margin-bottom: 4px; }
figure.table .meta { display: flex; justify-content: space-between; font-size: 13px; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; vertical-align: middle; }
th { background: var(--head); font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code { text-align: center; white-space: nowrap; }
tr.total td, td.bold { font-weight: bold; }
.note { font-size: 13px; text-indent: 0; }
.signature { text-align: right; text-indent: 0; }
@media print {
  @page { size: A4 landscape; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-before: page; }
  h1 + h1, nav h2, nav + h2 { break-before: auto; }
  figure.table { break-inside: auto; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table { font-size: 9pt; }
}
`;

function gridHtml(g: GridBlock): string {
  const out: string[] = ['<figure class="table">'];
  if (g.number) out.push(`<div class="label">表${escapeHtml(g.number)}</div>`);
  out.push(`<figcaption>${escapeHtml(g.title)}</figcaption>`);
  if (g.meta.length) out.push(`<div class="meta">${g.meta.map((m) => `<span>${escapeHtml(m)}</span>`).join('')}</div>`);
  out.push('<table>');
  if (g.header.length) {
    out.push('<thead>');
    for (const row of g.header) {
      out.push(
        `<tr>${row.map((c) => `<th${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${escapeHtml(c.text)}</th>`).join('')}</tr>`,
      );
    }
    out.push('</thead>');
  }
  out.push('<tbody>');
  for (const row of g.body) {
    const total = row.some((c) => c.bold && c.minor !== undefined);
    let col = 0;
    const cells = row.map((c) => {
      const cls =
        c.minor !== undefined || c.percentMinor !== undefined
          ? 'num'
          : col < g.labelColumns && /^\d{2,3}$/.test(c.text)
            ? 'code'
            : '';
      col += c.colspan ?? 1;
      const classes = [cls, c.bold ? 'bold' : ''].filter(Boolean).join(' ');
      return `<td${classes ? ` class="${classes}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${escapeHtml(c.text)}</td>`;
    });
    out.push(`<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table>');
  if (g.note) out.push(`<p class="note">${escapeHtml(g.note)}</p>`);
  out.push('</figure>');
  return out.join('\n');
}

/** Renders layout blocks as an HTML document. */
export function layoutToHtml(blocks: LayoutBlock[], title: string): string {
  const body: string[] = [];
  let inToc = false;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      if (
        inToc &&
        b.level <= 2 &&
        /^第一部分/.test(b.text) &&
        blocks.slice(0, i).some((x) => x.kind === 'heading' && x.text === b.text)
      ) {
        body.push('</nav>');
        inToc = false;
      }
      body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
      if (b.level === 1 && b.text.replace(/\s/g, '') === '目录') {
        body.push('<nav>');
        inToc = true;
      }
    } else if (b.kind === 'paragraph') {
      const last = i === blocks.length - 1 || i === blocks.length - 2;
      body.push(`<p${last && !inToc ? ' class="signature"' : ''}>${escapeHtml(b.text)}</p>`);
    } else body.push(gridHtml(b));
  });
  if (inToc) body.push('</nav>');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** The disclosure as one HTML page. */
export function renderHtml(doc: Disclosure): string {
  return layoutToHtml(layoutDisclosure(doc), doc.title.text);
}

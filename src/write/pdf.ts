// PDF writer (pdfmake 0.3 on pdfkit): the layout as an A4 landscape document with Debian's Noto Sans CJK fonts
// embedded (subset), so that the text extracts correctly with pdftotext.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Disclosure } from '../model/schema.js';
import { gridWidth, layoutDisclosure, type GridBlock, type LayoutBlock } from './layout.js';

const require = createRequire(import.meta.url);

/** Debian's fonts-noto-cjk; the collection holds SC/TC/JP/KR faces, the SC face is chosen by name. */
export const CJK_FONT_FILES = {
  normal: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  bold: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold'],
} as const;

export class MissingFontError extends Error {}

// pdfmake's document definition is loosely typed; these are the parts used here
type Content = Record<string, unknown> | string;

function gridContent(g: GridBlock): Content[] {
  const width = gridWidth(g);
  const rows: Content[][] = [];
  // header with spans: pdfmake wants a placeholder {} in every covered position
  const covered = new Set<string>();
  g.header.forEach((row, r) => {
    const out: Content[] = [];
    let c = 0;
    for (const cell of row) {
      while (covered.has(`${r}:${c}`)) {
        out.push({});
        c++;
      }
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      out.push({
        text: cell.text,
        style: 'th',
        ...(cs > 1 ? { colSpan: cs } : {}),
        ...(rs > 1 ? { rowSpan: rs } : {}),
      });
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr || dc) covered.add(`${r + dr}:${c + dc}`);
      for (let dc = 1; dc < cs; dc++) out.push({});
      c += cs;
    }
    while (c < width) {
      out.push(covered.has(`${r}:${c}`) ? {} : { text: '' });
      c++;
    }
    rows.push(out);
  });
  for (const row of g.body) {
    const out: Content[] = [];
    for (const cell of row) {
      const cs = cell.colspan ?? 1;
      const numeric = cell.minor !== undefined || cell.percentMinor !== undefined;
      out.push({
        text: cell.text,
        ...(numeric ? { alignment: 'right' } : {}),
        ...(cell.bold ? { bold: true } : {}),
        ...(cs > 1 ? { colSpan: cs } : {}),
      });
      for (let dc = 1; dc < cs; dc++) out.push({});
    }
    while (out.length < width) out.push({ text: '' });
    rows.push(out.slice(0, width));
  }
  const content: Content[] = [];
  if (g.number) content.push({ text: `表${g.number}`, bold: true, margin: [0, 8, 0, 0] });
  content.push({ text: g.title, style: 'caption' });
  if (g.meta.length) content.push({ columns: g.meta.map((m) => ({ text: m, fontSize: 8 })), margin: [0, 0, 0, 2] });
  const tableFont = width > 10 ? 6 : width > 7 ? 7 : 8;
  content.push({
    table: {
      headerRows: g.header.length,
      widths: Array.from({ length: width }, (_, i) => (i === g.labelColumns - 1 ? '*' : 'auto')),
      body: rows,
      dontBreakRows: true,
    },
    fontSize: tableFont,
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#8c959f',
      vLineColor: () => '#8c959f',
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    margin: [0, 0, 0, 4],
  });
  if (g.note) content.push({ text: g.note, fontSize: 8, margin: [0, 0, 0, 6] });
  return content;
}

function layoutContent(blocks: LayoutBlock[]): Content[] {
  const content: Content[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') content.push({ text: b.text, style: `h${b.level}` });
    else if (b.kind === 'paragraph') content.push({ text: b.text, style: 'p' });
    else content.push(...gridContent(b));
  }
  return content;
}

let fontsChecked = false;
function checkFonts(): void {
  if (fontsChecked) return;
  for (const [file] of Object.values(CJK_FONT_FILES)) {
    if (!existsSync(file))
      throw new MissingFontError(`PDF 需要中文字体 ${file}（Debian 软件包 fonts-noto-cjk）；请安装后重试`);
  }
  fontsChecked = true;
}

/** Renders layout blocks as a PDF. */
export async function layoutToPdf(blocks: LayoutBlock[], title: string): Promise<Buffer> {
  checkFonts();
  // pdfmake's server build is CommonJS and a singleton: fonts are set per call, which is cheap
  const pdfmake = require('pdfmake') as {
    setFonts(f: unknown): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    createPdf(def: unknown): { getBuffer(): Promise<Buffer> };
  };
  pdfmake.setFonts({
    NotoSansSC: {
      normal: [...CJK_FONT_FILES.normal],
      bold: [...CJK_FONT_FILES.bold],
      italics: [...CJK_FONT_FILES.normal],
      bolditalics: [...CJK_FONT_FILES.bold],
    },
  });
  pdfmake.setLocalAccessPolicy((path) => Object.values(CJK_FONT_FILES).some(([file]) => file === path));
  // no network: a document never fetches anything
  pdfmake.setUrlAccessPolicy(() => false);
  const definition = {
    info: { title, creator: 'budgetdoc', producer: 'budgetdoc' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    defaultStyle: { font: 'NotoSansSC', fontSize: 10, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 10, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
      h4: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 3] },
      p: { margin: [0, 1, 0, 3] },
      th: { bold: true, alignment: 'center', fillColor: '#eef1f4' },
      caption: { fontSize: 11, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    content: layoutContent(blocks),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** The disclosure as a PDF document. */
export function renderPdf(doc: Disclosure): Promise<Buffer> {
  return layoutToPdf(layoutDisclosure(doc), doc.title.text);
}

// Word writer (docx 9): the layout as a landscape A4 .docx with real Word tables (merged header cells, repeated
// header rows, right-aligned amounts).
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Disclosure } from '../model/schema.js';
import { gridWidth, layoutDisclosure, type GridBlock, type LayoutBlock } from './layout.js';

const FONT = 'Noto Sans CJK SC';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8C959F' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cellParagraph(
  text: string,
  opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number },
): Paragraph {
  return new Paragraph({
    alignment: opts.align,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 16, font: FONT })],
  });
}

/** Landscape A4 (16838 twips) less 0.5 inch margins. */
const PAGE_WIDTH = 16838 - 2 * 720;

/** Column widths in twips: codes narrow, the name (and project) columns wide, amounts share the rest. */
function columnWidths(g: GridBlock, width: number): number[] {
  const codes = g.codeColumns ?? 0;
  const names = Math.max(0, Math.min(width - codes, g.labelColumns - codes));
  const amounts = width - codes - names;
  const codeWidth = 560;
  if (amounts <= 0 || names === 0) return Array.from({ length: width }, () => Math.floor(PAGE_WIDTH / width));
  const nameWidth = Math.min(3600, Math.floor(((PAGE_WIDTH - codes * codeWidth) * (names === 1 ? 0.3 : 0.45)) / names));
  const amountWidth = Math.floor((PAGE_WIDTH - codes * codeWidth - names * nameWidth) / amounts);
  return Array.from({ length: width }, (_, i) => (i < codes ? codeWidth : i < codes + names ? nameWidth : amountWidth));
}

function gridTable(g: GridBlock): Table {
  const width = gridWidth(g);
  const size = width > 10 ? 12 : width > 7 ? 14 : 16;
  const rows: TableRow[] = [];
  g.header.forEach((row) => {
    rows.push(
      new TableRow({
        tableHeader: true,
        children: row.map(
          (c) =>
            new TableCell({
              children: [cellParagraph(c.text, { bold: true, align: AlignmentType.CENTER, size })],
              columnSpan: c.colspan,
              rowSpan: c.rowspan,
              verticalAlign: VerticalAlign.CENTER,
              borders: BORDERS,
              shading: { fill: 'EEF1F4', type: 'clear', color: 'auto' },
            }),
        ),
      }),
    );
  });
  for (const row of g.body) {
    const used = row.reduce((s, c) => s + (c.colspan ?? 1), 0);
    const cells = row.map((c) => {
      const numeric = c.minor !== undefined || c.percentMinor !== undefined;
      return new TableCell({
        children: [
          cellParagraph(c.text, { bold: c.bold, align: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, size }),
        ],
        columnSpan: c.colspan,
        verticalAlign: VerticalAlign.CENTER,
        borders: BORDERS,
      });
    });
    for (let i = used; i < width; i++) cells.push(new TableCell({ children: [new Paragraph('')], borders: BORDERS }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({
    rows,
    width: { size: PAGE_WIDTH, type: WidthType.DXA },
    columnWidths: columnWidths(g, width),
    layout: TableLayoutType.FIXED,
  });
}

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function layoutChildren(blocks: LayoutBlock[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      out.push(
        new Paragraph({
          heading: HEADINGS[b.level - 1],
          alignment: b.level === 1 ? AlignmentType.CENTER : undefined,
          children: [new TextRun({ text: b.text, font: FONT })],
        }),
      );
    } else if (b.kind === 'paragraph') {
      out.push(
        new Paragraph({
          indent: { firstLine: 420 },
          spacing: { after: 80 },
          children: [new TextRun({ text: b.text, font: FONT, size: 21 })],
        }),
      );
    } else {
      if (b.number)
        out.push(
          new Paragraph({ children: [new TextRun({ text: `表${b.number}`, bold: true, font: FONT, size: 20 })] }),
        );
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.title, bold: true, font: FONT, size: 24 })],
        }),
      );
      for (const m of b.meta) out.push(new Paragraph({ children: [new TextRun({ text: m, font: FONT, size: 18 })] }));
      out.push(gridTable(b));
      if (b.note) out.push(new Paragraph({ children: [new TextRun({ text: b.note, font: FONT, size: 18 })] }));
      out.push(new Paragraph(''));
    }
  }
  return out;
}

/** Renders layout blocks as a .docx file. */
export function layoutToDocx(blocks: LayoutBlock[], title: string): Promise<Buffer> {
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { orientation: PageOrientation.LANDSCAPE },
        margin: { top: 720, bottom: 720, left: 720, right: 720 },
      },
    },
    children: layoutChildren(blocks),
  };
  const doc = new Document({
    creator: 'budgetdoc',
    title,
    description: title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}

/** The disclosure as a Word document. */
export function renderDocx(doc: Disclosure): Promise<Buffer> {
  return layoutToDocx(layoutDisclosure(doc), doc.title.text);
}

// Small binary inputs for the fuzz harness, made from a few lines of a seed text (tab-separated lines are table rows):
// a PDF with a CJK text layer and ruled tables, DOCX, XLSX and HTML.
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

const rows = (lines: string[]) => lines.map((l) => l.replace(/^#+\s*/, '')).filter((l) => l.trim());

/** A small DOCX: paragraphs, and tables for runs of tab-separated lines. */
export async function smallDocx(lines: string[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let grid: string[][] = [];
  const flush = () => {
    if (grid.length) {
      const width = Math.max(...grid.map((r) => r.length));
      children.push(
        new Table({
          rows: grid.map(
            (r) =>
              new TableRow({
                children: Array.from(
                  { length: width },
                  (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] }),
                ),
              }),
          ),
        }),
      );
    }
    grid = [];
  };
  for (const line of rows(lines)) {
    if (line.includes('\t')) grid.push(line.split('\t'));
    else {
      flush();
      children.push(new Paragraph(line));
    }
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A small XLSX: one sheet, a line per row, tab-separated lines split into cells. */
export async function smallXlsx(lines: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  for (const line of rows(lines)) ws.addRow(line.split('\t').map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small HTML page: headings and paragraphs, tables for runs of tab-separated lines. */
export function smallHtml(lines: string[]): Uint8Array {
  const out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>公开</title></head><body>'];
  let inTable = false;
  for (const line of rows(lines)) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push(
        `<tr>${line
          .split('\t')
          .map((c) => `<td>${escapeHtml(c)}</td>`)
          .join('')}</tr>`,
      );
    } else {
      if (inTable) out.push('</table>');
      inTable = false;
      out.push(
        /^第.部分|^[一二三四五六七八九十]+、/.test(line)
          ? `<h2>${escapeHtml(line)}</h2>`
          : `<p>${escapeHtml(line)}</p>`,
      );
    }
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return new TextEncoder().encode(out.join('\n'));
}

/** UTF-16BE hex of a string (the codes of the UniGB-UCS2-H encoding). */
function ucs2(s: string): string {
  let hex = '';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

/**
 * A small PDF: the lines as a text layer in a non-embedded CJK font (STSong-Light, Adobe-GB1, as many Chinese PDFs
 * have), 40 lines a page; tab-separated lines are table rows with ruling lines around their cells. Content streams
 * are deflated; the cross-reference table is exact.
 */
export function smallPdf(lines: string[]): Uint8Array {
  const pages: string[] = [];
  const perPage = 40;
  const list = rows(lines);
  for (let p = 0; p < list.length; p += perPage) {
    const ops: string[] = ['0.5 w'];
    list.slice(p, p + perPage).forEach((line, i) => {
      const y = 800 - i * 18;
      const cells = line.split('\t');
      const width = cells.length > 1 ? 520 / cells.length : 520;
      cells.forEach((c, k) =>
        ops.push(`BT /F1 9 Tf 1 0 0 1 ${(40 + k * width + 2).toFixed(1)} ${y} Tm <${ucs2(c.slice(0, 40))}> Tj ET`),
      );
      if (cells.length > 1) {
        ops.push(`40 ${y - 4} m 560 ${y - 4} l S 40 ${y + 12} m 560 ${y + 12} l S`);
        for (let k = 0; k <= cells.length; k++)
          ops.push(`${(40 + k * width).toFixed(1)} ${y - 4} m ${(40 + k * width).toFixed(1)} ${y + 12} l S`);
      }
    });
    pages.push(ops.join('\n'));
  }
  const objects: (string | { dict: string; data: Buffer })[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Count ${pages.length} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  pages.forEach((content, i) => {
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = { dict: '/Filter /FlateDecode', data: deflateSync(content) };
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    const o = objects[id];
    const chunk =
      typeof o === 'string'
        ? Buffer.from(`${id} 0 obj\n${o}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${id} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'),
            o.data,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(chunk);
    length += chunk.length;
  }
  const xref = [
    `xref\n0 ${objects.length}\n0000000000 65535 f \n`,
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'),
  );
  return new Uint8Array(Buffer.concat(parts));
}

// Builders of small damaged or hostile inputs for the reader tests: PDFs written object by object, zips by hand.
import { writeZip, type ZipEntry } from '../../scripts/fuzz/zip.js';

/** A PDF from object bodies (1-based numbers in order), with a correct xref table and trailer. */
export function buildPdf(objects: string[], trailerExtra = ''): Buffer {
  const parts: string[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(parts[0], 'latin1');
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = `${i + 1} 0 obj\n${body}\nendobj\n`;
    parts.push(obj);
    length += Buffer.byteLength(obj, 'latin1');
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
  ].join('\n');
  parts.push(
    `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
}

/** A PDF of `pages` empty A4 pages. */
export function emptyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ]);
}

/** A one-page PDF whose only content is an image (a scan without a text layer). */
export function imageOnlyPdf(): Buffer {
  const pixels = Buffer.alloc(64 * 64, 0x80).toString('latin1');
  const content = 'q 500 0 0 700 40 60 cm /Im0 Do Q';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`,
  ]);
}

/** A PDF encrypted with the standard handler and a user password (the O/U entries match no empty password). */
export function encryptedPdf(): Buffer {
  const hex = (n: number) => '<' + 'ab'.repeat(n) + '>';
  const pdf = buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -44 >>`,
    ],
    '/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ',
  );
  return pdf;
}

/** A zip (deflate) of the entries, with true sizes and checksums (the fuzz harness's writer). */
export function buildZip(entries: ZipEntry[]): Buffer {
  return Buffer.from(writeZip(entries));
}

/** A one-page PDF holding a JPEG (DCTDecode) as its only content: a scanned page. */
export function jpegPagePdf(jpeg: Buffer, width: number, height: number, components: number): Buffer {
  const w = 595,
    h = Math.round((595 * height) / width);
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${components === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${jpeg.toString('latin1')}\nendstream`,
  ]);
}

export interface DrawnText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/**
 * A PDF of A4 pages with text at given points (y from the bottom) and optional ruling lines. Latin text is set in
 * Helvetica; text with CJK characters in the non-embedded STSong-Light with the UniGB-UCS2-H CMap (the reader maps
 * it through pdfjs's bundled CMaps).
 */
export function textPdf(pages: { texts: DrawnText[]; lines?: [number, number, number, number][] }[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const ucs2 = (s: string) => [...s].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const show = (t: DrawnText) =>
    [...t.text].some((ch) => ch.charCodeAt(0) > 0x7f)
      ? `/F2 ${t.size ?? 10} Tf 1 0 0 1 ${t.x} ${t.y} Tm <${ucs2(t.text)}> Tj`
      : `/F1 ${t.size ?? 10} Tf 1 0 0 1 ${t.x} ${t.y} Tm (${esc(t.text)}) Tj`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor 6 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  const kids: string[] = [];
  for (const page of pages) {
    const content = [
      ...(page.lines ?? []).map(([x0, y0, x1, y1]) => `0.5 w ${x0} ${y0} m ${x1} ${y1} l S`),
      ...page.texts.map((t) => `BT ${show(t)} ET`),
    ].join('\n');
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentRef = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentRef} 0 R >>`,
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return buildPdf(objects);
}

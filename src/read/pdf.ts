// The PDF reader: text with positions and ruling lines (pdfjs-dist) → the same blocks the text reader produces,
// every block and cell carrying its page and box (PDF points, origin top-left of the page as displayed).
import { join } from 'node:path';
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { reclassifyHeadings } from './lines.js';
import { refuseInflationBomb } from './pdf-streams.js';
import { readText } from './text.js';
import { dropPageFurniture } from './pdf/furniture.js';
import type { Rule, PageContent, Matrix } from './pdf/geometry.js';
import { rulesOf, pageItems } from './pdf/grids.js';
import { layout, placeBlocks } from './pdf/layout.js';
import { ocrPdf } from './pdf/ocr.js';
import { loadPdfJs, pdfjsDataDir, type TextItemLike, piecesOf, pdfErrorText } from './pdf/text-layer.js';

// the OCR limits and the OCR tidying, used by the tests and the hostile-input checks
export { MAX_OCR_PAGES, MAX_OCR_SECONDS, ocrLines } from './pdf/ocr.js';

/** More pages than any disclosure has: refusing early bounds time and memory. */
export const MAX_PDF_PAGES = 1000;

/** Time budget for reading one PDF's pages (a disclosure takes seconds). */
export const MAX_READ_SECONDS = 180;

export interface PdfReadOptions {
  /** OCR pages without a text layer with tesseract when it is installed (default true) */
  ocr?: boolean;
}

/** Reads a PDF into blocks; throws ReadError for encrypted, damaged, empty, oversized or scanned-without-OCR files. */
export async function readPdf(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<ReadResult> {
  // streams inflating to gigabytes are refused before pdfjs would hold them in memory
  await refuseInflationBomb(bytes, file);
  const pdfjs = await loadPdfJs();
  const dataDir = pdfjsDataDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dataDir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dataDir, 'standard_fonts') + '/',
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string })?.name ?? '';
    if (name === 'PasswordException')
      throw new ReadError(file, 'PDF 已加密，需要密码 (encrypted PDF)', 'publish or pass an unencrypted copy');
    throw new ReadError(
      file,
      `PDF 文件已损坏或不完整 (damaged or truncated PDF: ${pdfErrorText(err)})`,
      'download the file again',
    );
  }
  try {
    if (doc.numPages === 0)
      throw new ReadError(file, 'PDF 没有任何页面 (PDF has no pages)', 'check that this is the disclosure file');
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ReadError(
        file,
        `PDF 页数过多 (${doc.numPages} 页 > ${MAX_PDF_PAGES})：不像一份公开文件 (too many pages for a disclosure)`,
        'split it or check that it is the right file',
      );
    }
    const pages: PageContent[] = [];
    let chars = 0;
    let undecodable = 0;
    const started = Date.now();
    for (let n = 1; n <= doc.numPages; n++) {
      // a pathological file (huge content streams) is stopped between pages rather than read for minutes
      if (Date.now() - started > MAX_READ_SECONDS * 1000) {
        throw new ReadError(
          file,
          `PDF 读取超时 (more than ${MAX_READ_SECONDS} s, stopped at page ${n} of ${doc.numPages})`,
          'check that this is the disclosure file, or split it',
        );
      }
      let page;
      try {
        page = await doc.getPage(n);
      } catch (err) {
        throw new ReadError(
          file,
          `第 ${n} 页无法读取 (page ${n} is damaged: ${pdfErrorText(err)})`,
          'download the file again',
        );
      }
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const pieces = piecesOf(
        content.items.filter((i): i is TextItemLike & (typeof content.items)[number] => 'str' in i),
        vt,
      );
      for (const piece of pieces) {
        chars += piece.text.length;
        // private-use and control code points: glyphs of a font without a Unicode mapping
        for (const ch of piece.text) {
          const c = ch.codePointAt(0) ?? 0;
          if (c <= 0x1f || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) undecodable++;
        }
      }
      let rules: { h: Rule[]; v: Rule[] } = { h: [], v: [] };
      if (pieces.length) {
        const ops = await page.getOperatorList({ intent: 'display' });
        rules = rulesOf(ops, pdfjs.OPS, vt);
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, items: pageItems(pieces, rules) });
      page.cleanup();
    }
    const unreadableText = chars > 0 && undecodable / chars > 0.3;
    if (chars < doc.numPages * 10 || unreadableText) {
      if (options.ocr !== false) {
        const text = await ocrPdf(bytes, file, doc.numPages);
        if (text.replace(/\s+/g, '').length < 10)
          throw new ReadError(
            file,
            '这是扫描件，OCR 没有识别出文字 (scanned PDF, OCR found no text)',
            'check the scan quality or pass a PDF with text',
          );
        return { ...readText(text, 'pdf-ocr'), bytes: bytes.length };
      }
      if (unreadableText)
        throw new ReadError(
          file,
          'PDF 的文字层无法解码（字体缺少 Unicode 映射）(text layer without a Unicode mapping)',
          'install tesseract-ocr and tesseract-ocr-chi-sim to read it by OCR, or pass another copy',
        );
      throw new ReadError(
        file,
        '这是扫描件，PDF 没有文字层 (scanned PDF without a text layer)',
        'install tesseract-ocr and tesseract-ocr-chi-sim to read it by OCR, or pass a PDF with text',
      );
    }
    dropPageFurniture(pages);
    const { text, sources } = layout(pages);
    const read = readText(text, 'pdf');
    placeBlocks(read.blocks, sources);
    return { blocks: reclassifyHeadings(read.blocks), lines: read.lines, bytes: bytes.length, format: 'pdf' };
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // pdfjs reports a damaged stream while reading a page's content (Bad encoding in flate stream, Illegal
    // character, Invalid number…): the file is damaged, not the program
    throw new ReadError(
      file,
      `PDF 文件已损坏 (damaged PDF: ${pdfErrorText(err)})`,
      'download the file again, or pass another copy',
    );
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

// The PDF reader's page work: the document opened with pdfjs and every page's text pieces and ruling lines turned into
// page items. It runs in a worker thread (page-worker.ts) that readPdf terminates when a page takes too long, so a
// damaged file on which pdfjs spins cannot hang the reader; from the TypeScript sources it runs in the caller's thread.
import { join } from 'node:path';
import { ReadError } from '../errors.js';
import type { PageContent, Matrix, Rule } from './geometry.js';
import { rulesOf, pageItems } from './grids.js';
import { loadPdfJs, pdfjsDataDir, type TextItemLike, piecesOf, pdfErrorText } from './text-layer.js';

/** More pages than any disclosure has: refusing early bounds time and memory. */
export const MAX_PDF_PAGES = 1000;

export interface PdfPages {
  numPages: number;
  pages: PageContent[];
  /** characters of the text layer, and those a font without a Unicode mapping left undecodable */
  chars: number;
  undecodable: number;
}

/**
 * Opens the PDF and reads its pages; throws ReadError for encrypted, damaged, empty or oversized files.
 * `onPage(n, of)` is called before page n of `of` is read (0 of 0: the document is being opened), so that a watcher
 * outside this thread can time each page.
 */
export async function readPages(
  bytes: Uint8Array,
  file: string,
  onPage: (n: number, of: number) => void = () => undefined,
): Promise<PdfPages> {
  onPage(0, 0);
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
    for (let n = 1; n <= doc.numPages; n++) {
      onPage(n, doc.numPages);
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
    return { numPages: doc.numPages, pages, chars, undecodable };
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // pdfjs reports a damaged stream while reading a page's content (Bad encoding in flate stream, Illegal
    // character, Invalid number…): the file is damaged, not the program
    throw damaged(file, pdfErrorText(err));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

export function damaged(file: string, cause: string): ReadError {
  return new ReadError(file, `PDF 文件已损坏 (damaged PDF: ${cause})`, 'download the file again, or pass another copy');
}

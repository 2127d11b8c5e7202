// The PDF reader: text with positions and ruling lines (pdfjs-dist) → the same blocks the text reader produces,
// every block and cell carrying its page and box (PDF points, origin top-left of the page as displayed).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { reclassifyHeadings } from './lines.js';
import { refuseInflationBomb } from './pdf-streams.js';
import { readText } from './text.js';
import { dropPageFurniture } from './pdf/furniture.js';
import { layout, placeBlocks } from './pdf/layout.js';
import { ocrPdf } from './pdf/ocr.js';
import { damaged, readPages, type PdfPages } from './pdf/pages.js';
import type { PageWorkerMessage, PageWorkerTask } from './pdf/page-worker.js';

// the OCR limits and the OCR tidying, used by the tests and the hostile-input checks
export { MAX_OCR_PAGES, MAX_OCR_SECONDS, ocrLines } from './pdf/ocr.js';
export { MAX_PDF_PAGES } from './pdf/pages.js';

/**
 * CPU time one page may take (opening the document counts as a page). A disclosure's page takes milliseconds, the
 * first one a second or two while its embedded fonts are parsed; a page that takes longer is a damaged or
 * pathological file on which pdfjs spins (a font stream with repeated bytes took more than 15 minutes). Timed outside
 * the thread that reads, which is terminated at the limit. `BUDGETDOC_PDF_PAGE_SECONDS` changes it (tests, very slow
 * machines).
 */
export const MAX_PAGE_SECONDS = 10;

/** CPU time for all of one PDF's pages (a disclosure of 177 pages takes about 4 s). */
export const MAX_READ_SECONDS = 180;

/** Heap of the thread that reads a PDF's pages: a damaged file that makes pdfjs hold gigabytes is stopped. */
export const MAX_PDF_HEAP_MB = 1536;

/** A page waiting on nothing is stopped after this many times its CPU limit in wall time (a loaded machine is slow). */
const WALL_FACTOR = 10;

export interface PdfReadOptions {
  /** OCR pages without a text layer with tesseract when it is installed (default true) */
  ocr?: boolean;
  /** CPU seconds one page may take (default MAX_PAGE_SECONDS, or BUDGETDOC_PDF_PAGE_SECONDS) */
  pageSeconds?: number;
}

/** The page work runs in a worker thread from the compiled code; from the TypeScript sources, in this thread. */
const COMPILED = import.meta.url.endsWith('.js');

function pageLimit(options: PdfReadOptions): number {
  const env = Number(process.env.BUDGETDOC_PDF_PAGE_SECONDS);
  return options.pageSeconds ?? (env > 0 ? env : MAX_PAGE_SECONDS);
}

function tooSlow(file: string, page: number, of: number, seconds: number): ReadError {
  const where = page === 0 ? '打开文件' : `第 ${page} 页（共 ${of} 页）`;
  return new ReadError(
    file,
    `PDF 读取超时：${where}超过 ${seconds} 秒仍未读完，文件可能已损坏 (${page === 0 ? 'opening the file' : `page ${page} of ${of}`} took more than ${seconds} s)`,
    'download the file again, or pass another copy',
  );
}

function tooLong(file: string, page: number, of: number): ReadError {
  return new ReadError(
    file,
    `PDF 读取超时 (more than ${MAX_READ_SECONDS} s, stopped at page ${page} of ${of})`,
    'check that this is the disclosure file, or split it',
  );
}

/** CPU ms of one thread of this process (user + system from /proc, clock ticks of 10 ms), or null off Linux. */
function threadCpuMs(tid: number): number | null {
  if (!tid) return null;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A worker thread that reads pages, with its Linux thread id (0 until it says, or off Linux). */
interface PageReader {
  worker: Worker;
  tid: number;
}

/** One reader kept while idle (unreferenced, so that it does not keep the process alive): starting one costs more CPU
 * than reading a small PDF. Readers of files read at the same time beyond it are ended after their file. */
let idleReader: PageReader | null = null;

function takeReader(): PageReader {
  const kept = idleReader;
  idleReader = null;
  if (kept) {
    kept.worker.ref();
    return kept;
  }
  const worker = new Worker(new URL('./pdf/page-worker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: MAX_PDF_HEAP_MB },
  });
  const reader: PageReader = { worker, tid: 0 };
  worker.on('message', (m: PageWorkerMessage) => {
    if (m.kind === 'thread') reader.tid = m.tid;
  });
  // an idle reader that dies is forgotten
  worker.on('exit', () => {
    if (idleReader === reader) idleReader = null;
  });
  return reader;
}

function keepReader(reader: PageReader): void {
  if (idleReader) void reader.worker.terminate();
  else {
    reader.worker.unref();
    idleReader = reader;
  }
}

/**
 * The pages read in a worker thread watched from this one: each page's CPU time (or, off Linux, wall time) against
 * the page limit, all pages' against MAX_READ_SECONDS; past a limit, or past its heap, the worker is terminated
 * (which stops even a loop that never yields) and the file refused.
 */
function readPagesInWorker(bytes: Uint8Array, file: string, seconds: number): Promise<PdfPages> {
  const reader = takeReader();
  const { worker } = reader;
  return new Promise((resolve, reject) => {
    let page = 0;
    let of = 0;
    let settled = false;
    // CPU ms of the reader's thread at the start of the file and of the page (null: not known yet, or off Linux)
    const cpuNow = () => threadCpuMs(reader.tid);
    const began = { cpu: cpuNow(), wall: Date.now() };
    const pageBegan = { ...began };
    const finish = (err: ReadError | null, result?: PdfPages, keep = false) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep) keepReader(reader);
      else void worker.terminate();
      if (err) reject(err);
      else resolve(result!);
    };
    const watch = setInterval(() => {
      const cpu = cpuNow();
      const wall = Date.now();
      // until the thread has said its id, its CPU is not known: wall time stands in
      if (cpu !== null && began.cpu === null) began.cpu = pageBegan.cpu = cpu;
      const pageUsed = cpu === null || pageBegan.cpu === null ? wall - pageBegan.wall : cpu - pageBegan.cpu;
      const used = cpu === null || began.cpu === null ? wall - began.wall : cpu - began.cpu;
      if (pageUsed > seconds * 1000 || wall - pageBegan.wall > seconds * 1000 * WALL_FACTOR)
        finish(tooSlow(file, page, of, seconds));
      else if (used > MAX_READ_SECONDS * 1000) finish(tooLong(file, page, of));
    }, 100);
    const onMessage = (m: PageWorkerMessage) => {
      if (m.kind === 'thread') return;
      if (m.kind === 'page') {
        page = m.page;
        of = m.of;
        pageBegan.cpu = cpuNow();
        pageBegan.wall = Date.now();
      } else if (m.kind === 'done') finish(null, m.result, true);
      else if (m.kind === 'refused') finish(new ReadError(file, m.reason, m.hint), undefined, true);
      else finish(damaged(file, m.cause));
    };
    const onError = (err: Error & { code?: string }) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ReadError(
              file,
              `PDF 读取所需内存超过 ${MAX_PDF_HEAP_MB} MB，文件可能已损坏 (page ${page} of ${of} needs too much memory)`,
              'download the file again, or pass another copy',
            )
          : damaged(file, err.message.split('\n')[0].slice(0, 200)),
      );
    const onExit = () => finish(damaged(file, `stopped at page ${page} of ${of}`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const task: PageWorkerTask = { bytes, file };
    worker.postMessage(task);
  });
}

/** The pages read in this thread (TypeScript sources): the limits are checked between pages only. */
function readPagesHere(bytes: Uint8Array, file: string, seconds: number): Promise<PdfPages> {
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const began = cpuMs();
  let pageBegan = began;
  let last = { page: 0, of: 0 };
  return readPages(bytes, file, (page, of) => {
    const now = cpuMs();
    if (now - pageBegan > seconds * 1000) throw tooSlow(file, last.page, last.of, seconds);
    if (now - began > MAX_READ_SECONDS * 1000) throw tooLong(file, page, of);
    pageBegan = now;
    last = { page, of };
  });
}

/** Reads a PDF into blocks; throws ReadError for encrypted, damaged, empty, oversized or scanned-without-OCR files. */
export async function readPdf(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<ReadResult> {
  // streams inflating to gigabytes are refused before pdfjs would hold them in memory
  await refuseInflationBomb(bytes, file);
  const seconds = pageLimit(options);
  const { numPages, pages, chars, undecodable } = COMPILED
    ? await readPagesInWorker(bytes, file, seconds)
    : await readPagesHere(bytes, file, seconds);
  const unreadableText = chars > 0 && undecodable / chars > 0.3;
  if (chars < numPages * 10 || unreadableText) {
    if (options.ocr !== false) {
      const text = await ocrPdf(bytes, file, numPages);
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
}

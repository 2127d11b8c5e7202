// A byte cap on what a PDF's compressed streams inflate to. pdfjs inflates a stream whole into memory when a page
// needs it, so a PDF of a few kilobytes whose streams inflate to gigabytes (one deflated run of zeros, or flate
// inside flate) would take the process's memory; such a file is refused before pdfjs opens it. The streams are
// inflated here as streams, counted and dropped (nothing is kept), stopped as soon as the total passes the cap,
// whatever the dictionaries declare: every `stream` keyword is followed (as pdfjs does when the cross-reference
// table is broken), nested flate layers are inflated too.
import { createInflate, type Inflate } from 'node:zlib';
import { ReadError } from './errors.js';

/** Largest a single stream may inflate to: a page's content or an A4 image at 600 dpi in colour stays below it. */
export const MAX_PDF_STREAM_BYTES = 128 * 1024 * 1024;

/** Largest total all streams may inflate to: the disclosures seen inflate to 15 MB at most. */
export const MAX_PDF_INFLATED_BYTES = 1024 * 1024 * 1024;

/** Layers of flate inside flate followed (pdfjs decodes a filter chain of any length; three covers real files). */
const MAX_LAYERS = 4;

/** Whether the bytes at `at` begin a zlib stream (deflate method, valid header check, no preset dictionary), the
 * header pdfjs's own inflater insists on. */
function zlibHeader(bytes: Uint8Array, at: number): boolean {
  const cmf = bytes[at];
  const flg = bytes[at + 1];
  return (
    at + 1 < bytes.length && (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0
  );
}

/** Where each stream's data begins: after `stream` and its end of line (CRLF, LF, or a lone CR). */
function streamStarts(bytes: Uint8Array): number[] {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: number[] = [];
  for (let i = latin.indexOf('stream'); i >= 0; i = latin.indexOf('stream', i + 6)) {
    if (latin.startsWith('end', i - 3)) continue;
    let p = i + 6;
    if (latin[p] === '\r') p++;
    if (latin[p] === '\n') p++;
    if (p > i + 6) starts.push(p);
  }
  return starts;
}

/**
 * Bytes one zlib stream and the flate layers inside it inflate to, counted as they come and stopped once past
 * `budget` (the inflaters are destroyed; nothing is kept). Damaged data counts what came out before the damage.
 */
function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let total = 0;
    let open = 0;
    let finished = false;
    const all: Inflate[] = [];
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const z of all) z.destroy();
      resolve(total);
    };
    const layer = (depth: number): Inflate => {
      const z = createInflate({ chunkSize: 64 * 1024 });
      all.push(z);
      open++;
      let inner: Inflate | null | undefined;
      z.on('data', (chunk: Buffer) => {
        if (finished) return;
        total += chunk.length;
        if (total > budget) return finish();
        // the first bytes out decide whether another flate layer is inside
        if (inner === undefined) inner = depth < MAX_LAYERS && zlibHeader(chunk, 0) ? layer(depth + 1) : null;
        inner?.write(chunk);
      });
      const done = () => {
        inner?.end();
        if (--open === 0) finish();
      };
      z.on('end', done);
      z.on('error', done);
      return z;
    };
    layer(1).end(data);
  });
}

/**
 * What the flate streams of a PDF inflate to: the largest stream and the total, stopped as soon as a stream passes
 * `limits.stream` or the total passes `limits.total` (then `over` says which, and only "more than" is known).
 */
export async function pdfInflated(
  bytes: Uint8Array,
  limits: { stream: number; total: number } = { stream: MAX_PDF_STREAM_BYTES, total: MAX_PDF_INFLATED_BYTES },
): Promise<{ largest: number; total: number; over: 'stream' | 'total' | null }> {
  let total = 0;
  let largest = 0;
  for (const start of streamStarts(bytes)) {
    if (!zlibHeader(bytes, start)) continue;
    // the rest of the file: the inflater stops at the end of the zlib stream, whatever the declared /Length
    const n = await inflatedSize(bytes.subarray(start), Math.min(limits.stream, limits.total - total));
    total += n;
    largest = Math.max(largest, n);
    if (n > limits.stream) return { largest, total, over: 'stream' };
    if (total > limits.total) return { largest, total, over: 'total' };
  }
  return { largest, total, over: null };
}

/** Refuses a PDF whose streams inflate past the caps (a decompression bomb), with a ReadError naming the file. */
export async function refuseInflationBomb(bytes: Uint8Array, file: string): Promise<void> {
  const { over } = await pdfInflated(bytes);
  if (!over) return;
  const limit =
    over === 'stream'
      ? `单个数据流超过 ${MAX_PDF_STREAM_BYTES / 1048576} MB`
      : `合计超过 ${MAX_PDF_INFLATED_BYTES / 1048576} MB`;
  throw new ReadError(
    file,
    `PDF 解压后过大 (${limit}, streams too large when inflated)`,
    'check that this is the disclosure file, or pass another copy',
  );
}

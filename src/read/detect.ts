// Format detection by content (magic bytes, zip entries, markup) and dispatch to the reader for that format.
import { createInflateRaw } from 'node:zlib';
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';

/** Largest unpacked size of a DOCX/XLSX: disclosures unpack to a few megabytes. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

export type InputFormat = 'pdf' | 'docx' | 'xlsx' | 'html' | 'text' | 'zip' | 'ole' | 'binary';

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Names of the entries of a zip's central directory (read from the end of the file, nothing inflated). */
/** Offset of a zip's end-of-central-directory record (signature 0x06054b50 within the last 64 KiB + 22 bytes), or -1. */
function endOfCentralDirectory(view: DataView, length: number): number {
  for (let i = length - 22; i >= Math.max(0, length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

export function zipEntryNames(bytes: Uint8Array, limit = 5000): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view, bytes.length);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && n < limit; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return names.length ? names : null;
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** A central-directory entry: compression method, declared sizes and where its local header is. */
interface ZipEntry {
  method: number;
  compressed: number;
  uncompressed: number;
  local: number;
}

/** The central directory's entries, or null when it cannot be walked (no end record, or a broken entry). */
function centralEntries(bytes: Uint8Array, view: DataView): ZipEntry[] | null {
  const eocd = endOfCentralDirectory(view, bytes.length);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    entries.push({
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      uncompressed: view.getUint32(p + 24, true),
      local: view.getUint32(p + 42, true),
    });
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Sum of the declared uncompressed sizes of a zip's entries (for refusing zip bombs before inflating). */
export function zipUncompressedTotal(bytes: Uint8Array): number {
  const entries = centralEntries(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!entries) return Infinity;
  // ZIP64 entries mark their size 0xffffffff: treat as too large
  return entries.reduce((total, e) => total + (e.uncompressed === 0xffffffff ? Infinity : e.uncompressed), 0);
}

/** Bytes one deflated entry inflates to, counted as a stream and stopped once past `cap` (nothing is kept). */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    // damaged data: the format's reader names the damage
    inflate.on('error', () => resolve(n));
    inflate.end(data);
  });
}

/**
 * The real unpacked size of a zip (entries inflated as streams, the same bytes the DOCX/XLSX libraries will read:
 * from the local header the central directory points at, for the compressed size it declares), stopped as soon as
 * the total passes `cap`, whatever the headers say. Infinity for a directory that cannot be walked.
 */
export async function zipInflatedTotal(bytes: Uint8Array, cap: number): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralEntries(bytes, view);
  if (!entries) return Infinity;
  let total = 0;
  for (const { method, compressed, local } of entries) {
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    total += method === 8 ? await inflatedSize(data, cap - total) : data.length;
    if (total > cap) return total;
  }
  return total;
}

/** Recognises the format from the bytes; the file name is not consulted. */
export function detectFormat(bytes: Uint8Array): InputFormat {
  // %PDF may follow a few junk bytes (some servers prepend a BOM or whitespace)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes) ?? [];
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const start = head
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (
    /^<!doctype html|^<html|^<head|^<meta|^<!--[\s\S]*?-->\s*<(?:!doctype html|html)/.test(start) ||
    (/^<\?xml/.test(start) && /<html/.test(start))
  )
    return 'html';
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (sample.includes(0)) return 'binary';
  return 'text';
}

/**
 * Reads a file of any supported format into blocks. Text files are left to the caller (the text path decodes
 * and reads them); this handles PDF, DOCX, XLSX and HTML, and refuses other binary formats with a clear reason.
 */
export async function readFileBlocks(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = detectFormat(bytes);
  if (format === 'docx' || format === 'xlsx') {
    // a zip bomb is refused from the sizes its directory declares, before anything is inflated
    // and, since headers can lie, from the bytes its entries really inflate to (streamed, stopped at the cap)
    let unpacked = zipUncompressedTotal(bytes);
    const declared = unpacked > MAX_UNZIPPED_BYTES;
    if (!declared) unpacked = await zipInflatedTotal(bytes, MAX_UNZIPPED_BYTES);
    if (unpacked > MAX_UNZIPPED_BYTES) {
      // a measured size stopped at the cap: only "more than" is known
      const size = !Number.isFinite(unpacked)
        ? '无法确定'
        : declared
          ? `${(unpacked / 1048576).toFixed(0)} MB`
          : '实际解压';
      throw new ReadError(
        file,
        `${format.toUpperCase()} 解压后过大 (${size} > ${MAX_UNZIPPED_BYTES / 1048576} MB, too large when unpacked)`,
        'check that this is the disclosure file',
      );
    }
  }
  switch (format) {
    case 'pdf': {
      const { readPdf } = await import('./pdf.js');
      // BUDGETDOC_NO_OCR=1: scanned PDFs are refused instead of OCR'd (fuzzing; servers without the time)
      return readPdf(bytes, file, { ocr: process.env.BUDGETDOC_NO_OCR !== '1' });
    }
    case 'docx': {
      const { readDocx } = await import('./docx.js');
      return readDocx(bytes, file);
    }
    case 'xlsx': {
      const { readXlsx } = await import('./xlsx.js');
      return readXlsx(bytes, file);
    }
    case 'html': {
      const { readHtml } = await import('./html.js');
      return readHtml(bytes, file);
    }
    case 'ole':
      throw new ReadError(
        file,
        '这是旧版 Word/Excel 文件 (.doc/.xls)，不支持 (legacy Office format)',
        'save it as .docx/.xlsx or PDF and try again',
      );
    case 'zip':
      throw new ReadError(
        file,
        '这是 zip 压缩包，不是 Word 或 Excel 文件 (zip archive, not DOCX/XLSX)',
        'unpack it and pass the disclosure inside',
      );
    default: {
      const { readText, decodeText } = await import('./text.js');
      const text = decodeText(bytes, file);
      return readText(text);
    }
  }
}

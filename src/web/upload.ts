// Receiving an uploaded disclosure: size limit, the name's type checked against the content, read from its bytes by
// the one input reader (write/input.ts, as `check` and `import` read), audit (off the request thread when a pool is
// given), store as a draft. Messages name the upload, never a server path.
import path from 'node:path';
import {
  prepareDocument,
  storedWithHash,
  storePrepared,
  type PreparedDocument,
  type StoreResult,
} from '../store/documents.js';
import type { Finding } from '../store/finding.js';
import { detectFormat } from '../read/detect.js';
import { ReadError, unknownFormat } from '../read/errors.js';
import { contentHash } from '../store/rows.js';
import type { AppOptions } from './context.js';
import { HttpError } from './http.js';
import { renderStoredBody } from './stored-body.js';

const ACCEPTED = ['.txt', '.md', '.pdf', '.docx', '.xlsx', '.html', '.htm', '.json', '.yaml', '.yml'];
/** The format the content must have for each binary or markup extension (texts and models are UTF-8 checked). */
const FORMAT_OF: Record<string, string> = {
  '.pdf': 'PDF',
  '.docx': 'Word (DOCX)',
  '.xlsx': 'Excel (XLSX)',
  '.html': 'HTML',
  '.htm': 'HTML',
};

export interface UploadOutcome extends StoreResult {
  findings: Finding[];
}

/** The reason of a failed read, with the upload's name in place of any server path. */
function readFailure(name: string, err: unknown): string {
  if (err instanceof ReadError) return refusal(name, err);
  let message = err instanceof Error ? err.message : String(err);
  // any absolute path (a library's own files) is no business of the uploader
  message = message.replace(/(?<![\w.:/])\/(?:[\w.@+-]+\/)+[\w.@+-]*/g, '…');
  return `无法读取 ${name}：${message}`;
}

function refusal(name: string, err: ReadError): string {
  return `${name}：${err.reason}${err.hint ? ` — ${err.hint}` : ''}`;
}

/** Reads and audits on the request thread (no pool), from the bytes, with the `analysis` given. */
async function analyseHere(
  options: AppOptions,
  name: string,
  bytes: Uint8Array,
): Promise<{ prepared: PreparedDocument; findings: Finding[] }> {
  const model = await options.analysis.readInput(bytes, name);
  const findings = options.analysis.audit(model);
  return { prepared: prepareDocument({ model, findings, source: { file: name, bytes } }, renderStoredBody), findings };
}

/** Checks that the bytes are what the name says: PDF, DOCX, XLSX and HTML by their content (HTML may be GBK);
 * texts and models are UTF-8 without NUL. */
function checkType(name: string, bytes: Uint8Array): void {
  const ext = path.extname(name).toLowerCase();
  if (!ACCEPTED.includes(ext)) throw new HttpError(415, refusal(name, unknownFormat(name)), 'unsupported_type');
  const expected = FORMAT_OF[ext];
  if (expected) {
    const found = detectFormat(bytes);
    if (FORMAT_OF[`.${found}`] !== expected)
      throw new HttpError(415, `${name} 的内容不是 ${expected} 文件，请检查文件或改用正确的扩展名`, 'unsupported_type');
    return;
  }
  try {
    if (bytes.subarray(0, 65536).includes(0))
      throw new HttpError(415, refusal(name, unknownFormat(name)), 'unsupported_type');
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(415, `${name} 不是 UTF-8 文本`, 'unsupported_type');
  }
}

export async function receiveUpload(options: AppOptions, file: File, draft: boolean): Promise<UploadOutcome> {
  const limit = options.uploadLimit;
  if (limit !== undefined && file.size > limit)
    throw new HttpError(413, `文件过大：${file.size} 字节，上限 ${limit} 字节`, 'too_large');
  const name = path.basename(file.name || 'upload.txt');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new HttpError(400, '上传的文件是空的', 'empty_file');
  checkType(name, bytes);
  let analysed: { prepared: PreparedDocument; findings: Finding[] };
  try {
    analysed = options.uploads ? await options.uploads.analyse(name, bytes) : await analyseHere(options, name, bytes);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(422, readFailure(name, err), 'unreadable');
  }
  const known = () => storedWithHash(options.store, contentHash(bytes));
  const before = await known();
  if (before) return { id: before.id, outcome: 'unchanged', findings: analysed.findings };
  let stored: StoreResult;
  try {
    stored = await storePrepared(options.store, analysed.prepared, { draft });
  } catch (err) {
    // the same bytes stored meanwhile by a simultaneous upload (unique content hash): nothing to do, as the importer
    if ((err as { code?: string }).code !== '23505') throw err;
    const meanwhile = await known();
    if (!meanwhile) throw err;
    stored = { id: meanwhile.id, outcome: 'unchanged' };
  }
  return { ...stored, findings: analysed.findings };
}

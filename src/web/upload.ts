// Receiving an uploaded disclosure: size limit, type check by name and content, parse, audit, store as a draft.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Disclosure } from '../model/schema.js';
import { storeDocument, type StoreResult } from '../store/documents.js';
import type { Finding } from '../store/finding.js';
import { detectFormat } from '../read/detect.js';
import { readModelFile } from '../store/import-files.js';
import type { AppOptions } from './context.js';
import { HttpError } from './http.js';

const ACCEPTED = ['.txt', '.md', '.pdf', '.docx', '.xlsx', '.html', '.htm', '.json', '.yaml', '.yml'];
/** The format the content must have for each binary or markup extension (texts and models are UTF-8 checked). */
const FORMAT_OF: Record<string, string> = { '.pdf': 'PDF', '.docx': 'Word (DOCX)', '.xlsx': 'Excel (XLSX)', '.html': 'HTML', '.htm': 'HTML' };

export interface UploadOutcome extends StoreResult {
  findings: Finding[];
  model: Disclosure;
}

/** Checks that the bytes are what the name says: PDF, DOCX, XLSX and HTML by their content (HTML may be GBK);
 * texts and models are UTF-8 without NUL. */
function checkType(name: string, bytes: Uint8Array): string {
  const ext = path.extname(name).toLowerCase();
  if (!ACCEPTED.includes(ext)) throw new HttpError(415, `不支持的文件类型“${ext || name}”：请上传 PDF、Word (.docx)、Excel (.xlsx)、网页 (.html)、文本 (.txt/.md) 或 budgetdoc 模型 (.json/.yaml)`, 'unsupported_type');
  const expected = FORMAT_OF[ext];
  if (expected) {
    const found = detectFormat(bytes);
    if (FORMAT_OF[`.${found}`] !== expected) throw new HttpError(415, `${name} 的内容不是 ${expected} 文件，请检查文件或改用正确的扩展名`, 'unsupported_type');
    return ext;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL');
  } catch {
    throw new HttpError(415, `${name} 不是 UTF-8 文本`, 'unsupported_type');
  }
  return ext;
}

export async function receiveUpload(options: AppOptions, file: File, draft: boolean): Promise<UploadOutcome> {
  const limit = options.uploadLimit;
  if (limit !== undefined && file.size > limit) throw new HttpError(413, `文件过大：${file.size} 字节，上限 ${limit} 字节`, 'too_large');
  const name = path.basename(file.name || 'upload.txt');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new HttpError(400, '上传的文件是空的', 'empty_file');
  const ext = checkType(name, bytes);
  let model: Disclosure;
  try {
    const fromModel = readModelFile(name, bytes);
    if (fromModel) {
      model = fromModel;
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'budgetdoc-upload-'));
      try {
        const filePath = path.join(dir, `upload${ext}`);
        await writeFile(filePath, bytes);
        model = await options.analysis.parseFile(filePath);
        model = { ...model, source: { ...model.source, file: name } };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(422, `无法读取 ${name}：${err instanceof Error ? err.message : String(err)}`, 'unreadable');
  }
  const findings = options.analysis.audit(model);
  const stored = await storeDocument(options.store, { model, findings, source: { file: name, bytes } }, { draft });
  return { ...stored, findings, model };
}

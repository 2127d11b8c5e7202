// Reading any input the CLI accepts into a disclosure model: model JSON/YAML, an input workbook, or a published
// disclosure (text, PDF, Word, Excel, web page) parsed on the fly; unreadable input becomes a UserError with exit 2.
// The readers each format needs are loaded when a file of that format comes (ExcelJS for workbooks, YAML and the
// schema for models), so that checking text disclosures loads neither.
import { readFileSync } from 'node:fs';
import { parseBytes } from '../extract/index.js';
import { detectFormat } from '../read/detect.js';
import { ReadError } from '../read/errors.js';
import { modelSyntax } from '../model/syntax.js';
import type { Disclosure } from '../model/schema.js';
import { UserError } from './errors.js';

/** Reads a model: JSON or YAML (as `parse --format json` writes it), an input workbook (`budgetdoc template`), a
 * published workbook, or a disclosure text / PDF / Word file parsed on the fly. */
export async function readModel(path: string): Promise<Disclosure> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`无法读取 ${path}: ${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : (err as Error).message} — 请检查路径`, 2);
  }
  return readModelBytes(bytes, path);
}

/** readModel on bytes already read (`path` names them in the model and in errors). */
export async function readModelBytes(bytes: Buffer, path: string): Promise<Disclosure> {
  const format = detectFormat(bytes);
  try {
    if (format === 'xlsx') {
      const { isInputWorkbook, readWorkbook } = await import('../write/workbook.js');
      if (await isInputWorkbook(bytes)) return await readWorkbook(bytes, path);
    }
    if (format === 'text') {
      const text = bytes.toString('utf8');
      const syntax = modelSyntax(path, text);
      if (syntax) return (await import('../model/load.js')).loadModelText(text, path, syntax);
    }
    return await parseBytes(bytes, path);
  } catch (err) {
    throw asUserError(err);
  }
}

/** The readers' own errors as the CLI's one-line error with exit 2; anything else is a bug and passes through. */
function asUserError(err: unknown): unknown {
  if (err instanceof Error && (err.name === 'ModelLoadError' || err.name === 'WorkbookInputError')) return new UserError(err.message, 2);
  if (err instanceof ReadError) return new UserError(err.message.replace(/^budgetdoc: /, ''), 2);
  return err;
}

// Any input → model, the one reader behind `check`/`parse`/`render`, `import` and upload: the kind of input is told
// by content (a `.json`/`.yaml` name also says "model"): a model as JSON or YAML, an input workbook (`budgetdoc
// template`, known by its 基本信息 sheet), or a published disclosure in any format the readers take. It sits in
// write/, not extract/, because an input workbook's model takes its explanation paragraphs from the writer's own
// composer (layout.ts), the one that prints them. The readers a kind needs are loaded when it comes (ExcelJS for
// workbooks, YAML and the schema for models), so that reading disclosure texts loads neither.
import { MAX_INPUT_BYTES, parseBytes } from '../extract/index.js';
import { detectFormat } from '../read/detect.js';
import { ReadError } from '../read/errors.js';
import type { Disclosure } from '../model/schema.js';
import { modelSyntax } from '../model/syntax.js';

/** What an input holds, as `readInput` tells it. */
export type InputKind = 'model' | 'input-workbook' | 'published';

/** Bytes enough to tell a model from a disclosure text (a JSON `{` or a YAML `schemaVersion:` key near the top). */
const HEAD_BYTES = 4096;

/** Which kind of input the bytes hold; `name` is the file's name (its extension may say "model"). */
export async function inputKind(bytes: Uint8Array, name: string): Promise<InputKind> {
  const format = detectFormat(bytes);
  if (format === 'xlsx') {
    const { isInputWorkbook } = await import('./workbook.js');
    return (await isInputWorkbook(bytes)) ? 'input-workbook' : 'published';
  }
  if (format === 'text') {
    const head = new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES));
    if (modelSyntax(name, head)) return 'model';
  }
  return 'published';
}

/**
 * Reads any input into a validated model; `name` names it in the model and in every message (an upload's own name,
 * never a server path). Throws ReadError (unreadable or unknown file), ModelLoadError (a bad model) or
 * WorkbookInputError (a bad value in an input workbook, naming the sheet and cell) — each one clear Chinese line.
 */
export async function readInput(bytes: Uint8Array, name: string): Promise<Disclosure> {
  if (bytes.length > MAX_INPUT_BYTES) return parseBytes(bytes, name); // refused there, with the one size message
  switch (await inputKind(bytes, name)) {
    case 'input-workbook':
      return (await import('./workbook.js')).readWorkbook(bytes, name);
    case 'model': {
      const syntax = modelSyntax(name, new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)))!;
      return (await import('../model/load.js')).loadModelText(new TextDecoder().decode(bytes), name, syntax);
    }
    default:
      return parseBytes(bytes, name);
  }
}

/** Whether an error is one of the input's own (unreadable, a bad model or workbook) rather than a bug. */
export function isInputError(err: unknown): err is Error {
  return err instanceof ReadError || (err instanceof Error && (err.name === 'ModelLoadError' || err.name === 'WorkbookInputError'));
}

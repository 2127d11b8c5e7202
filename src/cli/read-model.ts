// Reading any input the CLI accepts into a disclosure model (model JSON/YAML, an input workbook, or a published
// disclosure in any format) through the one input reader, write/input.ts; unreadable input becomes a UserError with
// exit 2.
import { readInputFile } from '../extract/index.js';
import type { Disclosure } from '../model/schema.js';
import { ReadError } from '../read/errors.js';
import { isInputError, readInput } from '../write/input.js';
import { UserError } from './errors.js';

/** Reads a model: JSON or YAML (as `parse --format json` writes it), an input workbook (`budgetdoc template`), a
 * published workbook, or a disclosure text / PDF / Word file parsed on the fly. */
export async function readModel(path: string): Promise<Disclosure> {
  let bytes: Buffer;
  try {
    bytes = await readInputFile(path);
  } catch (err) {
    throw asUserError(err);
  }
  return readModelBytes(bytes, path);
}

/** readModel on bytes already read (`path` names them in the model and in errors). */
export async function readModelBytes(bytes: Buffer, path: string): Promise<Disclosure> {
  try {
    return await readInput(bytes, path);
  } catch (err) {
    throw asUserError(err);
  }
}

/** The readers' own errors as the CLI's one-line error with exit 2; anything else is a bug and passes through. */
function asUserError(err: unknown): unknown {
  if (err instanceof ReadError) return new UserError(err.message.replace(/^budgetdoc: /, ''), 2);
  if (isInputError(err)) return new UserError(err.message, 2);
  return err;
}

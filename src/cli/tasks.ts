// One document's work for parse and check — read, extract, audit, serialise — run in the main thread (--jobs 1) or
// in a pool worker (src/cli/worker.ts); the outcome is plain data, so that it crosses threads as it is.
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import type { Disclosure } from '../model/schema.js';
import type { PieceKey } from '../extract/join.js';
import type { DocumentFindings } from '../audit/report.js';
import type { RuleSetting } from '../audit/index.js';
import { UserError } from './errors.js';

/** A document read (value), unreadable (a clear message, exit 2), or an internal error (a bug: exit 70). */
export type Outcome<T> =
  | { ok: true; value: T; /** pages read (PDF input), for the progress bar */ pages: number }
  /** a piece of a disclosure (情况说明 or 报表 alone), held back to be joined with its partner (src/cli/pieces.ts) */
  | { ok: true; piece: HeldPiece; pages: number }
  | { ok: false; unreadable: boolean; message: string };

export type ParseFormat = 'text' | 'json' | 'ndjson';

/** A piece as it crosses to the batch: what pairing needs, and the model as compact JSON (the batch keeps the bytes
 *  on disk, not the model in memory, until the pieces are joined at the end). */
export interface HeldPiece {
  key: PieceKey;
  model: Uint8Array;
}

export interface ParseTask {
  kind: 'parse';
  file: string;
  format: ParseFormat;
  pretty: boolean;
  /** compact JSON ends with a newline (a line of its own: ndjson, one document, --out) */
  newline?: boolean;
  /** return a piece of a disclosure as a model, to be joined */
  pieces?: boolean;
}

export interface CheckTask {
  kind: 'check';
  file: string;
  /** the configuration's rule settings (loaded once by the command) */
  rules?: Record<string, RuleSetting>;
  only?: string[];
  /** return a piece of a disclosure as a model, to be joined */
  pieces?: boolean;
  /** add the batch-review summary row (check --summary) */
  summary?: boolean;
}

export type Task = ParseTask | CheckTask;

/** The last page any content was read from (0 for text input, which has no pages). */
export function pagesRead(doc: Disclosure): number {
  let pages = 0;
  for (const p of doc.parts) pages = Math.max(pages, p.at?.page ?? 0);
  for (const t of doc.tables) {
    pages = Math.max(pages, t.at?.page ?? 0);
    const last = t.rows[t.rows.length - 1];
    if (last) pages = Math.max(pages, last.at?.page ?? 0);
  }
  return pages;
}

function failure(err: unknown): { ok: false; unreadable: boolean; message: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UserError) return { ok: false, unreadable: err.exitCode === 2, message };
  if (err instanceof Error && err.name === 'ReadError')
    return { ok: false, unreadable: true, message: message.replace(/^budgetdoc: /, '') };
  return { ok: false, unreadable: false, message };
}

/** The model as JSON (compact: UTF-8 bytes, ending with a newline when `newline`; pretty: a string) or the Chinese
 * summary. */
export async function serialiseModel(
  doc: Disclosure,
  format: ParseFormat,
  pretty: boolean,
  newline = true,
): Promise<string | Uint8Array> {
  if (format === 'text') return (await import('./summary.js')).summarise(doc);
  if (pretty && format === 'json') return JSON.stringify(doc, null, 2);
  // compact JSON, the common case over many files: encoded here (in the worker), written as it is
  return (await import('./json-bytes.js')).jsonBytes(doc, newline);
}

/** The model read for a task as a piece to hold back for joining, or undefined when it is to be reported as it is. */
async function heldPiece(doc: Disclosure, pieces: boolean | undefined): Promise<HeldPiece | undefined> {
  if (!pieces) return undefined;
  const { pieceKey } = await import('../extract/join.js');
  const key = pieceKey(doc);
  if (key.holds === 'whole') return undefined;
  return { key, model: (await import('./json-bytes.js')).jsonBytes(doc) };
}

/** `parse`: the model serialised (serialiseModel), or the model itself when it is a piece to be joined. */
export async function runParse(task: ParseTask): Promise<Outcome<string | Uint8Array>> {
  try {
    // any input: a published disclosure, an input workbook or a model (validated and written back)
    const { readModel } = await import('./read-model.js');
    const doc = await readModel(task.file);
    const piece = await heldPiece(doc, task.pieces);
    if (piece) return { ok: true, piece, pages: pagesRead(doc) };
    return {
      ok: true,
      value: await serialiseModel(doc, task.format, task.pretty, task.newline),
      pages: pagesRead(doc),
    };
  } catch (err) {
    return failure(err);
  }
}

/** One model's check result: findings, reading confidence and, when asked, its summary row. */
export async function checkModel(
  doc: Disclosure,
  file: string,
  task: Pick<CheckTask, 'rules' | 'only' | 'summary'>,
  started: number,
): Promise<DocumentFindings> {
  const { auditDocument } = await import('../audit/index.js');
  // the reading self-check (each table judged by its own sums) comes with the findings it judged them by
  const { findings, readingConfidence } = auditDocument(doc, { rules: task.rules, only: task.only });
  const title = `${doc.unit.name} ${doc.year}年${SCOPE_WORD[doc.scope]}${KIND_WORD[doc.kind]}`;
  const value: DocumentFindings = { file, title, findings, readingConfidence };
  if (task.summary) {
    const { summaryRow } = await import('../audit/summary.js');
    value.summary = summaryRow(
      file,
      title,
      doc,
      findings,
      readingConfidence,
      Math.round(performance.now() - started) / 1000,
    );
  }
  return value;
}

/** `check`: the document's findings and reading confidence (one DocumentFindings, as report.ts formats them). */
export async function runCheck(task: CheckTask): Promise<Outcome<DocumentFindings>> {
  const started = performance.now();
  try {
    const { readModel } = await import('./read-model.js');
    const doc = await readModel(task.file);
    const piece = await heldPiece(doc, task.pieces);
    if (piece) return { ok: true, piece, pages: pagesRead(doc) };
    return { ok: true, value: await checkModel(doc, task.file, task, started), pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

export function runTask(task: Task): Promise<Outcome<string | Uint8Array> | Outcome<DocumentFindings>> {
  return task.kind === 'parse' ? runParse(task) : runCheck(task);
}

// One document's work for parse and check — read, extract, audit and render its output bytes — run in the main
// thread (--jobs 1) or in a pool worker (src/cli/worker.ts). The worker does all of it, down to the UTF-8 bytes the
// main thread writes as they are: the main thread only orders the results and writes them (with --jobs N it would
// otherwise serialise every document itself and be the bottleneck). The outcome is plain data that crosses threads
// as it is, its bytes moved rather than copied.
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import type { Disclosure } from '../model/schema.js';
import type { PieceKey } from '../extract/join.js';
import type { DocumentFindings } from '../audit/report.js';
import type { RuleSetting } from '../audit/index.js';
import type { SummaryRow } from '../audit/summary.js';
import type { CheckRender } from './check-output.js';
import { UserError } from './errors.js';

/** A document read (value), unreadable (a clear message, exit 2), or an internal error (a bug: exit 70). */
export type Outcome<T> =
  | { ok: true; value: T; /** pages read (PDF input), for the progress bar */ pages: number }
  /** a piece of a disclosure (情况说明 or 报表 alone), held back to be joined with its partner (src/cli/pieces.ts) */
  | { ok: true; piece: HeldPiece<T>; pages: number }
  | { ok: false; unreadable: boolean; message: string };

export type ParseFormat = 'text' | 'json' | 'ndjson';

/**
 * Where a document's output goes, which decides its bytes: `own` — a file or stdout of its own, a line of ndjson,
 * or a block of text (ends with a newline); `element` — an element of the JSON array written for several inputs
 * (no newline; indented one level when pretty). The separators between documents are the writer's.
 */
export type Layout = 'own' | 'element';

/** A piece as it crosses to the batch: what pairing needs, the model as compact JSON (the batch keeps the bytes on
 *  disk, not the model in memory, until the pieces are joined at the end), and the piece's own output, written as
 *  it is when no partner turns up (`undefined`: the model's bytes are that output, as for compact JSON). */
export interface HeldPiece<T = unknown> {
  key: PieceKey;
  model: Uint8Array;
  value?: T;
}

export interface ParseOptions {
  format: ParseFormat;
  pretty: boolean;
  layout: Layout;
}

export interface ParseTask extends ParseOptions {
  kind: 'parse';
  file: string;
  /** return a piece of a disclosure as a model, to be joined */
  pieces?: boolean;
}

export interface CheckOptions {
  /** the configuration's rule settings (loaded once by the command) */
  rules?: Record<string, RuleSetting>;
  only?: string[];
  /** add the batch-review summary row (check --summary) */
  summary?: boolean;
  /** how the report is rendered (none: --summary alone) */
  render?: CheckRender;
}

export interface CheckTask extends CheckOptions {
  kind: 'check';
  file: string;
  /** return a piece of a disclosure as a model, to be joined */
  pieces?: boolean;
}

/** The pieces of one disclosure (their models' compact JSON, explanation first) joined and parsed or checked. */
export type JoinTask =
  | ({ kind: 'join-parse'; models: Uint8Array[] } & ParseOptions)
  | ({ kind: 'join-check'; file: string; models: Uint8Array[] } & CheckOptions);

export type Task = ParseTask | CheckTask | JoinTask;

/** What check hands the main thread for a document: its rendered report and what the run's end needs. */
export interface CheckResult {
  /** the report of this document, as the sink writes it (empty when nothing is rendered) */
  bytes: Uint8Array;
  /** any finding of severity error (exit code 1) */
  errors: boolean;
  summary?: SummaryRow;
}

/** The buffers of these views that can be moved to another thread: those that own their whole ArrayBuffer (a
 *  small Buffer is a slice of Node's shared pool, which must stay). */
export function movable(views: Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const v of views)
    if (v.byteLength && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer)
      buffers.add(v.buffer);
  return [...buffers];
}

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

/** The model's output as UTF-8 bytes: the Chinese summary, or JSON (compact unless pretty) laid out for `layout`. */
export async function parseOutput(doc: Disclosure, options: ParseOptions): Promise<Uint8Array> {
  const own = options.layout === 'own';
  if (options.format === 'text') return Buffer.from(`${(await import('./summary.js')).summarise(doc)}\n`);
  if (options.pretty && options.format === 'json') {
    const text = JSON.stringify(doc, null, 2);
    return Buffer.from(own ? `${text}\n` : `  ${text.replace(/\n/g, '\n  ')}`);
  }
  // compact JSON, the common case over many files: encoded member by member (src/cli/json-bytes.ts)
  return (await import('./json-bytes.js')).jsonBytes(doc, own);
}

/** Compact JSON is both the model a piece is joined from and its output: serialised once. */
const compact = (o: ParseOptions) => o.format !== 'text' && !(o.pretty && o.format === 'json');

/** The model read for a task as a piece to hold back for joining, or undefined when it is to be reported as it is.
 *  `value` gives the piece's output on its own (undefined: the model's bytes). */
async function heldPiece<T>(
  doc: Disclosure,
  pieces: boolean | undefined,
  value: (() => Promise<T>) | undefined,
  newline = false,
): Promise<HeldPiece<T> | undefined> {
  if (!pieces) return undefined;
  const { pieceKey } = await import('../extract/join.js');
  const key = pieceKey(doc);
  if (key.holds === 'whole') return undefined;
  const { jsonBytes } = await import('./json-bytes.js');
  // the output of a piece left without a partner is made here too, so that the main thread only writes it
  return value ? { key, model: jsonBytes(doc), value: await value() } : { key, model: jsonBytes(doc, newline) };
}

/** `parse`: the model's output bytes (parseOutput), or the model as a piece to be joined. */
export async function runParse(task: ParseTask): Promise<Outcome<Uint8Array>> {
  try {
    // any input: a published disclosure, an input workbook or a model (validated and written back)
    const { readModel } = await import('./read-model.js');
    const doc = await readModel(task.file);
    const piece = await heldPiece(
      doc,
      task.pieces,
      compact(task) ? undefined : () => parseOutput(doc, task),
      task.layout === 'own',
    );
    if (piece) return { ok: true, piece, pages: pagesRead(doc) };
    return { ok: true, value: await parseOutput(doc, task), pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

/** One model's check result: findings, reading confidence and, when asked, its summary row. */
export async function checkModel(
  doc: Disclosure,
  file: string,
  task: Pick<CheckOptions, 'rules' | 'only' | 'summary'>,
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

/** checkModel, its report rendered as the sink writes it. */
export async function checkResult(
  doc: Disclosure,
  file: string,
  task: CheckOptions,
  started: number,
): Promise<CheckResult> {
  const d = await checkModel(doc, file, task, started);
  const bytes = task.render
    ? Buffer.from((await import('./check-output.js')).renderCheck(d, task.render))
    : new Uint8Array(0);
  return { bytes, errors: d.findings.some((f) => f.severity === 'error'), summary: d.summary };
}

/** `check`: the document's rendered report (checkResult), or the model as a piece to be joined. */
export async function runCheck(task: CheckTask): Promise<Outcome<CheckResult>> {
  const started = performance.now();
  try {
    const { readModel } = await import('./read-model.js');
    const doc = await readModel(task.file);
    const piece = await heldPiece(doc, task.pieces, () => checkResult(doc, task.file, task, started));
    if (piece) return { ok: true, piece, pages: pagesRead(doc) };
    return { ok: true, value: await checkResult(doc, task.file, task, started), pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

/** The pieces of one disclosure joined (src/extract/join.ts), then parsed or checked as one document. */
export async function runJoin(task: JoinTask): Promise<Outcome<Uint8Array | CheckResult>> {
  const started = performance.now();
  try {
    const { joinPieces } = await import('../extract/join.js');
    const text = new TextDecoder();
    const doc = joinPieces(task.models.map((m) => JSON.parse(text.decode(m)) as Disclosure));
    const value =
      task.kind === 'join-parse' ? await parseOutput(doc, task) : await checkResult(doc, task.file, task, started);
    return { ok: true, value, pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

export function runTask(
  task: Task,
): Promise<Outcome<Uint8Array> | Outcome<CheckResult> | Outcome<Uint8Array | CheckResult>> {
  if (task.kind === 'parse') return runParse(task);
  if (task.kind === 'check') return runCheck(task);
  return runJoin(task);
}

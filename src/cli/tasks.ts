// One document's work for parse and check — read, extract, audit, serialise — run in the main thread (--jobs 1) or
// in a pool worker (src/cli/worker.ts); the outcome is plain data, so that it crosses threads as it is.
import type { Disclosure } from '../model/schema.js';
import type { DocumentFindings } from '../audit/report.js';
import type { RuleSetting } from '../audit/index.js';
import { UserError } from './errors.js';

/** A document read (value), unreadable (a clear message, exit 2), or an internal error (a bug: exit 70). */
export type Outcome<T> =
  | { ok: true; value: T; /** pages read (PDF input), for the progress bar */ pages: number }
  | { ok: false; unreadable: boolean; message: string };

export type ParseFormat = 'text' | 'json' | 'ndjson';

export interface ParseTask {
  kind: 'parse';
  file: string;
  format: ParseFormat;
  pretty: boolean;
  /** compact JSON ends with a newline (a line of its own: ndjson, one document, --out) */
  newline?: boolean;
}

export interface CheckTask {
  kind: 'check';
  file: string;
  /** the configuration's rule settings (loaded once by the command) */
  rules?: Record<string, RuleSetting>;
  only?: string[];
}

export type Task = ParseTask | CheckTask;

const KIND_ZH = { budget: '预算', final_account: '决算' } as const;
const SCOPE_ZH = { department: '部门', unit: '单位' } as const;

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
  if (err instanceof Error && err.name === 'ReadError') return { ok: false, unreadable: true, message: message.replace(/^budgetdoc: /, '') };
  return { ok: false, unreadable: false, message };
}

/** `parse`: the model as JSON (compact: UTF-8 bytes; pretty: a string) or the Chinese summary. */
export async function runParse(task: ParseTask): Promise<Outcome<string | Uint8Array>> {
  try {
    const { parseFileSync } = await import('../extract/index.js');
    const doc = await parseFileSync(task.file);
    let value: string | Uint8Array;
    if (task.format === 'text') value = (await import('./summary.js')).summarise(doc);
    else if (task.pretty) value = JSON.stringify(doc, null, 2);
    // compact JSON, the common case over many files: encoded here (in the worker), written as it is
    else value = (await import('./json-bytes.js')).jsonBytes(doc, task.newline);
    return { ok: true, value, pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

/** `check`: the document's findings and reading confidence (one DocumentFindings, as report.ts formats them). */
export async function runCheck(task: CheckTask): Promise<Outcome<DocumentFindings>> {
  try {
    const [{ readModel }, { audit }, { readingConfidence }] = await Promise.all([
      import('./read-model.js'),
      import('../audit/index.js'),
      import('../audit/reading-confidence.js'),
    ]);
    const doc = await readModel(task.file);
    const findings = audit(doc, { rules: task.rules, only: task.only });
    const value: DocumentFindings = {
      file: task.file,
      title: `${doc.unit.name} ${doc.year}年${SCOPE_ZH[doc.scope]}${KIND_ZH[doc.kind]}`,
      findings,
      // how well each table was read, judged by its own sums: apart from the findings, never an error
      readingConfidence: readingConfidence(doc),
    };
    return { ok: true, value, pages: pagesRead(doc) };
  } catch (err) {
    return failure(err);
  }
}

export function runTask(task: Task): Promise<Outcome<string | Uint8Array> | Outcome<DocumentFindings>> {
  return task.kind === 'parse' ? runParse(task) : runCheck(task);
}

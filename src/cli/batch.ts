// Runs parse/check over many documents: on a piscina worker pool (--jobs N) or in this thread, a bounded number in
// flight, each result handed on in input order as soon as it and those before it are done — so memory stays flat
// and the output is the same whatever the number of jobs. Also the outputs: stdout with back-pressure, or --out DIR.
import { once } from 'node:events';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';
import type { Disclosure } from '../model/schema.js';
import type { InputFile } from './inputs.js';
import { Progress } from './progress.js';
import { runTask, type HeldPiece, type Outcome, type Task } from './tasks.js';
import type { PieceKey } from '../extract/join.js';

/** --jobs: a positive integer, default the number of cores. */
export function parseJobs(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) throw new UserError(`--jobs 须为 1–256 的整数，收到 "${text}"`, 2);
  return n;
}

interface Runner {
  run(task: Task): Promise<Outcome<unknown>>;
  close(): Promise<void>;
}

/** Worker threads load the compiled code (dist/); from the TypeScript sources (tests) everything runs in this thread. */
const COMPILED = import.meta.url.endsWith('.js');

async function openRunner(jobs: number): Promise<Runner> {
  if (jobs <= 1 || !COMPILED) return { run: (t) => runTask(t), close: async () => {} };
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1000,
  });
  return {
    run: (t) => pool.run(t) as Promise<Outcome<unknown>>,
    close: () => pool.destroy(),
  };
}

export interface BatchResult {
  read: number;
  unreadable: number;
  internal: number;
  /** pieces of disclosures held back (tasks with `pieces`), in input order, for the caller to join (src/cli/pieces.ts) */
  pieces: PieceStore;
}

/**
 * The pieces a batch holds back until its end, to be joined with their partners wherever these are in the input: each
 * piece's key in memory, its model as JSON in a temporary file — a batch of many files published in pieces would
 * otherwise keep thousands of models in memory. The file is removed by close().
 */
export class PieceStore {
  readonly held: Array<{ input: InputFile; key: PieceKey; offset: number; length: number }> = [];
  #fd: number | undefined;
  #dir: string | undefined;
  #size = 0;

  add(input: InputFile, piece: HeldPiece): void {
    if (this.#fd === undefined) {
      this.#dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-pieces-'));
      this.#fd = openSync(path.join(this.#dir, 'pieces.json'), 'w+');
      // removed at once where an open file may be (POSIX): nothing is left behind even if the process is killed;
      // elsewhere close() or the process's exit removes it
      try {
        rmSync(this.#dir, { recursive: true });
        this.#dir = undefined;
      } catch {
        process.once('exit', () => this.close());
      }
    }
    const bytes = piece.model;
    writeSync(this.#fd, bytes, 0, bytes.length, this.#size);
    this.held.push({ input, key: piece.key, offset: this.#size, length: bytes.length });
    this.#size += bytes.length;
  }

  /** the model of a held piece, read back */
  model(entry: PieceStore['held'][number]): Disclosure {
    const bytes = Buffer.allocUnsafe(entry.length);
    readSync(this.#fd!, bytes, 0, entry.length, entry.offset);
    return JSON.parse(bytes.toString('utf8')) as Disclosure;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    if (this.#dir !== undefined) {
      try {
        rmSync(this.#dir, { recursive: true, force: true });
      } catch {
        // a temporary file left behind is no reason to fail a run whose output is written
      }
    }
    this.#fd = undefined;
    this.#dir = undefined;
  }
}

/**
 * Runs `taskFor(input)` for every input and calls `emit` with each outcome in input order. Unreadable files and
 * internal errors are reported on stderr (one line each) and counted; `emit` sees only documents read.
 */
export async function runBatch<T>(
  inputs: InputFile[],
  options: { jobs: number; progress?: boolean },
  taskFor: (input: InputFile) => Task,
  emit: (input: InputFile, value: T, index: number) => Promise<void> | void,
  failed?: (input: InputFile, message: string) => void,
): Promise<BatchResult> {
  const jobs = Math.max(1, Math.min(options.jobs, inputs.length));
  const runner = await openRunner(jobs);
  const progress = new Progress(process.stderr, inputs.length, { enabled: options.progress });
  // enough in flight to keep every worker busy while an earlier, slower document holds up the output
  const window = jobs === 1 ? 1 : jobs * 4;
  const pending = new Map<number, Promise<Outcome<unknown>>>();
  const result: BatchResult = { read: 0, unreadable: 0, internal: 0, pieces: new PieceStore() };
  const start = (i: number) =>
    runner.run(taskFor(inputs[i])).catch((err: unknown): Outcome<unknown> => ({
      ok: false,
      unreadable: false,
      message: err instanceof Error ? err.message : String(err),
    }));
  let next = 0;
  try {
    for (let i = 0; i < inputs.length; i++) {
      while (next < inputs.length && next - i < window) pending.set(next, start(next++));
      const outcome = await pending.get(i)!;
      pending.delete(i);
      if (outcome.ok && 'piece' in outcome) {
        result.read++;
        result.pieces.add(inputs[i], outcome.piece);
      } else if (outcome.ok) {
        result.read++;
        if (process.stdout.isTTY) progress.clear();
        await emit(inputs[i], outcome.value as T, i);
      } else {
        failed?.(inputs[i], outcome.message);
        progress.clear();
        if (outcome.unreadable) {
          result.unreadable++;
          process.stderr.write(`budgetdoc: ${outcome.message}\n`);
        } else {
          result.internal++;
          process.stderr.write(
            `budgetdoc: internal error: ${inputs[i].path}: ${outcome.message}\n(please report this with the input file)\n`,
          );
        }
      }
      progress.document(outcome.ok ? outcome.pages : 0, !outcome.ok);
    }
    progress.finish();
  } finally {
    await Promise.allSettled(pending.values());
    await runner.close();
  }
  return result;
}

/** The exit code of a batch: 2 when any input was unreadable (after the readable ones were written), 70 on a bug. */
export function batchExitCode(result: BatchResult, findingsCode = 0): number {
  if (result.internal) return 70;
  if (result.unreadable) return 2;
  return findingsCode;
}

/** Writes to stdout, waiting when the pipe is full so that a slow reader does not make output pile up in memory. */
export async function writeOut(text: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** --out DIR: one file per document, its name the input's name plus a suffix; written whole (renamed into place). */
export class OutDir {
  readonly #made = new Set<string>();
  readonly #used = new Map<string, number>();
  written = 0;

  constructor(readonly dir: string) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new UserError(`无法创建输出目录 ${dir}: ${(err as Error).message}`, 2);
    }
    this.#made.add(path.resolve(dir));
  }

  write(name: string, suffix: string, text: string | Uint8Array): string {
    let target = path.join(this.dir, `${name}${suffix}`);
    // two inputs of the same name (from different arguments) do not overwrite each other
    const seen = this.#used.get(target) ?? 0;
    this.#used.set(target, seen + 1);
    if (seen) target = path.join(this.dir, `${name}~${seen + 1}${suffix}`);
    const parent = path.dirname(target);
    try {
      if (!this.#made.has(path.resolve(parent))) {
        mkdirSync(parent, { recursive: true });
        this.#made.add(path.resolve(parent));
      }
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, target);
    } catch (err) {
      throw new UserError(`无法写入 ${target}: ${(err as Error).message}`, 2);
    }
    this.written++;
    return target;
  }
}

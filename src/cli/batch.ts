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
import type { InputFile } from './inputs.js';
import { Progress } from './progress.js';
import { movable, runTask, type HeldPiece, type JoinTask, type Outcome, type Task } from './tasks.js';
import type { PieceKey } from '../extract/join.js';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';

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

/**
 * V8 optimises a function once it has run a fixed amount of bytecode; over a batch the readers' many functions each
 * pass that mark, and compiling them takes background threads as much CPU as a third of the documents' own work — in
 * every worker thread again, which is what kept --jobs 2 from scaling. Eight times the mark (measured on the seeds:
 * no slower per document) leaves the compiling to the functions that are really hot. Set before the workers start
 * (V8's flags are the process's); the isolate of this thread follows as its counters are reset.
 */
const INTERRUPT_BUDGET = 8 * 67584;
let tuned = false;
function tuneCompiler(): void {
  if (tuned || process.execArgv.some((a) => a.startsWith('--interrupt-budget'))) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

async function openRunner(jobs: number): Promise<Runner> {
  tuneCompiler();
  if (jobs <= 1 || !COMPILED) return { run: (t) => runTask(t), close: async () => {} };
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    // a worker holds its next document while it works on one (its file read meanwhile): it does not wait idle for
    // this thread, busy writing output, to hand it the next
    concurrentTasksPerWorker: 2,
    idleTimeout: 1000,
  });
  return {
    // the models of a join task are moved to the worker, not copied
    run: (t) =>
      pool.run(t, 'models' in t ? { transferList: movable(t.models) } : undefined) as Promise<Outcome<unknown>>,
    close: () => pool.destroy(),
  };
}

export interface BatchResult {
  read: number;
  unreadable: number;
  internal: number;
}

type Held = { input: InputFile; key: PieceKey; offset: number; length: number; valueLength: number };

/**
 * The pieces a batch holds back until its end, to be joined with their partners wherever these are in the input: each
 * piece's key in memory; its model as JSON, and its output on its own when that is not the model's bytes, in a
 * temporary file — a batch of many files published in pieces would otherwise keep thousands of them in memory. The
 * file is removed by close().
 */
export class PieceStore {
  readonly held: Held[] = [];
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
    const value = piece.value === undefined ? undefined : serialize(piece.value);
    const entry: Held = { input, key: piece.key, offset: this.#size, length: piece.model.length, valueLength: -1 };
    this.#put(piece.model);
    if (value) {
      entry.valueLength = value.length;
      this.#put(value);
    }
    this.held.push(entry);
  }

  #put(bytes: Uint8Array): void {
    writeSync(this.#fd!, bytes, 0, bytes.length, this.#size);
    this.#size += bytes.length;
  }

  #read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafeSlow(length);
    readSync(this.#fd!, bytes, 0, length, offset);
    return bytes;
  }

  /** the model of a held piece, as compact JSON */
  model(entry: Held): Buffer {
    return this.#read(entry.offset, entry.length);
  }

  /** the output of a held piece on its own */
  value(entry: Held): unknown {
    if (entry.valueLength < 0) return this.model(entry);
    return deserialize(this.#read(entry.offset + entry.length, entry.valueLength));
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
 * Starts `count` jobs, at most `window` ahead of the one awaited, and hands each outcome on in order as soon as it
 * and those before it are done. Waits for every job started before it returns, even when `handle` throws.
 */
async function inOrder(
  count: number,
  window: number,
  start: (i: number) => Promise<Outcome<unknown>>,
  handle: (i: number, outcome: Outcome<unknown>) => Promise<void>,
): Promise<void> {
  const pending = new Map<number, Promise<Outcome<unknown>>>();
  const guarded = (i: number) =>
    start(i).catch((err: unknown): Outcome<unknown> => ({
      ok: false,
      unreadable: false,
      message: err instanceof Error ? err.message : String(err),
    }));
  let next = 0;
  try {
    for (let i = 0; i < count; i++) {
      while (next < count && next - i < window) pending.set(next, guarded(next++));
      const outcome = await pending.get(i)!;
      pending.delete(i);
      await handle(i, outcome);
    }
  } finally {
    await Promise.allSettled(pending.values());
  }
}

/**
 * Runs `taskFor(input)` for every input and calls `emit` with each value in input order. Pieces of a disclosure
 * (tasks with `pieces`) are held back and come after the others, each joined with its partner by `joinTaskFor` on
 * the same workers, or alone as it was read. Unreadable files and internal errors are reported on stderr (one line
 * each) and counted; `emit` sees only documents read.
 */
export async function runBatch<T>(
  inputs: InputFile[],
  options: { jobs: number; progress?: boolean },
  taskFor: (input: InputFile) => Task,
  emit: (input: InputFile, value: T) => Promise<void> | void,
  failed?: (input: InputFile, message: string) => void,
  joinTaskFor?: (input: InputFile, models: Uint8Array[]) => JoinTask,
): Promise<BatchResult> {
  const jobs = Math.max(1, Math.min(options.jobs, inputs.length));
  const runner = await openRunner(jobs);
  const progress = new Progress(process.stderr, inputs.length, { enabled: options.progress });
  // enough in flight to keep every worker busy while an earlier, slower document holds up the output; in this
  // thread, one ahead: the next file is read while this one is parsed (about a tenth off the wall time of a batch)
  const window = jobs === 1 ? 2 : jobs * 4;
  const result: BatchResult = { read: 0, unreadable: 0, internal: 0 };
  const store = new PieceStore();
  const report = async (input: InputFile, outcome: Outcome<unknown>) => {
    if (outcome.ok && 'piece' in outcome) {
      result.read++;
      store.add(input, outcome.piece);
    } else if (outcome.ok) {
      result.read++;
      if (process.stdout.isTTY) progress.clear();
      await emit(input, outcome.value as T);
    } else {
      failed?.(input, outcome.message);
      progress.clear();
      if (outcome.unreadable) {
        result.unreadable++;
        process.stderr.write(`budgetdoc: ${outcome.message}\n`);
      } else {
        result.internal++;
        process.stderr.write(
          `budgetdoc: internal error: ${input.path}: ${outcome.message}\n(please report this with the input file)\n`,
        );
      }
    }
  };
  try {
    await inOrder(
      inputs.length,
      window,
      (i) => runner.run(taskFor(inputs[i])),
      async (i, outcome) => {
        await report(inputs[i], outcome);
        progress.document(outcome.ok ? outcome.pages : 0, !outcome.ok);
      },
    );
    progress.finish();
    // pieces of one disclosure (情况说明 + 报表) come out as one document, after the others; a piece without a
    // partner as it was read
    const groups = store.held.length ? (await import('./pieces.js')).heldGroups(store) : [];
    await inOrder(
      groups.length,
      window,
      async (i) => {
        const g = groups[i];
        if (g.pieces.length === 1 || !joinTaskFor) return { ok: true, value: store.value(g.pieces[0]), pages: 0 };
        return runner.run(
          joinTaskFor(
            g.input,
            g.pieces.map((p) => store.model(p)),
          ),
        );
      },
      (i, outcome) => report(groups[i].input, outcome),
    );
  } finally {
    store.close();
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

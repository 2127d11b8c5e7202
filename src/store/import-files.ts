// Importing files into the store: each file read by the one input reader (a published disclosure parsed, an input
// workbook or a model validated) and audited; each file is one transaction; a file that fails is reported and the
// others go on.
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Disclosure } from '../model/schema.js';
import type { Store } from './database.js';
import { storeDocument, storedWithHash, storePrepared, type PreparedDocument, type StoreOutcome } from './documents.js';
import type { Finding } from './finding.js';
import { contentHash } from './rows.js';
import { groupPieces, joinPieces, pieceHolds } from '../extract/join.js';

/** The stages before the store, passed in so that the store knows how, not what, to parse and audit. */
export interface Analysis {
  /** any input → model (write/input.ts): `name` names it in the model and in messages */
  readInput(bytes: Uint8Array, name: string): Promise<Disclosure>;
  audit(doc: Disclosure): Finding[];
}

/** Extensions a folder import picks up: every format the readers take, and models as JSON or YAML. */
export const IMPORTABLE = new Set(['.txt', '.md', '.pdf', '.docx', '.xlsx', '.html', '.htm', '.json', '.yaml', '.yml']);

export interface FileResult {
  file: string;
  outcome: StoreOutcome | 'failed';
  id?: number;
  error?: string;
  /** the failure came from the database or the connection, not from the file: worth retrying */
  transient?: boolean;
  findings?: number;
}

export interface ImportSummary {
  results: FileResult[];
  counts: Record<FileResult['outcome'], number>;
  seconds: number;
}

/** Files named, and importable files found under folders named (sorted, so runs are repeatable). */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) if (!e.startsWith('.')) await walk(path.join(p, e), false);
    } else if (explicit || IMPORTABLE.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  }
  for (const p of paths) await walk(p, true);
  return { files, missing };
}

/** A failed import, unless the same bytes were stored meanwhile by another worker or process (nothing to do). */
async function importFailure(store: Store, file: string, err: unknown): Promise<FileResult> {
  if ((err as { code?: string }).code === '23505') {
    const bytes = new Uint8Array(await readFile(file));
    const known = await storedWithHash(store, contentHash(bytes));
    if (known) return { file, outcome: 'unchanged', id: known.id };
  }
  return {
    file,
    outcome: 'failed',
    error: err instanceof Error ? err.message : String(err),
    ...(isTransient(err) ? { transient: true } : {}),
  };
}

/** SQLSTATE classes of a server or connection in trouble (connection, rollback, resources, shutdown, system). */
const TRANSIENT_SQLSTATE = /^(08|40|53|57|58)/;

/** Whether an error says the database was unavailable or gave up the transaction, rather than the file being bad. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (/^[0-9A-Z]{5}$/.test(code)
      ? TRANSIENT_SQLSTATE.test(code)
      : /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH)$/.test(code))
  )
    return true;
  return (
    err instanceof Error &&
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(err.message)
  );
}

/** A file that holds one piece of a disclosure (its explanations or its tables alone), kept until all are read. */
export interface Piece {
  file: string;
  bytes: Uint8Array;
  model: Disclosure;
}

export async function importFile(
  store: Store,
  file: string,
  analysis: Analysis,
  options: { region?: string; pieces?: Piece[] } = {},
): Promise<FileResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const hash = contentHash(bytes);
    const known = await storedWithHash(store, hash);
    if (known) return { file, outcome: 'unchanged', id: known.id };
    const model = await analysis.readInput(bytes, file);
    if (options.pieces && pieceHolds(model) !== 'whole') {
      options.pieces.push({ file, bytes, model });
      return { file, outcome: 'imported' };
    }
    const findings = analysis.audit(model);
    const result = await storeDocument(store, {
      model,
      findings,
      source: { file: path.basename(file), bytes },
      region: options.region,
    });
    return { file, outcome: result.outcome, id: result.id, findings: findings.length };
  } catch (err) {
    return importFailure(store, file, err);
  }
}

/** A pool of import worker threads on piscina (compiled code only: a worker cannot load TypeScript sources). */
export class PreparePool {
  readonly #pool: import('piscina').Piscina;

  static available(): boolean {
    return import.meta.url.endsWith('.js');
  }

  static async open(size: number): Promise<PreparePool> {
    const { Piscina } = await import('piscina');
    return new PreparePool(
      new Piscina({
        filename: new URL('./import-worker.js', import.meta.url).href,
        minThreads: size,
        maxThreads: size,
      }),
    );
  }

  private constructor(pool: import('piscina').Piscina) {
    this.#pool = pool;
  }

  prepare(
    file: string,
    bytes: Uint8Array,
    region?: string,
    pieces = false,
    bodies?: string,
  ): Promise<{ prepared?: PreparedDocument; findings: number; piece?: Disclosure }> {
    // the file's bytes move to the worker without a copy (the caller no longer needs them)
    return this.#pool.run({ file, bytes, region, pieces, bodies }, { transferList: [bytes.buffer as ArrayBuffer] });
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

async function importWithPool(
  store: Store,
  file: string,
  pool: PreparePool,
  options: { region?: string; pieces?: Piece[] },
): Promise<FileResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const known = await storedWithHash(store, contentHash(bytes));
    if (known) return { file, outcome: 'unchanged', id: known.id };
    const kept = options.pieces ? bytes.slice() : bytes;
    const { prepared, findings, piece } = await pool.prepare(
      file,
      bytes,
      options.region,
      Boolean(options.pieces),
      store.bodies,
    );
    if (piece && options.pieces) {
      options.pieces.push({ file, bytes: kept, model: piece });
      return { file, outcome: 'imported' };
    }
    const result = await storePrepared(store, prepared!);
    return { file, outcome: result.outcome, id: result.id, findings };
  } catch (err) {
    return importFailure(store, file, err);
  }
}

/** Imports one file (a piece of a disclosure is stored alone), on a pool of worker threads when given or on this
 *  thread. */
export function importOne(
  store: Store,
  file: string,
  analysis: Analysis,
  options: { pool?: PreparePool; region?: string } = {},
): Promise<FileResult> {
  return options.pool ? importWithPool(store, file, options.pool, options) : importFile(store, file, analysis, options);
}

export interface ImportOptions {
  region?: string;
  /** files in flight at once (default three per worker thread, else 4 on a server and 1 on PGlite) */
  concurrency?: number;
  /** worker threads that run the real parse and audit (src/store/analysis.ts) and prepare rows; only from compiled
   *  code (a worker cannot load TypeScript). Default 0: `analysis` runs on the main thread. */
  workers?: number;
  onProgress?: (done: number, total: number, last: FileResult) => void;
  /** join the files that are pieces of one disclosure (情况说明 + 报表: same unit, year and kind) into one document
   *  (default true); a piece without its partner is stored alone */
  joinPieces?: boolean;
  /** VACUUM ANALYZE after a bulk load (default true) */
  vacuum?: boolean;
}

/**
 * Stores the pieces kept while importing: each explanation joined with its tables (the document's source is the
 * explanation's file, every place names its own file), a piece without its partner alone. Each file's result is
 * that of the document it went into.
 */
async function storePieces(
  store: Store,
  pieces: Piece[],
  analysis: Analysis,
  options: { region?: string },
  results: FileResult[],
  files: string[],
): Promise<void> {
  for (const group of groupPieces(pieces, (p) => p.model)) {
    try {
      const model = joinPieces(group.map((p) => p.model));
      const findings = analysis.audit(model);
      const result = await storeDocument(store, {
        model,
        findings,
        source: { file: path.basename(group[0].file), bytes: group[0].bytes },
        region: options.region,
      });
      for (const p of group)
        results[files.indexOf(p.file)] = {
          file: p.file,
          outcome: result.outcome,
          id: result.id,
          findings: findings.length,
        };
    } catch (err) {
      for (const p of group) results[files.indexOf(p.file)] = await importFailure(store, p.file, err);
    }
  }
}

/**
 * Imports files with a few in flight at once: worker threads parse and audit while the main thread writes to the
 * database (the real cost), one transaction per file; progress is reported after each file.
 */
export async function importFiles(
  store: Store,
  files: string[],
  analysis: Analysis,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const results = new Array<FileResult>(files.length);
  const workers = PreparePool.available() && files.length > 1 ? (options.workers ?? 0) : 0;
  const pool = workers > 0 ? await PreparePool.open(Math.min(workers, files.length)) : undefined;
  // enough files in flight that the workers parse the next ones while the database writes the previous ones
  const concurrency = Math.max(1, options.concurrency ?? (pool ? workers * 3 : store.engine === 'postgres' ? 4 : 1));
  let next = 0;
  let done = 0;
  const pieces: Piece[] | undefined = options.joinPieces !== false && files.length > 1 ? [] : undefined;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      results[i] = pool
        ? await importWithPool(store, files[i], pool, { ...options, pieces })
        : await importFile(store, files[i], analysis, { ...options, pieces });
      done++;
      options.onProgress?.(done, files.length, results[i]);
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    if (pieces?.length) await storePieces(store, pieces, analysis, options, results, files);
  } finally {
    await pool?.close();
  }
  const counts: ImportSummary['counts'] = { imported: 0, history: 0, draft: 0, unchanged: 0, failed: 0 };
  for (const r of results) counts[r.outcome]++;
  const seconds = (performance.now() - started) / 1000;
  // fresh statistics after a bulk load, or the planner guesses badly on its first queries; the vacuum lets
  // aggregates read the covering index alone, and the search index takes in its pending entries
  if (options.vacuum !== false && counts.imported + counts.history > 50)
    await sql`vacuum analyze documents, document_search, findings, facts`.execute(store.db);
  return { results, counts, seconds };
}

/** Worker threads worth starting: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// The import queue kept in the store's PostgreSQL (pg-boss): `import --enqueue` puts files on it, any number of
// `budgetdoc worker` processes on any number of machines take them; a job retried after a crash is a no-op.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { Store } from './database.js';
import { importOne, PreparePool, type Analysis, type FileResult } from './import-files.js';
import { contentHash } from './rows.js';

export const IMPORT_QUEUE = 'budgetdoc-import';

/** What a job carries: the file's name and either its content hash (bytes kept in `import_queue_files`) or a path
 *  on storage every worker sees. */
export interface ImportJob {
  name: string;
  hash?: string;
  path?: string;
  region?: string;
}

/** What a finished job records (pg-boss keeps it as the job's output). */
export interface ImportJobOutput {
  outcome: FileResult['outcome'];
  id?: number;
  error?: string;
}

export interface QueueOptions {
  /** how often the expiry of jobs whose worker died is checked (pg-boss maintenance; default 60 s) */
  maintenanceSeconds?: number;
}

/** The queue's bytes: a file enqueued by content waits here until a worker has stored it. */
const QUEUE_FILES_DDL = `create table if not exists import_queue_files (
  hash text primary key,
  name text not null,
  bytes bytea not null,
  enqueued_at timestamptz not null default now()
)`;

export class QueueError extends Error {}

/** Starts pg-boss on the store's server (creating its schema and the queue once); PGlite has no queue. */
export async function openQueue(store: Store, url: string, options: QueueOptions = {}): Promise<PgBoss> {
  if (store.engine !== 'postgres')
    throw new QueueError('任务队列需要 PostgreSQL 服务器（--database postgres://…），嵌入式数据目录不支持');
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
    // finished jobs stay in the job table for a day (counted by --status), then in the archive for a week
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  });
  // pg-boss reports failures of its background maintenance as events; a worker goes on (and the next run retries)
  boss.on('error', (err) => process.stderr.write(`任务队列维护出错：${err.message}\n`));
  await boss.start();
  await boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    policy: 'standard',
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 900,
  });
  await sql.raw(QUEUE_FILES_DDL).execute(store.db);
  return boss;
}

export interface EnqueueOptions {
  /** put paths on the queue instead of the bytes (storage mounted at the same path on every worker) */
  byPath?: boolean;
  region?: string;
  /** a job whose worker has not finished it after this long is given to another worker (default 900 s) */
  expireSeconds?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EnqueueSummary {
  queued: number;
  /** already stored (same content): not queued */
  unchanged: number;
}

/**
 * Puts files on the queue in chunks: the bytes of a chunk in one multi-row insert (a file stored before is
 * skipped), then its jobs in one insert. Jobs only name stored bytes, so a worker never sees a half-enqueued file.
 */
export async function enqueueFiles(
  store: Store,
  boss: PgBoss,
  files: string[],
  options: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, unchanged: 0 };
  const job = (data: ImportJob) => ({
    name: IMPORT_QUEUE,
    data,
    expireInSeconds: options.expireSeconds ?? 900,
    retryLimit: 3,
    retryDelay: 5,
  });
  const region = options.region ? { region: options.region } : {};
  let done = 0;
  const CHUNK_FILES = 200;
  const CHUNK_BYTES = 32 * 1024 * 1024;
  for (let start = 0; start < files.length;) {
    const chunk: Array<{ name: string; hash: string; bytes: Uint8Array } | { name: string; path: string }> = [];
    let size = 0;
    while (start < files.length && chunk.length < CHUNK_FILES && size < CHUNK_BYTES) {
      const file = files[start++];
      if (options.byPath) {
        chunk.push({ name: path.basename(file), path: path.resolve(file) });
      } else {
        const bytes = new Uint8Array(await readFile(file));
        size += bytes.length;
        chunk.push({ name: path.basename(file), hash: contentHash(bytes), bytes });
      }
    }
    const jobs: ImportJob[] = [];
    const withBytes = chunk.filter((c): c is { name: string; hash: string; bytes: Uint8Array } => 'hash' in c);
    if (withBytes.length > 0) {
      const known = await store.db
        .selectFrom('documents')
        .select('content_hash')
        .where(
          'content_hash',
          'in',
          withBytes.map((c) => c.hash),
        )
        .execute();
      const stored = new Set(known.map((k) => k.content_hash));
      const fresh = withBytes.filter((c) => !stored.has(c.hash));
      summary.unchanged += withBytes.length - fresh.length;
      if (fresh.length > 0) {
        await sql`insert into import_queue_files (hash, name, bytes)
          values ${sql.join(fresh.map((c) => sql`(${c.hash}, ${c.name}, ${c.bytes})`))} on conflict (hash) do nothing`.execute(
          store.db,
        );
      }
      for (const c of fresh) jobs.push({ name: c.name, hash: c.hash, ...region });
    }
    for (const c of chunk) if ('path' in c) jobs.push({ name: c.name, path: c.path, ...region });
    if (jobs.length > 0) await boss.insert(jobs.map(job));
    summary.queued += jobs.length;
    done += chunk.length;
    options.onProgress?.(done, files.length);
  }
  return summary;
}

export interface WorkerOptions {
  /** worker threads that parse and audit (0: on the main thread, as from TypeScript sources) */
  threads: number;
  /** files in flight at once (default three per thread) */
  concurrency?: number;
  /** stop when nothing is queued, running or waiting for a retry (tests, one-off runs) */
  untilEmpty?: boolean;
  /** seconds between polls of an empty queue (default 2) */
  pollSeconds?: number;
  onResult?: (result: FileResult) => void;
  /** stop taking jobs; jobs in flight are finished */
  signal?: AbortSignal;
}

export interface WorkerSummary {
  counts: Record<FileResult['outcome'], number>;
  seconds: number;
}

/**
 * Takes jobs until stopped (or, with untilEmpty, until the queue is drained): each file is stored in one
 * transaction, then its job is completed. A worker killed at any instant leaves its jobs active; pg-boss expires
 * them and another worker takes them again, where the content hash makes a file stored before a no-op.
 */
export async function runWorker(
  store: Store,
  boss: PgBoss,
  analysis: Analysis,
  options: WorkerOptions,
): Promise<WorkerSummary> {
  const started = performance.now();
  const counts: WorkerSummary['counts'] = { imported: 0, history: 0, draft: 0, unchanged: 0, failed: 0 };
  const pool = options.threads > 0 && PreparePool.available() ? await PreparePool.open(options.threads) : undefined;
  const concurrency = Math.max(1, options.concurrency ?? (pool ? options.threads * 3 : 2));
  const pollMs = (options.pollSeconds ?? 2) * 1000;
  const stopped = () => options.signal?.aborted === true;
  async function loop(): Promise<void> {
    while (!stopped()) {
      const [job] = await boss.fetch<ImportJob>(IMPORT_QUEUE, { batchSize: 1 });
      if (!job) {
        if (options.untilEmpty && (await boss.getQueueSize(IMPORT_QUEUE, { before: 'completed' })) === 0) return;
        await sleep(pollMs, options.signal);
        continue;
      }
      const result = await runJob(store, job.data, analysis, pool);
      if (result.outcome === 'failed' && result.transient) {
        // the database was in trouble, not the file: pg-boss tries the job again later
        await boss.fail(IMPORT_QUEUE, job.id, { outcome: 'failed', error: result.error });
      } else {
        // the bytes go first: a crash before the completion leaves a job whose retry finds the document stored
        if (job.data.hash) await sql`delete from import_queue_files where hash = ${job.data.hash}`.execute(store.db);
        const output: ImportJobOutput = {
          outcome: result.outcome,
          ...(result.id ? { id: result.id } : {}),
          ...(result.error ? { error: result.error } : {}),
        };
        await boss.complete(IMPORT_QUEUE, job.id, output);
      }
      counts[result.outcome]++;
      options.onResult?.(result);
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    await pool?.close();
  }
  return { counts, seconds: (performance.now() - started) / 1000 };
}

/** One job: a file stored before is a no-op; otherwise its bytes (or its path) go through the importer. */
async function runJob(
  store: Store,
  job: ImportJob,
  analysis: Analysis,
  pool: PreparePool | undefined,
): Promise<FileResult> {
  const options = { pool, region: job.region };
  if (job.path) return importOne(store, job.path, analysis, options);
  if (!job.hash) return { file: job.name, outcome: 'failed', error: `任务缺少文件内容：${job.name}` };
  try {
    const known = await store.db
      .selectFrom('documents')
      .select('id')
      .where('content_hash', '=', job.hash)
      .executeTakeFirst();
    if (known) return { file: job.name, outcome: 'unchanged', id: known.id };
    const row = await sql<{ bytes: Uint8Array }>`select bytes from import_queue_files where hash = ${job.hash}`.execute(
      store.db,
    );
    const bytes = row.rows[0]?.bytes;
    if (!bytes)
      return {
        file: job.name,
        outcome: 'failed',
        error: `队列中找不到 ${job.name} 的文件内容（可能已被清理）：请重新用 import --enqueue 加入`,
      };
    // the readers take a path; the file keeps its name (its extension tells the format, the name is recorded)
    const dir = await mkdtemp(path.join(tmpdir(), 'budgetdoc-job-'));
    try {
      const file = path.join(dir, path.basename(job.name));
      await writeFile(file, bytes);
      const result = await importOne(store, file, analysis, options);
      return { ...result, file: job.name };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } catch (err) {
    // the store or the queue table could not be read: retried
    return {
      file: job.name,
      outcome: 'failed',
      error: err instanceof Error ? err.message : String(err),
      transient: true,
    };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface QueueStatus {
  /** waiting for a worker (new or to be retried) */
  queued: number;
  running: number;
  /** stored, history or unchanged */
  done: number;
  /** the file could not be imported, or every retry failed */
  failed: number;
  cancelled: number;
  /** the latest failures, newest first */
  failures: Array<{ file: string; error: string }>;
}

/** Counts of the queue's jobs by state, finished and archived ones included; zero when no queue was ever made. */
export async function queueStatus(store: Store): Promise<QueueStatus> {
  const status: QueueStatus = { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0, failures: [] };
  if (store.engine !== 'postgres')
    throw new QueueError('任务队列需要 PostgreSQL 服务器（--database postgres://…），嵌入式数据目录没有队列');
  const present = await sql<{ r: string | null }>`select to_regclass('pgboss.job')::text as r`.execute(store.db);
  if (!present.rows[0]?.r) return status;
  const jobs = sql`select state::text as state, output, data, completed_on from pgboss.job where name = ${IMPORT_QUEUE}
    union all select state::text, output, data, completed_on from pgboss.archive where name = ${IMPORT_QUEUE}`;
  const counts = await sql<{ state: string; failed_output: boolean; n: number }>`
    select state, coalesce(output->>'outcome' = 'failed', false) as failed_output, count(*)::int as n from (${jobs}) j group by 1, 2`.execute(
    store.db,
  );
  for (const r of counts.rows) {
    if (r.state === 'created' || r.state === 'retry') status.queued += r.n;
    else if (r.state === 'active') status.running += r.n;
    else if (r.state === 'cancelled') status.cancelled += r.n;
    else if (r.state === 'failed' || r.failed_output) status.failed += r.n;
    else status.done += r.n;
  }
  const failures = await sql<{ file: string; error: string | null }>`
    select data->>'name' as file, output->>'error' as error from (${jobs}) j
    where state = 'failed' or (state = 'completed' and output->>'outcome' = 'failed')
    order by completed_on desc nulls last limit 10`.execute(store.db);
  status.failures = failures.rows.map((r) => ({ file: r.file, error: r.error ?? '' }));
  return status;
}

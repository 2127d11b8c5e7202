// Ingestion over many processes through the job queue in PostgreSQL: 1,000 samples enqueued, three
// `budgetdoc worker` processes, one killed with SIGKILL midway; then the plans of the portal's main fact queries on
// the loaded store (EXPLAIN: indexes, one partition per year, no sequential scan of facts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { defaultAnalysis } from '../../src/store/analysis.js';
import { openStore, type Store } from '../../src/store/database.js';
import { collectFiles, importFiles } from '../../src/store/import-files.js';
import { aggregateFactsQuery, listFactsQuery } from '../../src/store/queries.js';
import { generateSample } from '../../src/write/sample.js';
import { repoRoot } from './support/corpus.js';
import { postgresUrl } from './support/stores.js';

const DOCS = Number(process.env.QUEUE_TEST_DOCS ?? 1000);
const mark = (m: string) => process.env.QUEUE_TEST_TRACE && console.log(new Date().toISOString(), m);

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return postgresUrl().replace(/\/[^/]*$/, `/${name}`);
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stderr = '';
  let stdout = '';
  const capture = (sink: (s: string) => void) => (chunk: string | Uint8Array) => {
    sink(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    return true;
  };
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  const before = process.exitCode;
  try {
    const code = await main(['node', 'budgetdoc', ...args]);
    return { code, stdout, stderr };
  } finally {
    err.mockRestore();
    out.mockRestore();
    process.exitCode = before;
  }
}

function startWorker(url: string): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
} {
  // one thread each: three workers already share the machine's cores; maintenance every second, so that the jobs
  // of the killed worker are handed on soon after they time out
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'bin/budgetdoc.js'),
      'worker',
      '--database',
      url,
      '--jobs',
      '1',
      '--until-empty',
      '--poll',
      '0.5',
      '--maintenance-seconds',
      '1',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

async function count(store: Store, query: string): Promise<number> {
  return Number((await sql.raw<{ n: string }>(query).execute(store.db)).rows[0].n);
}

/** The plan of a statement; run (EXPLAIN ANALYZE) to see partitions pruned at run time. */
async function plan(
  store: Store,
  query: ReturnType<typeof aggregateFactsQuery> | ReturnType<typeof listFactsQuery>,
  analyze = false,
): Promise<string> {
  const result = await sql<{
    'QUERY PLAN': string;
  }>`explain ${analyze ? sql`(analyze, costs off) ` : sql``}${query}`.execute(store.db);
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'budgetdoc-queue-'));
const samples = path.join(work, 'samples');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('import queue with several worker processes (PostgreSQL)', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  it('refuses the queue without a server, with clear errors', async () => {
    const onData = await run(['import', '--enqueue', repoRoot, '--data', path.join(work, 'data')]);
    expect(onData.code).toBe(2);
    expect(onData.stderr).toMatch(/需要 PostgreSQL 服务器上的任务队列/);
    expect((await run(['worker'])).stderr).toMatch(/worker 需要 PostgreSQL 服务器/);
    const badUrl = await run(['worker', '--database', 'mysql://localhost/x']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--database 应为 postgres:\/\/… 地址/);
    const unreachable = await run(['import', '--status', '--database', 'postgres://nobody@127.0.0.1:1/none']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/无法打开数据库/);
    expect((await run(['import', '--by-path', repoRoot])).stderr).toMatch(/--by-path 只能与 --enqueue 一起使用/);
    expect((await run(['import'])).stderr).toMatch(/请给出要导入的文件或文件夹/);
  });

  it(`stores each of ${DOCS} queued documents exactly once although one of three workers is killed midway`, async () => {
    const queueDb = await createDatabase('queue_workers');
    const singleDb = await createDatabase('queue_single');
    created.push('queue_workers', 'queue_single');
    mkdirSync(samples);
    for (let i = 0; i < DOCS; i++) {
      const doc = generateSample({ kind: i % 2 ? 'final_account' : 'budget', seed: 'queue-test', index: i });
      writeFileSync(path.join(samples, `sample-${String(i).padStart(4, '0')}.json`), JSON.stringify(doc));
    }
    const hashes = readdirSync(samples).map((f) =>
      createHash('sha256')
        .update(readFileSync(path.join(samples, f)))
        .digest('hex'),
    );

    // the reference: one process importing the same files
    mark('samples written');
    const single = await openStore({ database: singleDb, poolSize: 4 });
    const { files } = await collectFiles([samples]);
    const summary = await importFiles(single, files, defaultAnalysis, { concurrency: 4, vacuum: false });
    expect(summary.counts.failed).toBe(0);
    const singleFacts = await count(single, 'select count(*) as n from facts');
    const singleDocuments = await count(single, 'select count(*) as n from documents');
    const singleCurrent = await count(single, `select count(*) as n from documents where status = 'current'`);
    const singleFindings = await count(single, 'select count(*) as n from findings');
    await single.close();
    expect(singleDocuments).toBe(DOCS);

    mark('single import done');
    // a short job time-out so that the killed worker's jobs are handed on within seconds
    const enqueued = await run(['import', '--enqueue', samples, '--database', queueDb, '--job-timeout', '8']);
    expect(enqueued.stderr).toContain(`已加入任务队列：${DOCS} 个文件`);
    expect(enqueued.code).toBe(0);
    mark('enqueued');
    const status = await run(['import', '--status', '--database', queueDb]);
    expect(status.stdout).toContain(`排队 ${DOCS}　处理中 0　完成 0　失败 0`);

    const store = await openStore({ database: queueDb, poolSize: 2 });
    try {
      const workers = [startWorker(queueDb), startWorker(queueDb), startWorker(queueDb)];
      // midway: once a third of the documents are stored, the first worker dies at once (no clean-up of any kind)
      const deadline = Date.now() + 900_000;
      while ((await count(store, 'select count(*) as n from documents')) < DOCS / 3) {
        if (Date.now() > deadline) throw new Error('workers made no progress');
        await new Promise((r) => setTimeout(r, 200));
      }
      mark('a third stored');
      const activeAtKill = await count(
        store,
        `select count(*) as n from pgboss.job where name = 'budgetdoc-import' and state = 'active'`,
      );
      workers[0].child.kill('SIGKILL');
      const killed = await workers[0].exited;
      expect(killed.signal).toBe('SIGKILL');
      mark('killed');
      const survivors = await Promise.all(workers.slice(1).map((w) => w.exited));
      for (const s of survivors) {
        expect(s.stderr).toMatch(/worker 结束：处理 \d+ 个任务/);
        expect(s.code).toBe(0);
      }
      expect(activeAtKill).toBeGreaterThan(0);

      mark('survivors exited');
      // every document exactly once: one row per file's content, nothing more
      expect(await count(store, 'select count(*) as n from documents')).toBe(DOCS);
      const stored = (
        await sql<{ content_hash: string }>`select content_hash from documents`.execute(store.db)
      ).rows.map((r) => r.content_hash);
      expect(new Set(stored)).toEqual(new Set(hashes));
      expect(await count(store, 'select count(*) as n from facts')).toBe(singleFacts);
      expect(await count(store, 'select count(*) as n from findings')).toBe(singleFindings);
      // the same version decisions as one process: newer versions are current, older ones history
      expect(await count(store, `select count(*) as n from documents where status = 'current'`)).toBe(singleCurrent);
      // no job left running or waiting; the killed worker's jobs were taken again (fetched a second time)
      expect(
        await count(
          store,
          `select count(*) as n from pgboss.job where name = 'budgetdoc-import' and state in ('created', 'retry', 'active')`,
        ),
      ).toBe(0);
      expect(
        await count(
          store,
          `select count(*) as n from pgboss.job where name = 'budgetdoc-import' and state = 'completed' and output->>'outcome' <> 'failed'`,
        ),
      ).toBe(DOCS);
      expect(
        await count(store, `select count(*) as n from pgboss.job where name = 'budgetdoc-import' and retry_count > 0`),
      ).toBeGreaterThan(0);
      expect(await count(store, 'select count(*) as n from import_queue_files')).toBe(0);
      const after = await run(['import', '--status', '--database', queueDb]);
      expect(after.stdout).toContain(`排队 0　处理中 0　完成 ${DOCS}　失败 0`);

      mark('checks done');
      // the plans of the portal's main fact queries on the loaded store (statistics as autovacuum would leave them)
      await sql`vacuum analyze`.execute(store.db);
      const years = (
        await sql<{ year: number }>`select distinct year from documents order by year`.execute(store.db)
      ).rows.map((r) => r.year);
      expect(years.length).toBeGreaterThan(0);
      const partitions = (
        await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'facts'::regclass order by 1`.execute(store.db)
      ).rows.map((r) => r.name);
      expect(partitions).toEqual(years.map((y) => `facts_y${y}`));
      const [one, id] = [
        years[0],
        (await sql<{ id: number }>`select min(id) as id from documents`.execute(store.db)).rows[0].id,
      ];
      // the benchmark's aggregate: function classes by year of one region's documents, all years, from the
      // importer's class sums; the same read from every leaf fact (detail) uses the partitions' leaf index
      const benchAggregate: Parameters<typeof aggregateFactsQuery>[0] = {
        groupBy: ['year', 'class'],
        system: 'function',
        column: 'total',
        table: 'general-budget-expenditure',
        region: '示例市',
      };
      const fromSums = await plan(store, aggregateFactsQuery(benchAggregate));
      expect(fromSums).toMatch(/on fact_class_sums/);
      expect(fromSums).not.toMatch(/facts_y\d+/);
      const aggregate = await plan(store, aggregateFactsQuery(benchAggregate, { detail: true }));
      expect(aggregate).toMatch(
        /Index Only Scan using facts_y\d+_table_id_column_key_code_system_row_code_\w+ on facts_y\d+/,
      );
      expect(aggregate).not.toMatch(/Seq Scan on facts/);
      // one year: that year's partition only
      const ofYear = await plan(
        store,
        aggregateFactsQuery(
          { groupBy: ['class'], system: 'function', column: 'total', table: 'general-budget-expenditure', year: one },
          { detail: true },
        ),
      );
      expect(ofYear).not.toMatch(/Seq Scan on facts/);
      expect(ofYear).toContain(`on facts_y${one}`);
      for (const other of years.filter((y) => y !== one)) expect(ofYear).not.toContain(`facts_y${other}`);
      // one document's facts (its download): the document index of its year's partition, the others pruned
      const ofDocument = await plan(store, listFactsQuery({ document: id, status: 'any' }), true);
      expect(ofDocument).not.toMatch(/Seq Scan on facts/);
      expect(ofDocument).toMatch(/facts_y\d+_document_id_idx/);
      if (years.length > 1) expect(ofDocument).toMatch(/\(never executed\)|Subplans Removed/);
    } finally {
      await store.close();
    }
  }, 1_800_000);
});

// Portal benchmark: imports N generated sample documents (default 10,000) into PGlite and into a PostgreSQL 15
// server, reporting documents/s; then, with them loaded, serves the portal from a child process and measures
// p50/p95 latency of search, a unit page, a compare page and an aggregate API call under 20 concurrent clients
// on loopback. Request loops are bounded in count and time. Run with `npm run bench:portal`
// (BENCH_DOCS, BENCH_REQUESTS, BENCH_ENGINES=pglite,postgres to change the defaults; BENCH_DATABASE=postgres://…
// measures latency only, on a database loaded before; BENCH_BREAKDOWN=N adds the search's CPU per word). Latency is measured with the
// server's response cache off (every request reaches the database) and on (`serve`'s default of 30 s).
// Engine `queue`: three `budgetdoc worker` processes fed by `import --enqueue`, over growing sizes (the curve).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import {
  chownSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pgClient from 'pg';
import { openStore } from '../dist/store/database.js';
import { importFiles, collectFiles, defaultWorkers } from '../dist/store/import-files.js';
import { defaultAnalysis } from '../dist/store/analysis.js';
import { generateSample } from '../dist/write/sample.js';
import { STORED_BODY_MODULE } from '../dist/web/stored-body.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = Number(process.env.BENCH_DOCS ?? 10000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CLIENTS = 20;
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres,queue').split(',');
const PG_BIN = process.env.BUDGETDOC_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const work = mkdtempSync(path.join(tmpdir(), 'budgetdoc-bench-'));
// the postgres user must reach the cluster directory inside
chmodSync(work, 0o755);

function log(line) {
  process.stdout.write(`${line}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function pg(binary, args) {
  const exe = path.join(PG_BIN, binary);
  const result =
    process.getuid() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8' })
      : spawnSync(exe, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${binary}: ${(result.stderr || result.stdout).trim()}`);
}

/** A throwaway PostgreSQL 15 cluster with default durability (fsync and synchronous commit on). */
async function startCluster() {
  if (!existsSync(path.join(PG_BIN, 'pg_ctl')))
    throw new Error(`PostgreSQL 15 binaries not found in ${PG_BIN} (Debian package postgresql)`);
  const dir = path.join(work, 'pg');
  mkdirSync(dir);
  if (process.getuid() === 0) {
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  const data = path.join(dir, 'data');
  pg('initdb', ['-D', data, '-U', 'budgetdoc', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
  pg('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c shared_buffers=512MB`,
    'start',
  ]);
  return {
    url: `postgres://budgetdoc@127.0.0.1:${port}/postgres`,
    pids: () => clusterPids(data),
    stop: () => pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
  };
}

/** The postmaster of a cluster and its children (backends, background processes). */
function clusterPids(data) {
  const master = readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  const pids = [master];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] === master) pids.push(pid);
    } catch {
      // gone
    }
  }
  return pids;
}

function writeSamples(dir = path.join(work, 'samples'), from = 0, to = DOCS) {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (let i = from; i < to; i++) {
    const doc = generateSample({ kind: i % 2 ? 'final_account' : 'budget', seed: 'bench', index: i });
    writeFileSync(path.join(dir, `sample-${String(i).padStart(7, '0')}.json`), JSON.stringify(doc));
  }
  log(`generated ${to - from} sample model files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

async function importInto(engine, options, sampleDir, cluster) {
  // as `budgetdoc import` opens it: page bodies rendered at import
  const store = await openStore({ ...options, bodies: STORED_BODY_MODULE });
  const cpuBefore = process.cpuUsage();
  const clusterBefore = cluster ? cpuSeconds(cluster.pids()) : 0;
  const { files } = await collectFiles([sampleDir]);
  let lastReport = performance.now();
  const summary = await importFiles(store, files, defaultAnalysis, {
    workers: defaultWorkers(),
    onProgress: (done, total) => {
      if (performance.now() - lastReport > 15000) {
        lastReport = performance.now();
        log(`  ${engine}: ${done}/${total}`);
      }
    },
  });
  // CPU of the importer (main thread and workers: the whole process) and of the database server, vacuum included
  const cpu = process.cpuUsage(cpuBefore);
  const importerMs = (cpu.user + cpu.system) / 1000 / files.length;
  const serverMs = cluster ? ((cpuSeconds(cluster.pids()) - clusterBefore) * 1000) / files.length : undefined;
  await store.close();
  const rate = files.length / summary.seconds;
  log(
    `${engine}: imported ${summary.counts.imported} (history ${summary.counts.history}, failed ${summary.counts.failed}) of ${files.length} documents in ${summary.seconds.toFixed(1)} s = ${rate.toFixed(1)} documents/s (CPU per document: importer ${importerMs.toFixed(1)} ms${serverMs === undefined ? '' : `, database server ${serverMs.toFixed(1)} ms`})`,
  );
  for (const r of summary.results.filter((x) => x.outcome === 'failed').slice(0, 3)) log(`  failed: ${r.error}`);
  return rate;
}

/** Starts `budgetdoc serve` in a child process (the load generator must not share the server's event loop). */
function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/budgetdoc.js'), 'serve', '--port', '0', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[^\s/]+:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          base: m[0].replace(/\/$/, ''),
          pid: child.pid,
          stop: () =>
            new Promise((r) => {
              child.once('exit', r);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM')
        process.stderr.write(`server exited (${code ?? signal}): ${out.slice(-2000)}\n`);
      reject(new Error(`server exited (${code ?? signal})`));
    });
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `REQUESTS` requests from `CLIENTS` concurrent loops, stopping early after 120 s; also the CPU time the server
 *  and its database used per request (comparable while other work shares the machine, unlike wall time). */
async function load(base, name, nextUrl, measured, requests = REQUESTS) {
  const cpuBefore = cpuSeconds(measured());
  const latencies = [];
  let issued = 0;
  let failures = 0;
  const deadline = performance.now() + 120000;
  async function client() {
    while (issued < requests && performance.now() < deadline) {
      const url = base + nextUrl(issued++);
      const t = performance.now();
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
      } catch (err) {
        // counted and named, so that one broken connection does not end the whole run
        failures++;
        if (failures <= 3)
          log(
            `    ${url}: ${err instanceof Error ? `${err.message}${err.cause ? ` (${err.cause.message ?? err.cause})` : ''}` : String(err)}`,
          );
      }
      latencies.push(performance.now() - t);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const cpu = ((cpuSeconds(measured()) - cpuBefore) * 1000) / latencies.length;
  const line = `  ${name.padEnd(16)} n=${latencies.length} p50=${percentile(latencies, 50).toFixed(1)} ms p95=${percentile(latencies, 95).toFixed(1)} ms (${(latencies.length / seconds).toFixed(0)} req/s; server+database CPU ${cpu.toFixed(1)} ms/request${failures ? `; ${failures} failed or not 200` : ''})`;
  log(line);
}

// Search words of one to seven characters, from rare to found in every document (the generated samples share a
// vocabulary: unit kinds, function classes, items of the explanations), each also combined with a year, a region
// or a kind filter: 120 different searches, so that a response cache cannot answer most of them.
const SEARCH_WORDS = [
  '公务接待',
  '人员经费',
  '示例市',
  '卫生健康',
  '项目支出',
  '统计局',
  '档案馆',
  '市场监督',
  '基本支出',
  '一般公共服务',
  '经费',
  '养老',
  '住房保障',
  '社会保障和就业',
  '机关运行经费',
  '行政运行',
  '政府采购',
  '国有资产',
  '绩效',
  '税务',
  '教育局',
  '减少',
  '离退休',
  '公务用车运行维护费',
  '水利',
  '南屏区',
  '民政',
  '信息化建设',
  '财',
  '交通运输',
];
const SEARCH_FILTERS = ['', '&year=2022', `&region=${encodeURIComponent('示例州')}`, '&kind=final_account'];
const searchUrl = (i) =>
  `/?q=${encodeURIComponent(SEARCH_WORDS[i % SEARCH_WORDS.length])}${SEARCH_FILTERS[Math.floor(i / SEARCH_WORDS.length) % SEARCH_FILTERS.length]}`;

/**
 * Per-word breakdown of the search (BENCH_BREAKDOWN=N): each word's four requests (alone and with each filter) N
 * times one after another, and the server+database CPU per request of each word, costliest first. Not part of the
 * timed runs: it shows which searches the mean CPU above comes from.
 */
async function searchBreakdown(base, measured, reps) {
  const rows = [];
  for (let w = 0; w < SEARCH_WORDS.length; w++) {
    const urls = SEARCH_FILTERS.map((_, f) => searchUrl(w + f * SEARCH_WORDS.length));
    const before = cpuSeconds(measured());
    for (let r = 0; r < reps; r++) for (const u of urls) await (await fetch(base + u)).arrayBuffer();
    rows.push([SEARCH_WORDS[w], ((cpuSeconds(measured()) - before) * 1000) / (reps * urls.length)]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  log(
    `  search CPU per request by word (server+database, ${reps}× each of its ${SEARCH_FILTERS.length} requests, one at a time): ${rows.map(([w, ms]) => `${w} ${ms.toFixed(1)}`).join(', ')}`,
  );
}

/** CPU seconds used so far by the server process and its database (PostgreSQL backends of the cluster). */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // gone
    }
  }
  return ticks / 100;
}

/** One latency run; a failure is reported and the benchmark goes on with the next run. */
async function latency(engine, serverArgs, cacheSeconds, cluster, docs = DOCS, requests = REQUESTS) {
  try {
    await latencyRun(engine, serverArgs, cacheSeconds, cluster, docs, requests);
  } catch (err) {
    log(`${engine}: latency run (cache ${cacheSeconds} s) failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function latencyRun(engine, serverArgs, cacheSeconds, cluster, docs, requests) {
  const server = await startServer([...serverArgs, '--cache-seconds', String(cacheSeconds)]);
  try {
    // ids a little below the count: a rolled-back write uses up an id, so the last ids may not exist
    const ids = (i) => 1 + ((i * 7919) % Math.max(1, Math.floor(docs * 0.98)));
    // warm-up: first requests load caches and ECharts
    for (const u of ['/', '/documents/1', '/compare?ids=1,2', '/api/facts?groupBy=year&column=total']) {
      try {
        await (await fetch(server.base + u)).arrayBuffer();
      } catch (err) {
        log(
          `  warm-up ${u}: ${err instanceof Error ? `${err.message}${err.cause ? ` (${err.cause.message ?? err.cause})` : ''}` : String(err)}`,
        );
      }
    }
    log(
      `${engine}: latency with ${docs} documents loaded, ${CLIENTS} concurrent clients, ${requests} requests each, response cache ${cacheSeconds ? `${cacheSeconds} s` : 'off'}`,
    );
    const measured = () => [server.pid, ...(cluster ? cluster.pids() : [])];
    await load(server.base, 'search', searchUrl, measured, requests);
    if (Number(process.env.BENCH_BREAKDOWN ?? 0) > 0)
      await searchBreakdown(server.base, measured, Number(process.env.BENCH_BREAKDOWN));
    await load(server.base, 'unit page', (i) => `/documents/${ids(i)}`, measured, requests);
    await load(
      server.base,
      'compare page',
      (i) => `/compare?ids=${ids(i)},${ids(i + 1)},${ids(i + 2)}`,
      measured,
      requests,
    );
    await load(
      server.base,
      'aggregate API',
      (i) =>
        `/api/facts?groupBy=year,class&system=function&column=total&table=${i % 2 ? 'general-budget-expenditure' : 'final-general-budget-expenditure'}&region=${encodeURIComponent(['示例市', '示例县', '示例州', '示例区'][i % 4])}`,
      measured,
      requests,
    );
  } finally {
    await server.stop();
  }
}

/** Runs `budgetdoc ARGS…` to its end; its stderr is returned (and shown when it fails). */
function cli(args) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/budgetdoc.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`budgetdoc ${args[0]} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stderr;
}

/** WORKERS `budgetdoc worker --until-empty` processes; resolves with the CPU seconds each reported at its end. */
function runWorkers(url, count, threads) {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [
              path.join(root, 'bin/budgetdoc.js'),
              'worker',
              '--database',
              url,
              '--jobs',
              String(threads),
              '--until-empty',
              '--poll',
              '0.5',
            ],
            { stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let err = '';
          child.stderr.on('data', (d) => (err += d));
          child.once('exit', (code) => {
            const cpu = err.match(/CPU ([\d.]+) 秒/);
            if (code === 0 && cpu) resolve(Number(cpu[1]));
            else reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`));
          });
        }),
    ),
  );
}

const MB = (bytes) => `${(Number(bytes) / 1048576).toFixed(1)} MB`;

/** Sizes of the database and of its parts, per document (what docs/scale.md extrapolates). */
async function storeSizes(url) {
  const client = new pgClient.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(`select pg_database_size(current_database()) as db,
      (select sum(pg_total_relation_size(relid)) from pg_partition_tree('facts')) as facts,
      (select sum(pg_indexes_size(relid)) from pg_partition_tree('facts')) as facts_indexes,
      pg_total_relation_size('documents') as documents, pg_total_relation_size('document_search') as search,
      pg_total_relation_size('findings') as findings,
      (select count(*) from documents) as n, (select count(*) from facts) as fact_rows,
      (select count(*) from pg_partition_tree('facts') where isleaf) as partitions`);
    return r.rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Three `budgetdoc worker` processes against PostgreSQL, over growing sizes (BENCH_SIZES, default 10³ … 10⁵) as
 * long as the time budget (BENCH_QUEUE_SECONDS) allows: documents/s of each step, CPU per document of workers and
 * server, database size, and p95 of the portal's queries at that size (cache off, BENCH_CURVE_REQUESTS per kind).
 */
async function queueCurve(cluster) {
  const sizes = (process.env.BENCH_SIZES ?? '1000,3000,10000,30000,100000').split(',').map(Number);
  const budget = Number(process.env.BENCH_QUEUE_SECONDS ?? 1800) * 1000;
  const workers = Number(process.env.BENCH_WORKERS ?? 3);
  const threads = Number(process.env.BENCH_WORKER_THREADS ?? 1);
  const requests = Number(process.env.BENCH_CURVE_REQUESTS ?? 200);
  const admin = new pgClient.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database queue_bench');
  await admin.end();
  const url = cluster.url.replace(/\/[^/]*$/, '/queue_bench');
  const started = performance.now();
  let have = 0;
  let rate;
  log(
    `queue: ${workers} worker processes × ${threads} thread(s) against PostgreSQL; sizes ${sizes.join(', ')}; budget ${budget / 1000} s`,
  );
  for (const size of sizes) {
    const remaining = budget - (performance.now() - started);
    if (rate && ((size - have) / rate) * 1000 * 1.5 > remaining) {
      log(
        `queue: stopped before ${size} documents (about ${Math.round((size - have) / rate)} s of import expected, ${Math.round(remaining / 1000)} s left in the budget)`,
      );
      break;
    }
    const dir = writeSamples(path.join(work, `queue-${size}`), have, size);
    const enqueueStart = performance.now();
    cli(['import', '--enqueue', dir, '--database', url]);
    const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
    rmSync(dir, { recursive: true, force: true });
    const serverBefore = cpuSeconds(cluster.pids());
    const t0 = performance.now();
    const workerCpu = await runWorkers(url, workers, threads);
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = cpuSeconds(cluster.pids()) - serverBefore;
    const added = size - have;
    // the steady rate, without the workers' start-up: from the first to the last document stored in this step
    const span = new pgClient.Client({ connectionString: url });
    await span.connect();
    const {
      rows: [t],
    } = await span.query(
      `select extract(epoch from max(imported_at) - min(imported_at)) as s from (select imported_at from documents order by id desc limit ${added}) x`,
    );
    await span.end();
    const steady = added / Math.max(0.001, Number(t.s));
    rate = added / seconds;
    const workerMs = (workerCpu.reduce((a, b) => a + b, 0) * 1000) / added;
    const serverMs = (serverCpu * 1000) / added;
    log(
      `queue: ${size} documents: +${added} enqueued in ${enqueueSeconds.toFixed(1)} s, stored by ${workers} workers in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} documents/s with start-up, ${steady.toFixed(1)} documents/s steady (CPU per document: workers ${workerMs.toFixed(1)} ms, database server ${serverMs.toFixed(1)} ms; ${(1000 / (workerMs + serverMs)).toFixed(1)} documents per CPU-second)`,
    );
    have = size;
    // statistics as autovacuum would have them by now (a run this short may beat it)
    const c = new pgClient.Client({ connectionString: url });
    await c.connect();
    await c.query('vacuum analyze');
    await c.end();
    const z = await storeSizes(url);
    const per = (v) => `${(Number(v) / Number(z.n) / 1024).toFixed(1)} KB/document`;
    log(
      `  database ${MB(z.db)} for ${z.n} documents, ${z.fact_rows} fact rows in ${z.partitions} partitions (${(Number(z.fact_rows) / Number(z.n)).toFixed(0)} per document): facts ${MB(z.facts)} (${per(z.facts)}, of which indexes ${MB(z.facts_indexes)}), documents ${MB(z.documents)} (${per(z.documents)}), search ${MB(z.search)} (${per(z.search)}), findings ${MB(z.findings)} (${per(z.findings)})`,
    );
    await latency(`queue ${size}`, ['--database', url], 0, cluster, size, requests);
  }
}

async function main() {
  if (process.env.BENCH_DATABASE) {
    // latency only, against a database loaded before (BENCH_DATA_DIR: the cluster's data directory, for CPU times)
    const dataDir = process.env.BENCH_DATA_DIR;
    const cluster = dataDir ? { pids: () => clusterPids(dataDir) } : undefined;
    await latency('postgres', ['--database', process.env.BENCH_DATABASE], 0, cluster);
    if (process.env.BENCH_CACHE !== '0')
      await latency('postgres', ['--database', process.env.BENCH_DATABASE], 30, cluster);
    rmSync(work, { recursive: true, force: true });
    return;
  }
  log(`budgetdoc portal benchmark: ${DOCS} documents; engines ${ENGINES.join(', ')}; Node ${process.version}`);
  const sampleDir = ENGINES.some((e) => e !== 'queue') ? writeSamples() : undefined;
  let cluster;
  try {
    for (const engine of ENGINES) {
      if (engine === 'pglite') {
        const data = path.join(work, 'pglite-data');
        await importInto('pglite', { data }, sampleDir);
        await latency('pglite', ['--data', data], 0);
        await latency('pglite', ['--data', data], 30);
      } else if (engine === 'queue') {
        cluster ??= await startCluster();
        await queueCurve(cluster);
      } else if (engine === 'postgres') {
        cluster ??= await startCluster();
        await importInto('postgres', { database: cluster.url }, sampleDir, cluster);
        await latency('postgres', ['--database', cluster.url], 0, cluster);
        await latency('postgres', ['--database', cluster.url], 30, cluster);
      } else {
        throw new Error(`unknown engine ${engine}`);
      }
    }
  } finally {
    if (cluster) cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench:portal failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});

// `budgetdoc worker` and the queue side of `budgetdoc import` (--enqueue, --status): ingestion spread over any
// number of processes and machines through a job queue in the store's PostgreSQL (src/store/queue.ts).
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type PgBoss from 'pg-boss';
import { defaultAnalysis } from '../../store/analysis.js';
import type { Store } from '../../store/database.js';
import type { FileResult } from '../../store/import-files.js';
import { UserError } from '../errors.js';
import { addStoreOptions, openCliStore, type StoreCliOptions } from './import.js';

/** The server URL the queue lives in; the embedded store has no queue. */
export function queueDatabase(opts: StoreCliOptions, what: string): string {
  const database = opts.database ?? process.env.BUDGETDOC_DATABASE;
  if (!database || opts.data) {
    throw new UserError(
      `${what}需要 PostgreSQL 服务器上的任务队列：请用 --database postgres://用户@主机:端口/库名（或环境变量 BUDGETDOC_DATABASE）；嵌入式数据目录（--data）只能由一个进程直接导入`,
      2,
    );
  }
  return database;
}

function positiveInteger(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${option} 应为非负整数，收到 "${value}"`, 2);
  return n;
}

async function startQueue(store: Store, url: string, maintenanceSeconds?: number): Promise<PgBoss> {
  const { openQueue } = await import('../../store/queue.js');
  try {
    return await openQueue(store, url, { maintenanceSeconds });
  } catch (err) {
    throw new UserError(
      `无法打开任务队列（${store.location}）：${err instanceof Error ? err.message : String(err)}`,
      2,
    );
  }
}

export interface EnqueueCliOptions extends StoreCliOptions {
  region?: string;
  byPath?: boolean;
  jobTimeout?: string;
}

/** `import --enqueue PATH…`: the files (or their paths) go on the queue; workers store them. */
export async function enqueueCommand(files: string[], opts: EnqueueCliOptions): Promise<void> {
  const url = queueDatabase(opts, 'import --enqueue ');
  const expireSeconds = positiveInteger(opts.jobTimeout, '--job-timeout', 900);
  const store = await openCliStore(opts);
  let boss: PgBoss | undefined;
  try {
    boss = await startQueue(store, url);
    const { enqueueFiles } = await import('../../store/queue.js');
    const summary = await enqueueFiles(store, boss, files, {
      byPath: opts.byPath,
      region: opts.region,
      expireSeconds: Math.max(1, expireSeconds),
    });
    process.stderr.write(
      `已加入任务队列：${summary.queued} 个文件${summary.unchanged ? `（另有 ${summary.unchanged} 个已导入过，未加入）` : ''}。用 budgetdoc worker --database … 处理，用 budgetdoc import --status 查看进度。\n`,
    );
  } finally {
    await boss?.stop({ graceful: false, wait: true });
    await store.close();
  }
}

/** `import --status`: the queue's jobs by state, in Chinese. */
export async function statusCommand(opts: StoreCliOptions): Promise<void> {
  queueDatabase(opts, 'import --status ');
  const store = await openCliStore(opts);
  try {
    const { queueStatus } = await import('../../store/queue.js');
    const s = await queueStatus(store);
    process.stdout.write(
      `排队 ${s.queued}　处理中 ${s.running}　完成 ${s.done}　失败 ${s.failed}${s.cancelled ? `　已取消 ${s.cancelled}` : ''}\n`,
    );
    for (const f of s.failures) process.stdout.write(`失败：${f.file}：${f.error}\n`);
  } finally {
    await store.close();
  }
}

interface WorkerCliOptions extends StoreCliOptions {
  jobs?: string;
  untilEmpty?: boolean;
  poll?: string;
  maintenanceSeconds?: string;
}

export function registerWorker(program: Command): void {
  addStoreOptions(
    program
      .command('worker')
      .option('--jobs <n>', 'worker threads that parse and audit (default: the number of cores)')
      .option('--until-empty', 'stop when nothing is queued or running (default: wait for new jobs)')
      .option('--poll <seconds>', 'seconds between looks at an empty queue', '2')
      .option('--maintenance-seconds <n>', 'how often jobs of a worker that died are handed to another (default 60)'),
  )
    .addHelpText(
      'after',
      '\nEach file is stored in one transaction and its job completed after it. A worker stopped at any instant loses\n' +
        'nothing: its unfinished jobs are given to another worker after their time-out (import --job-timeout), and a\n' +
        'file already stored is recognised by its content and not stored twice. Ctrl-C finishes the files in hand.\n' +
        'Examples:\n' +
        '  budgetdoc import --enqueue ../shared/corpus --database postgres://db/budgetdoc\n' +
        '  budgetdoc worker --database postgres://db/budgetdoc            # on every machine, as many as wanted\n' +
        '  budgetdoc import --status --database postgres://db/budgetdoc',
    )
    .action(async (opts: WorkerCliOptions) => {
      const url = queueDatabase(opts, 'worker ');
      const threads = positiveInteger(opts.jobs, '--jobs', Math.max(1, availableParallelism()));
      const poll = Number(opts.poll ?? 2);
      if (!(poll > 0)) throw new UserError(`--poll 应为正数（秒），收到 "${opts.poll}"`, 2);
      const maintenance = positiveInteger(opts.maintenanceSeconds, '--maintenance-seconds', 60);
      const store = await openCliStore(opts);
      let boss: PgBoss | undefined;
      const stop = new AbortController();
      const onSignal = () => {
        if (stop.signal.aborted) process.exit(130);
        process.stderr.write('正在停止：处理完手头的文件后退出（再按一次立即退出）……\n');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        boss = await startQueue(store, url, Math.max(1, maintenance));
        const { runWorker } = await import('../../store/queue.js');
        process.stderr.write(`worker 已启动（${store.location}，${threads} 个线程）\n`);
        const summary = await runWorker(store, boss, defaultAnalysis, {
          threads,
          untilEmpty: opts.untilEmpty,
          pollSeconds: poll,
          signal: stop.signal,
          onResult: (r: FileResult) => {
            if (r.outcome === 'failed')
              process.stderr.write(`失败：${r.file}：${r.error}${r.transient ? '（稍后重试）' : ''}\n`);
          },
        });
        const c = summary.counts;
        const total = c.imported + c.history + c.unchanged + c.failed + c.draft;
        // the process's CPU time (every thread): what a worker costs, whatever else shares the machine
        const cpu = process.cpuUsage();
        process.stderr.write(
          `worker 结束：处理 ${total} 个任务，新增 ${c.imported}，存为历史版本 ${c.history}，未变 ${c.unchanged}，失败 ${c.failed}（用时 ${summary.seconds.toFixed(1)} 秒，CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} 秒）\n`,
        );
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await boss?.stop({ graceful: false, wait: true });
        await store.close();
      }
    });
}

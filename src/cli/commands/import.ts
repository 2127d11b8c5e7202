// `budgetdoc import PATH…`: parse, audit and store disclosures (texts, PDFs or model JSON) with a progress bar.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultAnalysis } from '../../store/analysis.js';
import { collectFiles, importFiles, type FileResult, type ImportSummary } from '../../store/import-files.js';
import { DEFAULT_DATA_DIR, openStore, StoreLockedError, type Store } from '../../store/database.js';
import { parseJobs } from '../batch.js';
import { UserError } from '../errors.js';
import { STORED_BODY_MODULE } from '../../web/stored-body.js';

/** Where the data lives (PGlite data directory or PostgreSQL URL); shared with `serve`. */
export interface StoreCliOptions {
  data?: string;
  database?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option(
      '--data <dir>',
      `PGlite data directory (embedded PostgreSQL, no set-up; env BUDGETDOC_DATA; default ./${DEFAULT_DATA_DIR})`,
    )
    .option('--database <url>', 'PostgreSQL server URL postgres://user@host:port/db (env BUDGETDOC_DATABASE)');
}

export async function openCliStore(opts: StoreCliOptions): Promise<Store> {
  const database = opts.database ?? process.env.BUDGETDOC_DATABASE;
  const data = opts.data ?? process.env.BUDGETDOC_DATA;
  if (opts.database && opts.data) throw new UserError('--data 与 --database 只能选一个', 2);
  if (database && !/^postgres(ql)?:\/\//.test(database))
    throw new UserError(`--database 应为 postgres://… 地址，收到 "${database}"`, 2);
  if (!database && !existsSync(path.join(data ?? DEFAULT_DATA_DIR, 'pglite'))) {
    process.stderr.write(`首次创建数据目录 ${data ?? DEFAULT_DATA_DIR}（嵌入式 PostgreSQL），约需 10–20 秒……\n`);
  }
  try {
    // documents stored through the command line get their page bodies rendered at import (src/web/stored-body.ts)
    return await openStore({ ...(database ? { database } : { data }), bodies: STORED_BODY_MODULE });
  } catch (err) {
    if (err instanceof StoreLockedError) throw new UserError(err.message, 2);
    const where = database ? database.replace(/:[^:@/]*@/, ':***@') : (data ?? DEFAULT_DATA_DIR);
    throw new UserError(`无法打开数据库 ${where}：${err instanceof Error ? err.message : String(err)}`, 2);
  }
}

interface ImportCliOptions extends StoreCliOptions {
  region?: string;
  jobs?: string;
  enqueue?: boolean;
  byPath?: boolean;
  jobTimeout?: string;
  status?: boolean;
}

const OUTCOME_LABEL: Record<FileResult['outcome'], string> = {
  imported: '新增',
  history: '存为历史版本',
  draft: '草稿',
  unchanged: '未变（已导入过）',
  failed: '失败',
};

/** A progress bar on a terminal; nothing but failures when stderr is a file or pipe. */
function progressReporter(stream: NodeJS.WriteStream): (done: number, total: number, last: FileResult) => void {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  return (done, total, last) => {
    if (last.outcome === 'failed') {
      if (tty) stream.write('\r\x1b[K');
      stream.write(`失败：${last.error}\n`);
    }
    if (!tty) return;
    const now = Date.now();
    if (done < total && now - lastDraw < 80) return;
    lastDraw = now;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
    const filled = Math.round((done / total) * width);
    stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) stream.write('\n');
  };
}

export function summaryLine(summary: ImportSummary): string {
  const c = summary.counts;
  const stored = c.imported + c.history + c.draft;
  const rate = summary.seconds > 0 ? (summary.results.length / summary.seconds).toFixed(1) : '—';
  return (
    `导入完成：共 ${summary.results.length} 个文件，新增 ${c.imported}，存为历史版本 ${c.history}，未变 ${c.unchanged}，失败 ${c.failed}` +
    `（存入 ${stored} 份，用时 ${summary.seconds.toFixed(1)} 秒，${rate} 份/秒）`
  );
}

export function registerImport(program: Command): void {
  addStoreOptions(
    program
      .command('import')
      .argument(
        '[paths...]',
        'disclosure files (.pdf .docx .xlsx .html .txt .md), models (.json/.yaml, as budgetdoc parse/sample write them) or folders',
      )
      .option('--region <name>', 'region to record instead of the one read from the text (e.g. 新疆)')
      .option(
        '-j, --jobs <n>',
        'worker threads that parse and audit while this process writes to the database (default: the number of cores)',
      )
      .option(
        '--enqueue',
        'put the files on the job queue in the PostgreSQL server for `budgetdoc worker` processes instead of importing here',
      )
      .option(
        '--by-path',
        "with --enqueue: queue the files' paths (storage mounted at the same path on every worker), not their bytes",
      )
      .option(
        '--job-timeout <seconds>',
        'with --enqueue: a job unfinished after this long goes to another worker',
        '900',
      )
      .option('--status', 'show the job queue: queued, running, done, failed'),
  )
    .addHelpText(
      'after',
      '\nEach file is stored in one transaction. Importing the same file again changes nothing; a newer version of the\n' +
        'same (unit, year, kind, scope) becomes current and keeps the older one as history.\n' +
        'Examples:\n  budgetdoc import ../shared/seeds\n  budgetdoc import samples/ --database postgres://localhost/budgetdoc\n' +
        '  budgetdoc import --enqueue samples/ --database postgres://db/budgetdoc   # then: budgetdoc worker --database …',
    )
    .action(async (paths: string[], opts: ImportCliOptions) => {
      if (opts.status) {
        if (paths.length > 0 || opts.enqueue)
          throw new UserError('--status 只显示任务队列，不能同时给出文件或 --enqueue', 2);
        const { statusCommand } = await import('./worker.js');
        return statusCommand(opts);
      }
      if (paths.length === 0) throw new UserError('请给出要导入的文件或文件夹（或用 --status 查看任务队列）', 2);
      if (opts.byPath && !opts.enqueue) throw new UserError('--by-path 只能与 --enqueue 一起使用', 2);
      if (opts.enqueue) (await import('./worker.js')).queueDatabase(opts, 'import --enqueue ');
      const { files, missing } = await collectFiles(paths);
      for (const m of missing) process.stderr.write(`找不到：${m}\n`);
      if (files.length === 0)
        throw new UserError(
          `没有可导入的文件（${paths.join(' ')}）：请给出 .pdf、.docx、.xlsx、.html、.txt、.md、.json、.yaml 文件或包含它们的文件夹`,
          2,
        );
      if (opts.enqueue) {
        const { enqueueCommand } = await import('./worker.js');
        await enqueueCommand(files, opts);
        if (missing.length > 0) process.exitCode = 2;
        return;
      }
      const store = await openCliStore(opts);
      try {
        const summary = await importFiles(store, files, defaultAnalysis, {
          region: opts.region,
          workers: parseJobs(opts.jobs),
          onProgress: progressReporter(process.stderr),
        });
        if (process.env.BUDGETDOC_IMPORT_VERBOSE)
          for (const r of summary.results)
            process.stderr.write(`${OUTCOME_LABEL[r.outcome]}：${r.file}${r.id ? ` (#${r.id})` : ''}\n`);
        process.stderr.write(`${summaryLine(summary)}\n`);
        if (summary.counts.failed > 0 || missing.length > 0) process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}

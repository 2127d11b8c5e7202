// `budgetdoc import PATH…`: parse, audit and store disclosures (texts, PDFs or model JSON) with a progress bar.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultAnalysis } from '../../store/analysis.js';
import { collectFiles, defaultWorkers, importFiles, type FileResult, type ImportSummary } from '../../store/import-files.js';
import { DEFAULT_DATA_DIR, openStore, StoreLockedError, type Store } from '../../store/database.js';
import { UserError } from '../errors.js';

/** Where the data lives (PGlite data directory or PostgreSQL URL); shared with `serve`. */
export interface StoreCliOptions {
  data?: string;
  database?: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', `PGlite data directory (embedded PostgreSQL, no set-up; env BUDGETDOC_DATA; default ./${DEFAULT_DATA_DIR})`)
    .option('--database <url>', 'PostgreSQL server URL postgres://user@host:port/db (env BUDGETDOC_DATABASE)');
}

export async function openCliStore(opts: StoreCliOptions): Promise<Store> {
  const database = opts.database ?? process.env.BUDGETDOC_DATABASE;
  const data = opts.data ?? process.env.BUDGETDOC_DATA;
  if (opts.database && opts.data) throw new UserError('--data 与 --database 只能选一个', 2);
  if (database && !/^postgres(ql)?:\/\//.test(database)) throw new UserError(`--database 应为 postgres://… 地址，收到 "${database}"`, 2);
  if (!database && !existsSync(path.join(data ?? DEFAULT_DATA_DIR, 'pglite'))) {
    process.stderr.write(`首次创建数据目录 ${data ?? DEFAULT_DATA_DIR}（嵌入式 PostgreSQL），约需 10–20 秒……\n`);
  }
  try {
    return await openStore(database ? { database } : { data });
  } catch (err) {
    if (err instanceof StoreLockedError) throw new UserError(err.message, 2);
    const where = database ? database.replace(/:[^:@/]*@/, ':***@') : (data ?? DEFAULT_DATA_DIR);
    throw new UserError(`无法打开数据库 ${where}：${err instanceof Error ? err.message : String(err)}`, 2);
  }
}

interface ImportCliOptions extends StoreCliOptions {
  region?: string;
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
  return `导入完成：共 ${summary.results.length} 个文件，新增 ${c.imported}，存为历史版本 ${c.history}，未变 ${c.unchanged}，失败 ${c.failed}` +
    `（存入 ${stored} 份，用时 ${summary.seconds.toFixed(1)} 秒，${rate} 份/秒）`;
}

export function registerImport(program: Command): void {
  addStoreOptions(
    program
      .command('import')
      .description('导入公开文件到门户数据库 (parse, audit and store disclosures; files or folders)')
      .argument('<paths...>', 'disclosure files (.pdf .docx .xlsx .html .txt .md), models (.json/.yaml, as budgetdoc parse/sample write them) or folders')
      .option('--region <name>', 'region to record instead of the one read from the text (e.g. 新疆)'),
  )
    .addHelpText(
      'after',
      '\nEach file is stored in one transaction. Importing the same file again changes nothing; a newer version of the\n' +
        'same (unit, year, kind, scope) becomes current and keeps the older one as history.\n' +
        'Examples:\n  budgetdoc import ../shared/seeds\n  budgetdoc import samples/ --database postgres://localhost/budgetdoc',
    )
    .action(async (paths: string[], opts: ImportCliOptions) => {
      const { files, missing } = await collectFiles(paths);
      for (const m of missing) process.stderr.write(`找不到：${m}\n`);
      if (files.length === 0) throw new UserError(`没有可导入的文件（${paths.join(' ')}）：请给出 .pdf、.docx、.xlsx、.html、.txt、.md、.json、.yaml 文件或包含它们的文件夹`, 2);
      const store = await openCliStore(opts);
      try {
        const summary = await importFiles(store, files, defaultAnalysis, { region: opts.region, workers: defaultWorkers(), onProgress: progressReporter(process.stderr) });
        if (process.env.BUDGETDOC_IMPORT_VERBOSE) for (const r of summary.results) process.stderr.write(`${OUTCOME_LABEL[r.outcome]}：${r.file}${r.id ? ` (#${r.id})` : ''}\n`);
        process.stderr.write(`${summaryLine(summary)}\n`);
        if (summary.counts.failed > 0 || missing.length > 0) process.exitCode = 2;
      } finally {
        await store.close();
      }
    });
}

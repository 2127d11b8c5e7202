// `budgetdoc serve`: the portal on localhost (Hono on Node); --demo first fills an empty store with the seeds and
// generated samples so that the README's one command shows a working portal.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { defaultAnalysis } from '../../store/analysis.js';
import { AnalysisPool } from '../../store/analysis-pool.js';
import type { Store } from '../../store/database.js';
import { storeDocument } from '../../store/documents.js';
import { collectFiles, importFiles } from '../../store/import-files.js';
import { countDocuments } from '../../store/queries.js';
import { createApp } from '../../web/app.js';
import { generateSample } from '../../write/sample.js';
import { UserError } from '../errors.js';
import { addStoreOptions, openCliStore, summaryLine, type StoreCliOptions } from './import.js';

interface ServeCliOptions extends StoreCliOptions {
  port: string;
  host: string;
  token?: string;
  demo?: boolean;
  samples: string;
  seeds?: string;
  cacheSeconds: string;
}

/** ../shared/seeds beside the repository (the package root is two levels above this file in src/ and dist/). */
function defaultSeedsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../..', '../shared/seeds');
}

/** Imports the seeds and `count` generated samples into an empty store. */
export async function loadDemo(
  store: Store,
  seedsDir: string,
  count: number,
  log: (line: string) => void,
): Promise<void> {
  if ((await countDocuments(store)) > 0) {
    log('数据库中已有文件，跳过演示数据导入。');
    return;
  }
  if (existsSync(seedsDir)) {
    const { files } = await collectFiles([seedsDir]);
    const summary = await importFiles(store, files, defaultAnalysis);
    for (const r of summary.results) if (r.outcome === 'failed') log(`失败：${r.error}`);
    log(`示例文件（${seedsDir}）：${summaryLine(summary)}`);
  } else {
    log(`找不到示例文件夹 ${seedsDir}，只导入生成的样例。`);
  }
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const model = generateSample({ kind: i % 2 === 0 ? 'budget' : 'final_account', seed: 'demo', index: i });
    const bytes = new TextEncoder().encode(JSON.stringify(model));
    await storeDocument(store, {
      model,
      findings: defaultAnalysis.audit(model),
      source: { file: `sample-${i}.json`, bytes },
    });
  }
  log(`生成样例 ${count} 份，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
}

export function registerServe(program: Command): void {
  addStoreOptions(
    program
      .command('serve')
      .option('--port <n>', 'port (0 = any free port)', process.env.PORT ?? '8080')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option(
        '--token <token>',
        'token for upload, publish and delete (env BUDGETDOC_TOKEN); without one, writes are refused',
      )
      .option(
        '--cache-seconds <n>',
        'serve public GET responses from a cache for this long; writes through this server clear it (0 = off)',
        '30',
      )
      .option('--demo', 'import ../shared/seeds and generated samples first when the store is empty')
      .option('--samples <n>', 'generated samples for --demo', '60')
      .option('--seeds <dir>', 'seeds folder for --demo (default ../shared/seeds beside the repository)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  budgetdoc serve --demo                 # http://127.0.0.1:8080/ with sample documents\n  BUDGETDOC_TOKEN=secret budgetdoc serve --database postgres://localhost/budgetdoc',
    )
    .action(async (opts: ServeCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(`--port 应为 0–65535 的整数，收到 "${opts.port}"`, 2);
      const cacheSeconds = Number(opts.cacheSeconds);
      if (!Number.isFinite(cacheSeconds) || cacheSeconds < 0)
        throw new UserError(`--cache-seconds 应为非负数，收到 "${opts.cacheSeconds}"`, 2);
      const samples = Number(opts.samples);
      if (!Number.isInteger(samples) || samples < 0)
        throw new UserError(`--samples 应为非负整数，收到 "${opts.samples}"`, 2);
      // the demo is for trying everything, upload included: without a token it makes one for this run and prints it
      const given = opts.token ?? process.env.BUDGETDOC_TOKEN;
      const token = given ?? (opts.demo ? randomBytes(12).toString('base64url') : undefined);
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const store = await openCliStore(opts);
      if (opts.demo) await loadDemo(store, opts.seeds ?? defaultSeedsDir(), samples, log);
      // uploads are parsed and audited in worker threads, each within a time and memory budget
      const uploads = new AnalysisPool();
      const app = createApp({ store, token, analysis: defaultAnalysis, uploads, cacheSeconds });
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
          const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
          process.stdout.write(
            `预算决算公开平台已启动：http://${host.includes(':') ? `[${host}]` : host}:${info.port}/\n`,
          );
          log(
            `数据：${store.engine === 'pglite' ? 'PGlite ' : 'PostgreSQL '}${store.location}；${token ? '已配置令牌，可上传' : '未配置令牌，上传已关闭（用 --token 或 BUDGETDOC_TOKEN 开启）'}。按 Ctrl+C 停止。`,
          );
          if (token && !given)
            log(`本次演示的上传令牌：${token}（在“上传”页填写；固定令牌请设 BUDGETDOC_TOKEN 或 --token）`);
        });
        server.on('error', (err: Error) => reject(new UserError(`无法监听 ${opts.host}:${port}：${err.message}`, 2)));
        const stop = () => {
          server.close();
          // allSettled never rejects: nothing to handle
          void Promise.allSettled([uploads.close(), store.close()]).then(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

// `budgetdoc sample`: writes realistic, internally consistent disclosures of fictitious units as model JSON.
import type { Command } from 'commander';
import { Option } from 'commander';
import { mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../write/sample.js';
import { DisclosureSchema, type DocumentKind } from '../../model/schema.js';
import { UserError } from '../errors.js';

interface SampleCliOptions {
  kind: DocumentKind | 'mixed';
  count: string;
  seed: string;
  out: string;
  start: string;
  validate?: boolean;
}

function positiveInt(text: string, what: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UserError(`${what} 须为不小于 ${min} 的整数，收到 "${text}"`, 2);
  return n;
}

/** File name of the i-th sample; stable so that the same (kind, seed, index) always lands in the same file. */
export function sampleFileName(kind: DocumentKind, seed: string, index: number): string {
  const safeSeed = seed.replace(/[^0-9A-Za-z_-]/g, '_');
  return `sample-${kind}-${safeSeed}-${String(index).padStart(6, '0')}.json`;
}

export function registerSample(program: Command): void {
  program
    .command('sample')
    .description('生成虚构单位的预算/决算公开数据 (write consistent sample disclosures as model JSON)')
    .addOption(new Option('--kind <kind>', 'budget = 预算, final_account = 决算, mixed = 交替').choices(['budget', 'final_account', 'mixed']).default('budget'))
    .option('--count <n>', 'number of documents', '10')
    .option('--seed <seed>', 'seed: the same seed gives the same documents', '1')
    .option('--start <index>', 'index of the first document (to extend a series)', '0')
    .requiredOption('--out <dir>', 'output directory (one JSON file per document), or - for JSON lines on stdout')
    .option('--validate', 'check every document against the model schema before writing (slower)')
    .addHelpText(
      'after',
      '\nEvery amount is derived from generated leaves, so all table identities and narrative figures agree.\n' +
        'Examples:\n  budgetdoc sample --kind budget --count 100 --seed 7 --out samples/\n' +
        '  budgetdoc sample --kind mixed --count 10000 --out - | gzip > samples.jsonl.gz',
    )
    .action((opts: SampleCliOptions) => {
      const count = positiveInt(opts.count, '--count', 1);
      const start = positiveInt(opts.start, '--start', 0);
      const toStdout = opts.out === '-';
      if (!toStdout) {
        try {
          mkdirSync(opts.out, { recursive: true });
        } catch (err) {
          throw new UserError(`无法创建输出目录 ${opts.out}: ${(err as Error).message}`, 2);
        }
      }
      const started = performance.now();
      let bytes = 0;
      for (let i = start; i < start + count; i++) {
        const kind: DocumentKind = opts.kind === 'mixed' ? (i % 2 === 0 ? 'budget' : 'final_account') : opts.kind;
        const doc = generateSample({ kind, seed: opts.seed, index: i });
        if (opts.validate) DisclosureSchema.parse(doc);
        const json = JSON.stringify(doc);
        bytes += json.length;
        if (toStdout) {
          writeSync(1, `${json}\n`);
        } else {
          // one synchronous write per file keeps memory flat and is faster than many pending promises
          const path = join(opts.out, sampleFileName(kind, opts.seed, i));
          let fd: number;
          try {
            fd = openSync(path, 'w');
          } catch (err) {
            throw new UserError(`无法写入 ${path}: ${(err as Error).message}`, 2);
          }
          try {
            writeSync(fd, json);
          } finally {
            closeSync(fd);
          }
        }
      }
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `已生成 ${count} 份 (${opts.kind}, seed ${opts.seed}, 序号 ${start}–${start + count - 1}) → ${toStdout ? '标准输出' : opts.out}; ` +
          `${(bytes / 1e6).toFixed(1)} MB, ${(count / seconds).toFixed(0)} 份/秒\n`,
      );
    });
}

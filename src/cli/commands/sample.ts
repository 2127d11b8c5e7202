// `budgetdoc sample`: writes realistic, internally consistent disclosures of fictitious units as model JSON.
import type { Command } from 'commander';
import { Option } from 'commander';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { generateSample } from '../../write/sample.js';
import { kindAt, writeSampleSeries } from '../../write/sample-files.js';
import { DisclosureSchema, type DocumentKind } from '../../model/schema.js';
import { UserError } from '../errors.js';

interface SampleCliOptions {
  kind: DocumentKind | 'mixed';
  count: string;
  seed: string;
  out: string;
  start: string;
  validate?: boolean;
  jobs?: string;
}

function positiveInt(text: string, what: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UserError(`${what} 须为不小于 ${min} 的整数，收到 "${text}"`, 2);
  return n;
}

export function registerSample(program: Command): void {
  program
    .command('sample')
    .addOption(
      new Option('--kind <kind>', 'budget = 预算, final_account = 决算, mixed = 交替')
        .choices(['budget', 'final_account', 'mixed'])
        .default('budget'),
    )
    .option('--count <n>', 'number of documents', '10')
    .option('--seed <seed>', 'seed: the same seed gives the same documents', '1')
    .option('--start <index>', 'index of the first document (to extend a series)', '0')
    .requiredOption('--out <dir>', 'output directory (one JSON file per document), or - for JSON lines on stdout')
    .option('--validate', 'check every document against the model schema before writing (slower)')
    .option('--jobs <n>', 'worker threads for file output (default: the cores, for 2000 documents or more)')
    .addHelpText(
      'after',
      '\nEvery amount is derived from generated leaves, so all table identities and narrative figures agree.\n' +
        'Examples:\n  budgetdoc sample --kind budget --count 100 --seed 7 --out samples/\n' +
        '  budgetdoc sample --kind mixed --count 10000 --out - | gzip > samples.jsonl.gz',
    )
    .action(async (opts: SampleCliOptions) => {
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
      if (toStdout) {
        for (let i = start; i < start + count; i++) {
          const doc = generateSample({ kind: kindAt(opts.kind, i), seed: opts.seed, index: i });
          if (opts.validate) DisclosureSchema.parse(doc);
          const json = JSON.stringify(doc);
          bytes += json.length;
          // a pipe may take less than a line at once: wait for it to drain rather than lose the rest (writeSync on a
          // non-blocking pipe writes part of a large line and returns)
          if (!process.stdout.write(`${json}\n`)) await once(process.stdout, 'drain');
        }
      } else {
        const jobs =
          opts.jobs !== undefined
            ? positiveInt(opts.jobs, '--jobs', 1)
            : count >= 2000
              ? Math.min(availableParallelism(), 8)
              : 1;
        try {
          bytes = await writeSampleSeries(
            { kind: opts.kind, seed: opts.seed, start, count, dir: opts.out, validate: opts.validate },
            jobs,
          );
        } catch (err) {
          throw new UserError(`无法写入样例到 ${opts.out}: ${(err as Error).message}`, 2);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `已生成 ${count} 份 (${opts.kind}, seed ${opts.seed}, 序号 ${start}–${start + count - 1}) → ${toStdout ? '标准输出' : opts.out}; ` +
          `${(bytes / 1e6).toFixed(1)} MB, ${(count / seconds).toFixed(0)} 份/秒\n`,
      );
    });
}

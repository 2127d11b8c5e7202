// `budgetdoc parse`: reads disclosures (files, folders, globs) and prints their model as JSON / JSON lines or a short
// Chinese summary, to stdout or one file per document, on every core.
import type { Command } from 'commander';
import { Option } from 'commander';
import { batchExitCode, OutDir, parseJobs, runBatch, writeOut } from '../batch.js';
import { DISCLOSURE_EXTENSIONS, expandInputs, type InputFile } from '../inputs.js';
import type { Layout, ParseFormat } from '../tasks.js';

export { summarise } from '../summary.js';

interface ParseCliOptions {
  format: ParseFormat;
  pretty?: boolean;
  out?: string;
  jobs?: string;
  progress: boolean;
  join: boolean;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .argument(
      '<paths...>',
      "disclosure files (PDF, DOCX, XLSX, HTML, or text/Markdown converted from PDF; detected by content), folders (their .txt .md .pdf .docx .xlsx .html files, recursively) or quoted globs ('reports/**/*.pdf')",
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'text = 中文摘要, json = the full model (one object, or an array for several), ndjson = one model per line as each document finishes',
      )
        .choices(['text', 'json', 'ndjson'])
        .default('text'),
    )
    .option('--pretty', 'indent the JSON (default: compact)')
    .option(
      '--out <dir>',
      'write one file per document into this folder (NAME.json, or NAME.txt for text) instead of stdout',
    )
    .option('-j, --jobs <n>', 'documents read at once, one worker thread each (default: the number of cores)')
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
    .option(
      '--no-join',
      'read every file on its own (default: the 情况说明 and 报表 files of one disclosure given together are joined)',
    )
    .addHelpText(
      'after',
      '\nThe JSON follows schema/disclosure.schema.json; figures are in 万元. Output keeps the order of the inputs\n' +
        'whatever --jobs; pieces of a disclosure (情况说明 or 报表 alone) come last, joined (--no-join: each on its own).\nExit codes: 0 all read, 2 an input unreadable (the others are still written).\n' +
        'Examples:\n  budgetdoc parse ../shared/seeds/*.txt\n  budgetdoc parse report.txt --format json | jq .figures\n' +
        "  budgetdoc parse reports/ --format ndjson --jobs 4 > models.ndjson\n  budgetdoc parse 'reports/**/*.pdf' --format json --out models/",
    )
    .action(async (paths: string[], opts: ParseCliOptions) => {
      const inputs = await expandInputs(paths, DISCLOSURE_EXTENSIONS);
      const format = opts.format;
      const pretty = opts.pretty === true;
      const out = opts.out !== undefined ? new OutDir(opts.out) : undefined;
      // one input and json: the object itself; several: an array, written element by element
      const single = inputs.length === 1;
      const array = !out && format === 'json' && !single;
      // each document's bytes are made by the worker that read it, laid out for where they go; only the separators
      // between documents are written here
      const layout: Layout = array ? 'element' : 'own';
      let written = 0;
      const emit = async (input: InputFile, value: Uint8Array) => {
        if (out) out.write(input.name, format === 'text' ? '.txt' : '.json', value);
        else {
          if (array) await writeOut(written ? ',\n' : '[\n');
          else if (format === 'text' && written) await writeOut('\n');
          await writeOut(value);
        }
        written++;
      };
      const join = opts.join && !single;
      const result = await runBatch<Uint8Array>(
        inputs,
        { jobs: parseJobs(opts.jobs), progress: opts.progress },
        (input) => ({ kind: 'parse', file: input.path, format, pretty, layout, pieces: join }),
        emit,
        undefined,
        (_, models) => ({ kind: 'join-parse', models, format, pretty, layout }),
      );
      if (!out && format === 'json' && !single && written) await writeOut('\n]\n');
      if (out) process.stderr.write(`已写入 ${out.written} 个文件到 ${out.dir}\n`);
      // any unreadable input makes the run fail with 2, after the readable ones were written
      process.exitCode = batchExitCode(result);
    });
}

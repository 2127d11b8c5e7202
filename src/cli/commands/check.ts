// `budgetdoc check`: audits disclosures (files, folders, globs; on every core) and reports findings as text, JSON,
// JSON lines or HTML through pluggable sinks (src/cli/check-output.ts); exit 1 when any error is found.
import { SEVERITY_WORD } from '../../catalog/words.js';
import type { Command } from 'commander';
import { Option } from 'commander';
import { RULES } from '../../audit/index.js';
import { ruleExplanation, ruleTitle } from '../../audit/rule-titles.zh-CN.js';
import { loadAuditRules } from '../audit-config.js';
import { batchExitCode, OutDir, parseJobs, runBatch, writeOut } from '../batch.js';
import { outDirSink, stdoutSink, type CheckFormat, type CheckRender, type CheckSink } from '../check-output.js';
import { UserError } from '../errors.js';
import { DISCLOSURE_EXTENSIONS, expandInputs, MODEL_EXTENSIONS, type InputFile } from '../inputs.js';
import type { CheckResult } from '../tasks.js';
import { refusedRow, type SummaryRow } from '../../audit/summary.js';

interface CheckCliOptions {
  format: CheckFormat;
  rule?: string[];
  config?: string;
  pretty?: boolean;
  out?: string;
  jobs?: string;
  progress: boolean;
  listRules?: boolean;
  summary?: boolean;
  summaryFormat: 'text' | 'json' | 'xlsx';
  join: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

const CATEGORY_ZH: Record<string, string> = {
  completeness: '完整性',
  arithmetic: '计算',
  'cross-table': '表间',
  narrative: '说明',
  names: '名称',
};

/** One line per rule: id (for --rule and the configuration), default severity, category, Chinese title and explanation. */
function listRules(): string {
  return (
    RULES.map(
      (r) =>
        `${r.meta.id.padEnd(28)} ${SEVERITY_WORD[r.meta.severity]}  ${(CATEGORY_ZH[r.meta.category] ?? r.meta.category).padEnd(4, '　')} ${ruleTitle(r.meta.id)}：${ruleExplanation(r.meta.id) ?? r.meta.docs.description}`,
    ).join('\n') + '\n'
  );
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument(
      '[paths...]',
      'disclosure files (PDF, DOCX, XLSX, HTML, text/Markdown converted from PDF), models as JSON/YAML (parse --format json, sample) or input workbooks (template) — detected by content; folders (those files, recursively) or quoted globs',
    )
    .addOption(
      new Option(
        '-f, --format <format>',
        'text = 按级别分组的中文报告与读取可信度, json = findings and readingConfidence per document (an array for several), ndjson = one document per line as each finishes, html = a report page',
      )
        .choices(['text', 'json', 'ndjson', 'html'])
        .default('text'),
    )
    .addOption(new Option('--rule <id>', 'run only this rule (repeatable, or comma-separated)').argParser(collect))
    .option('-c, --config <file>', 'configuration file (default: ./budgetdoc.config.json when present)')
    .option('--pretty', 'indent the JSON (default: compact)')
    .option(
      '--out <dir>',
      'write one report per document into this folder (NAME.check.txt / .json / .html) instead of stdout',
    )
    .option('-j, --jobs <n>', 'documents audited at once, one worker thread each (default: the number of cores)')
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
    .option('--list-rules', 'list the rules with their default severity and exit')
    .option(
      '--summary',
      '批量审核汇总：每个文件一行（表格、表内等式、错误、警告、读取存疑、页数、秒）及合计 (one row per document, then totals)',
    )
    .addOption(
      new Option('--summary-format <format>', 'format of --summary').choices(['text', 'json', 'xlsx']).default('text'),
    )
    .option(
      '--no-join',
      'check every file on its own (default: the 情况说明 and 报表 files of one disclosure given together are joined)',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors found, 2 an input or the configuration cannot be read (the others are still reported).\n' +
        'Reports keep the order of the inputs whatever --jobs; pieces of a disclosure (情况说明 or 报表 alone) come last, joined.\n' +
        'Rounding gaps (each printed figure may be off by half its last digit) are not errors; findings show the tolerance applied.\n' +
        'Rules and the configuration file: docs/audit.md; each rule: docs/rules/<id>.md.\n' +
        'Examples:\n  budgetdoc check ../shared/seeds/*.txt\n  budgetdoc check report.txt --format json --rule unit-name\n  budgetdoc check report.txt --format html > report.html\n' +
        "  budgetdoc check 'reports/**/*.pdf' --format ndjson --jobs 4 > findings.ndjson",
    )
    .action(async (paths: string[], opts: CheckCliOptions) => {
      if (opts.listRules) {
        process.stdout.write(listRules());
        return;
      }
      if (!paths.length)
        throw new UserError(
          '没有指定要审核的文件 (no input files) — usage: budgetdoc check PATH… [--format text|json|ndjson|html]',
          2,
        );
      const rules = loadAuditRules(opts.config);
      const known = new Set(RULES.map((r) => r.meta.id));
      const unknown = (opts.rule ?? []).filter((id) => !known.has(id));
      if (unknown.length)
        throw new UserError(`未知的规则 ${unknown.join(', ')} — 用 budgetdoc check --list-rules 查看全部规则`, 2);
      const inputs = await expandInputs(paths, [...DISCLOSURE_EXTENSIONS, ...MODEL_EXTENSIONS]);

      const pretty = opts.pretty === true;
      // --summary prints the batch-review table instead of the reports (or beside them with --out)
      const sinks: CheckSink[] = [];
      let render: CheckRender | undefined;
      const single = inputs.length === 1;
      if (opts.out !== undefined) {
        sinks.push(outDirSink(opts.format, new OutDir(opts.out)));
        render = { format: opts.format, pretty, to: 'out', single };
      } else if (!opts.summary) {
        sinks.push(stdoutSink(opts.format, { pretty, single }));
        render = { format: opts.format, pretty, to: 'stdout', single };
      }
      const summary: SummaryRow[] = [];
      let errors = false;
      const emit = async (input: InputFile, doc: CheckResult) => {
        if (doc.errors) errors = true;
        if (doc.summary) summary.push(doc.summary);
        for (const sink of sinks) await sink.document(doc, input);
      };
      const join = opts.join && !single;
      // each document is audited and its report rendered by the worker that read it
      const options = { rules, only: opts.rule, summary: opts.summary, render };
      const result = await runBatch<CheckResult>(
        inputs,
        { jobs: parseJobs(opts.jobs), progress: opts.progress },
        (input) => ({ kind: 'check', file: input.path, pieces: join, ...options }),
        emit,
        (input, message) => {
          if (opts.summary) summary.push(refusedRow(input.path, message, 0));
        },
        (input, models) => ({ kind: 'join-check', file: input.path, models, ...options }),
      );
      for (const sink of sinks) await sink.end();
      if (opts.summary) {
        // the summary writer (with ExcelJS) is loaded only for a summary
        const { summaryJson, summaryText, summaryXlsx } = await import('../summary-output.js');
        if (opts.summaryFormat === 'xlsx') process.stdout.write(await summaryXlsx(summary));
        else await writeOut(opts.summaryFormat === 'json' ? summaryJson(summary) : summaryText(summary));
      }
      process.exitCode = batchExitCode(result, errors ? 1 : 0);
    });
}

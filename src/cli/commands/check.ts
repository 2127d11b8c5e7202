// `budgetdoc check`: audits disclosures (files, folders, globs; on every core) and reports findings as text, JSON,
// JSON lines or HTML through pluggable sinks (src/cli/check-output.ts); exit 1 when any error is found.
import type { Command } from 'commander';
import { Option } from 'commander';
import { RULES } from '../../audit/index.js';
import type { DocumentFindings } from '../../audit/report.js';
import { loadAuditRules } from '../audit-config.js';
import { batchExitCode, OutDir, parseJobs, runBatch } from '../batch.js';
import { outDirSink, stdoutSink, type CheckFormat, type CheckSink } from '../check-output.js';
import { UserError } from '../errors.js';
import { DISCLOSURE_EXTENSIONS, expandInputs, MODEL_EXTENSIONS } from '../inputs.js';

interface CheckCliOptions {
  format: CheckFormat;
  rule?: string[];
  config?: string;
  pretty?: boolean;
  out?: string;
  jobs?: string;
  progress: boolean;
  listRules?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function listRules(): string {
  const sev = { error: '错误', warning: '警告', info: '提示' } as const;
  return RULES.map((r) => `${r.meta.id.padEnd(28)} ${sev[r.meta.severity]}  ${r.meta.category.padEnd(12)} ${r.meta.docs.description}`).join('\n') + '\n';
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('[paths...]', 'disclosure files (PDF, DOCX, XLSX, HTML, text/Markdown converted from PDF), models as JSON/YAML (parse --format json, sample) or input workbooks (template) — detected by content; folders (those files, recursively) or quoted globs')
    .addOption(new Option('-f, --format <format>', 'text = 按级别分组的中文报告与读取可信度, json = findings and readingConfidence per document (an array for several), ndjson = one document per line as each finishes, html = a report page').choices(['text', 'json', 'ndjson', 'html']).default('text'))
    .addOption(new Option('--rule <id>', 'run only this rule (repeatable, or comma-separated)').argParser(collect))
    .option('-c, --config <file>', 'configuration file (default: ./budgetdoc.config.json when present)')
    .option('--pretty', 'indent the JSON (default: compact)')
    .option('--out <dir>', 'write one report per document into this folder (NAME.check.txt / .json / .html) instead of stdout')
    .option('-j, --jobs <n>', 'documents audited at once, one worker thread each (default: the number of cores)')
    .option('--no-progress', 'no progress bar (it is shown only when stderr is a terminal)')
    .option('--list-rules', 'list the rules with their default severity and exit')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors found, 2 an input or the configuration cannot be read (the others are still reported).\n' +
        'Reports keep the order of the inputs whatever --jobs.\n' +
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
      if (!paths.length) throw new UserError('没有指定要审核的文件 (no input files) — usage: budgetdoc check PATH… [--format text|json|ndjson|html]', 2);
      const rules = loadAuditRules(opts.config);
      const known = new Set(RULES.map((r) => r.meta.id));
      const unknown = (opts.rule ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw new UserError(`未知的规则 ${unknown.join(', ')} — 用 budgetdoc check --list-rules 查看全部规则`, 2);
      const inputs = await expandInputs(paths, [...DISCLOSURE_EXTENSIONS, ...MODEL_EXTENSIONS]);

      const pretty = opts.pretty === true;
      const sinks: CheckSink[] = [
        opts.out !== undefined ? outDirSink(opts.format, new OutDir(opts.out), { pretty }) : stdoutSink(opts.format, { pretty, single: inputs.length === 1 }),
      ];
      let errors = false;
      const result = await runBatch<DocumentFindings>(
        inputs,
        { jobs: parseJobs(opts.jobs), progress: opts.progress },
        (input) => ({ kind: 'check', file: input.path, rules, only: opts.rule }),
        async (input, doc) => {
          if (doc.findings.some((f) => f.severity === 'error')) errors = true;
          for (const sink of sinks) await sink.document(doc, input);
        },
      );
      for (const sink of sinks) await sink.end();
      process.exitCode = batchExitCode(result, errors ? 1 : 0);
    });
}

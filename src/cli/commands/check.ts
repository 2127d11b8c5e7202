// `budgetdoc check`: audits disclosures and reports findings as text, JSON or HTML; exit 1 when any error is found.
import type { Command } from 'commander';
import { Option } from 'commander';
import { auditDocument, RULES, UnknownRuleError } from '../../audit/index.js';
import { refusedRow, summaryRow, type SummaryRow } from '../../audit/summary.js';
import { expandFolders, summaryJson, summaryText, summaryXlsx } from '../summary-output.js';
import { loadAuditRules } from '../audit-config.js';
import { formatHtml, formatJson, formatText, type DocumentFindings } from '../../audit/report.js';
import { UserError } from '../errors.js';
import { readModel } from '../read-model.js';
import { readJoined } from '../pieces.js';

const KIND_ZH = { budget: '预算', final_account: '决算' } as const;
const SCOPE_ZH = { department: '部门', unit: '单位' } as const;

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
    .description('审核公开文件并报告问题 (audit disclosures: completeness, arithmetic, cross-table, narrative, names)')
    .argument('[files...]', 'disclosure files: PDF, DOCX, XLSX, HTML, text/Markdown converted from PDF, or a model as JSON/YAML (parse --format json, sample) or an input workbook (template) — detected by content')
    .addOption(new Option('-f, --format <format>', 'text = 按级别分组的中文报告与读取可信度, json = findings and readingConfidence per document, html = a report page').choices(['text', 'json', 'html']).default('text'))
    .addOption(new Option('--rule <id>', 'run only this rule (repeatable, or comma-separated)').argParser(collect))
    .option('-c, --config <file>', 'configuration file (default: ./budgetdoc.config.json when present)')
    .option('--list-rules', 'list the rules with their default severity and exit')
    .option('--summary', '批量审核汇总：每个文件一行（表格、表内等式、错误、警告、读取存疑、页数、秒）及合计 (one row per document, then totals; a FOLDER stands for its files)')
    .addOption(new Option('--summary-format <format>', 'format of --summary').choices(['text', 'json', 'xlsx']).default('text'))
    .option('--no-join', 'check every file on its own (default: the 情况说明 and 报表 files of one disclosure are joined)')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors, 1 errors found, 2 an input or the configuration cannot be read.\n' +
        'Rounding gaps (each printed figure may be off by half its last digit) are not errors; findings show the tolerance applied.\n' +
        'Rules and the configuration file: docs/audit.md; each rule: docs/rules/<id>.md.\n' +
        'Examples:\n  budgetdoc check ../shared/seeds/*.txt\n  budgetdoc check report.txt --format json --rule unit-name\n  budgetdoc check report.txt --format html > report.html',
    )
    .action(async (args: string[], opts: { format: 'text' | 'json' | 'html'; rule?: string[]; config?: string; listRules?: boolean; summary?: boolean; summaryFormat: 'text' | 'json' | 'xlsx'; join?: boolean }) => {
      const files = opts.summary ? expandFolders(args) : args;
      if (opts.listRules) {
        process.stdout.write(listRules());
        return;
      }
      if (!files.length) throw new UserError('没有指定要审核的文件 (no input files) — usage: budgetdoc check FILE… [--format text|json|html]', 2);
      const rules = loadAuditRules(opts.config);
      const known = new Set(RULES.map((r) => r.meta.id));
      const unknown = (opts.rule ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw new UserError(`未知的规则 ${unknown.join(', ')} — 用 budgetdoc check --list-rules 查看全部规则`, 2);

      const results: DocumentFindings[] = [];
      const summary: SummaryRow[] = [];
      let unreadable = 0;
      // pieces of one disclosure (情况说明 + 报表) are joined into one document first
      // seconds per document for --summary: its files' reading plus its audit
      const readSeconds = new Map<string, number>();
      const timedRead = async (f: string) => {
        const t = performance.now();
        try {
          return await readModel(f);
        } finally {
          readSeconds.set(f, (performance.now() - t) / 1000);
        }
      };
      for (const input of await readJoined(files, timedRead, opts.join !== false)) {
        const file = input.file;
        const started = performance.now();
        const read = file.split(' + ').reduce((s, f) => s + (readSeconds.get(f) ?? 0), 0);
        const seconds = () => Math.round((performance.now() - started) / 1000 * 1000 + read * 1000) / 1000;
        try {
          if ('error' in input) throw input.error;
          const doc = input.doc;
          // the reading self-check (each table judged by its own sums) comes with the findings it judged them by
          const { findings, readingConfidence } = auditDocument(doc, { rules, only: opts.rule });
          const title = `${doc.unit.name} ${doc.year}年${SCOPE_ZH[doc.scope]}${KIND_ZH[doc.kind]}`;
          results.push({ file, title, findings, readingConfidence });
          if (opts.summary) summary.push(summaryRow(file, title, doc, findings, readingConfidence, seconds()));
        } catch (err) {
          if (err instanceof UserError && err.exitCode === 2) {
            unreadable++;
            process.stderr.write(`budgetdoc: ${err.message}\n`);
            if (opts.summary) summary.push(refusedRow(file, err.message, seconds()));
            continue;
          }
          if (err instanceof UnknownRuleError) throw new UserError(err.message, 2);
          throw err;
        }
      }
      if (opts.summary) {
        if (opts.summaryFormat === 'xlsx') process.stdout.write(await summaryXlsx(summary));
        else process.stdout.write(opts.summaryFormat === 'json' ? summaryJson(summary) : summaryText(summary));
        const anyError = results.some((r) => r.findings.some((f) => f.severity === 'error'));
        process.exitCode = unreadable ? 2 : anyError ? 1 : 0;
        return;
      }
      const out = opts.format === 'json' ? formatJson(results, files.length === 1) : opts.format === 'html' ? formatHtml(results) : formatText(results);
      if (results.length) process.stdout.write(out);
      const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
      process.exitCode = unreadable ? 2 : errors ? 1 : 0;
    });
}

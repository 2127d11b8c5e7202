// `budgetdoc render`: writes a disclosure (model JSON/YAML, an input workbook, or a disclosure text) as HTML, Word,
// PDF, Excel or text, refusing data on which the auditor finds errors unless --force; prior-year figures the input
// lacks may come from the previous year's data (--previous).
import type { Command } from 'commander';
import { Option } from 'commander';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { sameUnit } from '../../extract/index.js';
import type { Disclosure } from '../../model/schema.js';
import { audit } from '../../audit/index.js';
import { loadAuditRules } from '../audit-config.js';
import { RENDER_FORMATS, renderDisclosure, type RenderFormat } from '../../write/index.js';
import { MissingFontError } from '../../write/pdf.js';
import { fillFromPreviousYear } from '../../write/previous-year.js';
import { UserError } from '../errors.js';
import { readModel } from '../read-model.js';
import { KIND_WORD } from '../../catalog/words.js';

/** The previous year's model, checked to be the same unit and the year before (a warning otherwise). */
async function readPrevious(path: string, doc: Disclosure): Promise<Disclosure> {
  const previous = await readModel(path);
  const warn = (what: string) => process.stderr.write(`budgetdoc: 注意：--previous ${path} ${what}\n`);
  if (!sameUnit(previous.unit.name, doc.unit.name))
    warn(`的单位「${previous.unit.name}」与本年「${doc.unit.name}」不同，上年数可能不可比`);
  if (previous.year !== doc.year - 1)
    warn(`的年度是 ${previous.year}，不是 ${doc.year - 1}（本年 ${doc.year} 的上一年）`);
  if (previous.kind !== doc.kind)
    warn(`是${KIND_WORD[previous.kind]}，本年是${KIND_WORD[doc.kind]}，上年数按同名项目取`);
  return previous;
}

/** Writes bytes next to the target first and renames, so a failed run leaves nothing half-written. */
function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`无法写入 ${path}: ${(err as Error).message}`, 2);
  }
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .argument(
      '<input>',
      'the model as JSON or YAML (budgetdoc parse --format json / budgetdoc sample), a filled input workbook (budgetdoc template), or a disclosure text/PDF/Word/Excel file',
    )
    .addOption(new Option('--to <format>', 'output format').choices([...RENDER_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <file>', 'output file (- writes html/md to stdout)')
    .option(
      '--previous <file>',
      "the previous year's data (JSON, YAML, workbook or disclosure) for the prior-year figures the input lacks",
    )
    .option('--force', 'render even when the auditor finds errors')
    .option('-c, --config <file>', 'audit configuration (default: ./budgetdoc.config.json when present), as for check')
    .addHelpText(
      'after',
      '\nEvery amount, share, change, rate and direction word is computed from the data; reasons come from the data.\n' +
        'Input: JSON or YAML by extension (.json/.yaml/.yml) or by content; an .xlsx with a 基本信息 sheet is read as the\n' +
        'input workbook (budgetdoc template: tables plus 概况, 项目, 三公明细, 政府采购, 国有资产, 绩效目标/绩效自评, 变动原因);\n' +
        'a bad cell is named with its sheet and address ("项目!C5: …", exit 2).\n' +
        "Prior-year figures (上年数 → 增加/减少, 增长/下降 and the rates): the input's own values (the 上年数 columns of the\n" +
        'workbook, the changes in a model) win; --previous fills only what the input lacks, matching statements of the\n' +
        'same section and subject. It warns when the previous file is another unit or not the year before.\n' +
        'Exit codes: 0 written, 1 refused (the auditor found errors; the findings are listed), 2 unreadable input or output.\n' +
        'Examples:\n  budgetdoc render model.json --to pdf --out report.pdf\n' +
        '  budgetdoc render model.yaml --to html --out report.html\n' +
        '  budgetdoc template --kind budget --out 预算填报.xlsx   # fill it in, then:\n' +
        '  budgetdoc render 预算填报.xlsx --previous 2023.json --to docx --out 2024预算公开.docx\n' +
        '  budgetdoc sample --count 1 --seed 7 --out samples/\n' +
        '  budgetdoc render samples/sample-budget-7-000000.json --to html --out sample.html\n' +
        '  budgetdoc render report.txt --to docx --out report.docx --force   # a published text, even with findings',
    )
    .action(
      async (
        input: string,
        opts: { to: RenderFormat; out: string; force?: boolean; config?: string; previous?: string },
      ) => {
        const rules = loadAuditRules(opts.config);
        let doc = await readModel(input);
        if (opts.previous) {
          const { doc: filled, filled: count } = fillFromPreviousYear(doc, await readPrevious(opts.previous, doc));
          doc = filled;
          process.stderr.write(`从上年数据补齐 ${count} 项上年比较\n`);
        }
        // the same rules and severities as budgetdoc check
        const errors = audit(doc, { rules }).filter((f) => f.severity === 'error');
        if (errors.length && !opts.force) {
          const lines = errors.slice(0, 20).map((f) => `  - [${f.rule}] ${f.message}`);
          if (errors.length > 20) lines.push(`  … 另有 ${errors.length - 20} 条`);
          process.stderr.write(
            `budgetdoc: 审核发现 ${errors.length} 个错误，未生成文件（加 --force 可强制生成）:\n${lines.join('\n')}\n`,
          );
          process.exitCode = 1;
          return;
        }
        if (opts.out === '-' && !['html', 'md'].includes(opts.to))
          throw new UserError(`--out - 只适用于 html 和 md；${opts.to} 请写入文件`, 2);
        let bytes: Buffer;
        try {
          bytes = await renderDisclosure(doc, opts.to);
        } catch (err) {
          if (err instanceof MissingFontError) throw new UserError(err.message, 2);
          throw err;
        }
        if (opts.out === '-') process.stdout.write(bytes);
        else {
          writeAtomically(opts.out, bytes);
          process.stderr.write(
            `已写入 ${opts.out} (${opts.to}, ${bytes.length} 字节)${errors.length ? `；注意：审核发现 ${errors.length} 个错误 (--force)` : ''}\n`,
          );
        }
      },
    );
}

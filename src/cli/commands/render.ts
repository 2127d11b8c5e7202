// `budgetdoc render`: writes a disclosure (model JSON, or a disclosure text) as HTML, Word, PDF, Excel or text,
// refusing data on which the auditor finds errors unless --force.
import type { Command } from 'commander';
import { Option } from 'commander';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { parseFile } from '../../extract/index.js';
import { ReadError } from '../../read/errors.js';
import { DisclosureSchema, type Disclosure } from '../../model/schema.js';
import { audit } from '../../audit/index.js';
import { loadAuditRules } from '../audit-config.js';
import { RENDER_FORMATS, renderDisclosure, type RenderFormat } from '../../write/index.js';
import { MissingFontError } from '../../write/pdf.js';
import { UserError } from '../errors.js';

/** Reads the input: model JSON (as `parse --format json` writes it) or a disclosure text parsed on the fly. */
export async function readModel(path: string): Promise<Disclosure> {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`无法读取 ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (err as Error).message} — 请检查路径`, 2);
  }
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      throw new UserError(`${path} 不是有效的 JSON: ${(err as Error).message} — 请提供 budgetdoc parse --format json 的输出`, 2);
    }
    const parsed = DisclosureSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`${path} 不符合数据模型: ${issue.path.join('.') || '(根)'}: ${issue.message} — 见 schema/disclosure.schema.json`, 2);
    }
    return parsed.data;
  }
  try {
    return await parseFile(path);
  } catch (err) {
    if (err instanceof ReadError) throw new UserError(err.message.replace(/^budgetdoc: /, ''), 2);
    throw err;
  }
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
    .description('把数据写成公开文件 (render a disclosure model as HTML, Word, PDF, Excel or text)')
    .argument('<input>', 'the model as JSON (budgetdoc parse --format json / budgetdoc sample), or a disclosure text')
    .addOption(new Option('--to <format>', 'output format').choices([...RENDER_FORMATS]).makeOptionMandatory())
    .requiredOption('--out <file>', 'output file (- writes html/md to stdout)')
    .option('--force', 'render even when the auditor finds errors')
    .option('-c, --config <file>', 'audit configuration (default: ./budgetdoc.config.json when present), as for check')
    .addHelpText(
      'after',
      '\nEvery amount, share, change, rate and direction word is computed from the data; reasons come from the data.\n' +
        'Exit codes: 0 written, 1 refused (the auditor found errors; the findings are listed), 2 unreadable input or output.\n' +
        'Examples:\n  budgetdoc render model.json --to pdf --out report.pdf\n' +
          '  budgetdoc sample --count 1 --seed 7 --out samples/\n' +
          '  budgetdoc render samples/sample-budget-7-000000.json --to html --out sample.html\n' +
          '  budgetdoc render report.txt --to docx --out report.docx --force   # a published text, even with findings',
    )
    .action(async (input: string, opts: { to: RenderFormat; out: string; force?: boolean; config?: string }) => {
      const rules = loadAuditRules(opts.config);
      const doc = await readModel(input);
      // the same rules and severities as budgetdoc check
      const errors = audit(doc, { rules }).filter((f) => f.severity === 'error');
      if (errors.length && !opts.force) {
        const lines = errors.slice(0, 20).map((f) => `  - [${f.rule}] ${f.message}`);
        if (errors.length > 20) lines.push(`  … 另有 ${errors.length - 20} 条`);
        process.stderr.write(`budgetdoc: 审核发现 ${errors.length} 个错误，未生成文件（加 --force 可强制生成）:\n${lines.join('\n')}\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.out === '-' && !['html', 'md'].includes(opts.to)) throw new UserError(`--out - 只适用于 html 和 md；${opts.to} 请写入文件`, 2);
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
        process.stderr.write(`已写入 ${opts.out} (${opts.to}, ${bytes.length} 字节)${errors.length ? `；注意：审核发现 ${errors.length} 个错误 (--force)` : ''}\n`);
      }
    });
}

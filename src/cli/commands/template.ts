// `budgetdoc template`: writes a blank input workbook for a budget or final-account disclosure.
import type { Command } from 'commander';
import { Option } from 'commander';
import { writeFileSync } from 'node:fs';
import type { DocumentKind } from '../../model/schema.js';
import { renderTemplate } from '../../write/template.js';
import { UserError } from '../errors.js';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('生成空白填报工作簿 (write a blank input workbook with the standard tables)')
    .addOption(new Option('--kind <kind>', 'budget = 预算, final_account = 决算').choices(['budget', 'final_account']).default('budget'))
    .requiredOption('--out <file>', 'output .xlsx file')
    .addHelpText('after', '\nExample:\n  budgetdoc template --kind final_account --out 决算填报.xlsx')
    .action(async (opts: { kind: DocumentKind; out: string }) => {
      if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out 应为 .xlsx 文件，收到 ${opts.out}`, 2);
      const bytes = await renderTemplate(opts.kind);
      try {
        writeFileSync(opts.out, bytes);
      } catch (err) {
        throw new UserError(`无法写入 ${opts.out}: ${(err as Error).message}`, 2);
      }
      process.stderr.write(`已写入 ${opts.out} (${opts.kind === 'budget' ? '预算' : '决算'}填报模板)\n`);
    });
}

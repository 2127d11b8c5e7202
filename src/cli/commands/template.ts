// `budgetdoc template`: writes a blank input workbook for a budget or final-account disclosure (docs/writer.md).
import { KIND_WORD } from '../../catalog/words.js';
import type { Command } from 'commander';
import { Option } from 'commander';
import { writeFileSync } from 'node:fs';
import type { DocumentKind } from '../../model/schema.js';
import { renderTemplate } from '../../write/template.js';
import { UserError } from '../errors.js';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .addOption(
      new Option('--kind <kind>', 'budget = 预算, final_account = 决算')
        .choices(['budget', 'final_account'])
        .default('budget'),
    )
    .requiredOption('--out <file>', 'output .xlsx file')
    .addHelpText(
      'after',
      '\nSheets: 基本信息 (unit, kind, year, date), 概况 (主要职能, 机构设置, 内设机构, 下属单位, 人员), one sheet per standard\n' +
        'table (表1 …, amounts in 万元), 项目 (projects), 三公明细 (items, 上年数, reasons; 决算: 全年预算数 and 团组/人次/车辆/\n' +
        '接待批次), 政府采购, 国有资产 (with 车辆分类), 绩效目标 (预算) or 绩效自评 (决算) with their indicators, and 变动原因\n' +
        '(上年数 and the reasons for changes: the only free text of the explanation). Each sheet starts with an instruction\n' +
        'row; drop-downs offer the fixed choices; blank cells mean "not given". Shares, changes and rates are computed.\n' +
        'Render the filled workbook with budgetdoc render FILE.xlsx --to …; a bad cell is reported as "项目!C5: …".\n' +
        'Examples:\n  budgetdoc template --kind budget --out 预算填报.xlsx\n' +
        '  budgetdoc template --kind final_account --out 决算填报.xlsx\n' +
        '  budgetdoc render 决算填报.xlsx --previous 上年决算.json --to pdf --out 决算公开.pdf',
    )
    .action(async (opts: { kind: DocumentKind; out: string }) => {
      if (!/\.xlsx$/i.test(opts.out)) throw new UserError(`--out 应为 .xlsx 文件，收到 ${opts.out}`, 2);
      const bytes = await renderTemplate(opts.kind);
      try {
        writeFileSync(opts.out, bytes);
      } catch (err) {
        throw new UserError(`无法写入 ${opts.out}: ${(err as Error).message}`, 2);
      }
      process.stderr.write(`已写入 ${opts.out} (${KIND_WORD[opts.kind]}填报模板)\n`);
    });
}

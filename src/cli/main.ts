// The `budgetdoc` command line: one sub-command per file in ./commands, errors mapped to exit codes here.
import { Command, CommanderError } from 'commander';
import { UserError } from './errors.js';
import { registerParse } from './commands/parse.js';
import { registerSample } from './commands/sample.js';
import { registerRender } from './commands/render.js';
import { registerTemplate } from './commands/template.js';
import { registerImport } from './commands/import.js';
import { registerServe } from './commands/serve.js';
import { registerCheck } from './commands/check.js';
import { registerWorker } from './commands/worker.js';

/** Each command module adds itself to the program; add new ones to this list. */
const registrations: Array<(program: Command) => void> = [registerParse, registerSample, registerRender, registerTemplate, registerImport, registerServe, registerCheck, registerWorker];

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('budgetdoc')
    .description(
      '读取、审核、编写和发布部门/单位预算与决算公开文件。\n' +
        'Read, audit, write and publish Chinese budget (预算) and final-account (决算) disclosures.',
    )
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of registrations) register(program);
  program.addHelpText(
    'after',
    '\nExamples:\n' +
      '  budgetdoc parse ../shared/seeds/000_6d5137b5af398648.txt            # 摘要 (Chinese summary)\n' +
      '  budgetdoc parse report.pdf --format json > model.json              # the full model as JSON\n' +
      '  budgetdoc check report.pdf --format html > report.html             # audit report for reviewers\n' +
      '  budgetdoc sample --kind budget --count 10 --seed 1 --out samples/   # consistent sample data\n' +
      '  budgetdoc render samples/<file>.json --to pdf --out report.pdf      # write the disclosure\n' +
      '  budgetdoc serve --demo                                              # the portal with sample data\n' +
      'Exit codes: 0 success, 1 audit errors or refusal, 2 unreadable input or bad usage.\n',
  );
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 findings/refused, 2 unreadable input or bad usage). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit through here with code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`budgetdoc: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`budgetdoc: internal error: ${message}\n(please report this with the input file)\n`);
    return 70;
  }
}

// The `budgetdoc` command line: a lazy list of sub-commands (one module each in ./commands, loaded only when run),
// errors mapped to exit codes here.
import { Command, CommanderError } from 'commander';
import { UserError } from './errors.js';

/** A sub-command: its name and one-line description (enough for `budgetdoc --help`), and how to load its module,
 * which adds the command with its options to the program. Add new commands to COMMANDS. */
export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'parse',
    description: '读取公开文件并输出结构化数据 (read disclosures into the budgetdoc model)',
    load: async () => (await import('./commands/parse.js')).registerParse,
  },
  {
    name: 'sample',
    description: '生成虚构单位的预算/决算公开数据 (write consistent sample disclosures as model JSON)',
    load: async () => (await import('./commands/sample.js')).registerSample,
  },
  {
    name: 'render',
    description: '把数据写成公开文件 (render a disclosure model as HTML, Word, PDF, Excel or text)',
    load: async () => (await import('./commands/render.js')).registerRender,
  },
  {
    name: 'template',
    description: '生成空白填报工作簿 (write a blank input workbook: the standard tables and the particulars sheets)',
    load: async () => (await import('./commands/template.js')).registerTemplate,
  },
  {
    name: 'import',
    description: '导入公开文件到门户数据库 (parse, audit and store disclosures; files or folders)',
    load: async () => (await import('./commands/import.js')).registerImport,
  },
  {
    name: 'serve',
    description: '启动预算决算公开门户 (start the portal web server)',
    load: async () => (await import('./commands/serve.js')).registerServe,
  },
  {
    name: 'check',
    description: '审核公开文件并报告问题 (audit disclosures: completeness, arithmetic, cross-table, narrative, names)',
    load: async () => (await import('./commands/check.js')).registerCheck,
  },
  {
    name: 'worker',
    description:
      '处理任务队列中的导入任务 (take import jobs from the queue in PostgreSQL; run any number, on any number of machines)',
    load: async () => (await import('./commands/worker.js')).registerWorker,
  },
];

/** The sub-command argv asks for (`budgetdoc NAME …` or `budgetdoc help NAME`), if it is one of COMMANDS. */
function requested(argv: string[]): CommandEntry | undefined {
  const args = argv.slice(2);
  const first = args.findIndex((a) => !a.startsWith('-'));
  if (first < 0) return undefined;
  const name = args[first] === 'help' ? args[first + 1] : args[first];
  return COMMANDS.find((c) => c.name === name);
}

/** The program with every command: the one argv runs is loaded in full, the others only named and described. */
export async function buildProgram(argv: string[] = []): Promise<Command> {
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
  const wanted = requested(argv);
  for (const entry of COMMANDS) {
    if (entry === wanted) {
      (await entry.load())(program);
      const command = program.commands.find((c) => c.name() === entry.name);
      command?.description(entry.description);
    } else {
      program.command(entry.name).description(entry.description);
    }
  }
  program.addHelpText(
    'after',
    '\nExamples:\n' +
      '  budgetdoc parse ../shared/seeds/000_6d5137b5af398648.txt            # 摘要 (Chinese summary)\n' +
      '  budgetdoc parse report.pdf --format json > model.json              # the full model as JSON\n' +
      "  budgetdoc check 'reports/**/*.pdf' --format ndjson > findings.ndjson # every core, one line per document\n" +
      '  budgetdoc check report.pdf --format html > report.html             # audit report for reviewers\n' +
      '  budgetdoc sample --kind budget --count 10 --seed 1 --out samples/   # consistent sample data\n' +
      '  budgetdoc render samples/<file>.json --to pdf --out report.pdf      # write the disclosure\n' +
      '  budgetdoc serve --demo                                              # the portal with sample data\n' +
      'Each command has its own --help with examples.\n' +
      'Exit codes: 0 success, 1 audit errors or refusal, 2 unreadable input or bad usage.\n',
  );
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 findings/refused, 2 unreadable input or bad usage). */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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

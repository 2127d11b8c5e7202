// Start-up: `budgetdoc --help` loads no command module and none of the heavy libraries; `parse`/`check` of a text
// loads only the text path (no PDF, Office, chart, database or web library), so that both start in well under 200 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { repoRoot, seedPath } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const hooks = resolve(repoRoot, 'tests/support/record-loads.mjs');
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-startup-'));

/** The modules one CLI run loads: paths below the repository (dist/…) and the packages from node_modules. */
function loaded(...args: string[]): {
  status: number | null;
  stdout: string;
  modules: string[];
  packages: Set<string>;
} {
  const log = join(
    dir,
    `${args
      .join('_')
      .replace(/[^\w.-]/g, '_')
      .slice(0, 80)}.log`,
  );
  const r = spawnSync(process.execPath, ['--import', hooks, bin, ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    timeout: 60_000,
    env: { ...process.env, BUDGETDOC_LOAD_LOG: log },
  });
  const modules = readFileSync(log, 'utf8').trim().split('\n');
  const packages = new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []));
  return { status: r.status, stdout: r.stdout, modules, packages };
}

const HEAVY = [
  'echarts',
  'exceljs',
  'pdfmake',
  'kysely',
  'pdfjs-dist',
  'docx',
  'mammoth',
  'hono',
  '@hono/node-server',
  '@electric-sql/pglite',
  'pg',
  'pg-boss',
  'piscina',
];

describe('start-up', () => {
  it('--help lists every command from the COMMANDS list without loading any command module or heavy library', () => {
    const r = loaded('--help');
    expect(r.status).toBe(0);
    for (const c of COMMANDS) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(r.stdout).toContain(c.name);
    }
    expect(r.modules.filter((m) => m.includes('/dist/cli/commands/'))).toEqual([]);
    expect([...r.packages].filter((p) => p !== 'commander')).toEqual([]);
  });

  it('a command loads its own module only: parse of one text loads the text reader, not the others', () => {
    const r = loaded('parse', seedPath('000'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新疆巴州人民政府办公室');
    expect(r.modules.filter((m) => m.includes('/dist/cli/commands/')).map((m) => m.replace(/.*\//, ''))).toEqual([
      'parse.js',
    ]);
    for (const p of HEAVY) expect(r.packages, p).not.toContain(p);
    expect(r.modules.some((m) => m.endsWith('/dist/read/pdf.js'))).toBe(false);
    // nor the schema validator or the YAML parser: parsing a text needs neither
    expect(r.packages).not.toContain('zod');
    expect(r.packages).not.toContain('yaml');
  });

  it('check of one text loads no PDF, Office, chart, database or web library', () => {
    const r = loaded('check', seedPath('004'));
    expect(r.status).toBe(0);
    expect(r.modules.filter((m) => m.includes('/dist/cli/commands/')).map((m) => m.replace(/.*\//, ''))).toEqual([
      'check.js',
    ]);
    for (const p of HEAVY) expect(r.packages, p).not.toContain(p);
  });

  it('help for one command loads that command only', () => {
    const r = loaded('help', 'check');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--jobs');
    expect(r.modules.filter((m) => m.includes('/dist/cli/commands/')).map((m) => m.replace(/.*\//, ''))).toEqual([
      'check.js',
    ]);
  });
});

// The writer's commands as a user runs them: sample, render (with its refusal), template.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { repoRoot, seedPath } from '../support/paths.js';
import { DisclosureSchema } from '../../src/model/schema.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-writer-cli-'));

beforeAll(() => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
}, 120_000);

describe('budgetdoc sample', () => {
  it('writes N valid model files, the same for the same seed', () => {
    const a = join(dir, 'a'), b = join(dir, 'b');
    expect(run('sample', '--kind', 'mixed', '--count', '6', '--seed', '3', '--out', a).status).toBe(0);
    expect(run('sample', '--kind', 'mixed', '--count', '6', '--seed', '3', '--out', b).status).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toHaveLength(6);
    expect(files.filter((f) => f.includes('final_account'))).toHaveLength(3);
    for (const f of files) {
      const text = readFileSync(join(a, f), 'utf8');
      expect(text).toBe(readFileSync(join(b, f), 'utf8'));
      DisclosureSchema.parse(JSON.parse(text));
    }
  });

  it('writes the same files with worker threads (--jobs 2) as in one thread', () => {
    const one = join(dir, 'j1'), two = join(dir, 'j2');
    expect(run('sample', '--kind', 'final_account', '--count', '5', '--seed', '8', '--out', one, '--jobs', '1').status).toBe(0);
    expect(run('sample', '--kind', 'final_account', '--count', '5', '--seed', '8', '--out', two, '--jobs', '2').status).toBe(0);
    const files = readdirSync(one).sort();
    expect(readdirSync(two).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
  });

  it('streams JSON lines to stdout with --out -', () => {
    const r = run('sample', '--count', '3', '--seed', '9', '--out', '-');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(JSON.parse(l).schemaVersion).toBe(1);
  });

  it('refuses a bad count with one line and exit 2', () => {
    const r = run('sample', '--count', 'many', '--out', join(dir, 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--count');
  });
});

describe('budgetdoc render', () => {
  it('renders a sample model in every format', () => {
    const out = join(dir, 'r');
    expect(run('sample', '--count', '1', '--seed', '11', '--out', out).status).toBe(0);
    const model = join(out, readdirSync(out)[0]);
    for (const to of ['html', 'md', 'docx', 'pdf', 'xlsx']) {
      const file = join(dir, `rendered.${to}`);
      const r = run('render', model, '--to', to, '--out', file);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
    }
    expect(readFileSync(join(dir, 'rendered.md'), 'utf8')).toMatch(/^# 示例/);
    // the auditor finds no error in what was rendered
    const check = run('check', join(dir, 'rendered.md'));
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/错误 0 项/);
  });

  it('refuses a document with audit errors (exit 1, findings listed, nothing written) unless --force', () => {
    const file = join(dir, 'seed000.html');
    const r = run('render', seedPath('000'), '--to', 'html', '--out', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/审核发现 \d+ 个错误/);
    expect(r.stderr).toMatch(/- \[[a-z-]+\] /);
    expect(existsSync(file)).toBe(false);
    const forced = run('render', seedPath('000'), '--to', 'html', '--out', file, '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('新疆巴州人民政府办公室');
  });

  it('applies the audit configuration as check does: an error re-graded to a warning no longer refuses', () => {
    const work = mkdtempSync(join(tmpdir(), 'budgetdoc-render-config-'));
    // seed 000 announces tables in its 目录 that its body lacks (toc-table-absent, an error by default)
    writeFileSync(join(work, 'budgetdoc.config.json'), JSON.stringify({ audit: { rules: { 'toc-table-absent': 'warning' } } }));
    const r = spawnSync(process.execPath, [bin, 'render', seedPath('000'), '--to', 'md', '--out', join(work, 'out.md')], { encoding: 'utf8', cwd: work, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(work, 'out.md'))).toBe(true);
  });

  it('names a model file that does not follow the schema in one line, exit 2', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, kind: 'budget' }));
    const r = run('render', bad, '--to', 'md', '--out', join(dir, 'bad.md'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.json');
    expect(existsSync(join(dir, 'bad.md'))).toBe(false);
  });
});

describe('budgetdoc template', () => {
  it('writes a blank workbook with the standard tables of the kind and no amounts', async () => {
    const file = join(dir, 'final.xlsx');
    expect(run('template', '--kind', 'final_account', '--out', file).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('基本信息');
    expect(names.some((n) => n.includes('收入支出决算总表'))).toBe(true);
    expect(names.some((n) => n.includes('三公'))).toBe(true);
    let numbers = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'number') numbers++; }));
    expect(numbers).toBe(0);
  });
});

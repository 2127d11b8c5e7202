// parse/check over many documents: folders and globs, JSON lines written as each document finishes, --out DIR,
// the same output in the same order whatever --jobs, compact JSON unless --pretty, per-file errors, and a progress
// bar that only a terminal sees.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { repoRoot, seedPath, seedsDir } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
// --no-join: these tests are about order and streaming; seed 004 announces its tables as published apart, so with
// joining it is held as a piece and written after the others (tests/read/pieces-pdf.test.ts tests the joining)
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args, ...(args[0] === 'parse' || args[0] === 'check' ? ['--no-join'] : [])], {
    encoding: 'utf8',
    cwd: repoRoot,
    timeout: 120_000,
  });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-batch-'));
const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('folders and globs', () => {
  it('a folder gives its disclosures sorted by name, one model per line with --format ndjson', () => {
    const r = run('parse', seedsDir, '--format', 'ndjson');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docs = lines(r.stdout).map((l) => JSON.parse(l));
    expect(docs.map((d) => basename(d.source.file))).toEqual(seedFiles);
    expect(docs[0].unit.name).toBe('新疆巴州人民政府办公室');
  });

  it('a folder is walked recursively; files of other kinds in it are left alone', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'b', 'c'), { recursive: true });
    copyFileSync(seedPath('001'), join(tree, 'b', 'c', 'x.txt'));
    copyFileSync(seedPath('000'), join(tree, 'a.md'));
    writeFileSync(join(tree, 'b', 'notes.csv'), '1,2\n');
    writeFileSync(join(tree, '.hidden.txt'), 'not read');
    const r = run('parse', tree, '--format', 'ndjson');
    expect(r.stderr).toBe('');
    expect(lines(r.stdout).map((l) => JSON.parse(l).source.file)).toEqual([
      join(tree, 'a.md'),
      join(tree, 'b', 'c', 'x.txt'),
    ]);
  });

  it('a quoted glob is expanded by budgetdoc (sorted)', () => {
    const r = run('check', join(seedsDir, '00[03]_*.txt'), '--format', 'ndjson');
    expect(r.status).toBe(1); // both seeds have audit errors
    expect(lines(r.stdout).map((l) => basename(JSON.parse(l).file))).toEqual([
      basename(seedPath('000')),
      basename(seedPath('003')),
    ]);
  });

  it('a glob that matches nothing and a folder without disclosures: one clear line each, exit 2', () => {
    const g = run('parse', join(dir, 'nothing-*.pdf'));
    expect(g.status).toBe(2);
    expect(g.stderr.trim().split('\n')).toHaveLength(1);
    expect(g.stderr).toMatch(/没有与 .*nothing-\*\.pdf 匹配的文件/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const e = run('check', empty);
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/目录 .*empty 中没有可读取的文件/);
  });

  it('an unreadable file among readable ones: one line naming it, the others written, exit 2', () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    copyFileSync(seedPath('000'), join(mixed, 'a.txt'));
    writeFileSync(join(mixed, 'b.txt'), '床前明月光，疑是地上霜。\n');
    copyFileSync(seedPath('004'), join(mixed, 'c.txt'));
    for (const jobs of ['1', '2']) {
      const r = run('parse', mixed, '--format', 'ndjson', '--jobs', jobs);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/b\.txt.*不是预算或决算公开文件/)]);
      expect(lines(r.stdout).map((l) => basename(JSON.parse(l).source.file))).toEqual(['a.txt', 'c.txt']);
    }
  });
});

describe('output', () => {
  it('JSON is compact unless --pretty, and the same data either way', () => {
    const compact = run('parse', seedPath('003'), '--format', 'json');
    const pretty = run('parse', seedPath('003'), '--format', 'json', '--pretty');
    expect(lines(compact.stdout)).toHaveLength(1);
    expect(pretty.stdout).toContain('\n  "schemaVersion": 1,');
    expect(JSON.parse(compact.stdout)).toEqual(JSON.parse(pretty.stdout));
  });

  it('json over several files is one array, element by element the single-file output', () => {
    const all = run('check', seedsDir, '--format', 'json', '--pretty');
    const each = seedFiles.map((f) => JSON.parse(run('check', join(seedsDir, f), '--format', 'json').stdout));
    expect(all.stdout).toBe(`${JSON.stringify(each, null, 2)}\n`);
    const compact = run('check', seedsDir, '--format', 'json');
    expect(JSON.parse(compact.stdout)).toEqual(each);
  });

  it('text over several files: one block per document, separated by a blank line', () => {
    const r = run('parse', seedPath('000'), seedPath('001'));
    const [first, second] = r.stdout.split('\n\n');
    expect(first).toMatch(/^新疆巴州人民政府办公室 2022年部门预算公开/);
    expect(second).toMatch(/^乌尔禾区人民政府办公室 2022年单位预算公开/);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('--out DIR writes one file per document, named after the input, nothing on stdout', () => {
    const out = join(dir, 'out-check');
    const r = run('check', seedsDir, '--format', 'json', '--out', out, '--jobs', '2');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(seedFiles.map((f) => `${f}.check.json`));
    const one = JSON.parse(readFileSync(join(out, `${seedFiles[2]}.check.json`), 'utf8'));
    expect(one.file).toBe(join(seedsDir, seedFiles[2]));
    expect(one.findings.length).toBeGreaterThan(0);

    const models = join(dir, 'out-parse');
    const p = run('parse', seedPath('001'), '--format', 'ndjson', '--out', models);
    expect(p.status).toBe(0);
    expect(JSON.parse(readFileSync(join(models, `${basename(seedPath('001'))}.json`), 'utf8')).unit.name).toBe(
      '乌尔禾区人民政府办公室',
    );
  });

  it('the same output in the same order with --jobs 2 as with --jobs 1, inputs in the order given', () => {
    // the order of the arguments, not of the names; a document repeated stays where it was given
    const order = ['003', '000', '004', '001', '003', '000', '001', '004'] as const;
    const files = order.map((p) => seedPath(p));
    const one = run('check', ...files, '--format', 'ndjson', '--jobs', '1');
    const two = run('check', ...files, '--format', 'ndjson', '--jobs', '2');
    expect(two.stdout).toBe(one.stdout);
    expect(lines(two.stdout).map((l) => JSON.parse(l).file)).toEqual(files);
    const parsed1 = run('parse', ...files, '--format', 'ndjson', '--jobs', '1');
    const parsed2 = run('parse', ...files, '--format', 'ndjson', '--jobs', '2');
    expect(parsed2.stdout).toBe(parsed1.stdout);
    expect(lines(parsed2.stdout).map((l) => JSON.parse(l).source.file)).toEqual(files);
  });

  it('ndjson lines are written as each document finishes, not at the end', async () => {
    // the second input is a named pipe: it cannot be read until we write to it, after the first line arrived
    const fifo = join(dir, 'later.txt');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status).toBe(0);
    const child = spawn(process.execPath, [bin, 'parse', seedPath('000'), fifo, '--format', 'ndjson', '--jobs', '2'], {
      cwd: repoRoot,
    });
    let stdout = '';
    const firstLine = new Promise<void>((resolveLine) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('\n')) resolveLine();
      });
    });
    await firstLine;
    expect(JSON.parse(stdout.split('\n')[0]).unit.name).toBe('新疆巴州人民政府办公室');
    expect(child.exitCode).toBeNull(); // still waiting for the second document
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    writeFileSync(fifo, readFileSync(seedPath('001')));
    expect(await exited).toBe(0);
    expect(lines(stdout).map((l) => JSON.parse(l).unit.name)).toEqual([
      '新疆巴州人民政府办公室',
      '乌尔禾区人民政府办公室',
    ]);
  });
});

describe('progress', () => {
  it('nothing on stderr when it is a pipe', () => {
    const r = run('check', seedsDir, '--format', 'ndjson', '--jobs', '2');
    expect(r.stderr).toBe('');
  });

  it('on a terminal: documents, rate, pages/s when pages are known, time left, failures', () => {
    let drawn = '';
    let now = 0;
    const tty = { isTTY: true, columns: 100, write: (s: string) => ((drawn += s), true) };
    const bar = new Progress(tty, 4, { now: () => now });
    now = 1000;
    bar.document(10, false);
    expect(drawn).toContain('1/4 份');
    expect(drawn).toContain('1.0 份/秒');
    expect(drawn).toContain('10.0 页/秒');
    expect(drawn).toContain('剩余约 0:03');
    expect(drawn).toContain('失败 0');
    now = 2000;
    bar.document(0, true);
    now = 3000;
    bar.document(10, false);
    now = 4000;
    bar.document(10, false);
    bar.finish();
    expect(drawn).toContain('4/4 份');
    expect(drawn).toContain('失败 1');
    expect(drawn).toContain('用时 0:04');
    expect(drawn.endsWith('\n')).toBe(true);

    let piped = '';
    const pipe = new Progress({ isTTY: false, write: (s: string) => ((piped += s), true) }, 4);
    pipe.document(3, false);
    pipe.finish();
    expect(piped).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot, seedPath } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-cli-'));

describe('budgetdoc parse on bad input', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'an empty file',
      () => {
        const f = join(dir, 'empty.txt');
        writeFileSync(f, '');
        return f;
      },
      /文件为空|empty file/,
    ],
    [
      'a binary file',
      () => {
        const f = join(dir, 'x.bin');
        writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
        return f;
      },
      /无法识别的文件格式/,
    ],
    [
      'a text that is not a disclosure',
      () => {
        const f = join(dir, 'poem.txt');
        writeFileSync(f, '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n');
        return f;
      },
      /不是预算或决算公开文件|not a budget/,
    ],
    ['a missing file', () => join(dir, 'nope.txt'), /不存在|not found/],
    // a folder is read file by file (tests/cli/batch.test.ts); one without any disclosure in it is the error
    [
      'a folder without disclosures',
      () => {
        const d = mkdtempSync(join(dir, 'nothing-'));
        writeFileSync(join(d, 'notes.csv'), 'a,b\n');
        return d;
      },
      /目录.*没有可读取的文件/,
    ],
    [
      'a 50 MB file',
      () => {
        const f = join(dir, 'big.txt');
        writeFileSync(f, Buffer.alloc(50 * 1024 * 1024, 0x41));
        return f;
      },
      /过大|too large/,
    ],
    [
      'a non-UTF-8 text',
      () => {
        const f = join(dir, 'gbk.txt');
        writeFileSync(f, Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0xd4, 0xa4, 0xcb, 0xe3]));
        return f;
      },
      /UTF-8/,
    ],
  ];
  it.each(cases)('%s: one clear line naming the file, exit 2, no stack trace', (_name, make, reason) => {
    const file = make();
    const r = run('parse', file);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
  });

  it('a truncated document yields what was read plus warnings, no invented values', () => {
    const text = readFileSync(seedPath('000'), 'utf8').split('\n').slice(0, 160).join('\n');
    const f = join(dir, 'truncated.txt');
    writeFileSync(f, text);
    const r = run('parse', f, '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unit.name).toBe('新疆巴州人民政府办公室');
    expect(doc.tablesPresent).toEqual(['income-expenditure-summary']);
    expect(doc.figures.incomeTotal).toBe(2441);
    // the explanations were cut off: nothing is made up for them
    expect(doc.figures.basicExpenditure).toBeUndefined();
    expect(doc.figures.operatingCosts).toBeUndefined();
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain('part-missing');
  });

  it('prints the readable files and still exits 2 when one of several cannot be read', () => {
    const r = run('parse', seedPath('001'), join(dir, 'nope.txt'));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('乌尔禾区人民政府办公室 2022年单位预算公开');
    expect(r.stderr).toMatch(/nope\.txt/);
  });
});

describe('budgetdoc parse output', () => {
  it('prints a Chinese summary by default', () => {
    const r = run('parse', seedPath('000'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('新疆巴州人民政府办公室 2022年部门预算公开');
    expect(r.stdout).toContain('收入总计 2441.00');
  });

  it('prints the model as JSON with the documented top-level keys', () => {
    const r = run('parse', seedPath('003'), '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const key of ['kind', 'scope', 'year', 'unit', 'tablesPresent', 'figures']) expect(doc).toHaveProperty(key);
    expect(doc.kind).toBe('budget');
    expect(doc.scope).toBe('unit');
  });

  it('teaches with --help', () => {
    const r = run('parse', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--format/);
    expect(r.stdout).toMatch(/Examples/);
  });

  it('rejects an unknown format as a usage error', () => {
    const r = run('parse', seedPath('000'), '--format', 'xml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/xml/);
  });
});

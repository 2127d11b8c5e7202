// Real PDFs of ../shared/corpus-wide: a disclosure published as 附件1 情况说明 (w50) + 附件2 报表 (w51) checked as one
// document; tables-only files read; the three files that are not disclosures refused with a clear message.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot, sharedDir } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const wide = (name: string) => resolve(sharedDir, 'corpus-wide', name);
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 600_000 });

describe('a disclosure in two files (北京 副中心工程办 2026: w50 情况说明 + w51 报表)', () => {
  it('check joins them: one document, the tables of its 目录 present, no toc-table-absent', () => {
    const r = run('check', wide('w50.pdf'), wide('w51.pdf'), '--format', 'json');
    expect(r.status, r.stderr).not.toBe(2);
    const out = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ rule: string }> }>;
    const docs = Array.isArray(out) ? out : [out];
    expect(docs).toHaveLength(1);
    expect(docs[0].file).toBe(`${wide('w50.pdf')} + ${wide('w51.pdf')}`);
    expect(docs[0].findings.filter((f) => f.rule === 'toc-table-absent')).toEqual([]);
  }, 600_000);

  it('parse reads the 报表 alone: unit from 部门名称, year from the tables, the standard tables each on its own', () => {
    const r = run('parse', wide('w51.pdf'), '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.unit.name).toBe('北京城市副中心工程建设管理办公室');
    expect(doc.year).toBe(2026);
    expect(doc.kind).toBe('budget');
    // 预算01表 … 预算09表 as printed (pages 1–10)
    expect(doc.tablesPresent).toEqual(
      expect.arrayContaining([
        'income-expenditure-summary',
        'income-summary',
        'expenditure-summary',
        'fiscal-appropriation-summary',
        'general-budget-expenditure',
        'general-budget-basic-expenditure',
        'three-public',
        'government-fund-expenditure',
        'state-capital-expenditure',
      ]),
    );
    // 预算01表's 收入总计, page 1
    expect(doc.figures.incomeTotal).toBe(30939.11647);
  }, 600_000);

  it('parse --no-join keeps the pieces apart; joined, source.pieces names both files', () => {
    const apart = JSON.parse(run('parse', wide('w50.pdf'), wide('w51.pdf'), '--format', 'json', '--no-join').stdout);
    expect(apart).toHaveLength(2);
    const joined = JSON.parse(run('parse', wide('w50.pdf'), wide('w51.pdf'), '--format', 'json').stdout);
    expect(joined).toHaveLength(1);
    expect(joined[0].source.pieces.map((p: { holds: string }) => p.holds)).toEqual(['explanation', 'tables']);
    const table = joined[0].tables.find((t: { id: string }) => t.id === 'income-summary');
    expect(table.at.file).toBe(wide('w51.pdf'));
  }, 600_000);
});

describe('files that are not disclosures are refused: one line naming the file and what it lacks, exit 2', () => {
  it.each([
    ['w11.pdf', '巡察通告 (an inspection notice)'],
    ['w24.pdf', 'a policy document'],
    ['w33.pdf', 'a scanned draft regulation'],
  ])(
    '%s, %s',
    (name) => {
      const r = run('check', wide(name));
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(name);
      expect(lines[0]).toMatch(/不是预算或决算公开文件：.*没有找到任何标准公开表/);
      expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
    },
    600_000,
  );
});

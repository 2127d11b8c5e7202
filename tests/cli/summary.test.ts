// check --summary over a folder: one row per document, the closing counts, and the standard tables a document does
// not print named by their titles (a reader of the summary knows 收入决算表, not an internal id).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedsDir } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');

describe('check --summary', () => {
  it('counts the seeds and names the tables seed 004 does not print by their titles', () => {
    const run = spawnSync(process.execPath, [bin, 'check', seedsDir, '--summary', '--no-join'], {
      encoding: 'utf8',
      cwd: repoRoot,
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run.stdout).toMatch(/合计（4 个文件）/);
    expect(run.stdout).toMatch(/审核 4 个，未审核 0 个/);
    // seed 004 is the 情况说明 of a 决算 printed without its tables (read in the file: no table follows its text)
    const line004 = run.stdout.split('\n').find((l) => l.includes('004_') && l.includes('：'))!;
    expect(line004).toContain('收入支出决算总表');
    expect(line004).toContain('收入决算表');
    expect(run.stdout).not.toMatch(/income-expenditure-summary|fiscal-appropriation-summary/);
  }, 150_000);
});

// `budgetdoc parse <seed> --format json` (the compiled CLI) gives the figures the documents state.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected as e000 } from '../fixtures/seeds/000.expected.js';
import { expected as e001 } from '../fixtures/seeds/001.expected.js';
import { expected as e003 } from '../fixtures/seeds/003.expected.js';
import { expected as e004 } from '../fixtures/seeds/004.expected.js';
import { repoRoot, seedsDir } from '../support/paths.js';
import { compareFigures } from './compare.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');

describe('budgetdoc parse --format json: figures', () => {
  it.each([e000, e001, e003, e004].map((e) => [e.file, e] as const))('%s', (file, e) => {
    const r = spawnSync(process.execPath, [bin, 'parse', resolve(seedsDir, file), '--format', 'json'], {
      encoding: 'utf8',
      cwd: repoRoot,
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const model = JSON.parse(r.stdout) as { figures: Record<string, unknown> };
    expect(compareFigures(model.figures, e)).toEqual([]);
  });

  it('000 gives incomeTotal 2441.00, basicExpenditure 2014, projectExpenditure 427, threePublic.total 98.00', () => {
    const r = spawnSync(process.execPath, [bin, 'parse', resolve(seedsDir, e000.file), '--format', 'json'], {
      encoding: 'utf8',
      cwd: repoRoot,
      timeout: 60_000,
    });
    const f = (
      JSON.parse(r.stdout) as {
        figures: {
          incomeTotal: number;
          basicExpenditure: number;
          projectExpenditure: number;
          threePublic: { total: number };
        };
      }
    ).figures;
    expect([f.incomeTotal, f.basicExpenditure, f.projectExpenditure, f.threePublic.total]).toEqual([
      2441, 2014, 427, 98,
    ]);
  });
});

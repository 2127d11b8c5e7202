// Damaged PDFs (mutants of a corpus PDF whose flate streams no longer decode) are read errors: parse and check exit
// 2 naming the file and the cause, import names the file, and no mutant escapes as an internal error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/read/errors.js';
import { readPdf } from '../../src/read/pdf.js';
import { hotSpots, mutate, rng } from '../../scripts/fuzz/mutate.js';
import { corpusDir, repoRoot } from '../support/paths.js';

const bin = path.resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 120_000 });
const original = new Uint8Array(readFileSync(path.join(corpusDir, '039.pdf')));
const hot = hotSpots(original);
/** mutant 4 of 039.pdf: a content stream pdfjs stops in with "Bad encoding in flate stream" */
const damaged = () => mutate(original, rng(4), hot);

describe('damaged PDFs', () => {
  it('24 mutants: each is read or refused with a ReadError, never an internal error', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 24; i++) {
      try {
        await readPdf(mutate(original, rng(i), hot), `m${i}.pdf`, { ocr: false });
        outcomes.push('read');
      } catch (err) {
        expect(err, `mutant ${i}: ${String(err)}`).toBeInstanceOf(ReadError);
        outcomes.push((err as ReadError).reason);
      }
    }
    expect(outcomes.some((o) => /flate/.test(o))).toBe(true);
  }, 300_000);

  it('parse, check and import: exit 2, the file and the cause named, no stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-damaged-'));
    const file = path.join(dir, '损坏的公开文件.pdf');
    writeFileSync(file, damaged());
    for (const command of ['parse', 'check']) {
      const r = run(command, file);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(/Bad encoding in flate stream/);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    const r = run('import', file, '--data', path.join(dir, 'data'));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/失败：.*损坏的公开文件\.pdf/);
  }, 300_000);
});

// Damaged PDFs (mutants of a corpus PDF whose flate streams no longer decode) are read errors: parse and check exit
// 2 naming the file and the cause, import names the file, and no mutant escapes as an internal error; a mutant on
// which pdfjs spins inside one page is stopped at the page limit with the same kind of error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/read/errors.js';
import { readPdf } from '../../src/read/pdf.js';
import { hotSpots, mutate, mutateInput, rng } from '../../scripts/fuzz/mutate.js';
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

  it('a page pdfjs spins on (a repeated run inside an embedded font) is stopped at the page limit: exit 2', () => {
    // fuzz mutant 28713 of seed 1: 3,455 bytes repeated inside the deflated data of 008.pdf's embedded CJK font;
    // pdfjs spent more than 15 minutes on its page 2 (page 1 reads in a second)
    const corpus008 = new Uint8Array(readFileSync(path.join(corpusDir, '008.pdf')));
    const bytes = mutateInput(
      { format: 'corpus-pdf', bytes: corpus008 },
      rng(1 * 1_000_003 + 28713),
      hotSpots(corpus008),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-spin-'));
    const file = path.join(dir, '字体损坏.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync(process.execPath, [bin, 'check', file], {
      encoding: 'utf8',
      cwd: repoRoot,
      // a limit of 2 s of CPU per page keeps the test short; the default is 10 s
      env: { ...process.env, BUDGETDOC_PDF_PAGE_SECONDS: '2' },
      timeout: 240_000,
    });
    expect(r.status, `${r.error ?? ''} ${r.stderr}`).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/PDF 读取超时：第 2 页（共 25 页）超过 2 秒/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 300_000);
});

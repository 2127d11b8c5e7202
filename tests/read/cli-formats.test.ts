// budgetdoc parse and check on PDF, DOCX and HTML inputs (the compiled CLI, as users run it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { buildZip, encryptedPdf } from './make-files.js';
import { corpusPath } from './support.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-cli-formats-'));

describe('budgetdoc on PDFs and other formats', () => {
  it('parse reads a corpus PDF into the model with page provenance', () => {
    const r = run('parse', corpusPath('021.pdf'), '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const d = Array.isArray(doc) ? doc[0] : doc;
    expect(d.source.format).toBe('pdf');
    expect(d.year).toBe(2026);
    expect(d.tablesPresent).toContain('income-expenditure-summary');
    const summary = d.tables.find((t: { id: string }) => t.id === 'income-expenditure-summary');
    expect(summary.at.page).toBe(9);
  });

  it('check audits a corpus PDF (exit 0 or 1 by findings, never 2)', () => {
    const r = run('check', corpusPath('033.pdf'), '--format', 'json');
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('an encrypted PDF and a zip bomb named .docx: one line each, exit 2', () => {
    const locked = join(dir, 'locked.pdf');
    writeFileSync(locked, encryptedPdf());
    const bomb = join(dir, 'bomb.docx');
    writeFileSync(bomb, buildZip([{ name: 'word/document.xml', data: Buffer.alloc(120 * 1024 * 1024, 0x20) }]));
    for (const [file, reason] of [
      [locked, /加密|encrypted/],
      [bomb, /解压后过大|too large/],
    ] as const) {
      const r = run('parse', file);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(reason);
    }
  });
});

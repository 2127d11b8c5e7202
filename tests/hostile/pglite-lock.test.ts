// One writer per PGlite data directory: while a process has it open, a second process (an `import` beside a
// `serve`) is refused with a clear message and exit 2; a lock left by a killed process is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreLockedError } from '../../src/store/database.js';
import { repoRoot, seedPath } from '../support/paths.js';

const bin = path.resolve(repoRoot, 'bin/budgetdoc.js');

describe('PGlite single-writer lock', () => {
  it('a second process on an open data directory gets a clear message and exit 2', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'budgetdoc-lock-'));
    const store = await openStore({ data });
    try {
      const r = spawnSync(process.execPath, [bin, 'import', seedPath('000'), '--data', data], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`进程 ${process.pid}`);
      expect(r.stderr).toMatch(/只允许一个进程/);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      // nothing was written by the refused process
      const count = await store.db
        .selectFrom('documents')
        .select(store.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      // in the same process, too
      await expect(openStore({ data })).rejects.toBeInstanceOf(StoreLockedError);
    } finally {
      await store.close();
    }
    expect(existsSync(path.join(data, 'budgetdoc.lock'))).toBe(false);
    // released on close: the next process opens it
    const after = spawnSync(process.execPath, [bin, 'import', seedPath('000'), '--data', data], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(after.status, after.stderr).toBe(0);
  }, 240_000);

  it('a lock left by a process that no longer runs is taken over', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'budgetdoc-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { hostname } = await import('node:os');
    writeFileSync(
      path.join(data, 'budgetdoc.lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00Z' }),
    );
    const store = await openStore({ data });
    expect(JSON.parse(readFileSync(path.join(data, 'budgetdoc.lock'), 'utf8')).pid).toBe(process.pid);
    await store.close();
  }, 120_000);
});

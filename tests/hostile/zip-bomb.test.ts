// A zip that lies about its sizes (a .docx/.xlsx declaring 1 MB that inflates to 2 GB) is stopped at the real byte
// cap while inflating, in a child process whose peak memory above its baseline stays under 300 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';
import { lyingZip, zeroBomb } from './support.js';

const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-zipbomb-'));
const bomb = zeroBomb(2048);
const types = Buffer.from(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

function readInChild(file: string): { outcome: string; extraMb: number; seconds: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests/hostile/zip-bomb-child.ts'), file],
    { encoding: 'utf8', cwd: repoRoot, timeout: 240_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('lying zips', () => {
  it.each([
    ['docx', 'word/document.xml'],
    ['xlsx', 'xl/worksheets/sheet1.xml'],
  ])(
    'a .%s declaring 1 MB that inflates to 2 GB is refused under 300 MB',
    (ext, entry) => {
      const file = path.join(dir, `bomb.${ext}`);
      writeFileSync(
        file,
        lyingZip(
          [
            { name: '[Content_Types].xml', data: types, deflated: false },
            { name: entry, data: bomb, deflated: true },
          ],
          1024 * 1024,
        ),
      );
      const r = readInChild(file);
      expect(r.outcome).toMatch(/^ReadError: .*解压后过大/);
      expect(r.extraMb).toBeLessThan(300);
    },
    300_000,
  );
});

// Vitest global setup: compiles the CLI (tsc → dist/) once before any test file runs, so the tests that spawn
// `bin/budgetdoc.js` run today's code and never read dist/ while another file rewrites it. Skipped when dist/ is
// newer than every source file, so running one test file stays quick.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(path.join(repoRoot, 'dist/.built')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const started = new Date();
  const sources = Math.max(
    newestSource(path.join(repoRoot, 'src')),
    statSync(path.join(repoRoot, 'tsconfig.build.json')).mtimeMs,
  );
  if (builtAt() > sources) return;
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  // stamped with the start time: a source saved during the build is newer than the stamp and rebuilds next time
  const stamp = path.join(repoRoot, 'dist/.built');
  writeFileSync(stamp, started.toISOString());
  utimesSync(stamp, started, started);
}

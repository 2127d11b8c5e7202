// Vitest global setup: a throwaway PostgreSQL 15 cluster (Debian's binaries) on a free loopback port for the
// portal's server tests; torn down after the run. Tests read its URL with inject('postgresUrl').
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the throwaway cluster, or '' when it could not start */
    postgresUrl: string;
    /** why there is no cluster (shown by the tests that need one) */
    postgresError: string;
  }
}

const BIN = process.env.BUDGETDOC_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary; root cannot run postgres, so as root it runs as the postgres user. */
function run(binary: string, args: string[]): void {
  const exe = path.join(BIN, binary);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', exe, ...args], { encoding: 'utf8' })
    : spawnSync(exe, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${binary} failed: ${(result.stderr || result.stdout || String(result.error)).trim()}`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(path.join(BIN, 'pg_ctl'))) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `PostgreSQL 15 binaries not found in ${BIN}: install Debian's postgresql package (listed in .ci/apt-packages.txt)`,
    );
    return () => {};
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-pg-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-U', 'budgetdoc', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    project.provide('postgresUrl', '');
    project.provide(
      'postgresError',
      `could not start PostgreSQL 15: ${err instanceof Error ? err.message : String(err)}`,
    );
    return () => {};
  }
  project.provide('postgresUrl', `postgres://budgetdoc@127.0.0.1:${port}/postgres`);
  project.provide('postgresError', '');
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

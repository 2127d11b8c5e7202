// `budgetdoc import` end to end through the CLI's main(): summary, failures reported while others go on,
// idempotent re-import, on a PGlite data directory and on the PostgreSQL server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { loadDemo } from '../../src/cli/commands/serve.js';
import { main } from '../../src/cli/main.js';
import { countDocuments } from '../../src/store/queries.js';
import { repoRoot, seedsDir } from './support/corpus.js';
import { openTestStore, postgresUrl } from './support/stores.js';

async function withDatabase<T>(name: string, body: (url: string) => Promise<T>): Promise<T> {
  const base = postgresUrl();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  try {
    return await body(base.replace(/\/[^/]*$/, `/${name}`));
  } finally {
    const dropper = new pg.Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    const code = await main(['node', 'budgetdoc', ...args]);
    return { code, stderr };
  } finally {
    spy.mockRestore();
    process.exitCode = before;
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'budgetdoc-cli-'));
const broken = path.join(work, 'broken.json');
writeFileSync(broken, '{"schemaVersion": 1, "kind": "budget"');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('budgetdoc import', () => {
  it('imports a folder into a PGlite data directory, reports a broken file and goes on', async () => {
    const data = path.join(work, 'data');
    const first = await run(['import', seedsDir, broken, '--data', data]);
    expect(first.stderr).toContain(`失败：${broken} 不是有效的 JSON`);
    expect(first.stderr).toMatch(/共 5 个文件，新增 4，存为历史版本 0，未变 0，失败 1/);
    // stderr is not a terminal here: no progress bar redraws
    expect(first.stderr).not.toContain('\r');
    expect(first.code).toBe(2);
    const second = await run(['import', seedsDir, '--data', data]);
    expect(second.stderr).toMatch(/共 4 个文件，新增 0，存为历史版本 0，未变 4，失败 0/);
    expect(second.code).toBe(0);
  });

  it('imports into a PostgreSQL server by URL', async () => {
    const base = postgresUrl();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query('create database cli_import');
    await admin.end();
    try {
      const url = base.replace(/\/[^/]*$/, '/cli_import');
      const result = await run(['import', seedsDir, '--database', url]);
      expect(result.stderr).toMatch(/共 4 个文件，新增 4/);
      expect(result.code).toBe(0);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = await client.query("select unit_name from documents where status = 'current' order by unit_name");
      await client.end();
      expect(rows.rows.map((r) => r.unit_name)).toEqual([
        '乌尔禾区人民政府办公室',
        '克孜勒苏柯尔克孜自治州人民政府办公室',
        '新疆巴州人民政府办公室',
        '新疆昌吉州政务服务和公共资源交易管理局',
      ]);
    } finally {
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query('drop database if exists cli_import with (force)');
      await dropper.end();
    }
  });

  it('says clearly when there is nothing to import', async () => {
    const result = await run(['import', path.join(work, 'no-such-folder'), '--data', path.join(work, 'data2')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到：');
    expect(result.stderr).toContain('没有可导入的文件');
  });

  it('imports with worker threads from the compiled command (as installed)', async () => {
    await withDatabase('cli_workers', async (url) => {
      const result = spawnSync(
        process.execPath,
        [path.join(repoRoot, 'bin/budgetdoc.js'), 'import', seedsDir, broken, '--database', url],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toMatch(/共 5 个文件，新增 4，存为历史版本 0，未变 0，失败 1/);
      expect(result.status).toBe(2);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const facts = await client.query('select count(*)::int as n from facts');
      await client.end();
      expect(facts.rows[0].n).toBeGreaterThan(100);
    });
  });
});

describe('budgetdoc serve --demo', () => {
  it('fills an empty store with the seeds and generated samples, once', async () => {
    const store = await openTestStore('postgres');
    try {
      const lines: string[] = [];
      await loadDemo(store, seedsDir, 3, (l) => lines.push(l));
      expect(await countDocuments(store)).toBe(7);
      expect(lines.join('\n')).toContain('新增 4');
      await loadDemo(store, seedsDir, 3, (l) => lines.push(l));
      expect(await countDocuments(store)).toBe(7);
      expect(lines.at(-1)).toContain('跳过');
    } finally {
      await store.close();
    }
  });
});

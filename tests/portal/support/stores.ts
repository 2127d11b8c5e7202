// Opens a fresh, empty store on either engine for a test file: PGlite in memory, or a new database on the
// throwaway PostgreSQL 15 cluster started by tests/support/postgres.ts (dropped again on close).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../../src/store/database.js';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['pglite', 'postgres'];

/** URL of the cluster; throws the reason when there is none, so that the server tests fail, never skip. */
export function postgresUrl(): string {
  const url = inject('postgresUrl');
  if (!url) throw new Error(inject('postgresError') || 'no PostgreSQL cluster was started (tests/support/postgres.ts)');
  return url;
}

export async function openTestStore(engine: Engine): Promise<Store> {
  if (engine === 'pglite') return openStore({ data: 'memory:' });
  const base = postgresUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const store = await openStore({ database: base.replace(/\/[^/]*$/, `/${name}`), poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

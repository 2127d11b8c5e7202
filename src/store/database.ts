// Opens the store: embedded PGlite in a data directory by default, or a PostgreSQL server by URL — one Kysely API.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { searchTerms, SEARCH_TERMS_VERSION, tsvectorLiteral } from './rows.js';
import { DDL, type Database } from './schema.js';

export interface StoreOptions {
  /** data directory for embedded PGlite; 'memory:' keeps everything in memory (tests) */
  data?: string;
  /** postgres://… URL of a PostgreSQL server; takes precedence over `data` */
  database?: string;
  /** pool size for the server (default 10) */
  poolSize?: number;
}

export interface Store {
  db: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  /** where the data lives, for messages (data directory or URL without password) */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.data';

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.database ? openServer(options.database, options.poolSize ?? 10) : await openEmbedded(options.data ?? DEFAULT_DATA_DIR);
  try {
    await migrate(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function openEmbedded(data: string): Promise<Store> {
  let pglite: PGlite;
  if (data === 'memory:') {
    pglite = await PGlite.create();
  } else {
    const dir = path.resolve(data, 'pglite');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', location: data, close: () => db.destroy() };
}

function openServer(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle client that loses its server must not crash the process
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), close: () => db.destroy() };
}

async function migrate(db: Kysely<Database>): Promise<void> {
  // a transaction-scoped advisory lock keeps two processes from creating the schema at once on a server
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(724501)`.execute(tx);
    for (const statement of DDL) await sql.raw(statement).execute(tx);
    await reindexSearchTerms(tx);
  });
}

/** Recomputes every document's search terms when the store was written with another way of cutting them. */
async function reindexSearchTerms(tx: Kysely<Database>): Promise<void> {
  const stored = await sql<{ value: string }>`select value from store_meta where key = 'search_terms'`.execute(tx);
  if (stored.rows[0]?.value === SEARCH_TERMS_VERSION) return;
  const any = await sql`select 1 from documents limit 1`.execute(tx);
  if (any.rows.length > 0) {
    // a new column: statistics gathered on the old terms would mislead the planner (the column keeps none), and
    // the DDL then recreates its index and settings
    await sql`alter table documents drop column search_terms`.execute(tx);
    await sql`alter table documents add column search_terms tsvector not null default ''`.execute(tx);
    await sql`alter table documents alter column search_terms drop default`.execute(tx);
    for (const statement of DDL) await sql.raw(statement).execute(tx);
  }
  let after = 0;
  for (;;) {
    const batch = await sql<{ id: number; search_text: string }>`
      select id, search_text from documents where id > ${after} order by id limit 200`.execute(tx);
    if (batch.rows.length === 0) break;
    for (const row of batch.rows) {
      await sql`update documents set search_terms = ${tsvectorLiteral(searchTerms(row.search_text))}::tsvector where id = ${row.id}`.execute(tx);
    }
    after = batch.rows[batch.rows.length - 1].id;
  }
  await sql`insert into store_meta (key, value) values ('search_terms', ${SEARCH_TERMS_VERSION})
    on conflict (key) do update set value = excluded.value`.execute(tx);
}

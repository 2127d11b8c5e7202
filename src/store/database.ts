// Opens the store: embedded PGlite in a data directory by default, or a PostgreSQL server by URL — one Kysely API.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { searchTerms, SEARCH_TERMS_VERSION, tsvectorLiteral } from './rows.js';
import { foldedSearchText, SEARCH_TEXT_VERSION } from './search-text.js';
import {
  CLASS_SUMS_DOCUMENT_COLUMNS,
  CLASS_SUMS_GROUP,
  CLASS_SUMS_SELECT,
  CLASS_SUMS_VERSION,
  CLASS_SUMS_WHERE,
  DDL,
  factsPartition,
  factsPartitionDDL,
  type Database,
} from './schema.js';

export interface StoreOptions {
  /** data directory for embedded PGlite; 'memory:' keeps everything in memory (tests) */
  data?: string;
  /** postgres://… URL of a PostgreSQL server; takes precedence over `data` */
  database?: string;
  /** pool size for the server (default 10) */
  poolSize?: number;
  /** URL of a module exporting `renderStoredBody` (a BodyRenderer, documents.ts): each document stored through
   *  this store gets its page body rendered at import (the portal passes src/web/stored-body) */
  bodies?: string;
}

export interface Store {
  db: Kysely<Database>;
  /** a server's connections for text searches, sequential scans off for their whole session (see searchQuery in
   *  queries.ts): a search is then one statement, not a transaction of four */
  searchDb?: Kysely<Database>;
  engine: 'pglite' | 'postgres';
  /** where the data lives, for messages (data directory or URL without password) */
  location: string;
  /** see StoreOptions.bodies */
  bodies?: string;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = '.data';

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.database
    ? openServer(options.database, options.poolSize ?? 10)
    : await openEmbedded(options.data ?? DEFAULT_DATA_DIR);
  try {
    await migrate(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  if (options.bodies) store.bodies = options.bodies;
  return store;
}

/** A PGlite data directory another live process has open: two writers on one directory corrupt it silently. */
export class StoreLockedError extends Error {
  constructor(
    readonly data: string,
    readonly holder: { pid: number; host: string; since: string },
  ) {
    super(
      `数据目录 ${data} 正被另一个进程使用（进程 ${holder.pid}，${holder.host}，自 ${holder.since}）：嵌入式数据库只允许一个进程打开。` +
        `请先停止该进程（例如正在运行的 budgetdoc serve），或通过它的门户上传；多个进程同时写入请改用 PostgreSQL（--database）`,
    );
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-writer lock of a data directory: a file created exclusively (O_EXCL) holding the owner's pid and
 * host; a lock left by a process that no longer runs (killed with -9) is taken over. Returns its release.
 */
function lockDataDir(data: string, dir: string): () => void {
  const file = path.join(dir, 'budgetdoc.lock');
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, me, { flag: 'wx' });
      const release = () => {
        try {
          if (readFileSync(file, 'utf8') === me) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: { pid: number; host: string; since: string } | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
    } catch {
      // half-written or unreadable: judged stale below
    }
    // a lock from another machine (a shared disk) cannot be checked: it is respected
    if (holder && (holder.host !== hostname() || alive(holder.pid))) throw new StoreLockedError(data, holder);
    try {
      unlinkSync(file);
    } catch {
      // another process took it over first: try again
    }
  }
  throw new StoreLockedError(data, { pid: 0, host: hostname(), since: '?' });
}

async function openEmbedded(data: string): Promise<Store> {
  let pglite: PGlite;
  let release = () => {};
  if (data === 'memory:') {
    pglite = await PGlite.create();
  } else {
    const dir = path.resolve(data, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = lockDataDir(data, path.resolve(data));
    try {
      pglite = await PGlite.create(dir);
    } catch (err) {
      release();
      throw err;
    }
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    location: data,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  };
}

function openServer(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const searchPool = new pg.Pool({
    connectionString: url,
    max: Math.max(2, Math.ceil(poolSize / 2)),
    options: '-c enable_seqscan=off',
  });
  // an idle client that loses its server must not crash the process
  pool.on('error', () => {});
  searchPool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const searchDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: searchPool }) });
  return {
    db,
    searchDb,
    engine: 'postgres',
    location: url.replace(/:[^:@/]*@/, ':***@'),
    close: async () => {
      await Promise.all([db.destroy(), searchDb.destroy()]);
    },
  };
}

async function migrate(db: Kysely<Database>): Promise<void> {
  // a transaction-scoped advisory lock keeps two processes from creating the schema at once on a server
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(724501)`.execute(tx);
    await compressModels(tx);
    const legacyFacts = await setAsideUnpartitionedFacts(tx);
    for (const statement of DDL) await sql.raw(statement).execute(tx);
    // a converted store: partitions for the years stored, then the rows (new years get theirs when first written)
    if (legacyFacts) {
      const years = await sql<{ year: number }>`select distinct year from documents order by year`.execute(tx);
      for (const { year } of years.rows) await sql.raw(factsPartitionDDL(year)).execute(tx);
      await copyLegacyFacts(tx);
    }
    await reindexSearchTerms(tx);
    await refoldSearchText(tx);
    await sumFactClasses(tx);
  });
}

const LEGACY_FACTS = 'facts_unpartitioned';
const FACT_VALUE_COLUMNS =
  'document_id, table_id, row_no, row_label, row_code, code_system, row_level, row_kind, is_leaf, column_key, money_unit, amount, amount_wan';

/** Stores written before facts were partitioned by year keep them in a plain table: it is renamed (its index
 *  names freed) so that the DDL creates the partitioned one; copyLegacyFacts moves the rows. */
async function setAsideUnpartitionedFacts(tx: Kysely<Database>): Promise<boolean> {
  const kind = await sql<{
    relkind: string;
  }>`select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = 'facts'`.execute(tx);
  if (kind.rows[0]?.relkind !== 'r') return false;
  await sql`drop index if exists facts_document, facts_leaves`.execute(tx);
  await sql.raw(`alter table facts rename to ${LEGACY_FACTS}`).execute(tx);
  return true;
}

/** Moves the facts of an unpartitioned store into the year partitions, in one statement, and drops the old table. */
async function copyLegacyFacts(tx: Kysely<Database>): Promise<void> {
  const columns = FACT_VALUE_COLUMNS.split(', ');
  await sql
    .raw(
      `insert into facts (year, ${FACT_VALUE_COLUMNS})
    select d.year, ${columns.map((c) => `f.${c}`).join(', ')} from ${LEGACY_FACTS} f join documents d on d.id = f.document_id`,
    )
    .execute(tx);
  await sql.raw(`drop table ${LEGACY_FACTS}`).execute(tx);
}

/** Partitions known to exist, per store: a document of a known year costs no catalogue look-up. */
const knownPartitions = new WeakMap<Kysely<Database>, Set<number>>();

/**
 * Makes sure the facts partition of a year exists before a document of that year is written. Creating one locks
 * the partitioned table briefly, so it runs in its own short transaction, serialised across processes, and only
 * when the catalogue does not list it yet.
 */
export async function ensureFactsPartition(db: Kysely<Database>, year: number): Promise<void> {
  let known = knownPartitions.get(db);
  if (!known) knownPartitions.set(db, (known = new Set()));
  if (known.has(year)) return;
  const name = factsPartition(year);
  const exists = async (q: Kysely<Database>) =>
    (await sql<{ r: string | null }>`select to_regclass(${name})::text as r`.execute(q)).rows[0]?.r != null;
  if (!(await exists(db))) {
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(724502)`.execute(tx);
      if (await exists(tx)) return;
      // the locks the new partition needs (its foreign key: documents; attaching: facts), taken in the order every
      // writer takes them (a document first, then its facts): otherwise a writer holding documents and waiting
      // for facts deadlocks with this
      await sql`lock table documents in share row exclusive mode`.execute(tx);
      await sql`lock table facts in access exclusive mode`.execute(tx);
      await sql.raw(factsPartitionDDL(year)).execute(tx);
    });
  }
  known.add(year);
}

/** Stores written before models were compressed keep them in a json column `model`: compress them into `model_gz`. */
async function compressModels(tx: Kysely<Database>): Promise<void> {
  const old = await sql`select 1 from information_schema.columns
    where table_schema = current_schema() and table_name = 'documents' and column_name = 'model'`.execute(tx);
  if (old.rows.length === 0) return;
  await sql`alter table documents add column if not exists model_gz bytea`.execute(tx);
  for (;;) {
    const batch = await sql<{ id: number; model: string }>`
      select id, model::text as model from documents where model_gz is null order by id limit 200`.execute(tx);
    if (batch.rows.length === 0) break;
    for (const r of batch.rows)
      await sql`update documents set model_gz = ${gzipSync(r.model, { level: 1 })} where id = ${r.id}`.execute(tx);
  }
  await sql`alter table documents drop column model`.execute(tx);
  await sql`alter table documents alter column model_gz set not null`.execute(tx);
}

/** Recomputes every document's search terms when the store was written with another way of cutting them. */
async function reindexSearchTerms(tx: Kysely<Database>): Promise<void> {
  const stored = await sql<{ value: string }>`select value from store_meta where key = 'search_terms'`.execute(tx);
  if (stored.rows[0]?.value === SEARCH_TERMS_VERSION) return;
  // a new table: statistics gathered on other terms would mislead the planner (the column keeps none)
  await sql`drop table if exists document_search`.execute(tx);
  for (const statement of DDL) await sql.raw(statement).execute(tx);
  let after = 0;
  for (;;) {
    const batch = await sql<{
      id: number;
      status: string;
      unit_name: string;
      region: string;
      year: number;
      kind: string;
      scope: string;
      search_text: string;
    }>`
      select id, status, unit_name, region, year, kind, scope, search_text from documents where id > ${after} order by id limit 200`.execute(
      tx,
    );
    if (batch.rows.length === 0) break;
    for (const r of batch.rows) {
      await sql`insert into document_search (id, status, unit_name, region, year, kind, scope, search_terms)
        values (${r.id}, ${r.status}, ${r.unit_name}, ${r.region}, ${r.year}, ${r.kind}, ${r.scope}, ${tsvectorLiteral(searchTerms(r.search_text))}::tsvector)`.execute(
        tx,
      );
    }
    after = batch.rows[batch.rows.length - 1].id;
  }
  await sql`insert into store_meta (key, value) values ('search_terms', ${SEARCH_TERMS_VERSION})
    on conflict (key) do update set value = excluded.value`.execute(tx);
}

/** Rewrites every document's confirmation text (document_text) when the store was written with another folding, or
 *  before the table existed. */
async function refoldSearchText(tx: Kysely<Database>): Promise<void> {
  const stored = await sql<{ value: string }>`select value from store_meta where key = 'search_text'`.execute(tx);
  if (stored.rows[0]?.value === SEARCH_TEXT_VERSION) return;
  await sql`delete from document_text`.execute(tx);
  let after = 0;
  for (;;) {
    const batch = await sql<{ id: number; search_text: string }>`
      select id, search_text from documents where id > ${after} order by id limit 200`.execute(tx);
    if (batch.rows.length === 0) break;
    await tx
      .insertInto('document_text')
      .values(batch.rows.map((r) => ({ id: r.id, folded: foldedSearchText(r.search_text) })))
      .execute();
    after = batch.rows[batch.rows.length - 1].id;
  }
  await sql`insert into store_meta (key, value) values ('search_text', ${SEARCH_TEXT_VERSION})
    on conflict (key) do update set value = excluded.value`.execute(tx);
}

/** Fills fact_class_sums from the facts of a store written before the table existed (once: marked in store_meta). */
async function sumFactClasses(tx: Kysely<Database>): Promise<void> {
  const stored = await sql<{ value: string }>`select value from store_meta where key = 'fact_class_sums'`.execute(tx);
  if (stored.rows[0]?.value === CLASS_SUMS_VERSION) return;
  await sql`delete from fact_class_sums`.execute(tx);
  const documentColumns = CLASS_SUMS_DOCUMENT_COLUMNS.join(', ');
  const fromDocument = CLASS_SUMS_DOCUMENT_COLUMNS.map((c) => `d.${c}`).join(', ');
  await sql
    .raw(
      `insert into fact_class_sums (document_id, year, ${documentColumns}, table_id, column_key, class, amount_wan, cells)
    select f.document_id, f.year, ${fromDocument}, ${CLASS_SUMS_SELECT} from facts f join documents d on d.id = f.document_id
    where ${CLASS_SUMS_WHERE} group by f.document_id, f.year, ${fromDocument}, ${CLASS_SUMS_GROUP}`,
    )
    .execute(tx);
  await sql`insert into store_meta (key, value) values ('fact_class_sums', ${CLASS_SUMS_VERSION})
    on conflict (key) do update set value = excluded.value`.execute(tx);
}

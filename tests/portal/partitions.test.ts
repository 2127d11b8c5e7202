// Facts partitioned by year on both engines: one partition per year made on first use, a document's facts in its
// year's partition, deletes cascading into them; and a store written before partitioning converted when opened.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { deleteDocument, storeDocument } from '../../src/store/documents.js';
import { aggregateFacts } from '../../src/store/queries.js';
import { makeDisclosure, modelBytes } from './support/fixtures.js';
import { ENGINES, openTestStore } from './support/stores.js';

async function partitions(store: Store): Promise<Array<{ name: string; bound: string }>> {
  const r = await sql<{
    name: string;
    bound: string;
  }>`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
    from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'facts'::regclass order by 1`.execute(
    store.db,
  );
  return r.rows;
}

async function rowsByPartition(store: Store): Promise<Record<string, number>> {
  const r = await sql<{
    p: string;
    n: number;
  }>`select tableoid::regclass::text as p, count(*)::int as n from facts group by 1 order by 1`.execute(store.db);
  return Object.fromEntries(r.rows.map((x) => [x.p, x.n]));
}

const store2022 = makeDisclosure({ unit: '新疆分区县财政局', year: 2022, date: '2022-02-01' });
const store2023 = makeDisclosure({ unit: '新疆分区县财政局', year: 2023, date: '2023-02-01' });

for (const engine of ENGINES) {
  describe(`facts partitioned by year on ${engine}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(engine);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates a partition per year when its first document is stored and keeps each fact in its year', async () => {
      expect(await partitions(store)).toEqual([]);
      const a = await storeDocument(store, {
        model: store2022,
        findings: [],
        source: { file: 'a.json', bytes: modelBytes(store2022) },
      });
      const b = await storeDocument(store, {
        model: store2023,
        findings: [],
        source: { file: 'b.json', bytes: modelBytes(store2023) },
      });
      expect(await partitions(store)).toEqual([
        { name: 'facts_y2022', bound: 'FOR VALUES FROM (2022) TO (2023)' },
        { name: 'facts_y2023', bound: 'FOR VALUES FROM (2023) TO (2024)' },
      ]);
      // makeDisclosure's default table: three function rows with leaves 250.50 + 50.00 + 40.25 (total column) and
      // the b model's own rows; every amount cell is one fact
      const counts = await rowsByPartition(store);
      expect(Object.keys(counts)).toEqual(['facts_y2022', 'facts_y2023']);
      const [sum2022] = await aggregateFacts(store, { year: 2022, column: 'total', status: 'any' });
      expect(sum2022.amount_wan).toBe('340.75');
      const [ofDocument] = await aggregateFacts(store, { document: a.id, column: 'total', status: 'any' });
      expect(ofDocument.amount_wan).toBe('340.75');
      expect(await deleteDocument(store, b.id)).toBe(true);
      expect(await rowsByPartition(store)).toEqual({ facts_y2022: counts.facts_y2022 });
    });
  });
}

describe('a store written before facts were partitioned (postgres)', () => {
  it('is converted when opened: same facts, now in year partitions', async () => {
    const store = await openTestStore('postgres');
    try {
      for (const [doc, file] of [
        [store2022, 'a.json'],
        [store2023, 'b.json'],
      ] as const)
        await storeDocument(store, { model: doc, findings: [], source: { file, bytes: modelBytes(doc) } });
      const before = await sql<{
        n: number;
        total: string;
      }>`select count(*)::int as n, sum(amount)::text as total from facts`.execute(store.db);
      // as an earlier version left it: one plain table without the year, with its two indexes
      await sql`create table facts_plain as select document_id, table_id, row_no, row_label, row_code, code_system, row_level, row_kind,
        is_leaf, column_key, money_unit, amount, amount_wan from facts`.execute(store.db);
      await sql`drop table facts`.execute(store.db);
      await sql`alter table facts_plain rename to facts`.execute(store.db);
      await sql`create index facts_document on facts (document_id)`.execute(store.db);
      await sql`create index facts_leaves on facts (table_id, column_key, code_system, row_code) include (document_id, row_level, amount_wan) where is_leaf`.execute(
        store.db,
      );
      expect(
        (await sql<{ relkind: string }>`select relkind from pg_class where relname = 'facts'`.execute(store.db)).rows[0]
          .relkind,
      ).toBe('r');
      const reopened = await openStore({ database: store.location.replace(':***@', '@'), poolSize: 2 });
      try {
        expect(
          (await sql<{ relkind: string }>`select relkind from pg_class where relname = 'facts'`.execute(reopened.db))
            .rows[0].relkind,
        ).toBe('p');
        expect((await partitions(reopened)).map((p) => p.name)).toEqual(['facts_y2022', 'facts_y2023']);
        const after = await sql<{
          n: number;
          total: string;
        }>`select count(*)::int as n, sum(amount)::text as total from facts`.execute(reopened.db);
        expect(after.rows[0]).toEqual(before.rows[0]);
        const [sum2022] = await aggregateFacts(reopened, { year: 2022, column: 'total', status: 'any' });
        expect(sum2022.amount_wan).toBe('340.75');
        expect(
          (await sql<{ r: string | null }>`select to_regclass('facts_unpartitioned')::text as r`.execute(reopened.db))
            .rows[0].r,
        ).toBeNull();
      } finally {
        await reopened.close();
      }
    } finally {
      await store.close();
    }
  });
});

// The importer's sums by function class (fact_class_sums) answer the aggregates that need no more detail, with
// the same rows as adding up every leaf fact, on both engines; they follow the documents they come from.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { deleteDocument, publishDocument, storeDocument } from '../../src/store/documents.js';
import { aggregateFactsQuery, answeredByClassSums, type FactQuery } from '../../src/store/queries.js';
import { generateSample } from '../../src/write/sample.js';
import { importCorpus, writeModelFiles } from './support/corpus.js';
import { ENGINES, openTestStore } from './support/stores.js';

const ANSWERED: FactQuery[] = [
  // the portal benchmark's aggregate
  {
    groupBy: ['year', 'class'],
    system: 'function',
    column: 'total',
    table: 'general-budget-expenditure',
    region: '示例市',
  },
  { groupBy: ['region', 'kind', 'class'], system: 'function', column: 'total' },
  { groupBy: ['unit', 'table', 'column'], system: 'function', codePrefix: '20' },
  { groupBy: ['class'], system: 'function', codePrefix: '208', status: 'any' },
  { groupBy: ['document', 'system'], system: 'function', year: 2024 },
  { system: 'function' },
];

const DETAILED: FactQuery[] = [
  // more detail than a class, other code systems, subtotals: every leaf fact is read
  { groupBy: ['code'], system: 'function' },
  { groupBy: ['class'], system: 'function', codePrefix: '20101' },
  { groupBy: ['class'], system: 'function', level: 'section' },
  { groupBy: ['class'], column: 'total' },
  { groupBy: ['class'], system: 'function', rows: 'subtotal' },
];

describe.each(ENGINES)('class sums on %s', (engine) => {
  let store: Store;
  let cleanup = () => {};

  beforeAll(async () => {
    store = await openTestStore(engine);
    const files = writeModelFiles();
    cleanup = files.cleanup;
    const summary = await importCorpus(store, files.dir);
    expect(summary.results.filter((r) => r.outcome === 'failed')).toEqual([]);
  });

  afterAll(async () => {
    await store?.close();
    cleanup();
  });

  const rows = async (query: FactQuery, detail: boolean) =>
    (await aggregateFactsQuery(query, { detail }).execute(store.db)).rows;

  it('gives the same rows as every leaf fact added up', async () => {
    for (const query of ANSWERED) {
      expect(answeredByClassSums(query), JSON.stringify(query)).toBe(true);
      const detail = await rows(query, true);
      expect(detail.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(await rows(query, false), JSON.stringify(query)).toEqual(detail);
    }
    for (const query of DETAILED) expect(answeredByClassSums(query), JSON.stringify(query)).toBe(false);
  });

  it('reads the sums, not the facts, where they answer', async () => {
    const explain = async (query: FactQuery) =>
      (await sql<{ 'QUERY PLAN': string }>`explain ${aggregateFactsQuery(query)}`.execute(store.db)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    const answered = await explain(ANSWERED[0]);
    expect(answered).toMatch(/fact_class_sums/);
    expect(answered).not.toMatch(/facts_y\d+/);
    // status and region are the sums' own: the portal's aggregate joins no document row
    expect(answered).not.toMatch(/on documents|Scan.* documents /);
    expect(await explain(DETAILED[0])).toMatch(/facts_y\d+/);
  });

  it('loses the sums of a deleted document with it', async () => {
    const [one] = (
      await sql<{
        document_id: number;
        n: number;
      }>`select document_id, count(*)::int as n from fact_class_sums group by document_id order by document_id limit 1`.execute(
        store.db,
      )
    ).rows;
    expect(one.n).toBeGreaterThan(0);
    expect(await deleteDocument(store, one.document_id)).toBe(true);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from fact_class_sums where document_id = ${one.document_id}`.execute(store.db);
    expect(left.rows[0].n).toBe(0);
    for (const query of ANSWERED.slice(0, 2)) expect(await rows(query, false)).toEqual(await rows(query, true));
  });

  it('follows a document whose status changes (a draft published, then deleted)', async () => {
    const model = generateSample({ kind: 'budget', seed: 'class-sums-status', index: 0 });
    const bytes = new TextEncoder().encode(JSON.stringify(model));
    const query: FactQuery = { groupBy: ['region', 'kind', 'class'], system: 'function', column: 'total' };
    const before = await rows(query, true);
    const draft = await storeDocument(
      store,
      { model, findings: [], source: { file: 'status.json', bytes } },
      { draft: true },
    );
    expect(draft.outcome).toBe('draft');
    // a draft is not current: the sums leave it out as the documents do
    expect(await rows(query, false)).toEqual(before);
    expect((await publishDocument(store, draft.id))?.outcome).toBe('imported');
    const published = await rows(query, true);
    expect(published).not.toEqual(before);
    expect(await rows(query, false)).toEqual(published);
    expect(await rows({ ...query, status: 'draft' }, false)).toEqual([]);
    expect(await deleteDocument(store, draft.id)).toBe(true);
    expect(await rows(query, false)).toEqual(before);
  });
});

// The store on both engines: idempotent import, supersede with history, leaf-only sums, search, rankings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDocument, publishDocument, storeDocument } from '../../src/store/documents.js';
import {
  aggregateFacts,
  auditSummary,
  getDocument,
  rankings,
  searchDocuments,
  unitDocuments,
} from '../../src/store/queries.js';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/store/database.js';
import type { Finding } from '../../src/store/finding.js';
import { makeDisclosure, modelBytes } from './support/fixtures.js';
import { ENGINES, openTestStore } from './support/stores.js';

const finding: Finding = {
  rule: 'table.sum',
  severity: 'error',
  message: '合计不等于各项之和',
  location: { table: 'general-budget-expenditure', row: '合计', line: 5 },
};

for (const engine of ENGINES) {
  describe(`store on ${engine}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(engine);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores a document once per content and keeps facts as exact numerics', async () => {
      const doc = makeDisclosure({ unit: '新疆测试县财政局', year: 2022, staffActual: 20, staffAuthorized: 25 });
      const bytes = modelBytes(doc);
      const first = await storeDocument(store, { model: doc, findings: [finding], source: { file: 'a.json', bytes } });
      expect(first.outcome).toBe('imported');
      const again = await storeDocument(store, {
        model: doc,
        findings: [finding],
        source: { file: 'a-copy.json', bytes },
      });
      expect(again).toEqual({ id: first.id, outcome: 'unchanged' });
      const record = await getDocument(store, first.id);
      expect(record?.region).toBe('新疆');
      expect(record?.error_count).toBe(1);
      expect(record?.staff_actual).toBe('20');
      // leaves only: 250.50 + 50.00 + 40.25 in the total column; the 类/款 subtotals and 合计 are not added again
      const [sum] = await aggregateFacts(store, { document: first.id, column: 'total' });
      expect(sum.amount_wan).toBe('340.75');
      expect(sum.cells).toBe(3);
      const byClass = await aggregateFacts(store, { document: first.id, column: 'total', groupBy: ['class'] });
      expect(byClass.map((r) => [r.class, r.amount_wan])).toEqual([
        ['201', '300.50'],
        ['208', '40.25'],
      ]);
    });

    it('supersedes an older version of the same unit, year and kind and keeps it as history', async () => {
      const v1 = makeDisclosure({
        unit: '新疆样例区教育局',
        year: 2023,
        date: '2023-02-01',
        rows: [{ code: '205', label: '教育支出', amounts: ['100.00', '80.00', '20.00'] }],
      });
      const v2 = makeDisclosure({
        unit: '新疆样例区教育局',
        year: 2023,
        date: '2023-03-01',
        rows: [{ code: '205', label: '教育支出', amounts: ['110.00', '80.00', '30.00'] }],
      });
      const a = await storeDocument(store, {
        model: v1,
        findings: [],
        source: { file: 'v1.json', bytes: modelBytes(v1) },
      });
      const b = await storeDocument(store, {
        model: v2,
        findings: [],
        source: { file: 'v2.json', bytes: modelBytes(v2) },
      });
      expect(b).toEqual({ id: b.id, outcome: 'imported', superseded: a.id });
      const versions = await unitDocuments(store, '新疆样例区教育局');
      expect(versions.map((v) => [v.id, v.status])).toEqual([
        [b.id, 'current'],
        [a.id, 'superseded'],
      ]);
      // an older printing arriving later goes straight to history
      const v0 = makeDisclosure({
        unit: '新疆样例区教育局',
        year: 2023,
        date: '2023-01-15',
        rows: [{ code: '205', label: '教育支出', amounts: ['90.00', '80.00', '10.00'] }],
      });
      const c = await storeDocument(store, {
        model: v0,
        findings: [],
        source: { file: 'v0.json', bytes: modelBytes(v0) },
      });
      expect(c.outcome).toBe('history');
      // sums see only the current version
      const [sum] = await aggregateFacts(store, { unit: '样例区教育局', column: 'total' });
      expect(sum.amount_wan).toBe('110.00');
      // deleting the current version brings back its predecessor
      expect(await deleteDocument(store, b.id)).toBe(true);
      const after = await unitDocuments(store, '新疆样例区教育局');
      expect(after.find((v) => v.id === a.id)?.status).toBe('current');
    });

    it('keeps drafts out of public reads until published', async () => {
      const doc = makeDisclosure({ unit: '上海市某街道办事处', year: 2024 });
      const draft = await storeDocument(
        store,
        { model: doc, findings: [], source: { file: 'up.json', bytes: modelBytes(doc) } },
        { draft: true },
      );
      expect(draft.outcome).toBe('draft');
      expect((await searchDocuments(store, { unit: '某街道' })).total).toBe(0);
      expect(await publishDocument(store, draft.id)).toEqual({ id: draft.id, outcome: 'imported' });
      const found = await searchDocuments(store, { unit: '某街道' });
      expect(found.items.map((d) => [d.id, d.region])).toEqual([[draft.id, '上海']]);
    });

    it('finds Chinese phrases without spaces and counts facets', async () => {
      const doc = makeDisclosure({
        unit: '江苏省某市审计局',
        year: 2024,
        paragraphs: ['负责全市审计监督工作，组织实施政府投资项目审计。'],
      });
      await storeDocument(store, { model: doc, findings: [], source: { file: 'js.json', bytes: modelBytes(doc) } });
      const hit = await searchDocuments(store, { q: '投资项目审计' });
      expect(hit.items.map((d) => d.unit_name)).toEqual(['江苏省某市审计局']);
      // every character pair is present but not as this phrase
      expect((await searchDocuments(store, { q: '审计项目投资' })).total).toBe(0);
      // one to six characters: a single index term
      expect((await searchDocuments(store, { q: '投' })).total).toBe(1);
      expect((await searchDocuments(store, { q: '审计监督' })).total).toBe(1);
      expect((await searchDocuments(store, { q: '全市审计' })).total).toBe(1);
      expect((await searchDocuments(store, { q: '审计实施' })).total).toBe(0);
      // longer words: looked up by their six-character pieces, then confirmed in the text
      expect((await searchDocuments(store, { q: '组织实施政府投资项目审计' })).total).toBe(1);
      expect((await searchDocuments(store, { q: '政府投资项目审计监督' })).total).toBe(0);
      expect((await searchDocuments(store, { q: '组织实施 投资项目审计' })).total).toBe(1);
      const all = await searchDocuments(store, {});
      expect(all.total).toBe(4);
      expect(all.facets.region).toEqual([
        { value: '新疆', count: 2 },
        { value: '上海', count: 1 },
        { value: '江苏', count: 1 },
      ]);
      expect(all.facets.kind).toEqual([{ value: 'budget', count: 4 }]);
    });

    if (engine === 'postgres') {
      it('re-indexes search terms and compresses models of a store written by an earlier version when it is opened', async () => {
        const doc = makeDisclosure({
          unit: '浙江省某县档案馆',
          year: 2024,
          paragraphs: ['负责全县档案资料的收集和保管。'],
        });
        await storeDocument(store, { model: doc, findings: [], source: { file: 'zj.json', bytes: modelBytes(doc) } });
        // as a store written by an earlier version: other terms, another version mark, models in a json column
        await sql`update document_search set search_terms = ''::tsvector`.execute(store.db);
        await sql`update store_meta set value = 'character pairs' where key = 'search_terms'`.execute(store.db);
        await sql`alter table documents add column model json`.execute(store.db);
        await sql`update documents set model = ${JSON.stringify(doc)}::json where unit_name = ${doc.unit.name}`.execute(
          store.db,
        );
        await sql`update documents set model = '{"old":true}'::json where unit_name <> ${doc.unit.name}`.execute(
          store.db,
        );
        await sql`alter table documents drop column model_gz`.execute(store.db);
        expect((await searchDocuments(store, { q: '档案资料' })).total).toBe(0);
        const reopened = await openStore({ database: store.location, poolSize: 2 });
        try {
          expect((await searchDocuments(reopened, { q: '档案资料' })).items.map((d) => d.unit_name)).toEqual([
            '浙江省某县档案馆',
          ]);
          expect((await searchDocuments(reopened, { q: '投资项目审计' })).total).toBe(1);
          const [found] = (await searchDocuments(reopened, { q: '档案资料' })).items;
          expect((await getDocument(reopened, found.id))?.model).toEqual(doc);
        } finally {
          await reopened.close();
        }
      });
    }

    it('ranks units by a key figure per head', async () => {
      const a = makeDisclosure({
        unit: '新疆甲县民政局',
        year: 2025,
        staffActual: 10,
        threePublic: { total: 20, overseas: 0, vehiclePurchase: 0, vehicleOperation: 15, reception: 5 },
      });
      const b = makeDisclosure({
        unit: '新疆乙县民政局',
        year: 2025,
        staffActual: 4,
        threePublic: { total: 12, overseas: 0, vehiclePurchase: 0, vehicleOperation: 10, reception: 2 },
      });
      for (const d of [a, b])
        await storeDocument(store, {
          model: d,
          findings: [],
          source: { file: `${d.unit.name}.json`, bytes: modelBytes(d) },
        });
      const ranked = await rankings(store, { figure: 'threePublic.total', per: 'actual', year: 2025 });
      expect(ranked.map((r) => [r.unit_name, r.value, r.per_head, r.rank])).toEqual([
        ['新疆乙县民政局', '12', '3.0000', 1],
        ['新疆甲县民政局', '20', '2.0000', 2],
      ]);
      await expect(rankings(store, { figure: 'nope' })).rejects.toThrow(/unknown figure/);
    });

    it('summarises findings for a region and year', async () => {
      const summary = await auditSummary(store, { region: '新疆', year: 2022 });
      expect(summary.documents).toBe(1);
      expect(summary.withErrors).toBe(1);
      expect(summary.byRule).toEqual([{ rule: 'table.sum', severity: 'error', count: 1, documents: 1 }]);
    });
  });
}

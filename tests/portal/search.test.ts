// Search folds quotation marks, full/half width and case the same way on the index and the query, on both
// engines, and returns a passage of each found document with the matched words marked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { collectFiles, importFiles } from '../../src/store/import-files.js';
import { searchDocuments } from '../../src/store/queries.js';
import { normaliseForSearch, searchSnippet } from '../../src/store/search-text.js';
import { makeDisclosure } from './support/fixtures.js';
import { seedsDir } from './support/corpus.js';
import { ENGINES, openTestStore } from './support/stores.js';

describe('normaliseForSearch and searchSnippet', () => {
  it('folds quotation marks, full-width forms and case', () => {
    expect(normaliseForSearch('“三公”经费')).toBe('三公经费');
    expect(normaliseForSearch('"三公"经费')).toBe('三公经费');
    expect(normaliseForSearch('「三公」经费')).toBe('三公经费');
    expect(normaliseForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(normaliseForSearch('《预算法》')).toBe('预算法');
    // other punctuation stays: it separates words
    expect(normaliseForSearch('审计，监督')).toBe('审计,监督');
  });

  it('cuts the printed text around the first match and marks every match in it', () => {
    const text =
      '第一行无关。\n本单位2024年“三公”经费预算12.00万元，比上年减少1.00万元；“三公”经费下降的原因是厉行节约。\n第三行';
    const parts = searchSnippet(text, '三公经费')!;
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['“三公”经费', '“三公”经费']);
    const shown = parts.map((p) => p.text).join('');
    expect(shown).toContain('本单位2024年“三公”经费预算12.00万元');
    expect(shown).not.toContain('第一行');
    expect(shown).not.toContain('第三行');
    expect(searchSnippet(text, '公务接待费')).toBeUndefined();
  });
});

describe.each(ENGINES)('search on %s', (engine) => {
  let store: Store;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-search-'));
    const docs = {
      curly: makeDisclosure({
        unit: '新疆检索测试甲局',
        year: 2024,
        paragraphs: ['本年“三公”经费支出12.00万元，与上年持平。'],
      }),
      straight: makeDisclosure({ unit: '新疆检索测试乙局', year: 2024, paragraphs: ['"三公"经费预算比上年减少。'] }),
      bare: makeDisclosure({
        unit: '新疆检索测试丙局',
        year: 2024,
        paragraphs: ['三公经费全部用于公务接待，ＯＡ系统运维。'],
      }),
      other: makeDisclosure({ unit: '新疆检索测试丁局', year: 2024, paragraphs: ['本年无公务接待支出。'] }),
    };
    for (const [name, doc] of Object.entries(docs)) writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(doc));
    store = await openTestStore(engine);
    const { files } = await collectFiles([seedsDir, dir]);
    const summary = await importFiles(store, files, defaultAnalysis, { concurrency: 1 });
    expect(summary.results.filter((r) => r.outcome === 'failed')).toEqual([]);
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const units = async (q: string) =>
    (await searchDocuments(store, { q }, { limit: 100 })).items.map((d) => d.unit_name).sort();

  it('finds the same documents for 三公经费, “三公”经费 and "三公"经费', async () => {
    const bare = await units('三公经费');
    // the three hand-made documents and the four seeds (which print “三公”经费)
    expect(bare.filter((u) => u.startsWith('新疆检索测试'))).toEqual([
      '新疆检索测试丙局',
      '新疆检索测试乙局',
      '新疆检索测试甲局',
    ]);
    expect(bare.length).toBe(7);
    expect(await units('“三公”经费')).toEqual(bare);
    expect(await units('"三公"经费')).toEqual(bare);
    expect(await units('＂三公＂经费')).toEqual(bare);
  });

  it('folds long phrases and Latin letters too (the path confirmed against the text)', async () => {
    expect(await units('本年三公经费支出12.00万元')).toEqual(['新疆检索测试甲局']);
    expect(await units('“三公”经费预算比上年减少')).toEqual(['新疆检索测试乙局']);
    expect(await units('oa')).toEqual(['新疆检索测试丙局']);
    expect(await units('ＯＡ系统')).toEqual(['新疆检索测试丙局']);
  });

  it('gives each result a snippet with the matched words marked, as printed', async () => {
    const result = await searchDocuments(store, { q: '三公经费' }, { limit: 100 });
    for (const item of result.items) {
      const marked = item.snippet?.filter((p) => p.match).map((p) => normaliseForSearch(p.text)) ?? [];
      expect(marked.length, item.unit_name).toBeGreaterThan(0);
      expect(new Set(marked)).toEqual(new Set(['三公经费']));
    }
    const curly = result.items.find((d) => d.unit_name === '新疆检索测试甲局')!;
    expect(curly.snippet!.map((p) => p.text).join('')).toContain('本年“三公”经费支出12.00万元');
    // facets still count the whole result
    expect(result.facets.year.find((f) => f.value === '2024')?.count).toBe(3);
  });

  it('searches current documents by default and superseded versions when asked (each status its own index)', async () => {
    // a second version of 丁局's document supersedes the first; only the first says 无公务接待支出
    const again = mkdtempSync(path.join(tmpdir(), 'budgetdoc-search-again-'));
    try {
      const revised = makeDisclosure({
        unit: '新疆检索测试丁局',
        year: 2024,
        paragraphs: ['本年公务接待支出0.50万元。'],
      });
      writeFileSync(path.join(again, 'other-revised.json'), JSON.stringify(revised));
      const { files } = await collectFiles([again]);
      const [result] = (await importFiles(store, files, defaultAnalysis, { concurrency: 1 })).results;
      expect(result.outcome).toBe('imported');
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
    const found = async (q: string, status?: 'current' | 'superseded' | 'any') => {
      const r = await searchDocuments(store, { q, unit: '新疆检索测试丁局', status }, { limit: 100 });
      return { statuses: r.items.map((d) => d.status).sort(), total: r.total };
    };
    expect(await found('无公务接待支出')).toEqual({ statuses: [], total: 0 });
    expect(await found('无公务接待支出', 'superseded')).toEqual({ statuses: ['superseded'], total: 1 });
    expect(await found('无公务接待支出', 'any')).toEqual({ statuses: ['superseded'], total: 1 });
    expect(await found('公务接待')).toEqual({ statuses: ['current'], total: 1 });
    expect(await found('公务接待', 'any')).toEqual({ statuses: ['current', 'superseded'], total: 2 });
    expect(await found('接待', 'superseded')).toEqual({ statuses: ['superseded'], total: 1 });
  });
});

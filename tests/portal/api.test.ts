// The REST API and pages through app.request() (no port), on PGlite and on PostgreSQL 15, with the same answers.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import { deleteDocument, storeDocument } from '../../src/store/documents.js';
import type { Store } from '../../src/store/database.js';
import { createApp } from '../../src/web/app.js';
import { renderDisclosure } from '../../src/write/index.js';
import { generateSample } from '../../src/write/sample.js';
import { importCorpus, seedsDir, writeModelFiles } from './support/corpus.js';
import { makeDisclosure, modelBytes } from './support/fixtures.js';
import { ENGINES, openTestStore } from './support/stores.js';

const TOKEN = 'test-token-0123';

/** Answers of read-only requests per engine, compared at the end. */
const answers: Record<string, Map<string, string>> = {};

const COMPARED = [
  '/api/documents?limit=100',
  '/api/documents?region=' + encodeURIComponent('新疆') + '&year=2022',
  '/api/search?q=' + encodeURIComponent('公务用车运行费48.6万元'),
  '/api/documents/2',
  '/api/documents/2/findings',
  '/api/documents/5/facts?format=csv',
  '/api/figures?kind=budget',
  '/api/facts?groupBy=region,year,kind&column=total',
  '/api/facts?groupBy=class&system=function&column=total&table=general-budget-expenditure',
  '/api/rankings?figure=threePublic.total&per=actual',
  '/api/rankings?figure=expenditureTotal&region=' + encodeURIComponent('新疆'),
  '/api/compare?ids=5,6,2',
  '/api/findings?region=' + encodeURIComponent('新疆') + '&severity=error',
  '/api/audit?region=' + encodeURIComponent('新疆') + '&year=2022',
  '/api/export/facts.csv',
  '/api/export/documents.csv',
];

function normalise(body: string): string {
  return body.replace(/"imported_at":"[^"]*"/g, '"imported_at":"…"');
}

const corpus = writeModelFiles();
afterAll(() => corpus.cleanup());

for (const engine of ENGINES) {
  describe(`portal API on ${engine}`, () => {
    let store: Store;
    let app: ReturnType<typeof createApp>;
    const get = (url: string, init?: RequestInit) => app.request(url, init);
    const json = async (url: string) => {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      return res.json();
    };

    beforeAll(async () => {
      store = await openTestStore(engine);
      app = createApp({ store, token: TOKEN, analysis: defaultAnalysis, uploadLimit: 512 * 1024 });
      const summary = await importCorpus(store, corpus.dir);
      expect(summary.counts.failed, JSON.stringify(summary.results.filter((r) => r.outcome === 'failed'))).toBe(0);
      answers[engine] = new Map();
      for (const url of COMPARED) {
        const res = await get(url);
        answers[engine].set(url, `${res.status} ${normalise(await res.text())}`);
      }
    });
    afterAll(async () => {
      await store?.close();
    });

    it('imports the seeds, the hand-made models and the samples; a second import changes nothing', async () => {
      const list = await json('/api/documents?limit=100');
      expect(list.total).toBe(19);
      expect(
        list.items
          .filter((d: any) => d.region === '新疆')
          .map((d: any) => d.unit_name)
          .sort(),
      ).toEqual(
        [
          '乌尔禾区人民政府办公室',
          '克孜勒苏柯尔克孜自治州人民政府办公室',
          '新疆<script>alert(1)</script>标记局',
          '新疆巴州人民政府办公室',
          '新疆昌吉州政务服务和公共资源交易管理局',
          '新疆测试县财政局',
          '新疆测试县财政局',
        ].sort(),
      );
      const again = await importCorpus(store, corpus.dir);
      expect(again.counts).toEqual({ imported: 0, history: 0, draft: 0, unchanged: 19, failed: 0 });
    });

    it('searches the explanations for a Chinese phrase and by unit name', async () => {
      // 001 explains its 三公 budget with this phrase
      const hit = await json('/api/search?q=' + encodeURIComponent('公务用车运行费48.6万元'));
      expect(hit.items.map((d: any) => d.unit_name)).toEqual(['乌尔禾区人民政府办公室']);
      const byName = await json('/api/documents?unit=' + encodeURIComponent('昌吉州'));
      expect(byName.items.map((d: any) => [d.kind, d.scope, d.year])).toEqual([['final_account', 'department', 2022]]);
    });

    it('sums facts over leaves only, grouped by any dimension', async () => {
      const rows = await json('/api/facts?document=5&column=total&groupBy=class,code');
      expect(rows).toEqual([
        { class: '201', code: '2010301', amount_wan: '250.50', cells: 1, documents: 1 },
        { class: '201', code: '2010350', amount_wan: '50.00', cells: 1, documents: 1 },
        { class: '208', code: '2080505', amount_wan: '40.25', cells: 1, documents: 1 },
      ]);
      // both years of the hand-made unit: 340.75 + 330.55
      const byYear = await json('/api/facts?unit=' + encodeURIComponent('测试县财政局') + '&column=total&groupBy=year');
      expect(byYear).toEqual([
        { year: 2022, amount_wan: '340.75', cells: 3, documents: 1 },
        { year: 2023, amount_wan: '330.55', cells: 1, documents: 1 },
      ]);
      const subtotals = await json('/api/facts?document=5&column=total&level=class');
      expect(subtotals[0].amount_wan).toBe('340.75');
      const bad = await get('/api/facts?groupBy=colour');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe('bad_parameter');
    });

    it('compares documents with exact differences and ratios', async () => {
      // one unit's years, asked newest first, come oldest first: 增减额 = 2023 − 2022, 增减率 = 增减额 ÷ 2022
      const body = await json('/api/compare?ids=6,5');
      expect(body.documents.map((d: any) => d.year)).toEqual([2022, 2023]);
      expect(body.baseline).toBe('previous');
      const total = body.rows.find((r: any) => r.key === 'expenditureTotal');
      expect(total).toEqual({
        key: 'expenditureTotal',
        label: '支出总计',
        unit: 'wan',
        depth: 0,
        values: ['340.75', '330.55'],
        changes: ['-10.20'],
        changeRates: ['-2.99'],
        ratios: ['97.01'],
      });
      const tp = body.rows.find((r: any) => r.key === 'threePublic.total');
      expect(tp.values).toEqual(['12.5', '10']);
      expect(tp.ratios).toEqual(['80.00']);
      expect((await get('/api/compare?ids=5')).status).toBe(400);
      expect((await get('/api/compare?ids=5,99999')).status).toBe(404);
    });

    it('ranks by 三公 per head using 实有人数', async () => {
      const rows = await json(
        '/api/rankings?figure=threePublic.total&per=actual&unit=' + encodeURIComponent('测试县财政局'),
      );
      // 12.5 / 20 = 0.625; 10 / 22 = 0.4545…
      expect(rows.map((r: any) => [r.year, r.per_head, r.rank])).toEqual([
        [2022, '0.6250', 1],
        [2023, '0.4545', 2],
      ]);
      const seeds = await json(
        '/api/rankings?figure=threePublic.total&region=' + encodeURIComponent('新疆') + '&year=2022&kind=budget',
      );
      // 001 prints its 三公 total as 67.1 万元 in the text
      expect(seeds.find((r: any) => r.unit_name === '乌尔禾区人民政府办公室')?.value).toBe('67.1');
    });

    it('serves findings of the seeds and an audit summary for a region and year', async () => {
      const findings = await json('/api/documents/2/findings');
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f: any) => ['error', 'warning', 'info'].includes(f.severity))).toBe(true);
      const summary = await json('/api/audit?region=' + encodeURIComponent('新疆') + '&year=2022');
      expect(summary.documents).toBe(6);
      expect(summary.withErrors).toBeGreaterThanOrEqual(4);
    });

    it('downloads CSV with BOM, XLSX and JSON', async () => {
      const csv = await get('/api/documents/5/facts?format=csv');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toBe(
        '文件编号,单位,年度,类型,表,行序,行名称,科目编码,分类,级次,行类型,末级,栏目,单位（货币）,金额,金额（万元）',
      );
      expect(text).toContain(
        '5,新疆测试县财政局,2022,预算,general-budget-expenditure,3,行政运行,2010301,支出功能分类,项,明细,是,total,万元,250.50,250.50',
      );
      const xlsx = await get('/api/rankings?figure=threePublic.total&format=xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(1).value).toBe('名次');
      expect(sheet.rowCount).toBeGreaterThan(10);
      const bad = await get('/api/documents?format=pdf');
      expect(bad.status).toBe(400);
    });

    it('gives back the source file exactly and the model', async () => {
      const source = await get('/api/documents/2/source');
      expect(source.status).toBe(200);
      expect(
        Buffer.from(await source.arrayBuffer()).equals(readFileSync(path.join(seedsDir, '001_ba949e3fb87b641f.txt'))),
      ).toBe(true);
      const model = await json('/api/documents/2/model');
      expect(model.unit.name).toBe('乌尔禾区人民政府办公室');
    });

    it('exports the corpus as a Fiscal Data Package', async () => {
      const pkg = await json('/api/export/datapackage.json');
      expect(pkg.profile).toBe('fiscal-data-package');
      expect(pkg.resources.map((r: any) => r.path)).toEqual(['documents.csv', 'facts.csv', 'findings.csv']);
      const facts = (await (await get('/api/export/facts.csv')).text())
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      const header = facts[0].split(',');
      expect(header).toEqual(pkg.resources[1].schema.fields.map((f: any) => f.name));
      const mine = facts.filter((l) => l.startsWith('5,') && l.endsWith(',true,total,' + l.split(',').at(-1)));
      expect(mine.map((l) => l.split(',').at(-1))).toEqual(['250.50', '50.00', '40.25']);
    });

    it('describes its API in OpenAPI', async () => {
      const doc = await json('/api/openapi.json');
      expect(doc.openapi).toBe('3.1.0');
      for (const path of [
        '/api/documents',
        '/api/facts',
        '/api/rankings',
        '/api/compare',
        '/api/findings',
        '/api/search',
        '/api/export/datapackage.json',
      ])
        expect(doc.paths[path], path).toBeDefined();
    });

    it('refuses writes without the token, takes uploads as drafts, publishes and deletes', async () => {
      const model = makeDisclosure({ unit: '新疆上传测试局', year: 2024 });
      const form = () => {
        const f = new FormData();
        f.set('file', new File([JSON.stringify(model)], 'upload.json', { type: 'application/json' }));
        return f;
      };
      expect((await get('/api/documents', { method: 'POST', body: form() })).status).toBe(401);
      expect(
        (await get('/api/documents', { method: 'POST', body: form(), headers: { authorization: 'Bearer wrong' } }))
          .status,
      ).toBe(403);
      const res = await get('/api/documents', {
        method: 'POST',
        body: form(),
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(201);
      const created = await res.json();
      expect(created.outcome).toBe('draft');
      expect((await get(`/api/documents/${created.id}`)).status).toBe(404);
      expect((await get(`/api/documents/${created.id}/publish`, { method: 'POST' })).status).toBe(401);
      const published = await get(`/api/documents/${created.id}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(await published.json()).toEqual({ id: created.id, outcome: 'imported' });
      expect((await json(`/api/documents/${created.id}`)).unit_name).toBe('新疆上传测试局');
      expect((await get(`/api/documents/${created.id}`, { method: 'DELETE' })).status).toBe(401);
      expect(
        (await get(`/api/documents/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } }))
          .status,
      ).toBe(200);
      expect((await get(`/api/documents/${created.id}`)).status).toBe(404);
    });

    it('serves repeated public reads from a cache that writes through the server clear', async () => {
      const cached = createApp({ store, token: TOKEN, analysis: defaultAnalysis, cacheSeconds: 60 });
      const url = '/api/documents?unit=' + encodeURIComponent('缓存测试');
      expect((await cached.request(url)).headers.get('x-cache')).toBeNull();
      const again = await cached.request(url);
      expect(again.headers.get('x-cache')).toBe('hit');
      expect((await again.json()).total).toBe(0);
      const f = new FormData();
      f.set('file', new File([JSON.stringify(makeDisclosure({ unit: '新疆缓存测试局', year: 2024 }))], 'cache.json'));
      expect(
        (
          await cached.request('/api/documents?publish=true', {
            method: 'POST',
            body: f,
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).status,
      ).toBe(201);
      const after = await cached.request(url);
      expect(after.headers.get('x-cache')).toBeNull();
      const body = await after.json();
      expect(body.total).toBe(1);
      expect(
        (
          await cached.request(`/api/documents/${body.items[0].id}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).status,
      ).toBe(200);
    });

    it('marks a finding on the table row it points at by id and index', async () => {
      const model = makeDisclosure({ unit: '新疆标注测试局', year: 2021 });
      const stored = await storeDocument(store, {
        model,
        findings: [
          {
            rule: 'table-sum',
            severity: 'error',
            message: '“行政运行”与明细不符',
            location: {
              tableId: 'general-budget-expenditure',
              rowIndex: 3,
              rowCode: '2010301',
              table: '一般公共预算支出表',
              row: '行政运行',
              line: 1,
            },
          },
        ],
        source: { file: 'mark.json', bytes: new TextEncoder().encode(JSON.stringify(model)) },
      });
      const html = await (await get(`/documents/${stored.id}`)).text();
      // only that row is marked (every node of this hand-made model sits at line 1, so lines decide nothing)
      expect(html.match(/<tr class="[^"]*has-finding/g)).toHaveLength(1);
      expect(html).toMatch(
        /<tr class="has-finding finding-error" id="row-\d+"><td>2010301<\/td><td>行政运行<a class="mark" href="#finding-\d+" title="错误：“行政运行”与明细不符">/,
      );
      expect(html).not.toMatch(/<p class="para has-finding/);
      await deleteDocument(store, stored.id);
    });

    it('checks upload size and type', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const send = (name: string, content: BlobPart) => {
        const f = new FormData();
        f.set('file', new File([content], name));
        return get('/api/documents', { method: 'POST', body: f, headers: auth });
      };
      expect((await send('big.txt', 'x'.repeat(600 * 1024))).status).toBe(413);
      expect((await send('tool.exe', 'MZ')).status).toBe(415);
      expect((await send('fake.pdf', 'not a pdf')).status).toBe(415);
      expect((await send('binary.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).status).toBe(415);
      const unreadable = await send('notes.txt', '这不是一份预算公开文件。');
      expect(unreadable.status).toBe(422);
      expect((await unreadable.json()).error.message).toContain('notes.txt');
      const notModel = await send('other.json', '{"hello":1}');
      expect(notModel.status).toBe(422);
      expect((await send('letter.docx', '这是一段文字，不是 Word 文件')).status).toBe(415);
      expect((await send('sheet.xlsx', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).status).toBe(415);
    });

    it('says when an uploaded file is already known, and never shows a server path', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const form = (name: string, content: BlobPart) => {
        const f = new FormData();
        f.set('file', new File([content], name));
        return f;
      };
      // a file that claims to be a PDF and breaks inside: read from a temporary file on the server
      const broken = await get('/api/documents', {
        method: 'POST',
        body: form('坏文件.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF broken'),
        headers: auth,
      });
      expect(broken.status).toBe(422);
      const message = (await broken.json()).error.message as string;
      expect(message).toContain('坏文件.pdf');
      expect(message).not.toMatch(/\/tmp|budgetdoc-upload|\/work\//);
      expect(message).not.toContain(tmpdir());
      // the same bytes twice: the second upload is reported as known, over the API and on the form
      const bytes = new Uint8Array(modelBytes(makeDisclosure({ unit: '新疆重复上传测试局', year: 2024 })));
      const first = await get('/api/documents', { method: 'POST', body: form('dup.json', bytes), headers: auth });
      expect(first.status).toBe(201);
      const again = await get('/api/documents', { method: 'POST', body: form('dup.json', bytes), headers: auth });
      expect(again.status).toBe(200);
      const known = await again.json();
      expect(known.outcome).toBe('unchanged');
      expect(known.message).toContain('文件已存在');
      const posted = await get('/upload', { method: 'POST', body: form('dup.json', bytes), headers: auth });
      expect(posted.status).toBe(303);
      expect(posted.headers.get('location')).toBe(`/documents/${known.id}?known=1`);
      const shown = await (await get(posted.headers.get('location')!, { headers: auth })).text();
      expect(shown).toContain('id="already-known"');
      expect(shown).toContain('内容完全相同');
    });

    it('takes a Word file: the disclosure in it is read, audited and kept as a draft', async () => {
      const sample = generateSample({ kind: 'budget', seed: 'upload-docx', index: 0 });
      const docx = await renderDisclosure(sample, 'docx');
      const f = new FormData();
      f.set('file', new File([new Uint8Array(docx)], '上传.docx'));
      const res = await get('/api/documents', {
        method: 'POST',
        body: f,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(201);
      const created = await res.json();
      expect(created.outcome).toBe('draft');
      const stored = await store.db
        .selectFrom('documents')
        .select(['unit_name', 'year', 'kind'])
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ unit_name: sample.unit.name, year: sample.year, kind: 'budget' });
      await deleteDocument(store, created.id);
    });

    it('renders pages in Chinese with document text escaped and findings marked', async () => {
      const home = await get('/?region=' + encodeURIComponent('新疆'));
      const homeHtml = await home.text();
      expect(homeHtml).toContain('预算决算公开文件检索');
      expect(homeHtml).toContain('新疆&lt;script&gt;alert(1)&lt;/script&gt;标记局');
      expect(homeHtml).not.toContain('<script>alert(1)');
      const markup = await (await get('/documents/7')).text();
      expect(markup).toContain('&lt;b&gt;加粗&lt;/b&gt;的职能说明&lt;img src=x onerror=alert(2)&gt;');
      expect(markup).not.toMatch(/<img src=x/);
      const seed = await (await get('/documents/2')).text();
      expect(seed).toContain('乌尔禾区人民政府办公室');
      expect(seed).toMatch(/class="[^"]*has-finding/);
      expect(seed).toContain('data-chart="chart-function-data"');
      for (const url of [
        '/compare?ids=5,6',
        '/rankings?figure=threePublic.total&per=actual',
        '/audit?region=' + encodeURIComponent('新疆'),
        '/upload',
      ]) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
      }
      const missing = await get('/documents/999999');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('没有编号为 999999 的文件');
      const echarts = await get('/static/echarts.min.js');
      expect(echarts.status).toBe(200);
      expect((await echarts.text()).length).toBeGreaterThan(500_000);
    });
  });
}

describe('both engines', () => {
  it('give the same answers', () => {
    const [a, b] = ENGINES.map((e) => answers[e]);
    expect(a, 'the PGlite run did not finish').toBeDefined();
    expect(b, 'the PostgreSQL run did not finish').toBeDefined();
    for (const url of COMPARED) expect(b.get(url), url).toBe(a.get(url));
  });
});

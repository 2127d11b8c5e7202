// The API's query parameters: checked by the zod schemas the routes declare (src/web/api-schemas.ts), refused with
// one Chinese message (400, bad_parameter) through the central error mapping, and described in /api/openapi.json
// from the same schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { createApp } from '../../src/web/app.js';
import { openTestStore } from './support/stores.js';

describe('API query parameters', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = createApp({ store, token: 'query-token-0123', analysis: defaultAnalysis });
  });
  afterAll(() => store.close());

  const refused = async (url: string) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code, url).toBe('bad_parameter');
    return body.error.message;
  };

  it('refuses bad values with a Chinese message naming the parameter and the value', async () => {
    expect(await refused('/api/documents?year=abc')).toBe('参数 year 应为整数，收到“abc”');
    expect(await refused('/api/documents?year=1.5')).toBe('参数 year 应为整数，收到“1.5”');
    expect(await refused('/api/documents?year=3000')).toBe('参数 year 超出范围 1990–2100，收到“3000”');
    expect(await refused('/api/documents?limit=0')).toBe('参数 limit 超出范围 1–500，收到“0”');
    expect(await refused('/api/findings?severity=fatal')).toBe(
      '参数 severity 只能是 error、warning、info，收到“fatal”',
    );
    expect(await refused('/api/documents?format=pdf')).toBe('参数 format 只能是 json、csv、xlsx，收到“pdf”');
    expect(await refused('/api/rankings?figure=colour')).toMatch(
      /^参数 figure 只能是 .*threePublic\.total.*，收到“colour”$/,
    );
    expect(await refused('/api/facts?groupBy=year,colour')).toMatch(/^参数 groupBy 含未知的分组维度“colour”，可用：/);
    expect(await refused('/api/compare?ids=1,x')).toBe('参数 ids 应为逗号分隔的文件编号，收到“1,x”');
    expect(await refused(`/api/documents?unit=${'长'.repeat(201)}`)).toBe('参数 unit 过长');
  });

  it('takes empty and padded values as the handlers always did', async () => {
    for (const url of [
      '/api/documents?year=&kind=',
      '/api/documents?year=%202022%20&kind=budget',
      '/api/findings?severity=error&limit=5',
      '/api/facts?groupBy=year,%20kind&detail=0',
    ]) {
      expect((await app.request(url)).status, url).toBe(200);
    }
  });

  it('the pages share the filters: a bad year on the search page is a 400 page', async () => {
    const res = await app.request('/?year=abc');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('参数 year 应为整数，收到“abc”');
  });

  it('describes the parameters the routes check, from the same schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }> }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const params = (path: string, method = 'get') =>
      Object.fromEntries((doc.paths[path][method].parameters ?? []).map((p) => [p.name, p.schema]));
    expect(params('/api/documents').year).toMatchObject({ type: 'integer', minimum: 1990, maximum: 2100 });
    expect(params('/api/documents').limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(params('/api/findings').severity).toMatchObject({ enum: ['error', 'warning', 'info'] });
    expect(params('/api/documents').format).toMatchObject({ enum: ['json', 'csv', 'xlsx'] });
    expect(params('/api/documents', 'post').publish).toMatchObject({ type: 'boolean' });
    expect(params('/api/documents/{id}/facts')).toHaveProperty('id');
    // an error answer has its schema, not an empty object
    const bad = (
      doc.paths['/api/facts'].get as unknown as {
        responses: Record<string, { content: Record<string, { schema: unknown }> }>;
      }
    ).responses['400'];
    expect(JSON.stringify(bad)).toContain('Error');
  });
});

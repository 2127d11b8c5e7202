// Uploads tried as an attacker and a careless user would: a large upload does not stop the portal answering,
// simultaneous identical uploads on PostgreSQL all succeed, the token is checked before the body is read,
// malformed bodies are 400, messages carry no server path, the session cookie never carries the token, and a wrong
// form token on publish/delete is 403.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisPool } from '../../src/store/analysis-pool.js';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { createApp } from '../../src/web/app.js';
import { makeDisclosure } from '../portal/support/fixtures.js';
import { openTestStore } from '../portal/support/stores.js';
import { seedsDir } from '../support/paths.js';
import { joinedLines } from './growth.js';

const TOKEN = 'hostile-token-42';
const auth = { authorization: `Bearer ${TOKEN}` };

function form(name: string, content: BlobPart): FormData {
  const f = new FormData();
  f.set('file', new File([content], name));
  return f;
}

describe('a large upload on a pool keeps the portal answering', () => {
  let store: Store;
  let pool: AnalysisPool;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    pool = new AnalysisPool({ threads: 1 });
  });
  afterAll(async () => {
    await pool?.close();
    await store?.close();
  });

  it('reads answer in < 1 s while a 3 MB text upload is parsed', async () => {
    const app = createApp({ store, token: TOKEN, analysis: defaultAnalysis, uploads: pool });
    const seed = readFileSync(
      path.join(
        seedsDir,
        readdirSync(seedsDir).find((f) => f.endsWith('.txt'))!,
      ),
      'utf8',
    );
    const big = `${seed}\n\n${joinedLines(3 * 1024 * 1024)}`;
    let finished = false;
    const upload = Promise.resolve(
      app.request('/api/documents', { method: 'POST', body: form('big.txt', big), headers: auth }),
    ).finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const t = performance.now();
      const res = await app.request('/api/meta');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await upload;
    expect(res.status, await res.clone().text()).toBe(201);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 120_000);

  it('a reader error from the pool names the upload, not a path', async () => {
    const app = createApp({ store, token: TOKEN, analysis: defaultAnalysis, uploads: pool });
    const res = await app.request('/api/documents', {
      method: 'POST',
      body: form('notes.txt', '这不是一份预算公开文件。'),
      headers: auth,
    });
    expect(res.status).toBe(422);
    const message = (await res.json()).error.message as string;
    expect(message).toContain('notes.txt');
    expect(message).not.toMatch(/\/tmp|budgetdoc-upload|\/work\//);
  }, 60_000);
});

describe('simultaneous identical uploads on PostgreSQL', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(async () => store?.close());

  it('8 at once all answer 200/201, one document stored', async () => {
    const app = createApp({ store, token: TOKEN, analysis: defaultAnalysis });
    const bytes = JSON.stringify(makeDisclosure({ unit: '新疆并发上传测试局', year: 2024 }));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        Promise.resolve(
          app.request('/api/documents', { method: 'POST', body: form('same.json', bytes), headers: auth }),
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 201),
      statuses.join(','),
    ).toBe(true);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.filter((b) => b.outcome === 'draft')).toHaveLength(1);
    const count = await store.db
      .selectFrom('documents')
      .select(store.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  }, 60_000);
});

describe('tokens, bodies and cookies', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = createApp({ store, token: TOKEN, analysis: defaultAnalysis });
  });
  afterAll(async () => store?.close());

  /** a request body that counts how much of it was read */
  function countedBody(bytes: number): { body: ReadableStream<Uint8Array>; read: () => number } {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return { body, read: () => sent };
  }

  it.each(['/api/documents', '/upload'])(
    '%s refuses a wrong token before reading a streamed 8 MB body',
    async (url) => {
      const { body, read } = countedBody(8 * 1024 * 1024);
      const res = await app.request(url, {
        method: 'POST',
        body,
        headers: { authorization: 'Bearer wrong', 'content-type': 'multipart/form-data; boundary=x' },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(403);
      expect(read()).toBeLessThan(1024 * 1024);
    },
  );

  it('a malformed multipart body is 400 without a stack trace', async () => {
    const res = await app.request('/api/documents', {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.(?:ts|js):\d+|node_modules/);
    const page = await app.request('/upload', {
      method: 'POST',
      body: '--x\r\ngarbage',
      headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(page.status).toBe(400);
  });

  it('the session cookie is HttpOnly, SameSite=Strict, Secure on https, and not the token', async () => {
    const sign = (url: string, token: string) =>
      app.request(url, {
        method: 'POST',
        body: new URLSearchParams({ token }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const res = await sign('http://localhost/upload/session', TOKEN);
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).not.toContain(TOKEN);
    const secure = await sign('https://portal.example/upload/session', TOKEN);
    expect(secure.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    // the cookie signs the reviewer in: the upload form is shown
    const value = cookie.split(';')[0];
    const formPage = await (await app.request('/upload', { headers: { cookie: value } })).text();
    expect(formPage).toContain('name="file"');
    // a forged cookie holding the token itself does not
    const forged = await (await app.request('/upload', { headers: { cookie: `budgetdoc_token=${TOKEN}` } })).text();
    expect(forged).not.toContain('name="file"');
    expect((await sign('http://localhost/upload/session', 'wrong')).status).toBe(403);
  });

  it('a wrong form token on publish and delete is 403, none is 401', async () => {
    const body = () => new URLSearchParams({ token: 'wrong' });
    const type = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await app.request('/documents/1/publish', { method: 'POST', body: body(), headers: type })).status).toBe(
      403,
    );
    expect((await app.request('/documents/1/delete', { method: 'POST', body: body(), headers: type })).status).toBe(
      403,
    );
    expect((await app.request('/documents/1/delete', { method: 'POST' })).status).toBe(401);
  });
});

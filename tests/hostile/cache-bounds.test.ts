// The response cache under cache-busting requests: 1,000 distinct URLs of 256 KiB answers hold no more than the
// byte budget (the old cache kept up to 1,000 entries of 2 MiB each), and expired entries are swept.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/web/cache.js';

function appWith(cache: ResponseCache, bodyBytes: number): Hono {
  const app = new Hono();
  app.use('*', cache.middleware());
  app.get('/api/big', (c) =>
    c.body(new Uint8Array(bodyBytes).fill(65) as unknown as ArrayBuffer, 200, { 'content-type': 'text/plain' }),
  );
  return app;
}

describe('response cache bounds', () => {
  it('1,000 distinct cache-busting requests stay within the byte budget', async () => {
    const budget = 16 * 1024 * 1024;
    const cache = new ResponseCache(60_000, budget);
    const app = appWith(cache, 256 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    let peak = 0;
    for (let i = 0; i < 1000; i++) {
      const res = await app.request(`/api/big?bust=${i}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      peak = Math.max(peak, cache.stats().bytes);
    }
    expect(peak).toBeLessThanOrEqual(budget);
    expect(cache.stats().entries).toBeLessThanOrEqual(64);
    // what is still referenced (the cache's bodies) stays near the budget, not 250 MB
    // (only measurable after a collection: without --expose-gc the figure counts the answers already dropped too)
    if (globalThis.gc) {
      globalThis.gc();
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(budget * 4);
    }
    // the most recent answer is still served from the cache
    expect((await app.request('/api/big?bust=999')).headers.get('x-cache')).toBe('hit');
  });

  it('expired entries are swept, not kept until evicted', async () => {
    const cache = new ResponseCache(2000, 16 * 1024 * 1024);
    const app = appWith(cache, 1024);
    for (let i = 0; i < 50; i++) await (await app.request(`/api/big?a=${i}`)).arrayBuffer();
    expect(cache.stats().entries).toBe(50);
    await new Promise((r) => setTimeout(r, 2100));
    await (await app.request('/api/big?after=1')).arrayBuffer();
    expect(cache.stats().entries).toBe(1);
    expect(cache.stats().bytes).toBeLessThan(4096);
  });

  it('an answer larger than an eighth of the budget is not kept', async () => {
    const cache = new ResponseCache(60_000, 1024 * 1024);
    const app = appWith(cache, 200 * 1024);
    await (await app.request('/api/big')).arrayBuffer();
    expect(cache.stats().entries).toBe(0);
  });
});

// A short-lived cache of public GET responses: popular searches and aggregates over thousands of documents are
// answered once per period instead of once per visitor. Any write through this server empties it; writes by other
// processes (an import into the same server database) show after at most the period.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TOKEN_COOKIE } from './http.js';

interface Entry {
  at: number;
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

const UNCACHED = [/^\/static\//, /^\/api\/export\//, /^\/upload/, /\/source$/];
const MAX_BODY = 2 * 1024 * 1024;

export class ResponseCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  clear(): void {
    this.#entries.clear();
  }

  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const cacheable =
        this.ttlMs > 0 &&
        c.req.method === 'GET' &&
        !UNCACHED.some((r) => r.test(c.req.path)) &&
        // reviewers see drafts and their own controls: never from or into the cache
        !c.req.header('authorization') &&
        !c.req.header('x-budgetdoc-token') &&
        !getCookie(c, TOKEN_COOKIE);
      if (!cacheable) {
        await next();
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) this.clear();
        return;
      }
      const key = c.req.url;
      const hit = this.#entries.get(key);
      if (hit && Date.now() - hit.at < this.ttlMs) {
        // refresh its place in the LRU order
        this.#entries.delete(key);
        this.#entries.set(key, hit);
        const headers = new Headers(hit.headers);
        headers.set('x-cache', 'hit');
        c.res = new Response(hit.body, { status: hit.status, headers });
        return;
      }
      await next();
      if (c.res.status !== 200) return;
      const length = Number(c.res.headers.get('content-length') ?? 0);
      if (length > MAX_BODY) return;
      const body = await c.res.clone().arrayBuffer();
      if (body.byteLength > MAX_BODY) return;
      this.#entries.set(key, { at: Date.now(), status: c.res.status, headers: [...c.res.headers.entries()], body });
      while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    };
  }
}

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
  /** misses being computed: concurrent requests for the same URL wait for the first instead of repeating it */
  readonly #pending = new Map<string, Promise<void>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  /** bumped by every write, so that a response computed before a write is not kept after it */
  #generation = 0;

  clear(): void {
    this.#entries.clear();
    this.#generation++;
  }

  #fresh(key: string): Entry | undefined {
    const hit = this.#entries.get(key);
    if (!hit || Date.now() - hit.at >= this.ttlMs) return undefined;
    // refresh its place in the LRU order
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  static #respond(hit: Entry): Response {
    const headers = new Headers(hit.headers);
    headers.set('x-cache', 'hit');
    return new Response(hit.body, { status: hit.status, headers });
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
      let hit = this.#fresh(key);
      if (!hit && this.#pending.has(key)) {
        await this.#pending.get(key);
        hit = this.#fresh(key);
      }
      if (hit) {
        c.res = ResponseCache.#respond(hit);
        return;
      }
      let done!: () => void;
      this.#pending.set(key, new Promise<void>((resolve) => (done = resolve)));
      const generation = this.#generation;
      try {
        await next();
        if (c.res.status !== 200 || generation !== this.#generation) return;
        const length = Number(c.res.headers.get('content-length') ?? 0);
        if (length > MAX_BODY) return;
        const body = await c.res.clone().arrayBuffer();
        if (body.byteLength > MAX_BODY) return;
        this.#entries.set(key, { at: Date.now(), status: c.res.status, headers: [...c.res.headers.entries()], body });
        while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
      } finally {
        this.#pending.delete(key);
        done();
      }
    };
  }
}

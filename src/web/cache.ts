// A short-lived cache of public GET responses: popular searches and aggregates over thousands of documents are
// answered once per period instead of once per visitor. Any write through this server empties it; writes by other
// processes (an import into the same server database) show after at most the period. Memory is bounded by the total
// bytes held (least recently used entries go first), whatever URLs are asked for; expired entries are swept.
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
/** total bytes of bodies and headers held by default: a few hundred typical answers */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  /** misses being computed: concurrent requests for the same URL wait for the first instead of repeating it */
  readonly #pending = new Map<string, Promise<void>>();

  #bytes = 0;
  #lastSweep = Date.now();
  /** the largest body kept: an eighth of the budget, so that one answer never evicts everything */
  readonly #maxBody: number;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {
    this.#maxBody = Math.floor(maxBytes / 8);
  }

  /** entries and bytes held (for tests and diagnostics) */
  stats(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  static #size(key: string, entry: Entry): number {
    let n = key.length * 2 + entry.body.byteLength + 64;
    for (const [k, v] of entry.headers) n += (k.length + v.length) * 2;
    return n;
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= ResponseCache.#size(key, entry);
  }

  /** drops expired entries, at most once per half period (an LRU order is not an age order) */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.ttlMs / 2) return;
    this.#lastSweep = now;
    for (const [key, entry] of this.#entries) if (now - entry.at >= this.ttlMs) this.#delete(key);
  }

  #store(key: string, entry: Entry): void {
    this.#delete(key);
    const size = ResponseCache.#size(key, entry);
    if (size > this.#maxBody) return;
    this.#sweep(entry.at);
    this.#entries.set(key, entry);
    this.#bytes += size;
    while (this.#bytes > this.maxBytes) this.#delete(this.#entries.keys().next().value!);
  }

  /** bumped by every write, so that a response computed before a write is not kept after it */
  #generation = 0;

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#generation++;
  }

  #fresh(key: string): Entry | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at >= this.ttlMs) {
      this.#delete(key);
      return undefined;
    }
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
        if (length > this.#maxBody) return;
        const body = await c.res.clone().arrayBuffer();
        this.#store(key, { at: Date.now(), status: c.res.status, headers: [...c.res.headers.entries()], body });
      } finally {
        this.#pending.delete(key);
        done();
      }
    };
  }
}

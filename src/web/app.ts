// The portal as a Hono app: API, pages, static chart scripts, and the one place errors become responses.
// Tests call app.request() without a port; `serve` binds it with @hono/node-server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono, type Context } from 'hono';
import { registerApi } from './api.js';
import { registerApiDocs } from './api-docs.js';
import { ResponseCache } from './cache.js';
import { CHARTS_JS } from './client.js';
import type { AppOptions } from './context.js';
import { h } from './html.js';
import { HttpError, publicMessage } from './http.js';
import { page } from './layout.js';
import { registerPages } from './pages.js';
import { registerSourceRegion } from './source-region.js';

export type { AppOptions } from './context.js';

let echartsSource: string | undefined;
function echarts(): string {
  // served from node_modules, never a CDN
  echartsSource ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
  return echartsSource;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
      );
    }
  });

  app.get('/static/echarts.min.js', (c) =>
    c.body(echarts(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    }),
  );
  const cache = new ResponseCache((options.cacheSeconds ?? 0) * 1000);
  app.use('*', cache.middleware());

  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/static/charts.js', (c) => c.body(CHARTS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));

  registerApi(app, options);
  registerApiDocs(app);
  registerPages(app, options);
  registerSourceRegion(app, options);

  app.notFound((c) => errorResponse(new HttpError(404, `没有这个页面：${c.req.path}`, 'not_found'), c));
  app.onError(errorResponse);
  return app;
}

/** The one mapping from errors to responses: JSON { error } under /api, an HTML page elsewhere. */
function errorResponse(err: Error, c: Context): Response | Promise<Response> {
  {
    const known = err instanceof HttpError ? err : undefined;
    const status = known?.status ?? 500;
    const message = known ? publicMessage(known.message) : '服务器内部错误';
    if (!known)
      process.stderr.write(
        `budgetdoc serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: known?.code ?? 'internal', message } }, status);
    return c.html(
      page({
        title: `错误 ${status}`,
        body: h`<h1>${status === 404 ? '未找到' : '出错了'}</h1><p class="notice">${message}</p><p><a href="/">返回检索</a></p>`,
      }),
      status,
    );
  }
}

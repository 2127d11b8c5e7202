// The API reference page: Swagger UI (swagger-ui-dist, served from node_modules, never a CDN) reading the app's own
// /api/openapi.json. The page names the document's JSON link too, for readers without JavaScript.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import { h } from './html.js';
import { page } from './layout.js';

/** The viewer's files that the page loads, by the name they are served under. */
const FILES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

/** Starts the viewer on the page (a file, since the pages' Content-Security-Policy allows no inline script). */
const START_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 });
});
`;

const cache = new Map<string, string>();
function viewerFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    text = readFileSync(path.join(dir, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export function registerApiDocs(app: Hono): void {
  for (const [name, type] of Object.entries(FILES)) {
    app.get(`/static/swagger-ui/${name}`, (c) =>
      c.body(viewerFile(name), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }),
    );
  }
  app.get('/static/api-docs.js', (c) => c.body(START_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api-docs', (c) =>
    c.html(
      page({
        title: 'API 说明',
        head: h`<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">`,
        scripts: ['/static/swagger-ui/swagger-ui-bundle.js', '/static/api-docs.js'],
        body: h`<h1>API 说明</h1>
<p>所有数据均可通过 JSON 接口读取；表格类接口加 <code>?format=csv</code> 或 <code>?format=xlsx</code> 下载。接口描述（OpenAPI 3.1）：<a href="/api/openapi.json" id="openapi-link">/api/openapi.json</a>。上传、发布和删除需要令牌（<code>Authorization: Bearer …</code>）。</p>
<div id="swagger-ui" class="card"><noscript>需要 JavaScript 才能显示交互式说明；接口描述见上方链接。</noscript></div>`,
      }),
    ),
  );
}

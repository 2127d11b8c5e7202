// The page region a figure or finding came from: a page of the stored source PDF rendered by poppler's pdftoppm,
// as PNG (cropped to the region) or as SVG with the region outlined, and a plain HTML view of both (no script).
// Boxes are PDF points with the origin at the top left of the page as displayed (src/read/pdf.ts); the page size
// is not stored, so it is read with pdfinfo when a page is first rendered.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context, Hono } from 'hono';
import type { Disclosure, Place } from '../model/schema.js';
import type { Store } from '../store/database.js';
import type { FindingRecord } from '../store/queries.js';
import { findingNode } from './finding-node.js';
import { sourceFileBytes, sourceFileInfo, type SourceFileInfo } from '../store/source-file.js';
import type { AppOptions } from './context.js';
import { h, query, type Markup } from './html.js';
import { hasToken, HttpError, optionalInt, pathId } from './http.js';
import { page as htmlPage } from './layout.js';

export type Box = [number, number, number, number];

/** A place that can be shown: a page and a box on it. */
export interface PageRegion {
  page: number;
  box: Box;
}

/** Highest page number accepted in a URL (the PDF reader refuses longer files, see MAX_PDF_PAGES). */
const MAX_PAGE = 1000;
export const DEFAULT_DPI = 100;
/** Margin around the region in points when cropping (PNG with a box; SVG and HTML with `pad`). */
const DEFAULT_PAD = 24;
/** A rendered page never exceeds this many pixels: an oversized page is rendered at a lower resolution. */
const MAX_PIXELS = 16_000_000;
const RENDER_TIMEOUT_MS = 10_000;
/** poppler children at once (the server shares its cores with the database) */
const MAX_RENDERS = 2;
const CACHE_BYTES = 64 * 1024 * 1024;

// ── where a finding is on the page ──────────────────────────────────────────────────────────────────────

function hasRegion<T extends { page?: number; box?: number[] }>(p: T | undefined): p is T & { page: number; box: Box } {
  return (
    !!p &&
    typeof p.page === 'number' &&
    Array.isArray(p.box) &&
    p.box.length === 4 &&
    (p.box[2] > p.box[0] || p.box[3] > p.box[1])
  );
}

/** Every place in the model that has a page and a box, by source line (walked once per model). */
const placesByLine = new WeakMap<Disclosure, Map<number, Place[]>>();
function linePlaces(doc: Disclosure): Map<number, Place[]> {
  let index = placesByLine.get(doc);
  if (index) return index;
  const found = new Map<number, Place[]>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const p = v as Partial<Place>;
      if (typeof p.line === 'number' && hasRegion(p)) {
        const list = found.get(p.line) ?? [];
        list.push(p as Place);
        found.set(p.line, list);
      }
      for (const x of Object.values(v)) if (x && typeof x === 'object') walk(x);
    }
  };
  walk(doc);
  placesByLine.set(doc, (index = found));
  return index;
}

/**
 * Page and box of what a finding points at: the table row (or its cell) it names by id and index, else the source
 * line (the exact place at its column, or all of the line's places on one page), else the table it names.
 */
export function findingRegion(
  doc: Disclosure,
  finding: Pick<FindingRecord, 'table_id' | 'line' | 'detail'>,
  node = findingNode(doc, finding),
): PageRegion | undefined {
  const location = (finding.detail?.location ?? {}) as { column?: number };
  const table = node?.table;
  if (node?.row) {
    const at = [node.cell?.amount?.at, node.row.at].find(hasRegion);
    if (at) return { page: at.page, box: at.box };
  }
  if (finding.line !== null) {
    const here = linePlaces(doc).get(finding.line) ?? [];
    const exact = here.find((p) => p.column === location.column);
    if (exact && hasRegion(exact)) return { page: exact.page, box: exact.box };
    const first = here.find(hasRegion);
    if (first) {
      const samePage = here.filter((p) => p.page === first.page && hasRegion(p)).map((p) => p.box!);
      return {
        page: first.page,
        box: samePage.reduce<Box>(
          (u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])],
          first.box,
        ),
      };
    }
  }
  if (table && hasRegion(table.at)) return { page: table.at.page, box: table.at.box };
  return undefined;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The HTML view of a region (the link the document page puts beside a finding or a table). */
export function regionHref(documentId: number, region: PageRegion): string {
  return `/documents/${documentId}/source/page/${region.page}${query({ box: region.box.map(round1).join(',') })}`;
}

/** Page and box of a model place, when it has both. */
export function placeRegion(at: Partial<Place> | undefined): PageRegion | undefined {
  return hasRegion(at) ? { page: at.page, box: at.box } : undefined;
}

// ── request parameters ──────────────────────────────────────────────────────────────────────────────────

const NUMBER = /^-?\d{1,6}(\.\d{1,4})?$/;

function boxParam(c: Context): Box | undefined {
  const raw = c.req.query('box');
  if (raw === undefined || raw === '') return undefined;
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p.trim()))) {
    throw new HttpError(
      400,
      `参数 box 应为四个以逗号分隔的数（x0,y0,x1,y1，单位为点，原点在页面左上角），收到“${raw.slice(0, 80)}”`,
      'bad_parameter',
    );
  }
  const box = parts.map(Number) as Box;
  if (box[2] < box[0] || box[3] < box[1])
    throw new HttpError(400, `参数 box 的 x1、y1 不能小于 x0、y0，收到“${raw}”`, 'bad_parameter');
  return box;
}

function padParam(c: Context): number | undefined {
  const raw = c.req.query('pad');
  if (raw === undefined || raw === '') return undefined;
  if (!NUMBER.test(raw) || Number(raw) < 0 || Number(raw) > 2000)
    throw new HttpError(400, `参数 pad 应为 0–2000 之间的数（点），收到“${raw.slice(0, 80)}”`, 'bad_parameter');
  return Number(raw);
}

/** `:file` is the page number, optionally with .png or .svg. */
function pageParam(c: Context): { page: number; format: 'html' | 'png' | 'svg' } {
  const raw = c.req.param('file') ?? '';
  const m = /^(\d{1,7})(?:\.(png|svg))?$/.exec(raw);
  if (!m) throw new HttpError(404, `没有这个页面：${c.req.path}`, 'not_found');
  const page = Number(m[1]);
  if (page < 1 || page > MAX_PAGE)
    throw new HttpError(400, `页码应为 1–${MAX_PAGE} 的整数，收到 ${m[1]}`, 'bad_parameter');
  return { page, format: (m[2] as 'png' | 'svg' | undefined) ?? 'html' };
}

// ── rendering with poppler ──────────────────────────────────────────────────────────────────────────────

let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(fn: () => Promise<T>): Promise<T> {
  while (running >= MAX_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(tool: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      {
        encoding: 'buffer',
        timeout: RENDER_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 128 * 1024 * 1024,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.code === 'ENOENT')
          return reject(
            new HttpError(500, `无法显示原文页面：未找到 ${tool}（请安装 poppler-utils）`, 'renderer_missing'),
          );
        if (e.killed)
          return reject(new HttpError(422, `原文页面渲染超时（${RENDER_TIMEOUT_MS / 1000} 秒）`, 'render_timeout'));
        const why = stderr.toString('utf8').trim().split('\n')[0] ?? '';
        reject(new HttpError(422, `无法渲染原文页面：${why || e.message}`.slice(0, 300), 'render_failed'));
      },
    );
  });
}

/** The source written to a private temporary file for poppler, removed afterwards. */
async function withSourceFile<T>(store: Store, info: SourceFileInfo, fn: (file: string) => Promise<T>): Promise<T> {
  const bytes = await sourceFileBytes(store, info.id);
  if (!bytes || !isPdf(bytes)) throw notPdf(info);
  const dir = await mkdtemp(path.join(tmpdir(), 'budgetdoc-page-'));
  try {
    const file = path.join(dir, 'source.pdf');
    await writeFile(file, bytes, { mode: 0o600 });
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

function notPdf(info: SourceFileInfo): HttpError {
  return new HttpError(404, `文件 ${info.id} 的原始文件（${info.file}）不是 PDF，没有可显示的页面`, 'not_pdf');
}

/** One rendered page: PNG bytes, its size in pixels, and the scale from points to pixels. */
interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
  pages: number;
}

function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG')
    throw new HttpError(422, 'pdftoppm 没有输出 PNG 图像', 'render_failed');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Page count and the page's displayed size in points, from pdfinfo. */
async function pageInfo(file: string, pageNo: number): Promise<{ pages: number; width: number; height: number }> {
  const out = (await run('pdfinfo', ['-f', String(pageNo), '-l', String(pageNo), file])).toString('latin1');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? NaN);
  const size = new RegExp(`^Page\\s+${pageNo} size:\\s+([\\d.]+) x ([\\d.]+)`, 'm').exec(out);
  const rot = Number(new RegExp(`^Page\\s+${pageNo} rot:\\s+(\\d+)`, 'm').exec(out)?.[1] ?? 0);
  if (!Number.isFinite(pages)) throw new HttpError(422, '无法读取原始 PDF 的页数', 'render_failed');
  const [w, h] = size ? [Number(size[1]), Number(size[2])] : [0, 0];
  return { pages, ...(rot % 180 === 90 ? { width: h, height: w } : { width: w, height: h }) };
}

/** Rendered pages and crops by content hash, least recently used dropped first, bounded in bytes. */
class RenderCache {
  readonly #entries = new Map<string, RenderedPage>();
  readonly #pending = new Map<string, Promise<RenderedPage>>();
  #bytes = 0;

  async get(key: string, make: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const pending = this.#pending.get(key);
    if (pending) return pending;
    const made = make().finally(() => this.#pending.delete(key));
    this.#pending.set(key, made);
    const value = await made;
    this.#entries.set(key, value);
    this.#bytes += value.png.length;
    while (this.#bytes > CACHE_BYTES && this.#entries.size > 1) {
      const [oldest, entry] = this.#entries.entries().next().value!;
      this.#entries.delete(oldest);
      this.#bytes -= entry.png.length;
    }
    return value;
  }
}

const cache = new RenderCache();
/** page counts by content hash, so that requests past the last page are refused without rendering */
const pageCounts = new Map<string, number>();

function pageMissing(info: SourceFileInfo, pageNo: number, pages: number): HttpError {
  return new HttpError(404, `文件 ${info.id} 的原始 PDF 只有 ${pages} 页，没有第 ${pageNo} 页`, 'page_not_found');
}

async function renderPage(store: Store, info: SourceFileInfo, pageNo: number, dpi: number): Promise<RenderedPage> {
  const known = pageCounts.get(info.hash);
  if (known !== undefined && pageNo > known) throw pageMissing(info, pageNo, known);
  return cache.get(`${info.hash}:${pageNo}:${dpi}`, () =>
    limited(() =>
      withSourceFile(store, info, async (file) => {
        const meta = await pageInfo(file, pageNo);
        if (pageCounts.size > 10_000) pageCounts.clear();
        pageCounts.set(info.hash, meta.pages);
        if (pageNo > meta.pages) throw pageMissing(info, pageNo, meta.pages);
        // an oversized page is drawn at a lower resolution, never beyond MAX_PIXELS
        const area = meta.width * meta.height;
        const used = area > 0 ? Math.max(1, Math.min(dpi, Math.floor(72 * Math.sqrt(MAX_PIXELS / area)))) : dpi;
        const png = await run('pdftoppm', [
          '-f',
          String(pageNo),
          '-l',
          String(pageNo),
          '-r',
          String(used),
          '-cropbox',
          '-png',
          file,
        ]);
        return { png, ...pngSize(png), dpi: used, pages: meta.pages };
      }),
    ),
  );
}

/** The pixel rectangle of a box widened by `pad` points, clipped to the page; undefined when off the page. */
function pixelRect(
  box: Box,
  pad: number,
  rendered: RenderedPage,
): { x: number; y: number; w: number; h: number } | undefined {
  const s = rendered.dpi / 72;
  const x0 = Math.max(0, Math.floor((box[0] - pad) * s));
  const y0 = Math.max(0, Math.floor((box[1] - pad) * s));
  const x1 = Math.min(rendered.width, Math.ceil((box[2] + pad) * s));
  const y1 = Math.min(rendered.height, Math.ceil((box[3] + pad) * s));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : undefined;
}

async function cropPage(
  store: Store,
  info: SourceFileInfo,
  pageNo: number,
  rendered: RenderedPage,
  rect: { x: number; y: number; w: number; h: number },
): Promise<RenderedPage> {
  return cache.get(`${info.hash}:${pageNo}:${rendered.dpi}:${rect.x},${rect.y},${rect.w},${rect.h}`, () =>
    limited(() =>
      withSourceFile(store, info, async (file) => {
        const args = [
          '-f',
          String(pageNo),
          '-l',
          String(pageNo),
          '-r',
          String(rendered.dpi),
          '-cropbox',
          '-x',
          String(rect.x),
          '-y',
          String(rect.y),
          '-W',
          String(rect.w),
          '-H',
          String(rect.h),
          '-png',
          file,
        ];
        const png = await run('pdftoppm', args);
        return { png, ...pngSize(png), dpi: rendered.dpi, pages: rendered.pages };
      }),
    ),
  );
}

const px = (n: number) => String(Math.round(n * 100) / 100);

/** The page as SVG: the PNG embedded as a data URI (no image library) and the box drawn over it. */
function pageSvg(rendered: RenderedPage, box: Box | undefined, pad: number | undefined, title: string): string {
  const s = rendered.dpi / 72;
  const view =
    box && pad !== undefined
      ? (pixelRect(box, pad, rendered) ?? { x: 0, y: 0, w: rendered.width, h: rendered.height })
      : { x: 0, y: 0, w: rendered.width, h: rendered.height };
  const esc = (t: string) =>
    t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const rect = box
    ? `<rect class="region" x="${px(box[0] * s)}" y="${px(box[1] * s)}" width="${px((box[2] - box[0]) * s)}" height="${px((box[3] - box[1]) * s)}" fill="#f0b429" fill-opacity="0.2" stroke="#d00" stroke-width="${px(Math.max(2, s * 1.5))}"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.w}" height="${view.h}" viewBox="${view.x} ${view.y} ${view.w} ${view.h}" data-dpi="${rendered.dpi}">` +
    `<title>${esc(title)}</title>` +
    `<image x="0" y="0" width="${rendered.width}" height="${rendered.height}" href="data:image/png;base64,${rendered.png.toString('base64')}"/>` +
    rect +
    '</svg>'
  );
}

// ── routes ──────────────────────────────────────────────────────────────────────────────────────────────

async function regionResponse(c: Context, options: AppOptions): Promise<Response> {
  const id = pathId(c);
  const { page: pageNo, format } = pageParam(c);
  const box = boxParam(c);
  const pad = padParam(c);
  const dpi = optionalInt(c, 'dpi', [36, 200]) ?? DEFAULT_DPI;
  const info = await sourceFileInfo(options.store, id);
  // drafts stay private, as on the document page
  if (!info || (info.status === 'draft' && !hasToken(c, options.token)))
    throw new HttpError(404, `没有编号为 ${id} 的文件`, 'not_found');
  if (!hasPdfSource({ source_file: info.file, source_format: info.format })) throw notPdf(info);
  // under /api only the images; the HTML view is a page of the site
  if (format === 'html' && c.req.path.startsWith('/api/'))
    throw new HttpError(404, `没有这个页面：${c.req.path}`, 'not_found');
  const title = `${info.file} 第 ${pageNo} 页`;

  const rendered = await renderPage(options.store, info, pageNo, dpi);
  if (box && !pixelRect(box, 0, rendered)) throw boxOutside(box);
  if (format === 'html') {
    const params = { box: box?.join(','), dpi: dpi === DEFAULT_DPI ? undefined : dpi };
    const at = (n: number) => `/documents/${id}/source/page/${n}`;
    const base = at(pageNo);
    const body = h`
<p class="muted"><a href="/documents/${id}">返回文件</a></p>
<h1>原文第 ${pageNo} 页 <span class="muted">（共 ${rendered.pages} 页）</span></h1>
<p class="muted">${info.file}${box ? '，红框为所指位置' : ''}</p>
${box ? h`<section class="card"><h2 style="margin-top:0">所指区域</h2><img id="region-zoom" style="max-width:100%" src="${base}.svg${query({ ...params, pad: DEFAULT_PAD })}" alt="原文第 ${pageNo} 页的局部"></section>` : ''}
<section class="card"><h2 style="margin-top:0">整页</h2><img id="region-page" style="max-width:100%;border:1px solid #d9e2ec" src="${base}.svg${query(params)}" alt="原文第 ${pageNo} 页"></section>
<p class="downloads muted">下载：${box ? h`<a href="${base}.png${query(params)}">局部 PNG</a>` : ''}<a href="${base}.png${query({ dpi: params.dpi })}">整页 PNG</a><a href="/api/documents/${id}/source">原始文件</a></p>
<p class="pager muted">${pageNo > 1 ? h`<a href="${at(pageNo - 1)}">上一页</a>` : ''}${pageNo < rendered.pages ? h`<a href="${at(pageNo + 1)}">下一页</a>` : ''}</p>`;
    return c.html(htmlPage({ title, body }));
  }
  const headers = { 'cache-control': 'public, max-age=3600' };
  if (format === 'png') {
    const out = box
      ? await cropPage(options.store, info, pageNo, rendered, pixelRect(box, pad ?? DEFAULT_PAD, rendered)!)
      : rendered;
    return c.body(new Uint8Array(out.png), 200, { ...headers, 'content-type': 'image/png' });
  }
  return c.body(pageSvg(rendered, box, pad, title), 200, {
    ...headers,
    'content-type': 'image/svg+xml; charset=utf-8',
    // opened on its own, the SVG document may show its embedded image and nothing else
    'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  });
}

function boxOutside(box: Box): HttpError {
  return new HttpError(400, `参数 box（${box.join(',')}）不在该页范围内`, 'bad_parameter');
}

/** Registers the region view under /documents (HTML errors) and /api/documents (JSON errors). */
export function registerSourceRegion(app: Hono, options: AppOptions): void {
  app.get('/documents/:id/source/page/:file', (c) => regionResponse(c, options));
  app.get('/api/documents/:id/source/page/:file', (c) => regionResponse(c, options));
}

/** Whether a stored document's source is a PDF whose pages can be shown (a model JSON keeps the pages and boxes
 *  of the PDF it was read from, but not the PDF). */
export function hasPdfSource(record: { source_file: string; source_format: string }): boolean {
  return (
    /\.pdf$/i.test(record.source_file) || (/pdf/i.test(record.source_format) && !/\.json$/i.test(record.source_file))
  );
}

/** A plain link to the region view (“查看原文第 N 页”), or nothing when the place has no page and box or the
 *  document has no PDF to show (documentId undefined). */
export function sourceLink(documentId: number | undefined, region: PageRegion | undefined, short = false): Markup {
  if (!region || documentId === undefined) return h``;
  const href = regionHref(documentId, region);
  return short
    ? h` <a class="source-link muted" href="${href}" title="查看原文第 ${region.page} 页">原文p${region.page}</a>`
    : h` <a class="source-link" href="${href}">查看原文第 ${region.page} 页</a>`;
}

// The page-region view: a corpus PDF imported into PGlite, its findings and table rows linked to the page region
// they came from, and that region rendered by poppler as PNG and as SVG with the box outlined — through
// app.request(), no port. Where the text sits on the page is checked against poppler's own pdftotext -bbox.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { launchChromium } from '../support/tools.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/model/schema.js';
import { defaultAnalysis } from '../../src/store/analysis.js';
import { openStore, type Store } from '../../src/store/database.js';
import { storeDocument } from '../../src/store/documents.js';
import { importFile } from '../../src/store/import-files.js';
import { createApp } from '../../src/web/app.js';
import { repoRoot, seedsDir } from './support/corpus.js';
import { skipWithout } from '../support/tools.js';

const PDF = path.resolve(repoRoot, '../shared/corpus/021.pdf');
const SEED = path.join(seedsDir, '000_6d5137b5af398648.txt');
const TOKEN = 'region-token-0123';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Words on a page with their boxes in points (origin top left), as poppler's pdftotext reads them. */
function popplerWords(page: number): Array<{ text: string; box: number[] }> {
  const xml = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', PDF, '-'], {
    encoding: 'utf8',
  });
  return [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ text: m[5], box: m.slice(1, 5).map(Number) }));
}

const overlaps = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** page and box of a region link's href */
function linkTarget(href: string): { page: number; box: number[] } {
  const url = new URL(href.replace(/&amp;/g, '&'), 'http://portal');
  return {
    page: Number(/\/page\/(\d+)$/.exec(url.pathname)![1]),
    box: url.searchParams.get('box')!.split(',').map(Number),
  };
}

describe.skipIf(skipWithout('poppler'))('source page regions', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let pdfId: number;
  let textId: number;
  let documentHtml: string;

  beforeAll(async () => {
    store = await openStore({ data: 'memory:' });
    app = createApp({ store, token: TOKEN, analysis: defaultAnalysis });
    const pdf = await importFile(store, PDF, defaultAnalysis);
    const text = await importFile(store, SEED, defaultAnalysis);
    expect(pdf.outcome, pdf.error).toBe('imported');
    expect(text.outcome, text.error).toBe('imported');
    pdfId = pdf.id!;
    textId = text.id!;
    const res = await app.request(`/documents/${pdfId}`);
    expect(res.status).toBe(200);
    documentHtml = await res.text();
  }, 120_000);
  afterAll(() => store?.close());

  it('links a finding in the explanations to the line it is about, on the page where poppler finds that text', () => {
    // the explanation states the change of 收、支预算总计 without its reason, on page 23 of the PDF
    // (the 上年结转 amount of page 24 that this test used is now a reading doubt, not a finding of its own)
    const row = documentHtml
      .split('<tr id="finding-')
      .find((r) => r.includes('收、支预算总计') && r.includes('change-reason'));
    expect(row).toBeDefined();
    const href = /<a class="source-link" href="([^"]+)">查看原文第 (\d+) 页<\/a>/.exec(row!);
    expect(href, 'region link in the finding row').not.toBeNull();
    const target = linkTarget(href![1]);
    expect(target.page).toBe(23);
    expect(Number(href![2])).toBe(23);
    const words = popplerWords(23).filter((w) => w.text.includes('预算总计各增加'));
    expect(words.length).toBeGreaterThan(0);
    expect(words.some((w) => overlaps(w.box, target.box))).toBe(true);
  });

  it('links tables and their rows to their page: the income/expenditure summary row sits where poppler reads it', () => {
    const heading = /<h3 id="table-income-expenditure-summary">[\s\S]*?<\/h3>/.exec(documentHtml)?.[0];
    expect(heading).toMatch(/查看原文第 \d+ 页/);
    const rowHtml = documentHtml
      .split('<tr')
      .find((r) => r.includes('一、一般公共预算拨款收入') && r.includes('source-link'));
    expect(rowHtml).toBeDefined();
    const target = linkTarget(/class="source-link muted" href="([^"]+)"/.exec(rowHtml!)![1]);
    const words = popplerWords(target.page).filter((w) => w.text.includes('一般公共预算拨款收入'));
    expect(words.some((w) => overlaps(w.box, target.box))).toBe(true);
  });

  it('renders the page as SVG with the PNG embedded and the box drawn at the box scaled to the rendered size', async () => {
    const box = [96.1, 767.2, 452.1, 783.2];
    const res = await app.request(`/documents/${pdfId}/source/page/24.svg?box=${box.join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const png = Buffer.from(/href="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(svg)![1], 'base64');
    const size = pngSize(png);
    // an A4 portrait page (595.3 × 841.9 pt) at 100 dpi
    expect(size.width).toBeGreaterThanOrEqual(826);
    expect(size.width).toBeLessThanOrEqual(828);
    expect(size.height).toBeGreaterThanOrEqual(1169);
    expect(size.height).toBeLessThanOrEqual(1171);
    const rect = /<rect class="region" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const [x, y, w, h] = rect.slice(1).map(Number);
    const scale = size.width / 595.3;
    expect(x).toBeCloseTo(box[0] * scale, 0);
    expect(y).toBeCloseTo(box[1] * scale, 0);
    expect(w).toBeCloseTo((box[2] - box[0]) * scale, 0);
    expect(h).toBeCloseTo((box[3] - box[1]) * scale, 0);
    // without pad the whole page is shown; with pad the view is the box widened by pad points
    expect(svg).toMatch(new RegExp(`viewBox="0 0 ${size.width} ${size.height}"`));
    const zoom = await (await app.request(`/documents/${pdfId}/source/page/24.svg?box=${box.join(',')}&pad=10`)).text();
    const view = /viewBox="(\d+) (\d+) (\d+) (\d+)"/.exec(zoom)!.slice(1).map(Number);
    expect(view[0]).toBeCloseTo((box[0] - 10) * scale, -1);
    expect(view[2]).toBeCloseTo((box[2] - box[0] + 20) * scale, -1);
  });

  it('renders a landscape page and crops a PNG to the box and its margin', async () => {
    const whole = await app.request(`/documents/${pdfId}/source/page/16.png`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/png');
    const page = pngSize(Buffer.from(await whole.arrayBuffer()));
    expect(page.width).toBeGreaterThan(page.height); // 841.9 × 595.3 pt
    const crop = await app.request(`/documents/${pdfId}/source/page/16.png?box=183.5,160.8,800,172.7&pad=5`);
    expect(crop.status).toBe(200);
    const size = pngSize(Buffer.from(await crop.arrayBuffer()));
    const scale = page.width / 841.9;
    expect(Math.abs(size.width - (800 - 183.5 + 10) * scale)).toBeLessThanOrEqual(2);
    expect(Math.abs(size.height - (172.7 - 160.8 + 10) * scale)).toBeLessThanOrEqual(2);
  });

  it('shows the region view as a plain HTML page with images (no script)', async () => {
    const res = await app.request(`/documents/${pdfId}/source/page/24?box=96.1,767.2,452.1,783.2`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('原文第 24 页');
    expect(html).toMatch(
      /<img id="region-zoom"[^>]+src="\/documents\/\d+\/source\/page\/24\.svg\?box=96\.1%2C767\.2%2C452\.1%2C783\.2&amp;pad=24"/,
    );
    expect(html).not.toContain('<script');
  });

  it('refuses bad boxes, pages out of range and non-PDF sources with the central JSON error under /api', async () => {
    const error = async (url: string, status: number, code: string) => {
      const res = await app.request(url);
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-type'), url).toMatch(/application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code, url).toBe(code);
    };
    await error(`/api/documents/${pdfId}/source/page/24.svg?box=1,2,3`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/24.svg?box=a,b,c,d`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/24.png?box=300,10,100,20`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/24.png?box=5000,5000,5100,5100`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/24.png?pad=-3`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/0.png`, 400, 'bad_parameter');
    await error(`/api/documents/${pdfId}/source/page/99.png`, 404, 'page_not_found');
    await error(`/api/documents/${textId}/source/page/1.png`, 404, 'not_pdf');
    await error(`/api/documents/999999/source/page/1.svg`, 404, 'not_found');
    await error(`/api/documents/${pdfId}/source/page/1.gif`, 404, 'not_found');
    await error(`/api/documents/${pdfId}/source/page/1`, 404, 'not_found');
    // the page outside /api answers with the HTML error page and the same status
    const html = await app.request(`/documents/${textId}/source/page/1`);
    expect(html.status).toBe(404);
    expect(await html.text()).toContain('不是 PDF');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters: Array<{ name: string }> } }>;
    };
    const route = doc.paths['/api/documents/{id}/source/page/{file}'];
    expect(route?.get?.parameters.map((p) => p.name)).toEqual(['id', 'file', 'box', 'pad', 'dpi']);
  });

  it('opens the region from a finding’s link in Chromium, without JavaScript, and shows the page images', async () => {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/documents/${pdfId}`);
      await page.locator('#findings-table a.source-link', { hasText: '查看原文第 23 页' }).first().click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(`/documents/${pdfId}/source/page/23`);
      // both images decoded: the SVG and the PNG inside it pass the page's Content-Security-Policy
      const widths = await page.$$eval('#region-zoom, #region-page', (imgs) =>
        imgs.map((i) => (i as HTMLImageElement).naturalWidth),
      );
      expect(widths).toHaveLength(2);
      expect(widths.every((w) => w > 0)).toBe(true);
      const artifacts = path.join(repoRoot, 'test-artifacts/portal');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'source-region.png'), fullPage: true });
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('links nothing for a model JSON that keeps the PDF’s pages and boxes but not the PDF', async () => {
    const model = (await (await app.request(`/api/documents/${pdfId}/model`)).json()) as Disclosure;
    const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-region-'));
    try {
      const file = path.join(dir, 'model.json');
      writeFileSync(file, JSON.stringify({ ...model, year: model.year - 1 }));
      const imported = await importFile(store, file, defaultAnalysis);
      expect(imported.outcome, imported.error).toBe('imported');
      const html = await (await app.request(`/documents/${imported.id}`)).text();
      expect(html).toContain('审核发现');
      // (the print stylesheet names the class; no link may carry it)
      expect(html).not.toContain('class="source-link');
      const res = await app.request(`/api/documents/${imported.id}/source/page/1.svg`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_pdf');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps drafts private: a draft PDF’s pages need the token', async () => {
    // the same PDF once more, one byte appended so that it is another file, stored unpublished
    const draftBytes = new Uint8Array([...readFileSync(PDF), 0x0a]);
    const model = (await (await app.request(`/api/documents/${pdfId}/model`)).json()) as Disclosure;
    const draft = await storeDocument(
      store,
      { model: { ...model, year: model.year + 1 }, findings: [], source: { file: 'draft.pdf', bytes: draftBytes } },
      { draft: true },
    );
    expect(draft.outcome).toBe('draft');
    expect((await app.request(`/api/documents/${draft.id}/source/page/1.png`)).status).toBe(404);
    const res = await app.request(`/api/documents/${draft.id}/source/page/1.png`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  }, 60_000);
});

// The portal in Debian's Chromium (playwright-core, never a downloaded browser): search → unit page → chart drawn
// → compare → CSV download → upload with the token and publish. Screenshots go to test-artifacts/portal/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { createApp } from '../../src/web/app.js';
import { importCorpus, repoRoot, writeModelFiles } from './support/corpus.js';
import { makeDisclosure } from './support/fixtures.js';
import { openTestStore } from './support/stores.js';
import { launchChromium, skipWithout } from '../support/tools.js';

const ARTIFACTS = path.join(repoRoot, 'test-artifacts/portal');
const TOKEN = 'browser-test-token';

describe.skipIf(skipWithout('chromium'))('portal in Chromium', () => {
  let store: Store;
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base = '';
  const corpus = writeModelFiles();

  const upload = path.join(ARTIFACTS, 'upload.json');
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(upload, JSON.stringify(makeDisclosure({ unit: '新疆浏览器上传测试局', year: 2024, staffActual: 9 })));
    store = await openTestStore('pglite');
    await importCorpus(store, corpus.dir);
    const app = createApp({ store, token: TOKEN, analysis: defaultAnalysis });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await store?.close();
    corpus.cleanup();
  });

  it('searches, opens a unit, draws its charts, compares, downloads CSV and publishes an upload', async () => {
    // search the explanations for a phrase
    await page.goto(`${base}/`);
    await page.fill('input[name="q"]', '公务用车运行费48.6万元');
    await page.click('form.search button[type="submit"]');
    await page.waitForURL(/\?q=/);
    const results = page.locator('#results tbody tr');
    expect(await results.count()).toBe(1);
    await shot('1-search');

    // the unit's page with its charts drawn by ECharts
    await results.first().locator('a').click();
    await page.waitForURL(/\/documents\/\d+$/);
    // the title as printed names another government office (a mistake in the seed); the unit line names this one
    expect(await page.locator('#unit-line').textContent()).toContain('乌尔禾区人民政府办公室');
    await page.waitForSelector('#chart-function[data-chart-ready="1"]', { timeout: 20_000 });
    expect(await page.locator('#chart-function svg path').count()).toBeGreaterThan(3);
    expect(await page.locator('#findings-table tbody tr').count()).toBeGreaterThan(0);
    await shot('2-unit');

    // drill down into the first 类 of the treemap
    const chart = page.locator('#chart-function');
    await chart.scrollIntoViewIfNeeded();
    const before = await chart.locator('svg text').allTextContents();
    expect(before).toContain('▶ 一般公共服务支出');
    const box = await chart.boundingBox();
    await page.mouse.click(box!.x + box!.width / 3, box!.y + box!.height / 2);
    // after the zoom the 类 is the breadcrumb and its 款 are the blocks
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#chart-function svg text')].some(
          (t) => t.textContent === '▶ 政府办公厅（室）及相关机构事务',
        ),
      null,
      { timeout: 10_000 },
    );
    await shot('3-drill-down');

    // compare with another unit found by name
    await page.goto(`${base}/compare?ids=${page.url().split('/').pop()}`);
    await page.fill('input[name="add"]', '测试县财政局');
    await page.click('form.search button[type="submit"]');
    await page.locator('#candidates a').first().click();
    await page.waitForURL(/ids=\d+(%2C|,)\d+/);
    // 指标, the first document, then the second with its difference and ratio
    expect(await page.locator('#compare-table thead th').count()).toBe(5);
    await page.waitForSelector('#chart-compare[data-chart-ready="1"]', { timeout: 20_000 });
    await shot('4-compare');

    // the comparison as CSV
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:text-is("CSV")')]);
    const file = path.join(ARTIFACTS, 'compare.csv');
    await download.saveAs(file);
    const csv = readFileSync(file);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('乌尔禾区人民政府办公室');

    // a reviewer uploads a model with the token, sees the audit, publishes it
    await page.goto(`${base}/upload`);
    await page.fill('input[name="token"]', TOKEN);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('input[name="file"]');
    await page.setInputFiles('input[name="file"]', upload);
    await page.click('form button[type="submit"]');
    await page.waitForSelector('#draft-notice');
    expect(await page.locator('h1').textContent()).toContain('新疆浏览器上传测试局');
    await shot('5-upload-draft');
    await page.click('#publish');
    await page.waitForLoadState();
    expect(await page.locator('#draft-notice').count()).toBe(0);
    await page.goto(`${base}/?unit=${encodeURIComponent('浏览器上传')}`);
    expect(await page.locator('#results tbody tr').count()).toBe(1);
    await shot('6-published');
  }, 180_000);

  it('refuses an upload with a wrong token', async () => {
    const other = browser.newContext();
    const p = await (await other).newPage();
    await p.goto(`${base}/upload`);
    await p.fill('input[name="token"]', 'wrong');
    const [response] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/upload/session') && r.request().method() === 'POST'),
      p.click('form button[type="submit"]'),
    ]);
    expect(response.status()).toBe(403);
    expect(await p.locator('.notice').first().textContent()).toContain('令牌不正确');
    expect(await p.locator('input[name="file"]').count()).toBe(0);
    await (await other).close();
  }, 60_000);
});

// Search in Debian's Chromium: 三公经费 and “三公”经费 list the same documents, each with a passage whose matched
// words are highlighted. Screenshot in test-artifacts/portal/search-highlight.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { normaliseForSearch } from '../../src/store/search-text.js';
import { createApp } from '../../src/web/app.js';
import { importCorpus, repoRoot, writeModelFiles } from './support/corpus.js';
import { openTestStore } from './support/stores.js';

const ARTIFACTS = path.join(repoRoot, 'test-artifacts/portal');

describe('search in Chromium', () => {
  let store: Store;
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base = '';
  const corpus = writeModelFiles();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    store = await openTestStore('pglite');
    await importCorpus(store, corpus.dir);
    const app = createApp({ store, analysis: defaultAnalysis });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await store?.close();
    corpus.cleanup();
  });

  async function search(q: string): Promise<{ units: string[]; marks: string[][] }> {
    await page.goto(`${base}/`);
    await page.fill('input[name="q"]', q);
    await page.click('form.search button[type="submit"]');
    await page.waitForURL(/\?q=/);
    const rows = page.locator('#results tbody tr');
    const units = await rows.locator('td:first-child > a').allTextContents();
    const marks: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) marks.push(await rows.nth(i).locator('.snippet mark').allTextContents());
    return { units, marks };
  }

  it('lists the same documents for 三公经费 and “三公”经费, each with the words highlighted', async () => {
    const bare = await search('三公经费');
    // the four seeds print “三公”经费 in their explanations
    expect(bare.units.length).toBeGreaterThanOrEqual(4);
    for (const marks of bare.marks) {
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(normaliseForSearch(m)).toBe('三公经费');
    }
    const mark = page.locator('.snippet mark').first();
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    const quoted = await search('“三公”经费');
    expect(quoted.units).toEqual(bare.units);
    expect(quoted.marks).toEqual(bare.marks);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-highlight.png'), fullPage: true });
  });
});

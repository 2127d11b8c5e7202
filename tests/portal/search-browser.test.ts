// Search in Debian's Chromium: 三公经费 and “三公”经费 list the same documents, each with a passage whose matched
// words are highlighted. Screenshot in test-artifacts/portal/search-highlight.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseForSearch } from '../../src/store/search-text.js';
import { ARTIFACTS, startPortal, type Portal } from './support/browser.js';
import { skipWithout } from '../support/tools.js';

describe.skipIf(skipWithout('chromium'))('search in Chromium', () => {
  let portal: Portal;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    portal = await startPortal();
    base = portal.base;
    page = await portal.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await portal?.close();
  });

  async function search(q: string): Promise<{ units: string[]; marks: string[][] }> {
    await page.goto(`${base}/`);
    await page.fill('input[name="q"]', q);
    await page.click('form.search button[type="submit"]');
    await page.waitForURL(/\?q=/);
    const rows = page.locator('#results tbody tr');
    const units = await rows.locator('td:first-child > a').allTextContents();
    const marks: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      marks.push(await rows.nth(i).locator('.snippet mark').allTextContents());
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

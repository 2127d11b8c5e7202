// What a reader sees, in Debian's Chromium: every cell of every standard table on a document page against the
// stored model (budgets, final accounts, two-sided 收支总表), phone width, print preview, the 执行率 view.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table, TableRow } from '../../src/model/schema.js';
import { ARTIFACTS, startPortal, type Portal } from './support/browser.js';
import { makeDisclosure } from './support/fixtures.js';
import { skipWithout } from '../support/tools.js';

/** A budget and the final account of the same unit and year, amounts chosen by hand (fixtures.ts). */
const EXECUTION_UNIT = '新疆执行率测试局';
const EXECUTION = {
  // 支出总计 340.75 (201: 300.50 in 20103; 208: 40.25)
  'exec-budget.json': makeDisclosure({
    unit: EXECUTION_UNIT,
    year: 2024,
    kind: 'budget',
    staffActual: 20,
    date: '2024-02-01',
  }),
  // 支出总计 330.55, all in 201 → 20106 → 2010601
  'exec-final.json': makeDisclosure({
    unit: EXECUTION_UNIT,
    year: 2024,
    kind: 'final_account',
    staffActual: 20,
    date: '2025-08-01',
    rows: [
      { code: '201', label: '一般公共服务支出', amounts: ['330.55', '280.55', '50.00'] },
      { code: '20106', label: '财政事务', amounts: ['330.55', '280.55', '50.00'] },
      { code: '2010601', label: '行政运行', amounts: ['330.55', '280.55', '50.00'] },
    ],
  }),
};

interface Grid {
  headers: string[];
  rows: string[][];
}

/** Every table on the page by its model id: the last header row and the body's cell texts (finding marks and source links left out). */
async function readTables(page: Page): Promise<Record<string, Grid>> {
  return page.evaluate(() => {
    const text = (cell: Element) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('.mark, .source-link').forEach((e) => e.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const out: Record<string, { headers: string[]; rows: string[][] }> = {};
    for (const table of document.querySelectorAll('table[data-table]')) {
      const headRows = table.querySelectorAll('thead tr');
      out[table.getAttribute('data-table')!] = {
        headers: [...headRows[headRows.length - 1].querySelectorAll('th')].map(text),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)),
      };
    }
    return out;
  });
}

const printed = (row: TableRow, key: string) => {
  const cell = row.cells.find((c) => c.column === key);
  return cell?.amount?.text ?? cell?.text ?? '';
};
const label = (row: TableRow) => (row.project ? `${row.label} ${row.project}` : row.label).replace(/\s+/g, ' ').trim();
const code = (row: TableRow) => row.classification?.code ?? row.orgCode ?? '';

/** One side of a two-sided table as the model has it: [编码?] 项目 and the side's columns. */
function sideRows(table: Table, side: 'income' | 'expenditure') {
  const rows = table.rows.filter((r) => (side === 'expenditure' ? r.side === 'expenditure' : r.side !== 'expenditure'));
  const columns = table.columns.filter((c) => c.side === side || c.side === undefined);
  const withCodes = rows.some((r) => code(r) !== '');
  return {
    width: columns.length + 1 + (withCodes ? 1 : 0),
    headers: [...(withCodes ? ['编码'] : []), '项目', ...columns.map((c) => c.label)],
    rows: rows.map((r) => [...(withCodes ? [code(r)] : []), label(r), ...columns.map((c) => printed(r, c.key))]),
  };
}

describe.skipIf(skipWithout('chromium', 'poppler'))('a reader in Chromium', () => {
  let portal: Portal;
  let page: Page;
  const shot = (name: string, fullPage = true) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

  beforeAll(async () => {
    portal = await startPortal(undefined, EXECUTION);
    page = await portal.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await portal?.close();
  });

  async function documents(): Promise<Array<{ id: number; model: Disclosure }>> {
    const list = (await (await fetch(`${portal.base}/api/documents?limit=100`)).json()) as {
      items: Array<{ id: number }>;
    };
    return Promise.all(
      list.items.map(async (d) => ({
        id: d.id,
        model: (await (await fetch(`${portal.base}/api/documents/${d.id}/model`)).json()) as Disclosure,
      })),
    );
  }

  it('prints every cell of every present table as the model has it, two-sided tables side by side', async () => {
    const all = await documents();
    // the seeds (read by the parser: three budgets, one final account) and one generated document of each kind
    const seeds = all.filter((d) => !['model-json', 'sample'].includes(d.model.source.format));
    const samples = ['budget', 'final_account'].map((kind) =>
      all.find((d) => d.model.source.format === 'sample' && d.model.kind === kind)!,
    );
    const chosen = [...seeds, ...samples];
    expect(seeds.length).toBe(4);
    expect(samples.every(Boolean)).toBe(true);
    let twoSided = 0;
    const twoSidedKinds = new Set<string>();
    let cells = 0;
    for (const { id, model } of chosen) {
      await page.goto(`${portal.base}/documents/${id}`);
      const grids = await readTables(page);
      const present = model.tables.filter((t) => t.status === 'present');
      expect(Object.keys(grids).sort(), `${model.unit.name}: tables on the page`).toEqual(
        present.map((t) => t.id).sort(),
      );
      for (const table of present) {
        const grid = grids[table.id];
        const where = `${model.unit.name} ${model.year} ${model.kind} ${table.id}`;
        if (table.columns.some((c) => c.side)) {
          twoSided++;
          twoSidedKinds.add(model.kind);
          const income = sideRows(table, 'income');
          const expenditure = sideRows(table, 'expenditure');
          expect(grid.headers, where).toEqual([...income.headers, ...expenditure.headers]);
          // each half, blank lines dropped, is that side's rows in order with that side's cells only
          const left = grid.rows.map((r) => r.slice(0, income.width));
          const right = grid.rows.map((r) => r.slice(income.width));
          const filled = (half: string[][]) => half.filter((r) => r.some((x) => x !== ''));
          expect(filled(left), `${where}: income side`).toEqual(income.rows.filter((r) => r.some((x) => x !== '')));
          expect(filled(right), `${where}: expenditure side`).toEqual(
            expenditure.rows.filter((r) => r.some((x) => x !== '')),
          );
          expect(grid.rows.length, where).toBeLessThanOrEqual(
            Math.max(income.rows.length, expenditure.rows.length) + 2,
          );
          // the totals are printed on one line, as in the disclosure
          const incomeTotal = table.rows.find((r) => r.key === 'incomeTotal');
          const expenditureTotal = table.rows.find((r) => r.key === 'expenditureTotal');
          if (incomeTotal && expenditureTotal) {
            const line = grid.rows.find((r) => r.includes(incomeTotal.label.replace(/\s+/g, ' ').trim()));
            expect(line, `${where}: totals line`).toContain(expenditureTotal.label.replace(/\s+/g, ' ').trim());
          }
          cells += grid.rows.length * grid.headers.length;
        } else {
          expect(grid.headers, where).toEqual(['编码', '项目', ...table.columns.map((c) => c.label)]);
          expect(grid.rows, where).toEqual(
            table.rows.map((r) => [code(r), label(r), ...table.columns.map((c) => printed(r, c.key))]),
          );
          cells += grid.rows.length * grid.headers.length;
        }
      }
    }
    // 收支总表 and 财政拨款收支总表 of budgets and final accounts
    expect(twoSided).toBeGreaterThanOrEqual(chosen.length);
    expect([...twoSidedKinds].sort()).toEqual(['budget', 'final_account']);
    expect(cells).toBeGreaterThan(2000);
    await page.goto(`${portal.base}/documents/${seeds[0].id}`);
    await page.locator('table.two-sided').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-two-sided.png') });
  }, 120_000);
  /** The cells of a table by its first column's text. */
  async function rowsOf(selector: string): Promise<Record<string, string[]>> {
    const rows = await page
      .locator(`${selector} tbody tr`)
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
    return Object.fromEntries(rows.map((r) => [r[0].replace(/^[▸▾] /, ''), r.slice(1)]));
  }

  it('shows the 执行率 of a budget against its final account, by row, and drills into 款', async () => {
    const list = (await (
      await fetch(`${portal.base}/api/documents?unit=${encodeURIComponent(EXECUTION_UNIT)}`)
    ).json()) as { items: Array<{ id: number; kind: string }> };
    const budget = list.items.find((d) => d.kind === 'budget')!;
    await page.goto(`${portal.base}/documents/${budget.id}`);
    await page.click('#execution-link');
    await page.waitForSelector('#execution-table');
    expect(await page.locator('h1').textContent()).toBe('预算执行情况');
    expect(await page.locator('#execution-table thead th').allTextContents()).toEqual([
      '指标',
      '预算数',
      '决算数',
      '执行率',
      '差异（决算 − 预算）',
    ]);
    let rows = await rowsOf('#execution-table');
    // 330.55 ÷ 340.75 = 97.006…%; 330.55 − 340.75
    expect(rows['支出总计']).toEqual(['340.75', '330.55', '97.01%', '-10.20']);
    expect(rows['201 一般公共服务支出']).toEqual(['300.50', '330.55', '110.00%', '+30.05']);
    expect(rows['208 社会保障和就业支出']).toEqual(['40.25', '—', '—', '—']);
    expect(rows['实有人数']).toEqual(['20', '20', '100.00%', '0']);
    await page.waitForSelector('#chart-compare[data-chart-ready="1"]', { timeout: 20_000 });
    await shot('reader-execution');
    // drill into the 类: its 款 of either document
    await page.click('#execution-table a.drill:has-text("201 一般公共服务支出")');
    await page.waitForURL(/drill=201/);
    rows = await rowsOf('#execution-table');
    expect(rows['20103 政府办公厅（室）及相关机构事务']).toEqual(['300.50', '—', '—', '—']);
    expect(rows['20106 财政事务']).toEqual(['—', '330.55', '—', '—']);
    // and into a 款: its 项
    await page.click('#execution-table a.drill:has-text("20106 财政事务")');
    await page.waitForURL(/drill=20106/);
    rows = await rowsOf('#execution-table');
    expect(rows['2010601 行政运行']).toEqual(['—', '330.55', '—', '—']);
    await shot('reader-execution-drill');
  }, 60_000);

  it('fits a phone: charts inside a 390 px viewport, no sideways scrolling of the page', async () => {
    const phone = await portal.browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const list = (await (
        await fetch(`${portal.base}/api/documents?q=${encodeURIComponent('公务用车运行费48.6万元')}`)
      ).json()) as { items: Array<{ id: number }> };
      await phone.goto(`${portal.base}/documents/${list.items[0].id}`);
      const charts = phone.locator('.chart');
      const count = await charts.count();
      expect(count).toBeGreaterThanOrEqual(3);
      await phone.waitForFunction(
        () => [...document.querySelectorAll('.chart')].every((c) => c.getAttribute('data-chart-ready') === '1'),
        null,
        { timeout: 20_000 },
      );
      for (let i = 0; i < count; i++) {
        const box = (await charts.nth(i).boundingBox())!;
        expect(box.x, `chart ${i}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `chart ${i}`).toBeLessThanOrEqual(390);
        // the drawing itself is no wider than its box
        const svg = (await charts.nth(i).locator('svg').first().boundingBox())!;
        expect(svg.x + svg.width, `chart ${i} drawing`).toBeLessThanOrEqual(390);
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await phone.locator('.charts').scrollIntoViewIfNeeded();
      await phone.screenshot({ path: path.join(ARTIFACTS, 'reader-phone-charts.png') });
      await phone.screenshot({ path: path.join(ARTIFACTS, 'reader-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  }, 60_000);

  it('shows every chart as a data table without JavaScript', async () => {
    const context = await portal.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const plain = await context.newPage();
      const list = (await (
        await fetch(`${portal.base}/api/documents?q=${encodeURIComponent('公务用车运行费48.6万元')}`)
      ).json()) as { items: Array<{ id: number }> };
      await plain.goto(`${portal.base}/documents/${list.items[0].id}`);
      const cards = plain.locator('.chart-card');
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < (await cards.count()); i++) {
        expect(await cards.nth(i).locator('.chart').isVisible()).toBe(false);
        expect(await cards.nth(i).locator('table.chart-data').isVisible()).toBe(true);
      }
      // the 基本/项目 split as printed by the formatter
      const pie = await plain
        .locator('.chart-card:has(#chart-basic-project) table.chart-data tbody tr')
        .allTextContents();
      expect(pie.every((r) => / 万元$/.test(r))).toBe(true);
      await plain.screenshot({ path: path.join(ARTIFACTS, 'reader-no-script.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);

  it('prints a document page as the disclosure: title, explanations and tables, no navigation or findings', async () => {
    const list = (await (
      await fetch(`${portal.base}/api/documents?q=${encodeURIComponent('公务用车运行费48.6万元')}`)
    ).json()) as { items: Array<{ id: number }> };
    const model = (await (await fetch(`${portal.base}/api/documents/${list.items[0].id}/model`)).json()) as Disclosure;
    await page.goto(`${portal.base}/documents/${list.items[0].id}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('#findings-table').isVisible()).toBe(false);
    expect(await page.locator('table.two-sided').first().isVisible()).toBe(true);
    const file = path.join(ARTIFACTS, 'reader-print.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: false });
    await page.emulateMedia({ media: 'screen' });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(model.title.text.replace(/\s+/g, '').slice(0, 10));
    for (const t of model.tables.filter((x) => x.status === 'present'))
      expect(text, t.title).toContain(t.title.replace(/\s+/g, '').slice(-8));
    expect(text).not.toContain('审核发现');
    expect(text).not.toContain('预算决算公开平台检索');
  }, 60_000);

  it('serves an API reference page drawn from the OpenAPI document by the bundled viewer', async () => {
    const doc = (await (await fetch(`${portal.base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const errors: string[] = [];
    const viewer = await portal.browser.newPage({ viewport: { width: 1280, height: 900 } });
    viewer.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const outside: string[] = [];
    viewer.on(
      'request',
      (r) => !r.url().startsWith(portal.base) && !r.url().startsWith('data:') && outside.push(r.url()),
    );
    try {
      await viewer.goto(`${portal.base}/api-docs`);
      await viewer.waitForSelector('#swagger-ui .opblock', { timeout: 30_000 });
      const shown = await viewer.locator('#swagger-ui .opblock-summary-path').allTextContents();
      const paths = shown.map((p) => p.replace(/\u200b/g, '').trim());
      expect(paths).toContain('/api/documents');
      expect(new Set(paths).size).toBe(Object.keys(doc.paths).length);
      expect(outside, 'requests outside the app (no CDN)').toEqual([]);
      expect(errors, 'console errors (Content-Security-Policy)').toEqual([]);
      await viewer.screenshot({ path: path.join(ARTIFACTS, 'reader-api-docs.png') });
    } finally {
      await viewer.close();
    }
  }, 60_000);
});

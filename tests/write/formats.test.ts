// The rendered formats checked with real tools: pdftotext/pdftoppm on the PDF, Chromium on the HTML, LibreOffice
// on the DOCX, exceljs reading the XLSX back, and the auditor on the rendered text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../support/paths.js';
import { hasTool, launchChromium, needTool } from '../support/tools.js';
import { generateSample } from '../../src/write/sample.js';
import { renderDocx, renderHtml, renderPdf, renderText, renderXlsx } from '../../src/write/index.js';
import { parseText } from '../../src/extract/index.js';
import { audit } from '../../src/audit/index.js';
import { standardTableIds } from '../../src/catalog/tables.js';
import type { Disclosure } from '../../src/model/schema.js';

const artifacts = resolve(repoRoot, 'test-artifacts/write');
mkdirSync(artifacts, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-write-'));

const budget = generateSample({ kind: 'budget', seed: 'formats', index: 1 });
const final = generateSample({ kind: 'final_account', seed: 'formats', index: 2 });

/** Totals as printed (two decimals) — what a reader of the rendered document must find. */
function totalsOf(doc: Disclosure): string[] {
  return [doc.figures.incomeTotal, doc.figures.generalPublicBudgetExpenditure, doc.figures.threePublic?.total].map(
    (v) => v!.toFixed(2),
  );
}

describe('PDF', () => {
  for (const doc of [budget, final]) {
    it(`${doc.kind}: text extracts with pdftotext (unit name, totals) and pages render with pdftoppm`, async (ctx) => {
      needTool(ctx, 'poppler');
      const pdf = await renderPdf(doc);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(artifacts, `${doc.kind}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(doc.unit.name);
      for (const t of totalsOf(doc)) expect(text).toContain(t);
      expect(text).toContain('名词解释');
      // Chinese text is real text, not outlines: a table title and a 类 name extract
      expect(text).toContain(doc.kind === 'budget' ? '一般公共预算“三公”经费支出情况表' : '收入支出决算总表');
      execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '3', '-png', file, join(artifacts, `${doc.kind}-page`)]);
      for (const n of ['1', '2', '3']) {
        const png = [join(artifacts, `${doc.kind}-page-${n}.png`), join(artifacts, `${doc.kind}-page-0${n}.png`)].find(
          existsSync,
        );
        expect(png, `page ${n} rendered`).toBeDefined();
        expect(statSync(png!).size).toBeGreaterThan(5_000);
      }
    });
  }
});

describe('HTML in Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasTool('chromium')) return;
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('renders the tables with merged header cells, escapes text, and prints (screenshot and print-PDF saved)', async (ctx) => {
    needTool(ctx, 'chromium');
    needTool(ctx, 'poppler');
    if (!browser) throw new Error('Chromium is installed but did not start');
    // a unit name with markup characters must come out as text
    const tricky = {
      ...budget,
      unit: { ...budget.unit, name: `${budget.unit.name}<b>&` },
      signature: { text: `${budget.unit.name}<b>&` },
    };
    const html = renderHtml(tricky);
    expect(html).toContain('&lt;b&gt;&amp;');
    expect(html).not.toContain(`${budget.unit.name}<b>&`);
    const file = join(artifacts, 'budget.html');
    writeFileSync(file, renderHtml(budget));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`file://${file}`);
    const tables = await page.locator('figure.table table').count();
    expect(tables).toBeGreaterThanOrEqual(standardTableIds('budget').length);
    // the 三公 header: 公务用车购置及运行费 spans three columns
    expect(await page.locator('th[colspan="3"]', { hasText: '公务用车购置及运行费' }).count()).toBeGreaterThan(0);
    const bodyText = await page.locator('body').innerText();
    expect(bodyText).toContain(budget.unit.name);
    for (const t of totalsOf(budget)) expect(bodyText).toContain(t);
    // amounts are right-aligned
    const align = await page
      .locator('td.num')
      .first()
      .evaluate((el) => getComputedStyle(el).textAlign);
    expect(align).toBe('right');
    await page.screenshot({ path: join(artifacts, 'budget-html.png'), fullPage: false });
    // the tables with merged headers: the 收支总表 and the 三公 table as element screenshots
    await page
      .locator('figure.table')
      .first()
      .screenshot({ path: join(artifacts, 'budget-html-table1.png') });
    await page
      .locator('figure.table', { hasText: '三公' })
      .first()
      .screenshot({ path: join(artifacts, 'budget-html-three-public.png') });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.pdf({ format: 'A4', landscape: true });
    writeFileSync(join(artifacts, 'budget-html-print.pdf'), printed);
    expect(statSync(join(artifacts, 'budget-html.png')).size).toBeGreaterThan(10_000);
    const printedText = execFileSync('pdftotext', [join(artifacts, 'budget-html-print.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(printedText).toContain(budget.unit.name);
    await page.close();
  });
});

describe('DOCX', () => {
  it('is a Word file that LibreOffice (headless) converts to a PDF with the text and tables', async (ctx) => {
    const docx = await renderDocx(final);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const file = join(artifacts, 'final.docx');
    writeFileSync(file, docx);
    needTool(ctx, 'soffice');
    needTool(ctx, 'poppler');
    const r = spawnSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        artifacts,
        file,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', join(artifacts, 'final.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(final.unit.name);
    for (const t of totalsOf(final)) expect(text).toContain(t);
    expect(text).toContain('项目支出绩效自评表');
  }, 180_000);
});

describe('XLSX', () => {
  it('has one sheet per table with amounts stored as numbers at two decimals', async () => {
    const bytes = await renderXlsx(budget);
    writeFileSync(join(artifacts, 'budget.xlsx'), bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.length).toBeGreaterThanOrEqual(standardTableIds('budget').length);
    expect(names[0]).toMatch(/^表1 /);
    // the 收支总表: 收入总计 and its amount as a number
    const sheet = wb.worksheets[0];
    let found = false;
    sheet.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (cell.value === '收入总计') {
          const amountCell = row.getCell(col + 1);
          expect(typeof amountCell.value).toBe('number');
          expect(amountCell.value).toBe(budget.figures.incomeTotal);
          expect(amountCell.numFmt).toBe('0.00');
          found = true;
        }
      });
    });
    expect(found).toBe(true);
    // merged header cells are merged
    const three = wb.worksheets.find((w) => w.name.includes('三公'))!;
    expect(Object.keys((three as unknown as { _merges: Record<string, unknown> })._merges).length).toBeGreaterThan(2);
  });
});

describe('budgetdoc check on rendered documents', () => {
  it('finds no error in 60 rendered samples read back from their text', () => {
    const errors: string[] = [];
    for (const kind of ['budget', 'final_account'] as const) {
      for (let i = 0; i < 30; i++) {
        const doc = parseText(renderText(generateSample({ kind, seed: 'check', index: i })), {
          file: `${kind}-${i}.md`,
        });
        for (const f of audit(doc)) if (f.severity === 'error') errors.push(`${kind}#${i} [${f.rule}] ${f.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});

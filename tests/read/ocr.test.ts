// Scanned PDFs: a corpus page rendered to a JPEG and wrapped as an image-only PDF is read by OCR (tesseract chi_sim).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/read/pdf.js';
import { jpegPagePdf } from './make-files.js';
import { corpusPath } from './support.js';
import { needTool } from '../support/tools.js';

describe('OCR of scanned pages', () => {
  it('reads the 一般公共预算支出预算表 of 035.pdf page 14 from its image', async (ctx) => {
    needTool(ctx, 'tesseract');
    needTool(ctx, 'poppler');
    const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-scan-'));
    execFileSync('pdftoppm', [
      '-r',
      '200',
      '-f',
      '14',
      '-l',
      '14',
      '-gray',
      '-jpeg',
      '-singlefile',
      corpusPath('035.pdf'),
      join(dir, 'page'),
    ]);
    const jpeg = readFileSync(join(dir, 'page.jpg'));
    // JPEG SOF0 frame header: height, width and number of colour components of the scan
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const height = jpeg.readUInt16BE(sof + 5);
    const width = jpeg.readUInt16BE(sof + 7);
    const read = await readPdf(jpegPagePdf(jpeg, width, height, jpeg[sof + 9]), 'scan.pdf');
    expect(read.format).toBe('pdf-ocr');
    const text = read.blocks
      .map((b) => (b.type === 'table' ? b.rows.map((r) => r.map((c) => c.text).join('|')).join('\n') : b.text))
      .join('\n');
    expect(text).toContain('一般公共预算支出预算表');
    expect(text).toContain('江苏省人民检察院');
    // amounts as printed on the page (OCR may miss a row, but must not garble the ones it reads)
    expect(text).toMatch(/7,968\.14/);
    expect(text).toMatch(/2040402.*3,644\.20/);
  }, 120_000);
});

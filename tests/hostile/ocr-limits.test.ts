// OCR is bounded by pages and seconds: a 6 KB PDF of 60 blank pages (once 94 s of OCR) is refused at once as a
// scanned document too long, with the reason in Chinese and English.
import { describe, expect, it } from 'vitest';
import { ReadError } from '../../src/read/errors.js';
import { MAX_OCR_PAGES, readPdf } from '../../src/read/pdf.js';
import { blankPagesPdf } from './support.js';
import { needTool } from '../support/tools.js';

describe('OCR limits', () => {
  it('60 blank pages: "scanned document too long" within seconds', async (ctx) => {
    needTool(ctx, 'tesseract');
    const pdf = blankPagesPdf(60);
    expect(pdf.length).toBeLessThan(8 * 1024);
    const started = performance.now();
    const err = await readPdf(pdf, 'blank.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).reason).toMatch(/扫描件过长.*scanned document too long/);
    expect(MAX_OCR_PAGES).toBeLessThan(60);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

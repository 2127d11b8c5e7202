// Bad inputs to the non-text readers: each gets one clear ReadError (exit code 2) naming the file, not a hang or crash.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/extract/index.js';
import { detectFormat, readFileBlocks } from '../../src/read/detect.js';
import { ReadError } from '../../src/read/errors.js';
import { MAX_PDF_PAGES } from '../../src/read/pdf.js';
import { buildZip, emptyPagesPdf, encryptedPdf, imageOnlyPdf } from './make-files.js';
import { corpusPath } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-read-'));

async function readError(name: string, bytes: Buffer): Promise<ReadError> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  try {
    await parseFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ReadError);
    const e = err as ReadError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(file);
    expect(e.message.split('\n')).toHaveLength(1);
    return e;
  }
  throw new Error(`${name} was read without an error`);
}

describe('bad PDFs', () => {
  it('an encrypted PDF', async () => {
    expect((await readError('locked.pdf', encryptedPdf())).reason).toMatch(/加密|encrypted/);
  });

  it('a truncated PDF (first third of a corpus file)', async () => {
    const whole = readFileSync(corpusPath('021.pdf'));
    const e = await readError('cut.pdf', whole.subarray(0, Math.floor(whole.length / 3)));
    expect(e.reason).toMatch(/损坏|不完整|damaged|truncated|扫描件|no pages|没有/);
  });

  it('a PDF with zero pages', async () => {
    expect((await readError('empty.pdf', emptyPagesPdf(0))).reason).toMatch(/没有任何页面|no pages|损坏|damaged/);
  });

  it(`a PDF of 2,000 pages is refused before its pages are read (limit ${MAX_PDF_PAGES})`, async () => {
    expect((await readError('huge.pdf', emptyPagesPdf(2000))).reason).toMatch(/页数过多|too many pages/);
  });

  it('a PDF of header bytes and garbage', async () => {
    expect(
      (await readError('junk.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]))).reason,
    ).toMatch(/损坏|damaged/);
  });

  it('a scanned PDF without a text layer: OCR when tesseract is installed, otherwise a clear message', async () => {
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, imageOnlyPdf());
    // the blank grey image holds no text: OCR (when installed) finds none
    await expect(parseFile(file)).rejects.toThrow(/扫描件|scanned/);
  });
});

describe('format detection by content, not by extension', () => {
  it('reads a corpus PDF saved as .txt as a PDF', async () => {
    const file = join(dir, 'disclosure.txt');
    copyFileSync(corpusPath('035.pdf'), file);
    const d = await parseFile(file);
    expect(d.source.format).toBe('pdf');
    expect(d.year).toBe(2017);
  });

  it('recognises PDF, DOCX, XLSX, HTML, legacy Office and plain zip from their bytes', () => {
    expect(detectFormat(readFileSync(corpusPath('002.pdf')))).toBe('pdf');
    expect(
      detectFormat(
        buildZip([
          { name: '[Content_Types].xml', data: Buffer.from('<x/>') },
          { name: 'word/document.xml', data: Buffer.from('<w/>') },
        ]),
      ),
    ).toBe('docx');
    expect(detectFormat(buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]))).toBe('xlsx');
    expect(detectFormat(buildZip([{ name: 'a.txt', data: Buffer.from('a') }]))).toBe('zip');
    expect(detectFormat(Buffer.from('\ufeff<!DOCTYPE html><html><body>x</body></html>'))).toBe('html');
    expect(detectFormat(Buffer.from('<html><head><meta charset="gbk"></head></html>'))).toBe('html');
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(detectFormat(Buffer.from('第一部分 部门概况\n'))).toBe('text');
  });

  it('refuses a legacy .doc and a plain zip with what to do', async () => {
    expect(
      (
        await readError(
          'old.doc',
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
        )
      ).reason,
    ).toMatch(/旧版|legacy/);
    expect((await readError('bundle.zip', buildZip([{ name: 'a.txt', data: Buffer.from('a') }]))).reason).toMatch(
      /zip/,
    );
  });
});

describe('zip bombs in DOCX and XLSX', () => {
  // 300 MB of spaces deflate to about 300 KB: refused from the declared sizes, before anything is inflated
  const bomb = Buffer.alloc(300 * 1024 * 1024, 0x20);
  it('a DOCX whose document inflates to 300 MB', async () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: bomb },
    ]);
    expect(zip.length).toBeLessThan(2 * 1024 * 1024);
    expect((await readError('bomb.docx', zip)).reason).toMatch(/解压后过大|too large when unpacked/);
  });

  it('an XLSX whose sheet inflates to 300 MB, named .pdf', async () => {
    const zip = buildZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: bomb },
    ]);
    const e = await readError('bomb.pdf', zip);
    expect(e.reason).toMatch(/解压后过大|too large when unpacked/);
  });

  it('readFileBlocks refuses the bomb directly too', async () => {
    const zip = buildZip([{ name: 'word/document.xml', data: bomb }]);
    await expect(readFileBlocks('x.docx', zip)).rejects.toThrow(/解压后过大|too large when unpacked/);
  });
});

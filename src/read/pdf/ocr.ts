// Scanned PDFs: OCR with Debian's tesseract-ocr (+ chi-sim) and poppler's pdftoppm when installed, bounded in pages
// and seconds, its output tidied into the text reader's input.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReadError } from '../errors.js';
import { normalisePdfText } from '../normalise.js';
import { isNumeric } from './geometry.js';
import { pdfErrorText } from './text-layer.js';

const run = promisify(execFile);

async function hasCommand(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tidies OCR output into the text reader's input: digits split by OCR spaces rejoined, spaces between CJK characters
 * dropped, and lines printed in columns (wide gaps, a number among them) written as tab-separated rows.
 */
export function ocrLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let l = line
        .replace(/(\d)\s*([,，.])\s+(\d)/g, '$1$2$3')
        .replace(/(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, '')
        .replace(/[;；](?=\s*\S)/g, (m, off: number, all: string) =>
          /(?:部门|单位)$/.test(all.slice(0, off)) ? '：' : m,
        )
        .trimEnd();
      // a label and its amount printed close together: "合计17,981.68"
      l = l.replace(/([\u4e00-\u9fff）)])(-?\d{1,3}(?:,\d{3})*\.\d{2})$/, '$1  $2');
      const cells = l.trim().split(/\s{2,}/);
      if (cells.length >= 2 && cells.some((c) => isNumeric(c))) return cells.join('\t');
      return l;
    })
    .join('\n');
}

/** Pages OCR'd at most, and seconds for all of them: OCR takes seconds per page, and an upload must not hold a
 *  worker for minutes (a 6 KB PDF of 60 blank pages took 94 s). */
export const MAX_OCR_PAGES = 30;
export const MAX_OCR_SECONDS = 90;

function tooLong(file: string, detail: string): ReadError {
  return new ReadError(
    file,
    `扫描件过长，无法识别 (scanned document too long: ${detail})`,
    'pass a PDF with a text layer, or split the scan',
  );
}

export async function ocrPdf(bytes: Uint8Array, file: string, pages: number): Promise<string> {
  const scanned = '这是扫描件，PDF 没有文字层 (scanned PDF without a text layer)';
  if (!(await hasCommand('tesseract', ['--version'])) || !(await hasCommand('pdftoppm', ['-v']))) {
    throw new ReadError(
      file,
      scanned,
      'install tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils to read it by OCR, or pass a PDF with text',
    );
  }
  const langs = (await run('tesseract', ['--list-langs'], { timeout: 10_000 })).stdout;
  if (!/\bchi_sim\b/.test(langs))
    throw new ReadError(file, scanned, 'install tesseract-ocr-chi-sim (Chinese OCR data) to read it by OCR');
  if (pages > MAX_OCR_PAGES) throw tooLong(file, `${pages} 页 > ${MAX_OCR_PAGES} 页`);
  const deadline = Date.now() + MAX_OCR_SECONDS * 1000;
  const left = () => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw tooLong(file, `超过 ${MAX_OCR_SECONDS} 秒`);
    return ms;
  };
  const dir = await mkdtemp(join(tmpdir(), 'budgetdoc-ocr-'));
  try {
    await writeFile(join(dir, 'in.pdf'), bytes);
    const texts: string[] = [];
    // one page at a time, each step within what is left of the budget
    for (let n = 1; n <= pages; n++) {
      await run(
        'pdftoppm',
        [
          '-r',
          '300',
          '-gray',
          '-png',
          '-f',
          String(n),
          '-l',
          String(n),
          '-singlefile',
          join(dir, 'in.pdf'),
          join(dir, 'p'),
        ],
        { timeout: left() },
      );
      // psm 4 (one column of variable-size text) keeps table rows; interword spaces show the columns
      const { stdout } = await run(
        'tesseract',
        [join(dir, 'p.png'), '-', '-l', 'chi_sim', '--psm', '4', '-c', 'preserve_interword_spaces=1'],
        { timeout: left(), maxBuffer: 16 * 1024 * 1024 },
      );
      texts.push(ocrLines(normalisePdfText(stdout)));
    }
    return texts.join('\n\n');
  } catch (err) {
    if (err instanceof ReadError) throw err;
    // a step killed at the deadline
    if ((err as { killed?: boolean }).killed && Date.now() >= deadline - 50)
      throw tooLong(file, `超过 ${MAX_OCR_SECONDS} 秒`);
    throw new ReadError(
      file,
      `扫描件 OCR 失败 (OCR failed: ${pdfErrorText(err)})`,
      'check the tesseract installation or pass a PDF with text',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

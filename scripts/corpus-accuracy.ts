// Corpus accuracy report: the PDF reader against poppler's `pdftotext -layout` fed to the text reader.
// For every corpus PDF it prints (1) how many of the amounts poppler prints on each page the reader places on the same
// page (recall) and how many of the reader's amounts poppler also prints (precision), and (2) what the extractor gets
// from either input: standard tables found, amount cells read and key figures stated. Run: npx tsx scripts/corpus-accuracy.ts [--verbose]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../src/read/blocks.js';
import { readPdf } from '../src/read/pdf.js';
import { extractDisclosure, parseText } from '../src/extract/index.js';
import type { Disclosure } from '../src/model/schema.js';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const corpusDir = resolve(repoRoot, '../shared/corpus');
/** amounts as printed: grouped thousands or decimals (years, codes and counts are left out) */
const AMOUNT = /(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d,]|\.\d)/g;

function amountsOf(text: string): string[] {
  return (text.match(AMOUNT) ?? []).map((a) => a.replace(/,/g, ''));
}

function multisetOverlap(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      n++;
      counts.set(x, c - 1);
    }
  }
  return n;
}

function blockTexts(b: Block): { page: number; text: string }[] {
  if (b.type === 'table') return b.rows.flatMap((r) => r.map((c) => ({ page: c.at.page ?? 0, text: c.text })));
  return [{ page: b.at.page ?? 0, text: b.text }];
}

/** pdftotext -layout as the text reader's input: runs of two or more spaces become column breaks (tabs). */
function popplerAsText(file: string): { pages: string[]; text: string } {
  const raw = execFileSync('pdftotext', ['-layout', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pages = raw.split('\f');
  const text = pages
    .map((p) =>
      p
        .split('\n')
        .map((line) => {
          const cells = line.trim().split(/\s{2,}/);
          return cells.length >= 2 && cells.some((c) => /\d/.test(c)) ? cells.join('\t') : line;
        })
        .join('\n'),
    )
    .join('\n\n');
  return { pages, text };
}

function amountCells(d: Disclosure | undefined): number {
  return d
    ? d.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c.amount).length, 0), 0)
    : 0;
}

/** key figures stated (a 三公 or function-class breakdown counts once); their values are checked against the pages
 *  in tests/read/pdf-parse.test.ts */
function figureCount(d: Disclosure | undefined): number {
  return d ? Object.values(d.figures).filter((v) => v !== undefined).length : 0;
}

const verbose = process.argv.includes('--verbose');
const rows: string[][] = [];
let sumPoppler = 0,
  sumOurs = 0,
  sumMatched = 0;
for (const name of readdirSync(corpusDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort()) {
  const path = resolve(corpusDir, name);
  const poppler = popplerAsText(path);
  const read = await readPdf(readFileSync(path), name);
  let popplerAmounts = 0,
    ourAmounts = 0,
    matched = 0;
  const ours = new Map<number, string[]>();
  for (const b of read.blocks)
    for (const t of blockTexts(b)) ours.set(t.page, [...(ours.get(t.page) ?? []), ...amountsOf(t.text)]);
  poppler.pages.forEach((text, i) => {
    const p = amountsOf(text);
    const o = ours.get(i + 1) ?? [];
    popplerAmounts += p.length;
    ourAmounts += o.length;
    const m = multisetOverlap(p, o);
    matched += m;
    if (verbose && m < p.length) {
      const missing = p.filter((x) => !o.includes(x));
      console.log(`${name} page ${i + 1}: not placed on this page: ${missing.slice(0, 12).join(' ')}`);
    }
  });
  sumPoppler += popplerAmounts;
  sumOurs += ourAmounts;
  sumMatched += matched;

  let oursDoc: Disclosure | undefined, baseDoc: Disclosure | undefined;
  let oursErr = '',
    baseErr = '';
  try {
    oursDoc = extractDisclosure(read.blocks, { file: name, format: 'pdf', bytes: 0 });
  } catch (e) {
    oursErr = 'error';
  }
  try {
    baseDoc = parseText(poppler.text, { file: name });
  } catch (e) {
    baseErr = 'error';
  }
  rows.push([
    name,
    String(popplerAmounts),
    `${((100 * matched) / Math.max(1, popplerAmounts)).toFixed(1)}%`,
    `${((100 * matched) / Math.max(1, ourAmounts)).toFixed(1)}%`,
    oursErr || String(oursDoc?.tablesPresent.length ?? 0),
    baseErr || String(baseDoc?.tablesPresent.length ?? 0),
    String(amountCells(oursDoc)),
    String(amountCells(baseDoc)),
    String(figureCount(oursDoc)),
    String(figureCount(baseDoc)),
  ]);
}

const header = [
  'file',
  'amounts',
  'recall',
  'precision',
  'tables(pdf)',
  'tables(poppler)',
  'cells(pdf)',
  'cells(poppler)',
  'figures(pdf)',
  'figures(poppler)',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(
  'PDF reader vs pdftotext -layout (+ text reader): amounts per page, then what the extractor reads from each',
);
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(
  `all: ${sumPoppler} amounts printed by poppler; reader recall ${((100 * sumMatched) / sumPoppler).toFixed(1)}%, precision ${((100 * sumMatched) / Math.max(1, sumOurs)).toFixed(1)}%`,
);

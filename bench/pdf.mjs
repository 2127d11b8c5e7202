// PDF reader throughput on one core: every corpus PDF through readPdf (text layer + ruling lines + grids), next to
// poppler's `pdftotext -layout` as a reference. Run: npm run bench:pdf (builds first). Prints pages/s; asserts nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../dist/read/pdf.js';

const corpusDir = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/corpus');
const files = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort();
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

function pdftotextSeconds(path) {
  try {
    const start = process.hrtime.bigint();
    execFileSync('pdftotext', ['-layout', path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    return Number(process.hrtime.bigint() - start) / 1e9;
  } catch {
    return NaN;
  }
}

console.log(
  `corpus: ${files.length} PDFs; node ${process.version}; one core (pdfjs runs in this thread); best of ${rounds} rounds`,
);
// warm-up: load pdfjs and compile the hot paths
await readPdf(readFileSync(resolve(corpusDir, files[0])), files[0]);
let totalPages = 0;
let totalSeconds = 0;
let totalPoppler = 0;
for (const f of files) {
  const path = resolve(corpusDir, f);
  const bytes = readFileSync(path);
  let best = Infinity;
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    const read = await readPdf(bytes, f);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    pages = Math.max(0, ...read.blocks.map((b) => b.at.page ?? 0));
  }
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? pages);
  const poppler = pdftotextSeconds(path);
  totalPages += pages;
  totalSeconds += best;
  totalPoppler += poppler;
  console.log(
    `${f.padEnd(8)} ${String(pages).padStart(4)} pages ${(bytes.length / 1024).toFixed(0).padStart(6)} KiB  ${best.toFixed(2).padStart(6)} s  ${(pages / best).toFixed(1).padStart(6)} pages/s   pdftotext ${(pages / poppler).toFixed(1).padStart(6)} pages/s`,
  );
}
const rate = totalPages / totalSeconds;
console.log(
  `total    ${String(totalPages).padStart(4)} pages in ${totalSeconds.toFixed(2)} s: ${rate.toFixed(1)} pages/s (pdftotext -layout: ${(totalPages / totalPoppler).toFixed(1)} pages/s); target ≥ 5 pages/s: ${rate >= 5 ? 'met' : 'NOT met'}`,
);

// Writer throughput on one core: sample generation (model JSON) and rendering per format, over generated samples.
// Run: npm run bench:render  (builds first). BENCH_SECONDS (default 3) per measurement, BENCH_DOCS (default 40)
// distinct documents cycled. Prints documents/s per format; asserts nothing.
import { generateSample } from '../dist/write/sample.js';
import { renderText } from '../dist/write/text.js';
import { renderHtml } from '../dist/write/html.js';
import { renderXlsx } from '../dist/write/xlsx.js';
import { renderDocx } from '../dist/write/docx.js';
import { renderPdf } from '../dist/write/pdf.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const count = Number(process.env.BENCH_DOCS ?? 40);
const docs = Array.from({ length: count }, (_, i) =>
  generateSample({ kind: i % 2 ? 'final_account' : 'budget', seed: 'bench', index: i }),
);
let sink = 0;

async function measure(name, fn, { warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(docs[i % docs.length], i);
  globalThis.gc?.();
  let n = 0;
  let bytes = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    const out = await fn(docs[n % docs.length], n);
    bytes += typeof out === 'string' ? Buffer.byteLength(out) : out.length;
    n++;
    now = process.hrtime.bigint();
  }
  const elapsed = Number(now - start) / 1e9;
  console.log(
    `${name.padEnd(30)} ${(n / elapsed).toFixed(1).padStart(9)} documents/s  ${(bytes / n / 1024).toFixed(0).padStart(6)} KiB/doc  (${n} in ${elapsed.toFixed(2)} s)`,
  );
  sink += bytes;
  return n / elapsed;
}

console.log(
  `writer benchmark: ${count} generated documents (budget and final account alternating); node ${process.version}; one core`,
);
const json = await measure(
  'sample → model JSON',
  (_d, i) => JSON.stringify(generateSample({ kind: i % 2 ? 'final_account' : 'budget', seed: 'bench-json', index: i })),
  { warmup: 500 },
);
await measure('md (seeds\u2019 text form)', (d) => renderText(d), { warmup: 20 });
await measure('html', (d) => renderHtml(d), { warmup: 20 });
await measure('xlsx (exceljs)', (d) => renderXlsx(d));
await measure('docx (docx 9)', (d) => renderDocx(d));
await measure('pdf (pdfmake, Noto CJK subset)', (d) => renderPdf(d), { warmup: 1 });
console.log(`sample target ≥ 1000 documents/s to JSON: ${json >= 1000 ? 'met' : 'NOT met'} (${json.toFixed(0)}/s)`);
if (sink < 0) console.log(sink);

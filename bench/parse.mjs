// Parse throughput benchmark on one core: the seeds through parseText, next to a split-and-regex floor; then the
// CLI benchmark (bench/cli.mjs; BENCH_SKIP_CLI=1 leaves it out).
// Run: npm run bench  (builds first). Prints steady-state documents/s and MB/s after a timed warm-up, and the
// warm-up rate, and the rate per CPU-second of this process (the figure that counts on a shared machine); asserts
// nothing. BENCH_SECONDS and BENCH_WARMUP_SECONDS change the durations; the warm-up also runs
// at least BENCH_WARMUP_DOCUMENTS (800) documents, so that a slow or busy machine still measures optimised code.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseText } from '../dist/extract/index.js';

const seedsDir = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(resolve(seedsDir, f), 'utf8') }));
const bytes = seeds.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

const warmSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const warmDocuments = Number(process.env.BENCH_WARMUP_DOCUMENTS ?? 800);

function measure(name, fn) {
  // warm up by time and by count: the extractor is large and the JIT needs ~600 documents to optimise it
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(warmSeconds * 1e9));
  let warmDocs = 0;
  const warmStart = process.hrtime.bigint();
  while (process.hrtime.bigint() < warmEnd || warmDocs < warmDocuments) {
    for (const s of seeds) fn(s);
    warmDocs += seeds.length;
  }
  const coldRate = warmDocs / (Number(process.hrtime.bigint() - warmStart) / 1e9);
  globalThis.gc?.();
  let docs = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    for (const s of seeds) fn(s);
    docs += seeds.length;
    now = process.hrtime.bigint();
  }
  const elapsed = Number(now - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  // on a shared machine the wall-clock rate measures the other processes too: the rate per CPU-second does not
  const perCpu = docs / ((cpu.user + cpu.system) / 1e6);
  const perDoc = docs / elapsed;
  const mbps = ((docs / seeds.length) * bytes) / 1e6 / elapsed;
  console.log(
    `${name.padEnd(34)} ${perDoc.toFixed(0).padStart(7)} documents/s  ${perCpu.toFixed(0).padStart(7)} per CPU-second  ${mbps.toFixed(2).padStart(7)} MB/s  (${docs} documents in ${elapsed.toFixed(2)} s; during the ${warmSeconds} s warm-up ${coldRate.toFixed(0)} documents/s)`,
  );
  return { perDoc, perCpu };
}

const NUMBER = /\d+(?:\.\d+)?/g;
let sink = 0;
console.log(`seeds: ${seeds.length} documents, ${(bytes / 1024).toFixed(1)} KiB; node ${process.version}; one core`);
const floor = measure('floor: split lines + one regex pass', (s) => {
  for (const line of s.text.split('\n')) {
    const m = line.match(NUMBER);
    if (m) sink += m.length;
  }
});
const parse = measure('budgetdoc parseText (full model)', (s) => {
  sink += parseText(s.text, { file: s.file }).tables.length;
});
console.log(
  `parse is ${(floor.perDoc / parse.perDoc).toFixed(1)}× slower than the floor (${(floor.perCpu / parse.perCpu).toFixed(1)}× per CPU-second; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}); target ≥ 500 documents/s: ${parse.perDoc >= 500 ? 'met' : 'NOT met'}`,
);
if (sink < 0) console.log(sink);

// the command line end to end (start-up, streams, --jobs, peak RSS): bench/cli.mjs, in its own process
if (!process.env.BENCH_SKIP_CLI) {
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, [fileURLToPath(new URL('./cli.mjs', import.meta.url))], { stdio: 'inherit' });
}

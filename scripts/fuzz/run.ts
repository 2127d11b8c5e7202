// `npm run fuzz [-- COUNT]`: mutants of every reader's inputs (seeds, corpus PDFs, writer-made DOCX/XLSX/HTML) parsed
// in worker threads; counts crashes (anything but a clean read error), hangs (over 30 s) and the peak memory of the
// process. Env: FUZZ_SEED (default 1), FUZZ_THREADS (default: cores), FUZZ_PDF_SHARE (share of PDF mutants,
// default 0.2: a PDF mutant costs a hundred text mutants). Prints progress every 1,000 mutants.
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { Piscina } from 'piscina';
import { fuzzInputs } from './inputs.js';
import { hotSpots, mutate, rng } from './mutate.js';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const threads = Number(process.env.FUZZ_THREADS ?? availableParallelism());
const pdfShare = Number(process.env.FUZZ_PDF_SHARE ?? 0.2);
const HANG_MS = 30_000;
process.env.BUDGETDOC_NO_OCR = '1';

const inputs = await fuzzInputs();
const pdfs = inputs.filter((i) => i.name.endsWith('.pdf'));
const others = inputs.filter((i) => !i.name.endsWith('.pdf'));
const pool = new Piscina({
  // the worker runs the compiled stages (npm run fuzz builds them first)
  filename: new URL('./worker.mjs', import.meta.url).href,
  env: { ...process.env, BUDGETDOC_NO_OCR: '1' },
  maxThreads: threads,
  minThreads: threads,
  resourceLimits: { maxOldGenerationSizeMb: 2048 },
});

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 200);
const counts: Record<'read' | 'refused' | 'crash' | 'hang', number> = { read: 0, refused: 0, crash: 0, hang: 0 };
const hot = new Map(inputs.map((i) => [i.name, hotSpots(i.bytes)]));
const crashes: string[] = [];
const started = performance.now();
const pick = rng(seed);
let next = 0;
let done = 0;

async function lane(): Promise<void> {
  while (next < total) {
    const index = next++;
    const group = pdfs.length && pick() < pdfShare ? pdfs : others;
    const input = group[Math.floor(pick() * group.length)];
    try {
      const bytes = mutate(input.bytes, rng(seed * 1_000_003 + index), hot.get(input.name));
      const r = (await pool.run({ name: input.name, bytes }, { signal: AbortSignal.timeout(HANG_MS) })) as { kind: 'read' | 'refused' | 'crash'; error?: string };
      counts[r.kind]++;
      if (r.kind === 'crash') crashes.push(`${input.name}#${index}: ${r.error}`);
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'AbortError' || name === 'TimeoutError') {
        counts.hang++;
        crashes.push(`${input.name}#${index}: hang > ${HANG_MS / 1000} s`);
      } else {
        counts.crash++;
        crashes.push(`${input.name}#${index}: worker died: ${(err as Error).message}`);
      }
    }
    done++;
    if (done % (total < 5000 ? 50 : 1000) === 0) {
      const s = (performance.now() - started) / 1000;
      process.stderr.write(`${done}/${total} mutants, ${s.toFixed(0)} s, crashes ${counts.crash}, hangs ${counts.hang}, peak RSS ${(peak / 1048576).toFixed(0)} MB\n`);
    }
  }
}

await Promise.all(Array.from({ length: threads * 2 }, lane));
clearInterval(sampler);
sample();
await pool.destroy();
const seconds = (performance.now() - started) / 1000;
const summary = { mutants: done, seed, inputs: inputs.length, ...counts, peakRssMb: Math.round(peak / 1048576), seconds: Math.round(seconds) };
process.stdout.write(`fuzz: ${JSON.stringify(summary)}\n`);
for (const c of crashes.slice(0, 50)) process.stdout.write(`  ${c}\n`);
if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...summary, crashes }, null, 2));
process.exitCode = counts.crash || counts.hang ? 1 : 0;

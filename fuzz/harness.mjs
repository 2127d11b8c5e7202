// The fuzz harness: mutants of every reader's inputs (the seeds' text, real PDFs, and HTML/DOCX/XLSX/PDF made by
// the writer) parsed on a worker-thread pool; counts clean rejections, crashes (anything thrown that is not a read
// error), hangs (no answer within the time limit: the thread is stopped) and threads that ran out of memory, and
// keeps each distinct crash's input. Reads dist/ (build first).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { mutateBytes, mutateText, mutateZip, rng } from './mutate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');

/** Shares of the formats: PDF mutants cost a second or more each (pdfjs), text ones a few milliseconds. */
export const DEFAULT_WEIGHTS = { text: 0.7, html: 0.1, docx: 0.08, xlsx: 0.08, pdf: 0.04 };

/** The inputs mutants are made from, by format. */
export async function baseInputs({ pdfs = 3 } = {}) {
  const { generateSample, renderDisclosure } = await import('../dist/write/index.js');
  const seeds = readdirSync(path.join(shared, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(shared, 'seeds', f)));
  const pdfFiles = ['corpus', 'corpus-wide'].flatMap((d) => readdirSync(path.join(shared, d)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(shared, d, f)));
  // the smallest real PDFs: a mutant of a 200-page file costs seconds, and the readers' paths are the same
  const smallPdfs = pdfFiles.sort((a, b) => statSync(a).size - statSync(b).size).slice(0, pdfs).map((f) => readFileSync(f));
  const inputs = { text: seeds, html: [], docx: [], xlsx: [], pdf: smallPdfs };
  for (const kind of ['budget', 'final_account']) {
    const doc = generateSample({ kind, seed: 'fuzz', index: 0 });
    for (const format of ['html', 'docx', 'xlsx']) inputs[format].push(new Uint8Array(await renderDisclosure(doc, format)));
  }
  inputs.pdf.push(new Uint8Array(await renderDisclosure(generateSample({ kind: 'budget', seed: 'fuzz', index: 1 }), 'pdf')));
  return inputs;
}

const EXT = { text: 'txt', html: 'html', docx: 'docx', xlsx: 'xlsx', pdf: 'pdf' };

/** A crash's signature: its message without numbers, and the first frame. */
function signature(result) {
  return `${result.message.replace(/\d+/g, 'N').slice(0, 120)} @ ${(result.stack ?? '').split('\n')[0]?.trim() ?? ''}`;
}

/**
 * Runs `count` mutants. Options: seed, jobs (threads), timeoutMs (a hang), memoryMb (each thread's heap),
 * weights (share of each format), out (folder for crashing inputs), onProgress(stats).
 */
export async function runFuzz(options = {}) {
  const count = options.count ?? 1000;
  const seed = options.seed ?? 1;
  const jobs = options.jobs ?? os.availableParallelism();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const inputs = options.inputs ?? (await baseInputs());
  const pool = new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 1536 },
  });
  const formats = Object.keys(weights).filter((f) => inputs[f]?.length);
  const total = formats.reduce((n, f) => n + weights[f], 0);
  const stats = { done: 0, parsed: 0, rejected: 0, crashes: 0, hangs: 0, outOfMemory: 0, byFormat: {}, distinct: new Map(), started: Date.now(), peakRssMb: 0 };
  const r = rng(seed);
  const pickFormat = () => {
    let x = r.next() * total;
    for (const f of formats) if ((x -= weights[f]) < 0) return f;
    return formats[formats.length - 1];
  };
  const record = (format, bytes, result) => {
    stats.done++;
    const by = (stats.byFormat[format] ??= { mutants: 0, parsed: 0, rejected: 0, crashes: 0, hangs: 0 });
    by.mutants++;
    if (result.outcome === 'parsed') { stats.parsed++; by.parsed++; return; }
    if (result.outcome === 'rejected') { stats.rejected++; by.rejected++; return; }
    if (result.outcome === 'hang') { stats.hangs++; by.hangs++; } else if (result.outcome === 'oom') stats.outOfMemory++;
    else { stats.crashes++; by.crashes++; }
    const key = `${result.outcome} ${format} ${signature(result)}`;
    if (!stats.distinct.has(key)) {
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      let file = null;
      if (options.out) {
        mkdirSync(options.out, { recursive: true });
        file = path.join(options.out, `${result.outcome}-${hash}.${EXT[format]}`);
        writeFileSync(file, bytes);
      }
      stats.distinct.set(key, { outcome: result.outcome, format, message: result.message, stack: result.stack, file, count: 0 });
    }
    stats.distinct.get(key).count++;
  };
  const rssTimer = setInterval(() => { stats.peakRssMb = Math.max(stats.peakRssMb, process.memoryUsage.rss() / 1048576); }, 200);
  const one = async () => {
    const format = pickFormat();
    const list = inputs[format];
    const base = r.pick(list);
    const other = r.pick(list);
    let bytes;
    try {
      if (format === 'docx' || format === 'xlsx') bytes = await mutateZip(r, base, other);
      else if (format === 'text') bytes = mutateText(r, base, other);
      else {
        bytes = mutateBytes(r, base, format, other);
        for (let extra = r.int(0, 2); extra > 0; extra--) bytes = mutateBytes(r, bytes, format, other);
      }
    } catch {
      bytes = mutateBytes(r, base, format, other);
    }
    const name = `mutant.${EXT[format]}`;
    let result;
    try {
      result = await pool.run({ name, bytes }, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const e = /** @type {Error & {code?: string}} */ (err);
      if (e?.name === 'AbortError' || e?.name === 'TimeoutError') result = { outcome: 'hang', message: `no answer within ${timeoutMs} ms` };
      else if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') result = { outcome: 'oom', message: e.message };
      else result = { outcome: 'crash', message: `${e?.name}: ${e?.message}`, stack: e?.stack };
    }
    record(format, bytes, result);
    options.onProgress?.(stats);
  };
  // keep every thread busy, a few tasks queued
  let next = 0;
  const lanes = Array.from({ length: jobs * 2 }, async () => {
    while (next < count) {
      next++;
      await one();
    }
  });
  await Promise.all(lanes);
  clearInterval(rssTimer);
  stats.peakRssMb = Math.max(stats.peakRssMb, process.resourceUsage().maxRSS / 1024);
  stats.seconds = (Date.now() - stats.started) / 1000;
  await pool.destroy();
  return stats;
}

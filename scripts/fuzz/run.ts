// `npm run fuzz [-- COUNT]`: mutants of every reader's inputs run through the pipeline `check` runs (read → extract
// → audit) on a pool of reused worker threads. A crash is anything thrown that is not the project's input error
// (exit 2), or a worker's death; a hang is one mutant taking more than 30 s of its own processing — the CPU time of
// the worker's thread from when it began the task (with one thread, of the whole process: the PDF reader reads pages
// in a thread of its own), not its wait in the queue nor what other processes of a shared machine take, or 5 minutes of wall time for a task that waits on nothing: its worker is terminated and replaced
// (piscina starts another). Crashing and hanging inputs
// are saved to fuzz-out/ (`budgetdoc check fuzz-out/FILE` reproduces one). Prints the peak RSS of the process (the
// workers are threads of it), mutants per second, and the counts per format.
// Env: FUZZ_SEED (default 1), FUZZ_THREADS (default 1: the machine is shared), FUZZ_MIX (weights per format, e.g.
// "text=60,pdf=3"), FUZZ_REPORT=file.json, FUZZ_OUT (default fuzz-out), FUZZ_HANG_S (default 30),
// FUZZ_MAX_SECONDS (stop early, with the summary of the mutants run).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { fuzzInputs, type FuzzFormat, type FuzzInput } from './inputs.js';
import { hotSpots, mutateInput, rng } from './mutate.js';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const threads = Number(process.env.FUZZ_THREADS ?? 1);
const outDir = process.env.FUZZ_OUT ?? 'fuzz-out';
const HANG_CPU_MS = Number(process.env.FUZZ_HANG_S ?? 30) * 1000;
const HANG_WALL_MS = 300_000;
/** FUZZ_MAX_SECONDS: no new mutant after this long (the summary says how many ran) */
const maxSeconds = Number(process.env.FUZZ_MAX_SECONDS ?? Infinity);
process.env.BUDGETDOC_NO_OCR = '1';

/**
 * Share of mutants per format (weights): mostly the small texts the text reader, the extractor and the audit run on
 * in milliseconds; a share of small DOCX, XLSX and PDF for the binary readers; a few of the corpus PDFs, which take
 * a second or more each.
 */
const MIX: Record<FuzzFormat, number> = {
  text: 64,
  csv: 10,
  markdown: 10,
  html: 4,
  json: 8,
  yaml: 0.6,
  docx: 1.2,
  xlsx: 1,
  pdf: 0.5,
  'corpus-pdf': 0.015,
};
for (const part of (process.env.FUZZ_MIX ?? '').split(',').filter(Boolean)) {
  const [k, v] = part.split('=');
  if (!(k in MIX)) throw new Error(`FUZZ_MIX: unknown format ${k}`);
  MIX[k as FuzzFormat] = Number(v);
}

const inputs = await fuzzInputs();
const byFormat = new Map<FuzzFormat, FuzzInput[]>();
for (const i of inputs) byFormat.set(i.format, [...(byFormat.get(i.format) ?? []), i]);
const formats = [...byFormat.keys()].filter((f) => MIX[f] > 0);
const weightSum = formats.reduce((s, f) => s + MIX[f], 0);
const hot = new Map(inputs.map((i) => [i, hotSpots(i.bytes)]));

const pool = new Piscina({
  // the worker runs the compiled stages (npm run fuzz builds them first)
  filename: new URL('./worker.mjs', import.meta.url).href,
  env: { ...process.env, BUDGETDOC_NO_OCR: '1' },
  // plain Node, as the CLI runs: without the TypeScript loader this script runs under (which would load some of
  // dist/ a second time through its CommonJS path, so that a reader's error class is not the one the CLI checks)
  execArgv: [],
  maxThreads: threads,
  minThreads: threads,
  // one task per worker at a time: a lane's task starts as soon as it is submitted
  concurrentTasksPerWorker: 1,
  idleTimeout: 60_000,
  resourceLimits: { maxOldGenerationSizeMb: 2048 },
});

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const sampler = setInterval(sample, 100);
type Kind = 'read' | 'refused' | 'crash' | 'hang';
const counts: Record<Kind, number> = { read: 0, refused: 0, crash: 0, hang: 0 };
const perFormat: Record<string, Record<Kind, number> & { ms: number; maxMs: number; cpuMs: number; maxCpuMs: number }> =
  {};
const problems: string[] = [];
const started = performance.now();
const pick = rng(seed);
let next = 0;
let done = 0;

// per lane, written by the worker when it begins a task: start (ms since epochBase, 0 while idle), thread id, the
// thread's CPU ms and the process's CPU ms at the start
const epochBase = Date.now() - 1;
const clock = new Int32Array(new SharedArrayBuffer(4 * 4 * threads));
// with one lane, a task's CPU is the whole process's (the threads a reader starts included); with several, each
// lane's thread's own
const whole = threads === 1;
const lanes: AbortController[] = [];

function chooseFormat(): FuzzFormat {
  let r = pick() * weightSum;
  for (const f of formats) if ((r -= MIX[f]) < 0) return f;
  return formats[formats.length - 1];
}

function save(kind: string, index: number, input: FuzzInput, bytes: Uint8Array): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${kind}-${seed}-${index}-${input.name}`);
  writeFileSync(file, bytes);
  return file;
}

async function lane(l: number): Promise<void> {
  while (next < total && (performance.now() - started) / 1000 < maxSeconds) {
    const index = next++;
    const format = chooseFormat();
    const group = byFormat.get(format)!;
    const input = group[Math.floor(pick() * group.length)];
    const bytes = mutateInput(input, rng(seed * 1_000_003 + index), hot.get(input));
    const stats = (perFormat[format] ??= {
      read: 0,
      refused: 0,
      crash: 0,
      hang: 0,
      ms: 0,
      maxMs: 0,
      cpuMs: 0,
      maxCpuMs: 0,
    });
    const abort = new AbortController();
    lanes[l] = abort;
    try {
      const r = (await pool.run(
        { name: input.name, bytes, clock, lane: l, base: epochBase, whole },
        { signal: abort.signal },
      )) as {
        kind: 'read' | 'refused' | 'crash';
        ms: number;
        cpuMs?: number;
        error?: string;
      };
      counts[r.kind]++;
      stats[r.kind]++;
      stats.ms += r.ms;
      stats.maxMs = Math.max(stats.maxMs, r.ms);
      stats.cpuMs += r.cpuMs ?? 0;
      stats.maxCpuMs = Math.max(stats.maxCpuMs, r.cpuMs ?? 0);
      if (r.kind === 'crash') problems.push(`crash ${format} ${save('crash', index, input, bytes)}: ${r.error}`);
    } catch (err) {
      const hung = abort.signal.aborted;
      counts[hung ? 'hang' : 'crash']++;
      stats[hung ? 'hang' : 'crash']++;
      const file = save(hung ? 'hang' : 'crash', index, input, bytes);
      problems.push(
        hung
          ? `hang ${format} ${file}: ${String(abort.signal.reason)}`
          : `crash ${format} ${file}: worker died: ${(err as Error).message}`,
      );
    } finally {
      Atomics.store(clock, l * 4, 0);
    }
    done++;
    if (done % (total < 5000 ? 100 : 2000) === 0) {
      const s = (performance.now() - started) / 1000;
      process.stderr.write(
        `${done}/${total} mutants, ${s.toFixed(0)} s, ${(done / s).toFixed(1)}/s, crashes ${counts.crash}, hangs ${counts.hang}, peak RSS ${(peak / 1048576).toFixed(0)} MB\n`,
      );
    }
  }
}

/** CPU ms of one of this process's threads (user + system from /proc, clock ticks of 10 ms), or null. */
function threadCpuMs(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The process's CPU ms (all its threads). */
function processCpuMs(): number {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
}

// the watchdog: a lane whose task has used more than HANG_CPU_MS of CPU (its thread's, or with one lane the
// process's; where a thread's cannot be read, wall time), or HANG_WALL_MS of wall time, is aborted: piscina
// terminates the worker and starts another
const watchdog = setInterval(() => {
  const now = Date.now() - epochBase;
  for (let l = 0; l < threads; l++) {
    const t = Atomics.load(clock, l * 4);
    if (t <= 0) continue;
    const tid = Atomics.load(clock, l * 4 + 1);
    const cpu = whole ? processCpuMs() : tid ? threadCpuMs(tid) : null;
    const used = cpu === null ? now - t : cpu - Atomics.load(clock, l * 4 + (whole ? 3 : 2));
    if (used > HANG_CPU_MS || now - t > HANG_WALL_MS) {
      Atomics.store(clock, l * 4, 0);
      lanes[l]?.abort(
        used > HANG_CPU_MS
          ? `over ${HANG_CPU_MS / 1000} s of its own ${cpu === null ? 'time' : 'CPU time'}`
          : `over ${HANG_WALL_MS / 1000} s of wall time`,
      );
    }
  }
}, 250);

await Promise.all(Array.from({ length: threads }, (_, l) => lane(l)));
clearInterval(sampler);
clearInterval(watchdog);
sample();
await pool.destroy();
const seconds = (performance.now() - started) / 1000;
const summary = {
  mutants: done,
  seed,
  inputs: inputs.length,
  threads,
  ...counts,
  peakRssMb: Math.round(peak / 1048576),
  seconds: Math.round(seconds),
  mutantsPerSecond: Math.round((done / seconds) * 10) / 10,
};
const formatsSummary = Object.fromEntries(
  Object.entries(perFormat).map(([f, s]) => {
    const n = s.read + s.refused + s.crash + s.hang;
    const per = (x: number) => Math.round((x / Math.max(1, n - s.hang)) * 10) / 10;
    return [
      f,
      {
        mutants: n,
        read: s.read,
        refused: s.refused,
        crash: s.crash,
        hang: s.hang,
        meanMs: per(s.ms),
        maxMs: Math.round(s.maxMs),
        meanCpuMs: per(s.cpuMs),
        maxCpuMs: s.maxCpuMs,
      },
    ];
  }),
);
process.stdout.write(`fuzz: ${JSON.stringify(summary)}\n`);
for (const [f, s] of Object.entries(formatsSummary)) process.stdout.write(`  ${f.padEnd(11)} ${JSON.stringify(s)}\n`);
for (const c of problems.slice(0, 50)) process.stdout.write(`  ${c}\n`);
if (process.env.FUZZ_REPORT)
  writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...summary, formats: formatsSummary, problems }, null, 2));
process.exitCode = counts.crash || counts.hang ? 1 : 0;

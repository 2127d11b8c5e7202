// CLI benchmark (run by `npm run bench` after bench/parse.mjs, or alone: node bench/cli.mjs after a build): the
// command line end to end over copies of the seeds — parse --format ndjson and check at --jobs 1 next to a
// split-and-regex floor over the same files measured in the same run, --jobs 2 against --jobs 1, peak RSS over
// 10,000 files, and start-up (--help, parse of one seed; median of 10). Prints numbers and asserts nothing.
// BENCH_CLI_DOCS (2000), BENCH_CLI_RSS_DOCS (10000; 0 skips) and BENCH_CLI_STARTS (10) change the sizes;
// BENCH_CLI_RSS_CHECK=1 runs check over the RSS_DOCS files too. Each run reports wall time and the CPU time
// of the process (all its threads): on a busy shared machine the CPU time is the steadier figure.
import { spawn } from 'node:child_process';
import {
  linkSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  closeSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, 'bin/budgetdoc.js');
const seedsDir = resolve(root, '../shared/seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(seedsDir, f));
const DOCS = Number(process.env.BENCH_CLI_DOCS ?? 2000);
const RSS_DOCS = Number(process.env.BENCH_CLI_RSS_DOCS ?? 10000);
/** check over the RSS_DOCS files too (about three times the parse run's CPU time) */
const RSS_CHECK = process.env.BENCH_CLI_RSS_CHECK === '1';
const STARTS = Number(process.env.BENCH_CLI_STARTS ?? 10);
const work = mkdtempSync(join(tmpdir(), 'budgetdoc-bench-cli-'));
// the child reports its peak RSS and CPU time (all threads) on exit, after the command's own output
const report = join(work, 'report-usage.mjs');
await import('node:fs').then((fs) =>
  fs.writeFileSync(
    report,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\n@usage ${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
  ),
);

/** A folder of n seed copies (hard links where the file system allows: the bytes read are the same). */
function corpus(n) {
  const dir = join(work, `copies-${n}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const from = seeds[i % seeds.length];
    const to = join(dir, `${String(i).padStart(6, '0')}-${from.split('/').pop()}`);
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
  return dir;
}

/** Runs the CLI with stdout to /dev/null; wall seconds, CPU seconds, peak RSS (MB), exit code. */
function cli(args) {
  return new Promise((done, fail) => {
    const out = openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', report, bin, ...args], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      closeSync(out);
      const wall = (performance.now() - started) / 1000;
      const m = /@usage (\d+) (\d+)/.exec(stderr);
      const other = stderr.replace(/\n?@usage.*\n?/, '').trim();
      if (other) process.stdout.write(`  (stderr: ${other.split('\n').slice(0, 3).join(' | ')})\n`);
      done({ wall, cpu: m ? Number(m[2]) / 1e6 : NaN, rssMB: m ? Number(m[1]) / 1024 : NaN, code });
    });
  });
}

/** The floor: read every file, split it into lines and run one regex pass, in this process. */
function floor(dir) {
  const NUMBER = /\d+(?:\.\d+)?/g;
  const files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const line of text.split('\n')) {
      const m = line.match(NUMBER);
      if (m) sink += m.length;
    }
  }
  const wall = (performance.now() - started) / 1000;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1e6, sink };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name, r, n) =>
  console.log(
    `${name.padEnd(44)} ${(n / r.wall).toFixed(0).padStart(6)} documents/s wall (${r.wall.toFixed(1)} s)  ${(n / r.cpu).toFixed(0).padStart(6)} documents/s per CPU-second (${r.cpu.toFixed(1)} s CPU)  peak RSS ${r.rssMB.toFixed(0)} MB${r.code ? `  exit ${r.code}` : ''}`,
  );

console.log(
  `\nCLI over copies of the ${seeds.length} seeds; node ${process.version}; ${availableParallelism()} cores; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (shared machine: figures are noisy)`,
);
const dir = corpus(DOCS);
// a first pass warms the page cache for both the floor and the CLI
floor(dir);
const f = floor(dir);
console.log(
  `${'floor: read + split lines + one regex pass'.padEnd(44)} ${(DOCS / f.wall).toFixed(0).padStart(6)} documents/s wall (${f.wall.toFixed(2)} s)  ${(DOCS / f.cpu).toFixed(0).padStart(6)} documents/s per CPU-second`,
);

const parse1 = await cli(['parse', dir, '--format', 'ndjson', '--jobs', '1']);
line(`parse --format ndjson --jobs 1 (${DOCS})`, parse1, DOCS);
const check1 = await cli(['check', dir, '--format', 'ndjson', '--jobs', '1']);
line(`check --format ndjson --jobs 1 (${DOCS})`, check1, DOCS);
const parse2 = await cli(['parse', dir, '--format', 'ndjson', '--jobs', '2']);
line(`parse --format ndjson --jobs 2 (${DOCS})`, parse2, DOCS);
const check2 = await cli(['check', dir, '--format', 'ndjson', '--jobs', '2']);
line(`check --format ndjson --jobs 2 (${DOCS})`, check2, DOCS);

const ratio = (r) => `${(r.wall / f.wall).toFixed(1)}× wall, ${(r.cpu / f.cpu).toFixed(1)}× CPU`;
console.log(`parse vs floor: ${ratio(parse1)} (target ≤ 5×); check vs floor: ${ratio(check1)} (target ≤ 8×)`);
console.log(
  `--jobs 2 vs --jobs 1 (wall): parse ${(parse1.wall / parse2.wall).toFixed(2)}×, check ${(check1.wall / check2.wall).toFixed(2)}× (target ≥ 1.6×; needs two idle cores); CPU time at --jobs 2 ÷ --jobs 1 (the threads' overhead): parse ${(parse2.cpu / parse1.cpu).toFixed(2)}, check ${(check2.cpu / check1.cpu).toFixed(2)}`,
);

if (RSS_DOCS > 0) {
  const big = corpus(RSS_DOCS);
  const r = await cli(['parse', big, '--format', 'ndjson']);
  line(`parse --format ndjson, default jobs (${RSS_DOCS})`, r, RSS_DOCS);
  console.log(`peak RSS over ${RSS_DOCS} files: ${r.rssMB.toFixed(0)} MB (target ≤ 400 MB)`);
  if (RSS_CHECK) {
    const c = await cli(['check', big, '--format', 'ndjson']);
    line(`check --format ndjson, default jobs (${RSS_DOCS})`, c, RSS_DOCS);
  }
  rmSync(big, { recursive: true, force: true });
}

const help = [];
const one = [];
for (let i = 0; i < STARTS; i++) {
  help.push(await cli(['--help']));
  one.push(await cli(['parse', seeds[0]]));
}
const ms = (runs, k) => (median(runs.map((r) => r[k])) * 1000).toFixed(0);
console.log(
  `start-up, median of ${STARTS} (including node's own start): --help ${ms(help, 'wall')} ms wall, ${ms(help, 'cpu')} ms CPU; parse of one seed ${ms(one, 'wall')} ms wall, ${ms(one, 'cpu')} ms CPU`,
);
const bare = [];
for (let i = 0; i < STARTS; i++) {
  const started = performance.now();
  await new Promise((done) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('close', done));
  bare.push(performance.now() - started);
}
console.log(`  (node -e 0 alone: ${median(bare).toFixed(0)} ms)`);
rmSync(work, { recursive: true, force: true });

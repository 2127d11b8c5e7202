#!/usr/bin/env node
// npm run fuzz [-- --count N --seed S --jobs J --timeout SECONDS --out DIR]: mutants of every reader's inputs through
// the parser; prints counts by outcome and format, each distinct crash or hang with its saved input, and peak memory.
// Exit code 1 when anything crashed, hung or ran out of memory.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz } from './harness.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string' },
    timeout: { type: 'string', default: '30' },
    out: { type: 'string', default: 'fuzz-out' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('用法: npm run fuzz -- [--count 100000] [--seed 1] [--jobs N] [--timeout 30] [--out fuzz-out]\n变异输入送入解析器，统计崩溃、超时（卡死）与内存峰值；崩溃的输入保存在 --out 目录。');
  process.exit(0);
}
const count = Number(values.count);
const tty = process.stderr.isTTY;
let last = 0;
const stats = await runFuzz({
  count,
  seed: Number(values.seed),
  jobs: values.jobs ? Number(values.jobs) : undefined,
  timeoutMs: Number(values.timeout) * 1000,
  out: path.resolve(values.out),
  onProgress(s) {
    const now = Date.now();
    if (now - last < (tty ? 250 : 30_000) && s.done < count) return;
    last = now;
    const rate = s.done / ((now - s.started) / 1000);
    const line = `${s.done}/${count} mutants  ${rate.toFixed(1)}/s  ETA ${Math.round((count - s.done) / Math.max(rate, 0.01))} s  crashes ${s.crashes}  hangs ${s.hangs}  oom ${s.outOfMemory}  peak ${s.peakRssMb.toFixed(0)} MB`;
    process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  },
});
if (tty) process.stderr.write('\n');
console.log(`mutants ${stats.done} in ${stats.seconds.toFixed(0)} s (${(stats.done / stats.seconds).toFixed(1)}/s): parsed ${stats.parsed}, rejected with a read error ${stats.rejected}, crashes ${stats.crashes}, hangs ${stats.hangs}, out of memory ${stats.outOfMemory}`);
for (const [format, by] of Object.entries(stats.byFormat)) console.log(`  ${format.padEnd(5)} ${String(by.mutants).padStart(7)} mutants: parsed ${by.parsed}, rejected ${by.rejected}, crashes ${by.crashes}, hangs ${by.hangs}`);
console.log(`peak memory (resident, all threads) ${stats.peakRssMb.toFixed(0)} MB`);
for (const d of stats.distinct.values()) console.log(`${d.outcome} ×${d.count} [${d.format}] ${d.message}\n    ${d.file ?? ''}\n${(d.stack ?? '').split('\n').slice(0, 3).map((l) => `    ${l.trim()}`).join('\n')}`);
process.exit(stats.crashes + stats.hangs + stats.outOfMemory > 0 ? 1 : 0);

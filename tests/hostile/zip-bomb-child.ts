// Child process of the lying-zip test: reads one file with the format readers and prints the outcome and how much
// memory the read cost above the process's baseline (peak RSS).
import { readFileSync } from 'node:fs';
import { readFileBlocks } from '../../src/read/detect.js';
import { ReadError } from '../../src/read/errors.js';

const file = process.argv[2];
const bytes = new Uint8Array(readFileSync(file));
const baseline = process.memoryUsage().rss;
const started = performance.now();
let outcome: string;
try {
  await readFileBlocks(file, bytes);
  outcome = 'read';
} catch (err) {
  outcome = err instanceof ReadError ? `ReadError: ${err.reason}` : `crash: ${String(err)}`;
}
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    outcome,
    extraMb: Math.round((peak - baseline) / 1048576),
    seconds: (performance.now() - started) / 1000,
  }) + '\n',
);

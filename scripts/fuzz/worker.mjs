// Worker thread of `npm run fuzz`: one mutant through the pipeline `check` runs (read → extract → audit, with the
// compiled stages in dist/, as the CLI runs them). A refusal with the project's input error (exit 2) is expected;
// anything else thrown is a crash. When it begins a task the worker writes, into its lane's slots of a shared
// array, its thread id, the wall clock, its thread's CPU time and the process's, so that the main thread times the
// task's own processing (not its wait in the queue, nor the time other processes of a shared machine take) and
// terminates a worker past the limit. With one lane (`whole`), a task's CPU is the whole process's: the PDF reader
// reads pages in a thread of its own, which the lane thread's time would leave out.
import { readFileSync } from 'node:fs';
import { readModelBytes } from '../../dist/cli/read-model.js';
import { checkModel } from '../../dist/cli/tasks.js';

/** This thread's id and CPU time in ms (user + system, from /proc; clock ticks of 10 ms), or null off Linux. */
function threadCpu() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { tid: Number(stat.slice(0, stat.indexOf(' '))), ms: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return null;
  }
}

/** The process's CPU time in ms (all its threads). */
function processCpuMs() {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
}

export default async function run({ name, bytes, clock, lane, base, whole }) {
  const started = performance.now();
  const cpu = threadCpu();
  const processStarted = processCpuMs();
  if (clock) {
    Atomics.store(clock, lane * 4 + 1, cpu?.tid ?? 0);
    Atomics.store(clock, lane * 4 + 2, cpu?.ms ?? 0);
    Atomics.store(clock, lane * 4 + 3, processStarted);
    Atomics.store(clock, lane * 4, Math.max(1, Date.now() - base));
  }
  const spent = () => ({
    ms: performance.now() - started,
    cpuMs: whole ? processCpuMs() - processStarted : cpu ? threadCpu().ms - cpu.ms : undefined,
  });
  try {
    const doc = await readModelBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    await checkModel(doc, name, {}, performance.now());
    return { kind: 'read', ...spent() };
  } catch (err) {
    // the CLI's input error (exit 2): what every reader's, the model loader's and the workbook's errors become
    if (err?.name === 'UserError' && err.exitCode === 2)
      return { kind: 'refused', ...spent(), reason: String(err.message).slice(0, 160) };
    return {
      kind: 'crash',
      ...spent(),
      error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join(' | ') : String(err),
    };
  } finally {
    if (clock) Atomics.store(clock, lane * 4, 0);
  }
}

// Worker thread of `npm run fuzz`: one mutant through the pipeline `check` runs (read → extract → audit, with the
// compiled stages in dist/, as the CLI runs them). A refusal with the project's input error (exit 2) is expected;
// anything else thrown is a crash. The task's start time goes into the lane's slot of a shared array, so that the
// main thread times the task's own processing (not its wait in the queue) and terminates a worker past the limit.
import { readModelBytes } from '../../dist/cli/read-model.js';
import { checkModel } from '../../dist/cli/tasks.js';

export default async function run({ name, bytes, clock, lane, base }) {
  const started = performance.timeOrigin + performance.now();
  if (clock) Atomics.store(clock, lane, Math.max(1, Date.now() - base));
  try {
    const doc = await readModelBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
    await checkModel(doc, name, {}, performance.now());
    return { kind: 'read', ms: performance.timeOrigin + performance.now() - started };
  } catch (err) {
    const ms = performance.timeOrigin + performance.now() - started;
    // the CLI's input error (exit 2): what every reader's, the model loader's and the workbook's errors become
    if (err?.name === 'UserError' && err.exitCode === 2) return { kind: 'refused', ms, reason: String(err.message).slice(0, 160) };
    return { kind: 'crash', ms, error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 6).join(' | ') : String(err) };
  } finally {
    if (clock) Atomics.store(clock, lane, 0);
  }
}

// A worker thread of the parse/check pool (piscina, src/cli/batch.ts): runs one document's task and returns its
// outcome, the output bytes moved to the main thread rather than copied.
import { Piscina } from 'piscina';
import { movable, runTask, type CheckResult, type Task } from './tasks.js';

export default async function run(task: Task): Promise<unknown> {
  const outcome = await runTask(task);
  const views: Uint8Array[] = [];
  const add = (v: Uint8Array | CheckResult | undefined) => {
    if (v) views.push(v instanceof Uint8Array ? v : v.bytes);
  };
  if (outcome.ok && 'value' in outcome) add(outcome.value);
  else if (outcome.ok) {
    views.push(outcome.piece.model);
    add(outcome.piece.value);
  }
  const transfer = movable(views);
  if (!transfer.length) return outcome;
  // piscina moves what a result lists under transferableSymbol and hands on its valueSymbol
  const moved = { [Piscina.transferableSymbol]: transfer, [Piscina.valueSymbol]: outcome };
  return Piscina.move(moved as unknown as Parameters<typeof Piscina.move>[0]);
}

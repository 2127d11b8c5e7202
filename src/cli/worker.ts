// A worker thread of the parse/check pool (piscina, src/cli/batch.ts): runs one document's task and returns its outcome.
import { runTask, type Task } from './tasks.js';

export default function run(task: Task): ReturnType<typeof runTask> {
  return runTask(task);
}

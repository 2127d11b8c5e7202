// Worker thread of the importer: parses, validates and audits one file and prepares its rows, so that the CPU
// work of several files runs beside the main thread's database writes.
import { parentPort } from 'node:worker_threads';
import path from 'node:path';
import { defaultAnalysis } from './analysis.js';
import { prepareDocument } from './documents.js';
import { readModelFile } from './import-files.js';
import { pieceHolds } from '../extract/join.js';

export interface WorkerTask {
  id: number;
  file: string;
  bytes: Uint8Array;
  region?: string;
  /** pieces of a disclosure are returned, not prepared (the importer joins them) */
  pieces?: boolean;
}

parentPort?.on('message', async (task: WorkerTask) => {
  try {
    const model = readModelFile(task.file, task.bytes) ?? (await defaultAnalysis.parseFile(task.file));
    // a piece of a disclosure (情况说明 or 报表 alone) goes back to be joined with its partner
    if (task.pieces && pieceHolds(model) !== 'whole') {
      parentPort!.postMessage({ id: task.id, piece: model });
      return;
    }
    const findings = defaultAnalysis.audit(model);
    const prepared = prepareDocument({ model, findings, source: { file: path.basename(task.file), bytes: task.bytes }, region: task.region });
    parentPort!.postMessage({ id: task.id, prepared, findings: findings.length });
  } catch (err) {
    parentPort!.postMessage({ id: task.id, error: err instanceof Error ? err.message : String(err) });
  }
});

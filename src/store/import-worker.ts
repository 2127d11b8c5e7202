// Worker thread of the importer (a piscina pool, src/store/import-files.ts): parses, validates and audits one file
// and prepares its rows, so that the CPU work of several files runs beside the main thread's database writes.
import path from 'node:path';
import { defaultAnalysis } from './analysis.js';
import { loadBodyRenderer, prepareDocument, type PreparedDocument } from './documents.js';
import { pieceHolds } from '../extract/join.js';
import type { Disclosure } from '../model/schema.js';

export interface WorkerTask {
  file: string;
  bytes: Uint8Array;
  region?: string;
  /** pieces of a disclosure are returned, not prepared (the importer joins them) */
  pieces?: boolean;
  /** module rendering the page body (StoreOptions.bodies) */
  bodies?: string;
}

export default async function prepare(
  task: WorkerTask,
): Promise<{ prepared?: PreparedDocument; findings: number; piece?: Disclosure }> {
  const model = await defaultAnalysis.readInput(task.bytes, task.file);
  // a piece of a disclosure (情况说明 or 报表 alone) goes back to be joined with its partner
  if (task.pieces && pieceHolds(model) !== 'whole') return { piece: model, findings: 0 };
  const findings = defaultAnalysis.audit(model);
  const prepared = prepareDocument(
    {
      model,
      findings,
      source: { file: path.basename(task.file), bytes: task.bytes },
      region: task.region,
    },
    await loadBodyRenderer(task.bodies),
  );
  return { prepared, findings: findings.length };
}

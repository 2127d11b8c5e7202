// Worker thread of the analysis pool (piscina): parses and audits one uploaded file from its bytes and prepares
// its rows, so that the server's request thread only writes them. Reader errors come back as data (a thrown
// ReadError would lose its class crossing the thread).
import { audit } from '../audit/index.js';
import { ReadError } from '../read/errors.js';
import { prepareDocument, type PreparedDocument } from './documents.js';
import type { Finding } from './finding.js';
import { readInput } from '../write/input.js';

export interface AnalysisTask {
  /** the file's own name (never a server path): it names the document and every message */
  name: string;
  bytes: Uint8Array;
  region?: string;
}

export type AnalysisReply =
  | { ok: true; prepared: PreparedDocument; findings: Finding[] }
  | { ok: false; reason: string; hint?: string; read: boolean };

export default async function analyse(task: AnalysisTask): Promise<AnalysisReply> {
  try {
    const model = await readInput(task.bytes, task.name);
    const findings = audit(model);
    const prepared = prepareDocument({
      model,
      findings,
      source: { file: task.name, bytes: task.bytes },
      region: task.region,
    });
    return { ok: true, prepared, findings };
  } catch (err) {
    if (err instanceof ReadError) return { ok: false, reason: err.reason, hint: err.hint, read: true };
    return { ok: false, reason: err instanceof Error ? err.message : String(err), read: false };
  }
}

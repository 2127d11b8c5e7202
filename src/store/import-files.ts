// Importing files into the store: disclosure texts/PDFs are parsed and audited, model JSON files are validated
// and audited; each file is one transaction; a file that fails is reported and the others go on.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DisclosureSchema, type Disclosure } from '../model/schema.js';
import type { Store } from './database.js';
import { storeDocument, type StoreOutcome } from './documents.js';
import type { Finding } from './finding.js';
import { contentHash } from './rows.js';

/** The stages before the store, passed in so that the store knows how, not what, to parse and audit. */
export interface Analysis {
  parseFile(file: string): Promise<Disclosure>;
  audit(doc: Disclosure): Finding[];
}

export const IMPORTABLE = new Set(['.txt', '.md', '.pdf', '.json']);

export interface FileResult {
  file: string;
  outcome: StoreOutcome | 'failed';
  id?: number;
  error?: string;
  findings?: number;
}

export interface ImportSummary {
  results: FileResult[];
  counts: Record<FileResult['outcome'], number>;
  seconds: number;
}

/** Files named, and importable files found under folders named (sorted, so runs are repeatable). */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  async function walk(p: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) if (!e.startsWith('.')) await walk(path.join(p, e), false);
    } else if (explicit || IMPORTABLE.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  }
  for (const p of paths) await walk(p, true);
  return { files, missing };
}

/** Reads a model JSON file (as `budgetdoc sample` writes); a clear one-line error when it is not one. */
export function parseModelJson(text: string, file: string): Disclosure {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = DisclosureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a budgetdoc model (schemaVersion 1): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function importFile(store: Store, file: string, analysis: Analysis, options: { region?: string } = {}): Promise<FileResult> {
  try {
    const bytes = new Uint8Array(await readFile(file));
    const hash = contentHash(bytes);
    const known = await store.db.selectFrom('documents').select('id').where('content_hash', '=', hash).executeTakeFirst();
    if (known) return { file, outcome: 'unchanged', id: known.id };
    const model = path.extname(file).toLowerCase() === '.json' ? parseModelJson(new TextDecoder().decode(bytes), file) : await analysis.parseFile(file);
    const findings = analysis.audit(model);
    const result = await storeDocument(store, { model, findings, source: { file: path.basename(file), bytes }, region: options.region });
    return { file, outcome: result.outcome, id: result.id, findings: findings.length };
  } catch (err) {
    // the same bytes stored meanwhile by another worker or process: nothing to do
    if ((err as { code?: string }).code === '23505') {
      const bytes = new Uint8Array(await readFile(file));
      const known = await store.db.selectFrom('documents').select('id').where('content_hash', '=', contentHash(bytes)).executeTakeFirst();
      if (known) return { file, outcome: 'unchanged', id: known.id };
    }
    return { file, outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Imports files with a few in flight at once (the database is the real cost; a server overlaps them), reporting
 * progress after each file.
 */
export async function importFiles(
  store: Store,
  files: string[],
  analysis: Analysis,
  options: { region?: string; concurrency?: number; onProgress?: (done: number, total: number, last: FileResult) => void } = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const results: FileResult[] = new Array(files.length);
  const concurrency = Math.max(1, options.concurrency ?? (store.engine === 'postgres' ? 4 : 1));
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      results[i] = await importFile(store, files[i], analysis, options);
      done++;
      options.onProgress?.(done, files.length, results[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const counts: ImportSummary['counts'] = { imported: 0, history: 0, draft: 0, unchanged: 0, failed: 0 };
  for (const r of results) counts[r.outcome]++;
  return { results, counts, seconds: (performance.now() - started) / 1000 };
}

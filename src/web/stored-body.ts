// A document's page body (document-body.ts) as the importer stores it: rendered once from the model and the findings
// when the document is stored (in the import's worker thread), with placeholders for the ids the database has not
// given yet; a page view fills them in and never decodes the model. The rendering code is hashed into every stored
// body, so that a body rendered by other code (an older version) is never shown: the page renders from the model.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Disclosure } from '../model/schema.js';
import type { BodyRenderer, StoredFindingRow } from '../store/documents.js';
import { renderDocumentBody, type DocumentBody } from './document-body.js';
import { Markup } from './html.js';
import { hasPdfSource } from './source-region.js';

/** The modules whose code decides a body's markup (with what they read: rule titles, words, table layouts). */
const RENDERING_MODULES = [
  './stored-body',
  './document-body',
  './html',
  './table-layout',
  './format',
  './finding-node',
  './source-region',
  './charts',
  './data',
  '../audit/rule-titles.zh-CN',
  '../catalog/words',
  '../catalog/tables',
  '../model/money',
];

/** A hash of the rendering code (its compiled or source files, whichever runs). */
export const BODY_RENDERER: string = (() => {
  const ext = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256');
  for (const m of RENDERING_MODULES) {
    try {
      hash.update(readFileSync(fileURLToPath(new URL(`${m}${ext}`, import.meta.url))));
    } catch {
      hash.update(`missing ${m}`);
    }
  }
  return hash.digest('hex').slice(0, 24);
})();

/** This module's URL, for StoreOptions.bodies (the importer loads it in its worker threads). */
export const STORED_BODY_MODULE = import.meta.url;

/**
 * Renders the body to store. The ids are placeholders: \u0001MARK:n\u0001 for the n-th finding in insertion order
 * (the database numbers them in that order) and \u0001MARK:d\u0001 for the document; MARK is random per body, so
 * no text of the document can be taken for one.
 */
export const renderStoredBody: BodyRenderer = (
  model: Disclosure,
  rows: StoredFindingRow[],
  source: { file: string; format: string },
) => {
  const mark = randomBytes(6).toString('hex');
  const severityRank = (s: string) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
  // the page's order (documentFindings): errors first, then by line (none last), then by id = insertion order
  const findings = rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        severityRank(a.r.severity) - severityRank(b.r.severity) ||
        (a.r.line ?? Infinity) - (b.r.line ?? Infinity) ||
        a.i - b.i,
    )
    .map(({ r, i }) => ({ ...r, id: `\u0001${mark}:${i}\u0001` as unknown as number, document_id: 0 }));
  const documentId = `\u0001${mark}:d\u0001` as unknown as number;
  const body = renderDocumentBody(
    model,
    findings,
    hasPdfSource({ source_file: source.file, source_format: source.format }) ? documentId : undefined,
  );
  return { renderer: BODY_RENDERER, mark, treeChart: body.treeChart?.value ?? null, tail: body.tail.value };
};

/** A stored body with the ids filled in: the document's and its findings' (ascending, i.e. in insertion order). */
export function storedBody(
  stored: { mark: string; tree_chart: string | null; tail: string },
  documentId: number,
  findingIds: number[],
): DocumentBody {
  const placeholder = new RegExp(`\u0001${stored.mark}:(d|\\d+)\u0001`, 'g');
  const fill = (text: string) =>
    text.replace(placeholder, (_, n: string) => String(n === 'd' ? documentId : findingIds[Number(n)]));
  return {
    ...(stored.tree_chart ? { treeChart: new Markup(stored.tree_chart) } : {}),
    tail: new Markup(fill(stored.tail)),
  };
}

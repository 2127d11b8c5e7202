// Writing documents: one transaction per document (document row, findings, facts in multi-row batches),
// idempotent by content hash, newer versions of the same (unit, year, kind, scope) superseding older ones.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Disclosure } from '../model/schema.js';
import type { Finding } from './finding.js';
import type { Database } from './schema.js';
import type { Store } from './database.js';
import { contentHash, factRows, findingCounts, regionOf, searchTerms, searchText, tsvectorLiteral } from './rows.js';

export interface DocumentInput {
  model: Disclosure;
  findings: Finding[];
  /** the file as received (disclosure text, PDF or model JSON) */
  source: { file: string; bytes: Uint8Array };
  /** overrides the region detected from the text */
  region?: string;
}

export type StoreOutcome =
  /** stored and now the current version */
  | 'imported'
  /** stored as history: a newer version of the same document is current */
  | 'history'
  /** stored unpublished (upload awaiting review) */
  | 'draft'
  /** the same file was stored before: nothing changed */
  | 'unchanged';

export interface StoreResult {
  id: number;
  outcome: StoreOutcome;
  /** the previous current version, now history */
  superseded?: number;
}

/** Parameters per statement stay well under PostgreSQL's 65535 limit. */
const FACT_BATCH = 2000;
const FINDING_BATCH = 1000;

export async function storeDocument(store: Store, input: DocumentInput, options: { draft?: boolean } = {}): Promise<StoreResult> {
  const hash = contentHash(input.source.bytes);
  const existing = await store.db.selectFrom('documents').select('id').where('content_hash', '=', hash).executeTakeFirst();
  if (existing) return { id: existing.id, outcome: 'unchanged' };

  const doc = input.model;
  const text = searchText(doc);
  const facts = factRows(doc);
  return store.db.transaction().execute(async (tx) => {
    await lockKey(tx, doc.unit.name, doc.year, doc.kind, doc.scope);
    const inserted = await tx
      .insertInto('documents')
      .values({
        content_hash: hash,
        unit_name: doc.unit.name,
        unit_code: doc.unit.code ?? null,
        region: input.region ?? regionOf(doc),
        year: doc.year,
        kind: doc.kind,
        scope: doc.scope,
        title: doc.title.text,
        doc_date: doc.date?.iso ?? null,
        status: 'draft',
        superseded_by: null,
        source_file: input.source.file,
        source_format: doc.source.format,
        source_bytes: input.source.bytes,
        model: JSON.stringify(doc),
        figures: JSON.stringify(doc.figures),
        staff_actual: doc.overview.staff.actual?.value ?? null,
        staff_authorized: doc.overview.staff.authorized?.value ?? null,
        search_text: text,
        search_terms: tsvectorLiteral(searchTerms(text)),
        ...findingCounts(input.findings),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = inserted.id;

    for (let i = 0; i < input.findings.length; i += FINDING_BATCH) {
      await tx
        .insertInto('findings')
        .values(
          input.findings.slice(i, i + FINDING_BATCH).map((f) => ({
            document_id: id,
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            section: f.location?.section ?? null,
            table_id: f.location?.table ?? null,
            row_label: f.location?.row ?? null,
            line: f.location?.line ?? null,
            detail: JSON.stringify({ location: f.location ?? {}, related: f.related, expected: f.expected, actual: f.actual, tolerance: f.tolerance }),
          })),
        )
        .execute();
    }
    for (let i = 0; i < facts.length; i += FACT_BATCH) {
      await tx
        .insertInto('facts')
        .values(facts.slice(i, i + FACT_BATCH).map((f) => ({ document_id: id, ...f })))
        .execute();
    }
    if (options.draft) return { id, outcome: 'draft' as const };
    return promote(tx, id);
  });
}

/** Publishes a draft: it becomes current unless a newer version of the same document already is. */
export async function publishDocument(store: Store, id: number): Promise<StoreResult | undefined> {
  return store.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('documents').select(['unit_name', 'year', 'kind', 'scope', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    if (row.status !== 'draft') return { id, outcome: row.status === 'current' ? 'imported' : 'history' };
    await lockKey(tx, row.unit_name, row.year, row.kind, row.scope);
    return promote(tx, id);
  });
}

/** Deletes a document with its findings and facts; a superseded predecessor becomes current again. */
export async function deleteDocument(store: Store, id: number): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('documents').select(['unit_name', 'year', 'kind', 'scope', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    await lockKey(tx, row.unit_name, row.year, row.kind, row.scope);
    await tx.deleteFrom('documents').where('id', '=', id).execute();
    if (row.status === 'current') {
      const previous = await tx
        .selectFrom('documents')
        .select('id')
        .where('unit_name', '=', row.unit_name)
        .where('year', '=', row.year)
        .where('kind', '=', row.kind)
        .where('scope', '=', row.scope)
        .where('status', '=', 'superseded')
        .orderBy('doc_date', (ob) => ob.desc().nullsLast())
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (previous) await tx.updateTable('documents').set({ status: 'current', superseded_by: null }).where('id', '=', previous.id).execute();
    }
    return true;
  });
}

/** Serialises writers of the same (unit, year, kind, scope) across connections and processes. */
async function lockKey(tx: Transaction<Database>, unit: string, year: number, kind: string, scope: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${unit}|${year}|${kind}|${scope}`}))`.execute(tx);
}

/**
 * Makes `id` current, or history when the current version is newer. Newer means a later printed date when both
 * have one; otherwise the one stored later.
 */
async function promote(tx: Kysely<Database>, id: number): Promise<StoreResult> {
  const doc = await tx.selectFrom('documents').select(['unit_name', 'year', 'kind', 'scope', 'doc_date']).where('id', '=', id).executeTakeFirstOrThrow();
  const current = await tx
    .selectFrom('documents')
    .select(['id', 'doc_date'])
    .where('unit_name', '=', doc.unit_name)
    .where('year', '=', doc.year)
    .where('kind', '=', doc.kind)
    .where('scope', '=', doc.scope)
    .where('status', '=', 'current')
    .executeTakeFirst();
  if (current && current.doc_date && doc.doc_date && current.doc_date > doc.doc_date) {
    await tx.updateTable('documents').set({ status: 'superseded', superseded_by: current.id }).where('id', '=', id).execute();
    return { id, outcome: 'history' };
  }
  if (current) {
    await tx.updateTable('documents').set({ status: 'superseded', superseded_by: id }).where('id', '=', current.id).execute();
  }
  await tx.updateTable('documents').set({ status: 'current' }).where('id', '=', id).execute();
  return current ? { id, outcome: 'imported', superseded: current.id } : { id, outcome: 'imported' };
}

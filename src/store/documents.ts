// Writing documents: one transaction per document (document row, search rows, findings and facts in one statement),
// idempotent by content hash, newer versions of the same (unit, year, kind, scope) superseding older ones.
import { gzipSync } from 'node:zlib';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Disclosure } from '../model/schema.js';
import type { Finding } from './finding.js';
import {
  CLASS_SUMS_DOCUMENT_COLUMNS,
  CLASS_SUMS_GROUP,
  CLASS_SUMS_SELECT,
  CLASS_SUMS_WHERE,
  type Database,
} from './schema.js';
import { foldedSearchText } from './search-text.js';
import { ensureFactsPartition, type Store } from './database.js';
import {
  contentHash,
  factRows,
  findingCounts,
  regionOf,
  searchTerms,
  searchText,
  tsvectorLiteral,
  type FactRow,
} from './rows.js';

export interface DocumentInput {
  model: Disclosure;
  findings: Finding[];
  /** the file as received (disclosure text, PDF or model JSON) */
  source: { file: string; bytes: Uint8Array };
  /** overrides the region detected from the text */
  region?: string;
}

/** A finding as the store writes it, in insertion order: the database numbers a document's findings in this order. */
export interface StoredFindingRow {
  rule: string;
  severity: string;
  message: string;
  section: string | null;
  table_id: string | null;
  row_label: string | null;
  line: number | null;
  detail: Record<string, unknown>;
}

/**
 * What a page shows of a document that needs its model, rendered once when it is stored (by a module the caller
 * names, see StoreOptions.bodies: the store knows nothing of pages). `mark` opens the placeholders the text holds
 * for the ids the database has not given yet; `renderer` names the code that rendered it.
 */
export interface StoredBody {
  renderer: string;
  mark: string;
  treeChart: string | null;
  tail: string;
}

/** Renders a document's stored body from its model and its findings (as they will be stored, in order). */
export type BodyRenderer = (
  model: Disclosure,
  findings: StoredFindingRow[],
  source: { file: string; format: string },
) => StoredBody;

const bodyRenderers = new Map<string, Promise<BodyRenderer>>();

/** The body renderer a module exports as `renderStoredBody` (loaded once per thread). */
export function loadBodyRenderer(moduleUrl: string | undefined): Promise<BodyRenderer> | undefined {
  if (!moduleUrl) return undefined;
  let loaded = bodyRenderers.get(moduleUrl);
  if (!loaded) {
    loaded = import(moduleUrl).then((m: { renderStoredBody: BodyRenderer }) => m.renderStoredBody);
    bodyRenderers.set(moduleUrl, loaded);
  }
  return loaded;
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

const DOCUMENT_COLUMNS = [
  ['content_hash', 'text'],
  ['unit_name', 'text'],
  ['unit_code', 'text'],
  ['region', 'text'],
  ['year', 'int'],
  ['kind', 'text'],
  ['scope', 'text'],
  ['title', 'text'],
  ['doc_date', 'text'],
  ['status', 'text'],
  ['superseded_by', 'int'],
  ['source_file', 'text'],
  ['source_format', 'text'],
  ['source_bytes', 'bytea'],
  ['model_gz', 'bytea'],
  ['figures', 'jsonb'],
  ['staff_actual', 'numeric'],
  ['staff_authorized', 'numeric'],
  ['search_text', 'text'],
  ['error_count', 'int'],
  ['warning_count', 'int'],
  ['info_count', 'int'],
] as const;

/** Finding and fact rows travel as one JSON array each (one parameter, parsed once by the server) instead of
 *  thousands of parameters: the statement stays small and the same for every document. */
const FINDING_COLUMNS = [
  ['rule', 'text'],
  ['severity', 'text'],
  ['message', 'text'],
  ['section', 'text'],
  ['table_id', 'text'],
  ['row_label', 'text'],
  ['line', 'int'],
  ['detail', 'jsonb'],
] as const;

const FACT_COLUMNS = [
  ['table_id', 'text'],
  ['row_no', 'int'],
  ['row_label', 'text'],
  ['row_code', 'text'],
  ['code_system', 'text'],
  ['row_level', 'text'],
  ['row_kind', 'text'],
  ['is_leaf', 'boolean'],
  ['column_key', 'text'],
  ['money_unit', 'text'],
  ['amount', 'numeric'],
  ['amount_wan', 'numeric'],
] as const;

type Columns = ReadonlyArray<readonly [string, string]>;

const names = (columns: Columns) => columns.map(([n]) => n).join(', ');

/** `e->>0::text, (e->>1)::int, …` reading one JSON array element per row; jsonb values stay jsonb. */
const fromArray = (columns: Columns, named = false) =>
  columns
    .map(([name, type], i) => `${type === 'jsonb' ? `e->${i}` : `(e->>${i})::${type}`}${named ? ` as ${name}` : ''}`)
    .join(', ');

/** One statement writes the document row, its findings and its facts; $1… are the document columns. */
const INSERT_DOCUMENT = (() => {
  const documentParams = DOCUMENT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ');
  const findingsParam = `$${DOCUMENT_COLUMNS.length + 1}::jsonb`;
  const factsParam = `$${DOCUMENT_COLUMNS.length + 2}::jsonb`;
  const termsParam = `$${DOCUMENT_COLUMNS.length + 3}::tsvector`;
  const foldedParam = `$${DOCUMENT_COLUMNS.length + 4}::text`;
  const body = (n: number) => `$${DOCUMENT_COLUMNS.length + 4 + n}::text`;
  const searchColumns = ['status', 'unit_name', 'region', 'year', 'kind', 'scope'];
  const param = (c: string) => `$${DOCUMENT_COLUMNS.findIndex(([n]) => n === c) + 1}`;
  const searchValues = searchColumns.map(param).join(', ');
  return (
    `with doc as (insert into documents (${names(DOCUMENT_COLUMNS)}) values (${documentParams}) returning id), ` +
    `s as (insert into document_search (id, ${searchColumns.join(', ')}, search_terms) select doc.id, ${searchValues}, ${termsParam} from doc), ` +
    `t as (insert into document_text (id, folded) select doc.id, ${foldedParam} from doc), ` +
    // the page body rendered at import, when the importer was given a renderer
    `b as (insert into document_bodies (document_id, renderer, mark, tree_chart, tail) select doc.id, ${body(1)}, ${body(2)}, ${body(3)}, ${body(4)} from doc where ${body(1)} is not null), ` +
    `f as (insert into findings (document_id, ${names(FINDING_COLUMNS)}) select doc.id, ${fromArray(FINDING_COLUMNS)} from doc, jsonb_array_elements(${findingsParam}) as e), ` +
    // all the document's facts in one multi-row insert, into the partition of its year
    `e as (select ${fromArray(FACT_COLUMNS, true)} from jsonb_array_elements(${factsParam}) as e), ` +
    `c as (insert into facts (document_id, year, ${names(FACT_COLUMNS)}) select doc.id, ${param('year')}::int, ${names(FACT_COLUMNS)} from doc, e), ` +
    // and their sums by function class (what the portal's aggregates read, see schema.ts)
    `k as (insert into fact_class_sums (document_id, year, ${CLASS_SUMS_DOCUMENT_COLUMNS.join(', ')}, table_id, column_key, class, amount_wan, cells) ` +
    `select doc.id, ${param('year')}::int, ${CLASS_SUMS_DOCUMENT_COLUMNS.map((c) => `${param(c)}::text`).join(', ')}, ${CLASS_SUMS_SELECT} ` +
    `from doc, e where ${CLASS_SUMS_WHERE} group by doc.id, ${CLASS_SUMS_GROUP}) ` +
    'select id from doc'
  );
})();

/** The findings' rows from the JSON parameter of the insert (FINDING_COLUMNS order). */
function storedFindingRows(json: string): StoredFindingRow[] {
  return (JSON.parse(json) as unknown[][]).map((v) => ({
    rule: v[0] as string,
    severity: v[1] as string,
    message: v[2] as string,
    section: (v[3] as string | null) ?? null,
    table_id: (v[4] as string | null) ?? null,
    row_label: (v[5] as string | null) ?? null,
    line: (v[6] as number | null) ?? null,
    detail: v[7] as Record<string, unknown>,
  }));
}

function findingValues(findings: Finding[]): unknown[][] {
  return findings.map((f) => [
    f.rule,
    f.severity,
    f.message,
    f.location?.section ?? null,
    // the table's catalogue id (the portal finds the table by it); its printed name stays in detail.location.table
    f.location?.tableId ?? null,
    f.location?.row ?? null,
    typeof f.location?.line === 'number' ? f.location.line : null,
    { location: f.location ?? {}, related: f.related, expected: f.expected, actual: f.actual, tolerance: f.tolerance },
  ]);
}

function factValues(facts: FactRow[]): unknown[][] {
  return facts.map((f) => [
    f.table_id,
    f.row_no,
    f.row_label,
    f.row_code,
    f.code_system,
    f.row_level,
    f.row_kind,
    f.is_leaf,
    f.column_key,
    f.money_unit,
    f.amount,
    f.amount_wan,
  ]);
}

/** Everything computed from a document before it meets the database (pure CPU: may run in a worker thread). */
export interface PreparedDocument {
  hash: string;
  key: { unit: string; year: number; kind: string; scope: string; date: string | null };
  /** document columns in DOCUMENT_COLUMNS order, with status and superseded_by left null */
  documentRow: unknown[];
  /** JSON arrays of rows in FINDING_COLUMNS / FACT_COLUMNS order */
  findings: string;
  facts: string;
  /** tsvector literal of the search terms */
  searchTerms: string;
  /** the folded text long words are confirmed against (foldedSearchText) */
  foldedText: string;
  /** the page body, when a renderer was given */
  body?: StoredBody;
}

const STATUS_COLUMN = DOCUMENT_COLUMNS.findIndex(([n]) => n === 'status');
const SUPERSEDED_COLUMN = DOCUMENT_COLUMNS.findIndex(([n]) => n === 'superseded_by');

export function prepareDocument(input: DocumentInput, renderBody?: BodyRenderer): PreparedDocument {
  const doc = input.model;
  const findings = JSON.stringify(findingValues(input.findings));
  // lower-cased once here so that queries can use plain strpos instead of ILIKE over every text
  const original = searchText(doc);
  const text = original.toLowerCase();
  const counts = findingCounts(input.findings);
  const hash = contentHash(input.source.bytes);
  return {
    hash,
    key: { unit: doc.unit.name, year: doc.year, kind: doc.kind, scope: doc.scope, date: doc.date?.iso ?? null },
    documentRow: [
      hash,
      doc.unit.name,
      doc.unit.code ?? null,
      input.region ?? regionOf(doc, original),
      doc.year,
      doc.kind,
      doc.scope,
      doc.title.text,
      doc.date?.iso ?? null,
      null,
      null,
      input.source.file,
      doc.source.format,
      gzipSync(input.source.bytes, { level: 1 }),
      gzipSync(JSON.stringify(doc), { level: 1 }),
      JSON.stringify(doc.figures),
      doc.overview.staff.actual?.value ?? null,
      doc.overview.staff.authorized?.value ?? null,
      text,
      counts.error_count,
      counts.warning_count,
      counts.info_count,
    ],
    searchTerms: tsvectorLiteral(searchTerms(text)),
    foldedText: foldedSearchText(text),
    findings,
    facts: JSON.stringify(factValues(factRows(doc))),
    ...(renderBody
      ? {
          // the findings as the database will hold them (read back from the same JSON the statement inserts)
          body: renderBody(doc, storedFindingRows(findings), { file: input.source.file, format: doc.source.format }),
        }
      : {}),
  };
}

/** The stored document of exactly these bytes (their content hash), if any: storing them again would change nothing. */
export function storedWithHash(store: Store, hash: string): Promise<{ id: number } | undefined> {
  return store.db.selectFrom('documents').select('id').where('content_hash', '=', hash).executeTakeFirst();
}

export async function storeDocument(
  store: Store,
  input: DocumentInput,
  options: { draft?: boolean } = {},
): Promise<StoreResult> {
  const existing = await storedWithHash(store, contentHash(input.source.bytes));
  if (existing) return { id: existing.id, outcome: 'unchanged' };
  return storePrepared(store, prepareDocument(input, await loadBodyRenderer(store.bodies)), options);
}

/** Writes a prepared document in one transaction: lock its key, decide its status, one statement for all rows. */
export async function storePrepared(
  store: Store,
  prepared: PreparedDocument,
  options: { draft?: boolean } = {},
): Promise<StoreResult> {
  const { key } = prepared;
  await ensureFactsPartition(store.db, key.year);
  return store.db.transaction().execute(async (tx) => {
    await lockKey(tx, key.unit, key.year, key.kind, key.scope);
    // decide the new row's status before inserting it: one statement then writes document, findings and facts
    const current = options.draft ? undefined : await currentVersion(tx, key.unit, key.year, key.kind, key.scope);
    const olderThanCurrent = !!current && !!current.doc_date && !!key.date && current.doc_date > key.date;
    const status = options.draft ? 'draft' : olderThanCurrent ? 'superseded' : 'current';
    if (current && status === 'current') {
      // the unique index on current versions requires the old one to step down first
      await setStatus(tx, current.id, 'superseded');
    }
    const documentRow = [...prepared.documentRow];
    documentRow[STATUS_COLUMN] = status;
    documentRow[SUPERSEDED_COLUMN] = olderThanCurrent ? current.id : null;
    const inserted = await tx.executeQuery<{ id: number }>(
      CompiledQuery.raw(INSERT_DOCUMENT, [
        ...documentRow,
        prepared.findings,
        prepared.facts,
        prepared.searchTerms,
        prepared.foldedText,
        prepared.body?.renderer ?? null,
        prepared.body?.mark ?? null,
        prepared.body?.treeChart ?? null,
        prepared.body?.tail ?? null,
      ]),
    );
    const id = inserted.rows[0].id;
    if (current && status === 'current')
      await tx.updateTable('documents').set({ superseded_by: id }).where('id', '=', current.id).execute();
    if (options.draft) return { id, outcome: 'draft' as const };
    if (status === 'superseded') return { id, outcome: 'history' as const };
    return current
      ? { id, outcome: 'imported' as const, superseded: current.id }
      : { id, outcome: 'imported' as const };
  });
}

async function currentVersion(tx: Kysely<Database>, unit: string, year: number, kind: string, scope: string) {
  return tx
    .selectFrom('documents')
    .select(['id', 'doc_date'])
    .where('unit_name', '=', unit)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .where('scope', '=', scope)
    .where('status', '=', 'current')
    .executeTakeFirst();
}

/** Publishes a draft: it becomes current unless a newer version of the same document already is. */
export async function publishDocument(store: Store, id: number): Promise<StoreResult | undefined> {
  return store.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('documents')
      .select(['unit_name', 'year', 'kind', 'scope', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.status !== 'draft') return { id, outcome: row.status === 'current' ? 'imported' : 'history' };
    await lockKey(tx, row.unit_name, row.year, row.kind, row.scope);
    return promote(tx, id);
  });
}

/** Deletes a document with its findings and facts; a superseded predecessor becomes current again. */
export async function deleteDocument(store: Store, id: number): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('documents')
      .select(['unit_name', 'year', 'kind', 'scope', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
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
      if (previous) await setStatus(tx, previous.id, 'current', null);
    }
    return true;
  });
}

/** Changes a document's status (and what it is superseded by, when given) in `documents`, `document_search` and
 *  `fact_class_sums` (all in the caller's transaction: an aggregate never sees a half-changed status). */
async function setStatus(
  tx: Kysely<Database>,
  id: number,
  status: 'current' | 'superseded',
  supersededBy?: number | null,
): Promise<void> {
  const update = tx
    .updateTable('documents')
    .set(supersededBy === undefined ? { status } : { status, superseded_by: supersededBy });
  await update.where('id', '=', id).execute();
  await tx.updateTable('document_search').set({ status }).where('id', '=', id).execute();
  await tx.updateTable('fact_class_sums').set({ status }).where('document_id', '=', id).execute();
}

/** Serialises writers of the same (unit, year, kind, scope) across connections and processes. */
async function lockKey(
  tx: Transaction<Database>,
  unit: string,
  year: number,
  kind: string,
  scope: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${unit}|${year}|${kind}|${scope}`}))`.execute(tx);
}

/**
 * Makes `id` current, or history when the current version is newer. Newer means a later printed date when both
 * have one; otherwise the one stored later.
 */
async function promote(tx: Kysely<Database>, id: number): Promise<StoreResult> {
  const doc = await tx
    .selectFrom('documents')
    .select(['unit_name', 'year', 'kind', 'scope', 'doc_date'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const current = await currentVersion(tx, doc.unit_name, doc.year, doc.kind, doc.scope);
  if (current && current.doc_date && doc.doc_date && current.doc_date > doc.doc_date) {
    await setStatus(tx, id, 'superseded', current.id);
    return { id, outcome: 'history' };
  }
  if (current) {
    await setStatus(tx, current.id, 'superseded', id);
  }
  await setStatus(tx, id, 'current');
  return current ? { id, outcome: 'imported', superseded: current.id } : { id, outcome: 'imported' };
}

// Reading the store: search with facets, documents, findings, facts aggregated by any dimension, rankings.
// Every value from outside arrives as a parameter; identifiers come only from the whitelists below.
import { gunzipSync } from 'node:zlib';
import { sql, type Expression, type QueryResult, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Disclosure, Figures } from '../model/schema.js';
import type { Store } from './database.js';
import { FIGURE_KEYS, type PerHead } from './figures.js';
import { queryTerms } from './rows.js';
import { normaliseForSearch, searchSnippet, type SnippetPart } from './search-text.js';
import type { FactRow } from './rows.js';
import type { DocumentsTable, FactsTable, FindingsTable } from './schema.js';

export interface DocumentFilter {
  /** full text of names, title and explanations */
  q?: string;
  /** part of the unit name */
  unit?: string;
  region?: string;
  year?: number;
  kind?: string;
  scope?: string;
  /** default: current (published, not superseded) */
  status?: 'current' | 'superseded' | 'draft' | 'any';
}

/** A document in lists: its columns as the schema types them (schema.ts), and a search's snippet. */
export interface DocumentSummary extends Pick<
  Selectable<DocumentsTable>,
  | 'id'
  | 'unit_name'
  | 'region'
  | 'year'
  | 'kind'
  | 'scope'
  | 'title'
  | 'status'
  | 'error_count'
  | 'warning_count'
  | 'info_count'
> {
  /** for a text search: a passage of the document around the first match, the matches marked */
  snippet?: SnippetPart[];
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  items: DocumentSummary[];
  facets: { region: Facet[]; year: Facet[]; kind: Facet[]; scope: Facet[] };
}

const SUMMARY_COLUMNS = [
  'id',
  'unit_name',
  'region',
  'year',
  'kind',
  'scope',
  'title',
  'status',
  'error_count',
  'warning_count',
  'info_count',
] as const;

/** LIKE pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Conditions on documents, for a query over `documents` or over the narrow `document_search` (which has the same
 * id, status, unit_name, region, year, kind and scope; search terms only there, the folded text in `document_text`).
 */
function documentConditions(
  filter: DocumentFilter,
  alias = 'documents',
  table: 'documents' | 'document_search' = 'documents',
): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  const status = filter.status ?? 'current';
  if (status !== 'any') conditions.push(sql<SqlBool>`${col('status')} = ${status}`);
  if (filter.unit) conditions.push(sql<SqlBool>`${col('unit_name')} ilike ${containsPattern(filter.unit)}`);
  if (filter.region) conditions.push(sql<SqlBool>`${col('region')} = ${filter.region}`);
  if (filter.year !== undefined) conditions.push(sql<SqlBool>`${col('year')} = ${filter.year}`);
  if (filter.kind) conditions.push(sql<SqlBool>`${col('kind')} = ${filter.kind}`);
  if (filter.scope) conditions.push(sql<SqlBool>`${col('scope')} = ${filter.scope}`);
  const q = filter.q?.trim();
  if (q) {
    for (const word of q.split(/\s+/)) {
      const { terms, prefixes, exact } = queryTerms(word);
      // the GIN index finds documents holding every term; strpos on the folded text (document_text) keeps only the
      // exact phrase where the terms alone do not prove it (words longer than the indexed pieces, mixed words)
      if (terms.length + prefixes.length > 0) {
        const lexemes = [...terms.map((t) => `'${t}'`), ...prefixes.map((t) => `'${t}':*`)];
        const match = termsMatch(lexemes.join(' & '), status);
        conditions.push(
          table === 'document_search'
            ? match
            : sql<SqlBool>`${col('id')} in (select id from document_search where ${match})`,
        );
      }
      if (!exact) {
        // confirmed against the text folded at import as normaliseForSearch folds the word
        conditions.push(
          sql<SqlBool>`exists (select 1 from document_text t where t.id = ${col('id')} and strpos(t.folded, ${normaliseForSearch(word)}) > 0)`,
        );
      }
    }
  }
  return conditions;
}

/**
 * The terms condition, written so that the planner takes the partial GIN index of the documents' status (schema.ts:
 * one index for current documents, one for the rest): the condition on status sits beside the terms in the same
 * clause, and a search of every status asks both indexes (a BitmapOr of the two arms).
 */
function termsMatch(tsquery: string, status: NonNullable<DocumentFilter['status']>): Expression<SqlBool> {
  const match = sql<SqlBool>`search_terms @@ ${tsquery}::tsquery`;
  if (status === 'current') return sql<SqlBool>`(status = 'current' and ${match})`;
  if (status !== 'any') return sql<SqlBool>`(status <> 'current' and status = ${status} and ${match})`;
  return sql<SqlBool>`((status = 'current' and ${match}) or (status <> 'current' and ${match}))`;
}

/**
 * Runs a query that may search the text. The planner cannot know that testing a row's terms means decompressing
 * them, so on a small or narrow table (or for a prefix query) it would rather read every row than ask the GIN
 * index (which answers without reading terms): for searches, sequential scans are ruled out — on a server by the
 * search connections' own setting (one round trip), on PGlite within the query's transaction.
 */
async function searchQuery<R>(store: Store, query: RawBuilder<R>, searches: boolean): Promise<QueryResult<R>> {
  if (!searches) return query.execute(store.db);
  if (store.searchDb) return query.execute(store.searchDb);
  return store.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    return query.execute(tx);
  });
}

function whereAll(conditions: Expression<SqlBool>[]) {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

export async function searchDocuments(
  store: Store,
  filter: DocumentFilter,
  page: { limit?: number; offset?: number } = {},
): Promise<SearchResult> {
  const limit = Math.min(Math.max(page.limit ?? 20, 1), 500);
  const offset = Math.max(page.offset ?? 0, 0);
  const where = whereAll(documentConditions(filter, 's', 'document_search'));
  const q = filter.q?.trim();
  const words = q
    ? q
        .split(/\s+/)
        .map(normaliseForSearch)
        .filter((w) => w.length > 0)
    : [];
  // for a text search, the line of each shown document where the first match lies, found on the folded text (line
  // for line with the printed one): the snippet is cut from that line alone, no whole text leaves the database
  const snippetLine = words.length
    ? sql`, (select split_part(d.search_text, chr(10), length(h.head) - length(replace(h.head, chr(10), '')) + 1)
        from (select left(t.folded, p.at - 1) as head from document_text t,
          lateral (select min(nullif(strpos(t.folded, w), 0)) as at from unnest(${words}::text[]) w) p
          where t.id = d.id and p.at is not null) h) as snippet_line`
    : sql``;
  // the page and the facet counts each read the narrow search rows through the index (two scans cost less than
  // materialising the matches once: a materialised set is sorted for its groups where a scan's rows are hashed)
  const result = await searchQuery(
    store,
    sql<{
      items: Array<DocumentSummary & { snippet_line?: string | null }> | null;
      facets: Array<{
        region: string | null;
        year: number | null;
        kind: string | null;
        scope: string | null;
        n: number;
      }> | null;
    }>`
    select
      (select json_agg(p order by p.year desc, p.unit_name, p.kind, p.id) from (
        select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`d.${c}`)))}${snippetLine}
        from (select s.id from document_search s ${where} order by s.year desc, s.unit_name, s.kind, s.id limit ${limit} offset ${offset}) k join documents d on d.id = k.id) p) as items,
      (select json_agg(g) from (select s.region, s.year, s.kind, s.scope, count(*)::int as n from document_search s ${where} group by grouping sets ((s.region), (s.year), (s.kind), (s.scope))) g) as facets`,
    !!q,
  );
  const items: DocumentSummary[] = (result.rows[0]?.items ?? []).map(({ snippet_line, ...item }) => {
    const snippet = snippet_line && q ? searchSnippet(snippet_line, q) : undefined;
    return snippet ? { ...item, snippet } : item;
  });
  const facetRows = { rows: result.rows[0]?.facets ?? [] };
  const facets: SearchResult['facets'] = { region: [], year: [], kind: [], scope: [] };
  let total = 0;
  for (const r of facetRows.rows) {
    if (r.region !== null) facets.region.push({ value: r.region, count: r.n });
    else if (r.year !== null) facets.year.push({ value: String(r.year), count: r.n });
    else if (r.kind !== null) {
      facets.kind.push({ value: r.kind, count: r.n });
      total += r.n;
    } else if (r.scope !== null) facets.scope.push({ value: r.scope, count: r.n });
  }
  const byCount = (a: Facet, b: Facet) => b.count - a.count || a.value.localeCompare(b.value);
  facets.region.sort(byCount);
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  facets.kind.sort(byCount);
  facets.scope.sort(byCount);
  return { total, items, facets };
}

export interface DocumentRecord
  extends
    DocumentSummary,
    Pick<
      Selectable<DocumentsTable>,
      'unit_code' | 'doc_date' | 'superseded_by' | 'source_file' | 'source_format' | 'imported_at'
    > {
  /** read as text (::text), the exact number as stored */
  staff_actual: string | null;
  staff_authorized: string | null;
  figures: Figures;
  model: Disclosure;
}

export async function getDocument(store: Store, id: number): Promise<DocumentRecord | undefined> {
  const result = await sql<Omit<DocumentRecord, 'model'> & { model_gz: Uint8Array }>`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(c)))}, unit_code, doc_date, superseded_by, source_file, source_format,
      staff_actual::text as staff_actual, staff_authorized::text as staff_authorized, imported_at, figures, model_gz
    from documents where id = ${id}`.execute(store.db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { model_gz, ...rest } = row;
  return { ...rest, model: JSON.parse(gunzipSync(model_gz).toString('utf8')) as Disclosure };
}

/** A unit's stored version as its page lists it (unitDocuments). */
export type UnitVersion = DocumentSummary & {
  figures: Figures;
  doc_date: string | null;
  staff_actual: string | null;
  staff_authorized: string | null;
};

/** Findings of a document in the order pages list them: errors first, then by line. */
const FINDING_ORDER = sql`case severity when 'error' then 0 when 'warning' then 1 else 2 end, line nulls last, id`;

/**
 * Everything a document's page shows, in one statement (one round trip instead of three): the document, every
 * stored version of its unit (as unitDocuments) and either the page body stored at import by `renderer` (with the
 * ids of the findings it shows) or, when there is none by that code, the model and the findings (as
 * documentFindings) to render it from.
 */
export async function documentPageData(
  store: Store,
  id: number,
  renderer: string,
): Promise<
  | {
      record: Omit<DocumentRecord, 'model'>;
      versions: UnitVersion[];
      source: { model: Disclosure; findings: FindingRecord[] } | { body: StoredBodyRow; findingIds: number[] };
    }
  | undefined
> {
  const result = await sql<
    Omit<DocumentRecord, 'model'> & {
      model_gz: Uint8Array | null;
      findings: FindingRecord[] | null;
      versions: UnitVersion[];
      mark: string | null;
      tree_chart: string | null;
      tail: string | null;
      finding_ids: number[] | null;
    }
  >`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`d.${c}`)))}, d.unit_code, d.doc_date, d.superseded_by, d.source_file,
      d.source_format, d.staff_actual::text as staff_actual, d.staff_authorized::text as staff_authorized, d.imported_at,
      d.figures, b.mark, b.tree_chart, b.tail,
      case when b.document_id is null then d.model_gz end as model_gz,
      case when b.document_id is null then (select coalesce(json_agg(f order by ${FINDING_ORDER}), '[]') from (
        select id, document_id, rule, severity, message, section, table_id, row_label, line, detail
        from findings where document_id = d.id) f) end as findings,
      case when b.document_id is not null then
        (select coalesce(array_agg(id order by id), '{}') from findings where document_id = d.id) end as finding_ids,
      (select coalesce(json_agg(v order by v.year desc, v.kind, v.status, v.id desc), '[]') from (
        select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`u.${c}`)))}, u.figures, u.doc_date,
          u.staff_actual::text as staff_actual, u.staff_authorized::text as staff_authorized
        from documents u where u.unit_name = d.unit_name and u.status <> 'draft') v) as versions
    from documents d left join document_bodies b on b.document_id = d.id and b.renderer = ${renderer}
    where d.id = ${id}`.execute(store.db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { model_gz, findings, versions, mark, tree_chart, tail, finding_ids, ...record } = row;
  return {
    record,
    versions,
    source:
      mark !== null && tail !== null
        ? { body: { mark, tree_chart, tail }, findingIds: finding_ids ?? [] }
        : { model: JSON.parse(gunzipSync(model_gz!).toString('utf8')) as Disclosure, findings: findings ?? [] },
  };
}

/** A page body as stored at import (schema.ts document_bodies). */
export interface StoredBodyRow {
  mark: string;
  tree_chart: string | null;
  tail: string;
}

export async function getSource(
  store: Store,
  id: number,
): Promise<{ file: string; format: string; bytes: Uint8Array } | undefined> {
  const row = await store.db
    .selectFrom('documents')
    .select(['source_file', 'source_format', 'source_bytes'])
    .where('id', '=', id)
    .executeTakeFirst();
  // stored gzip-compressed (disclosures compress about tenfold)
  return row
    ? { file: row.source_file, format: row.source_format, bytes: new Uint8Array(gunzipSync(row.source_bytes)) }
    : undefined;
}

/** Every stored version of a unit's documents, newest year first (current and history). */
export async function unitDocuments(
  store: Store,
  unitName: string,
): Promise<
  Array<
    DocumentSummary & {
      figures: Figures;
      doc_date: string | null;
      staff_actual: string | null;
      staff_authorized: string | null;
    }
  >
> {
  const result = await sql<
    DocumentSummary & {
      figures: Figures;
      doc_date: string | null;
      staff_actual: string | null;
      staff_authorized: string | null;
    }
  >`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(c)))}, figures, doc_date, staff_actual::text as staff_actual, staff_authorized::text as staff_authorized
    from documents where unit_name = ${unitName} and status <> 'draft'
    order by year desc, kind, status, id desc`.execute(store.db);
  return result.rows;
}

/** A stored finding: the table's columns (schema.ts), its detail (the whole finding as JSON) parsed. */
export interface FindingRecord extends Omit<Selectable<FindingsTable>, 'detail'> {
  detail: Record<string, unknown>;
}

export async function documentFindings(store: Store, id: number): Promise<FindingRecord[]> {
  const result = await sql<FindingRecord>`
    select id, document_id, rule, severity, message, section, table_id, row_label, line, detail from findings
    where document_id = ${id}
    order by ${FINDING_ORDER}`.execute(store.db);
  return result.rows;
}

export interface FindingFilter extends Omit<DocumentFilter, 'q'> {
  rule?: string;
  severity?: string;
}

export async function listFindings(
  store: Store,
  filter: FindingFilter,
  limit = 1000,
): Promise<Array<FindingRecord & { unit_name: string; year: number; kind: string; region: string }>> {
  const conditions = documentConditions(filter, 'd');
  if (filter.rule) conditions.push(sql<SqlBool>`f.rule = ${filter.rule}`);
  if (filter.severity) conditions.push(sql<SqlBool>`f.severity = ${filter.severity}`);
  const result = await sql<FindingRecord & { unit_name: string; year: number; kind: string; region: string }>`
    select f.id, f.document_id, f.rule, f.severity, f.message, f.section, f.table_id, f.row_label, f.line, f.detail,
      d.unit_name, d.year, d.kind, d.region
    from findings f join documents d on d.id = f.document_id ${whereAll(conditions)}
    order by d.region, d.unit_name, d.year, f.id limit ${Math.min(limit, 100000)}`.execute(store.db);
  return result.rows;
}

export interface AuditSummary {
  documents: number;
  withErrors: number;
  bySeverity: Facet[];
  byRule: Array<{ rule: string; severity: string; count: number; documents: number }>;
  worst: Array<DocumentSummary>;
}

/** Audit dashboard numbers for a region and year (any filter of documents). */
export async function auditSummary(store: Store, filter: FindingFilter): Promise<AuditSummary> {
  const docWhere = whereAll(documentConditions(filter, 'd'));
  const counts = await sql<{ documents: number; with_errors: number }>`
    select count(*)::int as documents, count(*) filter (where d.error_count > 0)::int as with_errors from documents d ${docWhere}`.execute(
    store.db,
  );
  const byRule = await sql<{ rule: string; severity: string; count: number; documents: number }>`
    select f.rule, f.severity, count(*)::int as count, count(distinct f.document_id)::int as documents
    from findings f join documents d on d.id = f.document_id ${docWhere}
    group by f.rule, f.severity order by count(*) desc, f.rule limit 200`.execute(store.db);
  const bySeverity = new Map<string, number>();
  for (const r of byRule.rows) bySeverity.set(r.severity, (bySeverity.get(r.severity) ?? 0) + r.count);
  const worst = await sql<DocumentSummary>`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`d.${c}`)))} from documents d ${docWhere}
    order by d.error_count desc, d.warning_count desc, d.unit_name, d.id limit 20`.execute(store.db);
  return {
    documents: counts.rows[0]?.documents ?? 0,
    withErrors: counts.rows[0]?.with_errors ?? 0,
    bySeverity: ['error', 'warning', 'info'].map((s) => ({ value: s, count: bySeverity.get(s) ?? 0 })),
    byRule: byRule.rows,
    worst: worst.rows,
  };
}

/** Dimensions facts can be filtered and grouped by: name → SQL expression (fixed text, never user input). */
export const FACT_DIMENSIONS: Record<string, string> = {
  document: 'd.id',
  unit: 'd.unit_name',
  region: 'd.region',
  year: 'd.year',
  kind: 'd.kind',
  scope: 'd.scope',
  table: 'f.table_id',
  column: 'f.column_key',
  code: 'f.row_code',
  system: 'f.code_system',
  level: 'f.row_level',
  rowKind: 'f.row_kind',
  label: 'f.row_label',
  class: "case when f.code_system = 'function' then left(f.row_code, 3) end",
  section: "case when f.code_system = 'function' and length(f.row_code) >= 5 then left(f.row_code, 5) end",
};

export interface FactQuery extends Omit<DocumentFilter, 'q'> {
  document?: number;
  table?: string;
  column?: string;
  code?: string;
  /** function or economic code starting with this (e.g. 201 for a class) */
  codePrefix?: string;
  system?: string;
  level?: string;
  /** leaf (default, so that no subtotal is counted twice), subtotal (subtotal and total rows) or all */
  rows?: 'leaf' | 'subtotal' | 'all';
  groupBy?: string[];
  limit?: number;
}

export interface FactAggregate {
  [dimension: string]: string | number | null;
  /** sum in 万元, exact decimal text */
  amount_wan: string;
  cells: number;
  documents: number;
}

function factConditions(query: FactQuery): Expression<SqlBool>[] {
  const conditions = documentConditions(query, 'd');
  // the year (or the document's year) on facts too, so that only that year's partition is read
  if (query.year !== undefined) conditions.push(sql<SqlBool>`f.year = ${query.year}`);
  if (query.document !== undefined) {
    conditions.push(sql<SqlBool>`f.document_id = ${query.document}`);
    if (query.year === undefined)
      conditions.push(sql<SqlBool>`f.year = (select year from documents where id = ${query.document})`);
  }
  if (query.table) conditions.push(sql<SqlBool>`f.table_id = ${query.table}`);
  if (query.column) conditions.push(sql<SqlBool>`f.column_key = ${query.column}`);
  if (query.code) conditions.push(sql<SqlBool>`f.row_code = ${query.code}`);
  if (query.codePrefix)
    conditions.push(sql<SqlBool>`f.row_code like ${`${query.codePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.system) conditions.push(sql<SqlBool>`f.code_system = ${query.system}`);
  if (query.level) conditions.push(sql<SqlBool>`f.row_level = ${query.level}`);
  const rows = query.rows ?? (query.level ? 'all' : 'leaf');
  if (rows === 'leaf') conditions.push(sql<SqlBool>`f.is_leaf`);
  if (rows === 'subtotal') conditions.push(sql<SqlBool>`not f.is_leaf`);
  return conditions;
}

/** Sums of facts (万元) grouped by the given dimensions; unknown dimensions are refused by the caller. */
export async function aggregateFacts(store: Store, query: FactQuery): Promise<FactAggregate[]> {
  return (await aggregateFactsQuery(query).execute(store.db)).rows;
}

/** Dimensions fact_class_sums answers, as SQL over its alias `f` (the document's come from `d` as above). */
const CLASS_SUM_DIMENSIONS: Record<string, string> = {
  document: 'f.document_id',
  unit: 'd.unit_name',
  region: 'f.region',
  year: 'f.year',
  kind: 'f.kind',
  scope: 'f.scope',
  table: 'f.table_id',
  column: 'f.column_key',
  system: "'function'::text",
  class: 'f.class',
};

/**
 * Whether an aggregate needs no more detail than fact_class_sums holds: leaf rows of function codes, grouped and
 * filtered by document, table, column and class at most. Such an aggregate reads a few sums a document instead of
 * every leaf fact, with the same answer (exact numeric sums of sums).
 */
export function answeredByClassSums(query: FactQuery): boolean {
  const rows = query.rows ?? (query.level ? 'all' : 'leaf');
  return (
    rows === 'leaf' &&
    query.system === 'function' &&
    !query.code &&
    !query.level &&
    (!query.codePrefix || query.codePrefix.length <= 3) &&
    (query.groupBy ?? []).every((g) => g in CLASS_SUM_DIMENSIONS)
  );
}

/** Whether a class-sum aggregate needs `documents` (for the unit's name); otherwise status, region,
 *  year, kind and scope are read from the sums' own copies and no document row is joined. */
function classSumsNeedDocuments(query: FactQuery): boolean {
  return !!query.unit || (query.groupBy ?? []).includes('unit');
}

function classSumConditions(query: FactQuery): Expression<SqlBool>[] {
  const join = classSumsNeedDocuments(query);
  const conditions = documentConditions(query, join ? 'd' : 'f');
  if (join && query.year !== undefined) conditions.push(sql<SqlBool>`f.year = ${query.year}`);
  if (query.document !== undefined) conditions.push(sql<SqlBool>`f.document_id = ${query.document}`);
  if (query.table) conditions.push(sql<SqlBool>`f.table_id = ${query.table}`);
  if (query.column) conditions.push(sql<SqlBool>`f.column_key = ${query.column}`);
  // a prefix of at most three digits holds for a code exactly when it holds for the code's class
  if (query.codePrefix)
    conditions.push(sql<SqlBool>`f.class like ${`${query.codePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return conditions;
}

/** The aggregate's statement (also for EXPLAIN in the tests); `detail` forces the reading of every leaf fact. */
export function aggregateFactsQuery(query: FactQuery, options: { detail?: boolean } = {}): RawBuilder<FactAggregate> {
  const groupBy = query.groupBy ?? [];
  for (const g of groupBy) if (!(g in FACT_DIMENSIONS)) throw new RangeError(`unknown dimension: ${g}`);
  const sums = !options.detail && answeredByClassSums(query);
  const dimension = (g: string) => (sums ? CLASS_SUM_DIMENSIONS[g] : FACT_DIMENSIONS[g]);
  const dims = groupBy.map((g) => sql`${sql.raw(dimension(g))} as ${sql.ref(g)}`);
  const innerGroup = sql`group by ${sql.join([...groupBy.map((g) => sql.raw(dimension(g))), sql`f.document_id`])}`;
  const outer = groupBy.map((g) => sql.ref(`g.${g}`));
  const outerGroup = groupBy.length ? sql`group by ${sql.join(outer)}` : sql``;
  const order = groupBy.length ? sql`order by ${sql.join(outer.map((o) => sql`${o} nulls last`))}` : sql``;
  // sums per document first, then per group: both steps hash their groups, and the documents are counted
  // without sorting every cell for a count(distinct)
  return sql<FactAggregate>`
    select ${groupBy.length ? sql`${sql.join(outer)}, ` : sql``}coalesce(sum(g.amount_wan), 0)::text as amount_wan,
      coalesce(sum(g.cells), 0)::int as cells, count(*)::int as documents
    from (
      select ${dims.length ? sql`${sql.join(dims)}, ` : sql``}sum(f.amount_wan) as amount_wan, ${sums ? sql`sum(f.cells)` : sql`count(*)`} as cells
      from ${sums ? sql`fact_class_sums` : sql`facts`} f ${sums && !classSumsNeedDocuments(query) ? sql`` : sql`join documents d on d.id = f.document_id`} ${whereAll(sums ? classSumConditions(query) : factConditions(query))}
      ${innerGroup}) g
    ${outerGroup} ${order} limit ${Math.min(query.limit ?? 10000, 100000)}`;
}

/** A stored fact row with the document it belongs to. */
export interface FactRecord
  extends
    FactRow,
    Pick<Selectable<FactsTable>, 'document_id' | 'year'>,
    Pick<Selectable<DocumentsTable>, 'unit_name' | 'kind'> {}

export async function listFacts(store: Store, query: FactQuery): Promise<FactRecord[]> {
  return (await listFactsQuery(query).execute(store.db)).rows;
}

/** The fact list's statement (also for EXPLAIN in the tests). */
export function listFactsQuery(query: FactQuery): RawBuilder<FactRecord> {
  return sql<FactRecord>`
    select f.document_id, d.unit_name, d.year, d.kind, f.table_id, f.row_no, f.row_label, f.row_code, f.code_system, f.row_level,
      f.row_kind, f.is_leaf, f.column_key, f.money_unit, f.amount::text as amount, f.amount_wan::text as amount_wan
    from facts f join documents d on d.id = f.document_id ${whereAll(factConditions({ rows: 'all', ...query }))}
    order by f.document_id, f.table_id, f.row_no, f.column_key limit ${Math.min(query.limit ?? 10000, 1000000)}`;
}

export interface RankingQuery extends Omit<DocumentFilter, 'q'> {
  figure: string;
  per?: PerHead;
  order?: 'desc' | 'asc';
  limit?: number;
}

export interface RankingRow extends DocumentSummary {
  value: string;
  staff: string | null;
  /** value per head (万元 per person) when `per` is given, rounded to 4 decimals */
  per_head: string | null;
  rank: number;
}

/** Units ranked by one key figure, optionally per head (实有人数 or 编制数). */
export async function rankings(store: Store, query: RankingQuery): Promise<RankingRow[]> {
  if (!FIGURE_KEYS.has(query.figure)) throw new RangeError(`unknown figure: ${query.figure}`);
  const conditions = documentConditions(query, 'd');
  const value = sql`(d.figures #>> string_to_array(${query.figure}, '.'))::numeric`;
  conditions.push(sql<SqlBool>`d.figures #>> string_to_array(${query.figure}, '.') is not null`);
  const staff =
    query.per === 'actual'
      ? sql`d.staff_actual`
      : query.per === 'authorized'
        ? sql`d.staff_authorized`
        : sql`null::numeric`;
  if (query.per) conditions.push(sql<SqlBool>`${staff} > 0`);
  const metric = query.per ? sql`round(${value} / ${staff}, 4)` : value;
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  const result = await sql<RankingRow>`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`d.${c}`)))}, ${value}::text as value, ${staff}::text as staff,
      ${query.per ? sql`${metric}::text` : sql`null::text`} as per_head,
      (rank() over (order by ${metric} ${direction}))::int as rank
    from documents d ${whereAll(conditions)}
    order by ${metric} ${direction}, d.unit_name, d.id limit ${Math.min(query.limit ?? 100, 10000)}`.execute(store.db);
  return result.rows;
}

export async function countDocuments(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from documents`.execute(store.db);
  return r.rows[0]?.n ?? 0;
}

/** Distinct values for the search form's selects. */
export async function documentDimensions(store: Store): Promise<{ regions: string[]; years: number[] }> {
  const regions = await sql<{
    region: string;
  }>`select distinct region from documents where status = 'current' order by region`.execute(store.db);
  const years = await sql<{
    year: number;
  }>`select distinct year from documents where status = 'current' order by year desc`.execute(store.db);
  return { regions: regions.rows.map((r) => r.region), years: years.rows.map((r) => r.year) };
}

export interface FigureRecord extends DocumentSummary {
  figures: Figures;
  staff_actual: string | null;
  staff_authorized: string | null;
  doc_date: string | null;
}

/** Key figures of the given documents (in the order asked), without the heavy model. */
export async function documentFigures(store: Store, ids: number[]): Promise<FigureRecord[]> {
  if (ids.length === 0) return [];
  const result = await sql<FigureRecord>`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(c)))}, figures, staff_actual::text as staff_actual,
      staff_authorized::text as staff_authorized, doc_date
    from documents where id in (${sql.join(ids)}) and status <> 'draft'`.execute(store.db);
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** Key figures of every document matching a filter (for the figures API and its downloads). */
export async function filteredFigures(store: Store, filter: DocumentFilter, limit = 1000): Promise<FigureRecord[]> {
  const result = await searchQuery(
    store,
    sql<FigureRecord>`
    select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(c)))}, figures, staff_actual::text as staff_actual,
      staff_authorized::text as staff_authorized, doc_date
    from documents ${whereAll(documentConditions(filter))}
    order by year desc, unit_name, kind, id limit ${Math.min(limit, 100000)}`,
    !!filter.q?.trim(),
  );
  return result.rows;
}

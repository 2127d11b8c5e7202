// The portal's database: table types for Kysely and the DDL, written once for PGlite and PostgreSQL 15 alike.
import type { ColumnType, Generated } from 'kysely';

/** A stored disclosure; `status` is current (public), superseded (history) or draft (uploaded, unpublished). */
export interface DocumentsTable {
  id: Generated<number>;
  content_hash: string;
  unit_name: string;
  unit_code: string | null;
  region: string;
  year: number;
  kind: string;
  scope: string;
  title: string;
  doc_date: string | null;
  status: string;
  superseded_by: number | null;
  source_file: string;
  source_format: string;
  /** the file as received, gzip-compressed */
  source_bytes: Uint8Array;
  /** the whole model as JSON text, gzip-compressed (compressed by the importer's workers, not by the server) */
  model_gz: Uint8Array;
  figures: ColumnType<unknown, string, string>;
  staff_actual: number | null;
  staff_authorized: number | null;
  search_text: string;
  error_count: number;
  warning_count: number;
  info_count: number;
  imported_at: ColumnType<Date, never, never>;
}

export interface FindingsTable {
  id: Generated<number>;
  document_id: number;
  rule: string;
  severity: string;
  message: string;
  section: string | null;
  table_id: string | null;
  row_label: string | null;
  line: number | null;
  detail: ColumnType<unknown, string, string>;
}

/** One row per amount cell; `amount` in the published unit, `amount_wan` in 万元, both exact numerics. */
export interface FactsTable {
  document_id: number;
  /** the document's year: the partition key (one partition per year, see factsPartitionDDL) */
  year: number;
  table_id: string;
  row_no: number;
  row_label: string;
  row_code: string | null;
  code_system: string | null;
  row_level: string | null;
  row_kind: string;
  is_leaf: boolean;
  column_key: string;
  money_unit: string;
  amount: ColumnType<string, string, string>;
  amount_wan: ColumnType<string, string, string>;
}

/**
 * Sums of a document's leaf facts by table, column and function class (类, the first three digits of the code):
 * about 20 rows a document instead of 300, kept by the importer in the statement that writes the facts. An
 * aggregate that needs no more detail than the class reads these (see aggregateFactsQuery in queries.ts).
 */
export interface FactClassSumsTable {
  document_id: number;
  year: number;
  table_id: string;
  column_key: string;
  class: string | null;
  amount_wan: ColumnType<string, string, string>;
  cells: number;
  /** the document's status, region, kind and scope, copied (kept in step by the store's status changes) so that
   *  an aggregate filtered by them reads only its own sums from the index, with no join to `documents` */
  status: string;
  region: string;
  kind: string;
  scope: string;
}

/** The facts that fact_class_sums adds up, and how (over rows named as the facts table's columns). */
export const CLASS_SUMS_WHERE = `code_system = 'function' and is_leaf`;
export const CLASS_SUMS_GROUP = 'table_id, column_key, left(row_code, 3)';
export const CLASS_SUMS_SELECT = `${CLASS_SUMS_GROUP}, sum(amount_wan), count(*)`;
/** The document columns copied into fact_class_sums (same names in `documents`). */
export const CLASS_SUMS_DOCUMENT_COLUMNS = ['status', 'region', 'kind', 'scope'] as const;
/** What a store's fact_class_sums were filled with (store_meta): a store filled otherwise is refilled at open. */
export const CLASS_SUMS_VERSION = `${CLASS_SUMS_SELECT}; ${CLASS_SUMS_DOCUMENT_COLUMNS.join(', ')}`;

/** What search reads for every matching document, narrow so that a word found in thousands of documents is
 *  counted by facets from a few pages; kept in step with `documents` (same id and status). */
export interface DocumentSearchTable {
  id: number;
  status: string;
  unit_name: string;
  region: string;
  year: number;
  kind: string;
  scope: string;
  search_terms: ColumnType<unknown, string, string>;
}

/** The text a search word longer than the indexed pieces is confirmed against: folded as the query is, each line
 *  once, compressed and kept in the row (a confirmation reads one short row, not a toasted text). */
export interface DocumentTextTable {
  id: number;
  folded: string;
}

/** A document's page body rendered at import (findings, explanations, tables, treemap; see documents.ts
 *  StoredBody): a page view reads it instead of decoding the model, when `renderer` is the running code's. */
export interface DocumentBodiesTable {
  document_id: number;
  renderer: string;
  mark: string;
  tree_chart: string | null;
  tail: string;
}

export interface Database {
  documents: DocumentsTable;
  document_search: DocumentSearchTable;
  document_text: DocumentTextTable;
  findings: FindingsTable;
  facts: FactsTable;
  fact_class_sums: FactClassSumsTable;
  document_bodies: DocumentBodiesTable;
}

/** DDL applied at open; idempotent. PostgreSQL 15 features only (PGlite runs a newer server, the server is 15). */
export const DDL: string[] = [
  `create table if not exists documents (
    id serial primary key,
    content_hash text not null unique,
    unit_name text not null,
    unit_code text,
    region text not null,
    year integer not null,
    kind text not null,
    scope text not null,
    title text not null,
    doc_date text,
    status text not null check (status in ('current', 'superseded', 'draft')),
    superseded_by integer references documents(id) on delete set null,
    source_file text not null,
    source_format text not null,
    source_bytes bytea not null,
    model_gz bytea not null,
    figures jsonb not null,
    staff_actual numeric,
    staff_authorized numeric,
    search_text text not null,
    error_count integer not null default 0,
    warning_count integer not null default 0,
    info_count integer not null default 0,
    imported_at timestamptz not null default now()
  )`,
  `create unique index if not exists documents_one_current on documents (unit_name, year, kind, scope) where status = 'current'`,
  // filters of search, facets and aggregates read this index alone (index-only scans once vacuumed)
  `drop index if exists documents_facets`,
  `create index if not exists documents_filter on documents (status, region, year, kind, scope) include (id)`,
  `create index if not exists documents_unit on documents (unit_name)`,
  // search terms moved to document_search
  `alter table documents drop column if exists search_terms`,
  `create table if not exists document_search (
    id integer primary key references documents(id) on delete cascade,
    status text not null,
    unit_name text not null,
    region text not null,
    year integer not null,
    kind text not null,
    scope text not null,
    search_terms tsvector not null
  )`,
  // one GIN index for the current documents (what the public searches) and one for the rest: a public search then
  // never visits the rows of superseded versions and drafts (queries.ts termsMatch writes the status beside the terms)
  `create index if not exists document_search_current_terms on document_search using gin (search_terms) where status = 'current'`,
  `create index if not exists document_search_other_terms on document_search using gin (search_terms) where status <> 'current'`,
  `drop index if exists document_search_terms`,
  // no statistics for the terms: a common term then looks selective, so the planner takes the GIN index (which
  // answers exactly, without reading the stored terms) instead of decompressing every row's terms to test them
  `alter table document_search alter column search_terms set statistics 0`,
  // read only for the snippets of one page of results (confirmations read document_text): compressed
  `alter table documents alter column search_text set storage extended`,
  `create table if not exists document_text (
    id integer primary key references documents(id) on delete cascade,
    folded text not null
  )`,
  // in the row, compressed (a few KB): confirming a word in thousands of documents then reads no TOAST table
  `alter table document_text alter column folded set storage main`,
  // already gzip-compressed
  `alter table documents alter column source_bytes set storage external`,
  `alter table documents alter column model_gz set storage external`,
  // lz4 compresses the large values several times faster than the default pglz (PostgreSQL 15 from Debian has
  // it; PGlite is built without it and keeps pglz: a storage detail, the same schema and answers)
  `do $$ begin
     alter table documents alter column figures set compression lz4;
     alter table document_search alter column search_terms set compression lz4;
     alter table documents alter column search_text set compression lz4;
     alter table document_text alter column folded set compression lz4;
   exception when others then null;
   end $$`,
  `create table if not exists findings (
    id serial primary key,
    document_id integer not null references documents(id) on delete cascade,
    rule text not null,
    severity text not null,
    message text not null,
    section text,
    table_id text,
    row_label text,
    line integer,
    detail jsonb not null
  )`,
  `create index if not exists findings_document on findings (document_id)`,
  // partitioned by the document's year (one partition per year, created on demand): an aggregate over one year
  // reads one partition, and a year's data can be moved, archived or dropped as a whole
  `create table if not exists facts (
    document_id integer not null references documents(id) on delete cascade,
    year integer not null,
    table_id text not null,
    row_no integer not null,
    row_label text not null,
    row_code text,
    code_system text,
    row_level text,
    row_kind text not null,
    is_leaf boolean not null,
    column_key text not null,
    money_unit text not null,
    amount numeric not null,
    amount_wan numeric not null
  ) partition by range (year)`,
  `create index if not exists facts_document on facts (document_id)`,
  // aggregates over a table's column read only this index (index-only scans once vacuumed);
  `drop index if exists facts_lookup`,
  `drop index if exists facts_cover`,
  // leaf rows only (what sums add up by default): half the entries to write at import; subtotal and level queries
  // go through the document's facts
  `drop index if exists facts_by_table`,
  `create index if not exists facts_leaves on facts (table_id, column_key, code_system, row_code) include (document_id, row_level, amount_wan) where is_leaf`,
  `create table if not exists fact_class_sums (
    document_id integer not null references documents(id) on delete cascade,
    year integer not null,
    table_id text not null,
    column_key text not null,
    class text,
    amount_wan numeric not null,
    cells integer not null
  )`,
  // stores written before the document's columns were copied get them here and are refilled at open
  `alter table fact_class_sums add column if not exists status text not null default 'current'`,
  `alter table fact_class_sums add column if not exists region text not null default ''`,
  `alter table fact_class_sums add column if not exists kind text not null default ''`,
  `alter table fact_class_sums add column if not exists scope text not null default ''`,
  // status and region lead after table and column: the portal's aggregate of one region's current documents reads
  // that region's entries only (index-only), instead of every document's sums joined to documents
  `drop index if exists fact_class_sums_lookup`,
  `create index if not exists fact_class_sums_filter on fact_class_sums (table_id, column_key, status, region, year) include (document_id, class, amount_wan, cells, kind, scope)`,
  `create index if not exists fact_class_sums_document on fact_class_sums (document_id)`,
  `create table if not exists document_bodies (
    document_id integer primary key references documents(id) on delete cascade,
    renderer text not null,
    mark text not null,
    tree_chart text,
    tail text not null
  )`,
  `do $$ begin
     alter table document_bodies alter column tail set compression lz4;
   exception when others then null;
   end $$`,
  // which way the search terms were cut (see rows.ts searchTerms); older stores are re-indexed at open
  `create table if not exists store_meta (key text primary key, value text not null)`,
];

/** Name of the facts partition of one year. */
export function factsPartition(year: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999)
    throw new RangeError(`年度 ${year} 超出可存储的范围（0–9999）`);
  return `facts_y${year}`;
}

/** DDL of the facts partition of one year (its indexes follow from the partitioned table's). */
export function factsPartitionDDL(year: number): string {
  return `create table if not exists ${factsPartition(year)} partition of facts for values from (${year}) to (${year + 1})`;
}

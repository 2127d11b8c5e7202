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
  /** the whole model as JSON text (json column: validated, stored as written) */
  model: ColumnType<unknown, string, string>;
  figures: ColumnType<unknown, string, string>;
  staff_actual: number | null;
  staff_authorized: number | null;
  search_text: string;
  search_terms: ColumnType<unknown, string, string>;
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

export interface Database {
  documents: DocumentsTable;
  findings: FindingsTable;
  facts: FactsTable;
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
    model json not null,
    figures jsonb not null,
    staff_actual numeric,
    staff_authorized numeric,
    search_text text not null,
    search_terms tsvector not null,
    error_count integer not null default 0,
    warning_count integer not null default 0,
    info_count integer not null default 0,
    imported_at timestamptz not null default now()
  )`,
  `create unique index if not exists documents_one_current on documents (unit_name, year, kind, scope) where status = 'current'`,
  `create index if not exists documents_facets on documents (status, region, year, kind)`,
  `create index if not exists documents_unit on documents (unit_name)`,
  `create index if not exists documents_search on documents using gin (search_terms)`,
  // searched with strpos on every candidate: kept uncompressed so that no search decompresses thousands of texts
  `alter table documents alter column search_text set storage external`,
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
  `create table if not exists facts (
    document_id integer not null references documents(id) on delete cascade,
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
  )`,
  `create index if not exists facts_document on facts (document_id)`,
  `create index if not exists facts_lookup on facts (table_id, column_key, row_code)`,
  // aggregates over a table's column read only this index (index-only scans once vacuumed)
  `create index if not exists facts_cover on facts (table_id, column_key, code_system) include (document_id, is_leaf, row_code, row_level, amount_wan)`,
];

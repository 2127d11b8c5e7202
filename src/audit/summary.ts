// The batch review summary: one row per document (tables found of expected, declared sums held of checked, errors,
// warnings, reading doubts, pages, seconds) and the totals, so a reviewer can triage a region's disclosures.
import type { Disclosure, TableId } from '../model/schema.js';
import { standardTableIds, tableTemplate } from '../catalog/tables.js';
import { READING_DOUBT } from './doubts.js';
import type { TableReading } from './reading-confidence.js';
import type { Finding } from './types.js';

export interface SummaryRow {
  file: string;
  /** what the document is (unit, year, kind), empty when it could not be read */
  title: string;
  /** the standard tables the document announces (目录) or prints, and those of them read */
  tables: { found: number; expected: number; missing: TableId[]; blank: TableId[] };
  /** the sums the tables declare (in-row, hierarchy, fixed rows) that could be checked, and those that hold */
  sums: { held: number; checked: number };
  errors: number;
  /** warnings other than reading doubts */
  warnings: number;
  doubts: number;
  /** PDF pages the model was read from (0 for other formats) */
  pages: number;
  seconds: number;
  /** why the document was not audited (refused, unreadable) */
  refused?: string;
}

export interface SummaryTotals {
  documents: number;
  audited: number;
  refused: number;
  tables: { found: number; expected: number };
  sums: { held: number; checked: number };
  errors: number;
  warnings: number;
  doubts: number;
  pages: number;
  seconds: number;
  /** median errors per audited document */
  medianErrors: number;
  /** audited documents without an error */
  withoutErrors: number;
}

/** The highest page any node of the model was read from. */
function pagesOf(doc: Disclosure): number {
  let max = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (typeof v === 'object' && v !== null) {
      const page = (v as { page?: unknown }).page;
      if (typeof page === 'number' && page > max) max = page;
      for (const x of Object.values(v)) if (typeof x === 'object') visit(x);
    }
  };
  visit(doc.tables);
  visit(doc.narrative);
  visit(doc.toc);
  visit(doc.title);
  return max;
}

/** The standard tables a document is expected to print: those its 目录 lists or its body prints, else the whole set. */
function expectedTables(doc: Disclosure): TableId[] {
  const standard = standardTableIds(doc.kind);
  if (doc.form) return [];
  const named = standard.filter((id) => doc.toc.some((e) => e.tableId === id) || doc.tables.some((t) => t.id === id));
  return named.length ? named : standard;
}

export function summaryRow(
  file: string,
  title: string,
  doc: Disclosure,
  findings: Finding[],
  tables: TableReading[],
  seconds: number,
): SummaryRow {
  const expected = expectedTables(doc);
  const found = expected.filter((id) =>
    doc.tables.some((t) => t.id === id && (t.status === 'present' || t.status === 'empty')),
  );
  const sums = tables.reduce(
    (s, t) => ({ held: s.held + t.identities.held, checked: s.checked + t.identities.checked }),
    { held: 0, checked: 0 },
  );
  // printed blank (a header and 合计 without one figure): found, and said so, never counted as read or as missing
  // (an empty 政府性基金/国有资本经营 table is ordinary and has its own rule, empty-table-statement)
  const blank = found.filter(
    (id) =>
      !tableTemplate(id).mayBeEmpty &&
      doc.tables.some(
        (t) =>
          t.id === id &&
          t.status === 'empty' &&
          !t.emptyStatement &&
          !t.rows.some((r) => r.cells.some((c) => c.amount)),
      ),
  );
  return {
    file,
    title,
    tables: {
      found: found.length,
      expected: expected.length,
      missing: expected.filter((id) => !found.includes(id)),
      blank,
    },
    sums,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning' && f.rule !== READING_DOUBT).length,
    doubts: findings.filter((f) => f.rule === READING_DOUBT).length,
    pages: pagesOf(doc),
    seconds,
  };
}

export function refusedRow(file: string, reason: string, seconds: number): SummaryRow {
  return {
    file,
    title: '',
    tables: { found: 0, expected: 0, missing: [], blank: [] },
    sums: { held: 0, checked: 0 },
    errors: 0,
    warnings: 0,
    doubts: 0,
    pages: 0,
    seconds,
    refused: reason,
  };
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summaryTotals(rows: SummaryRow[]): SummaryTotals {
  const audited = rows.filter((r) => !r.refused);
  const sum = (f: (r: SummaryRow) => number) => audited.reduce((s, r) => s + f(r), 0);
  return {
    documents: rows.length,
    audited: audited.length,
    refused: rows.length - audited.length,
    tables: { found: sum((r) => r.tables.found), expected: sum((r) => r.tables.expected) },
    sums: { held: sum((r) => r.sums.held), checked: sum((r) => r.sums.checked) },
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
    doubts: sum((r) => r.doubts),
    pages: sum((r) => r.pages),
    seconds: Math.round(rows.reduce((s, r) => s + r.seconds, 0) * 100) / 100,
    medianErrors: median(audited.map((r) => r.errors)),
    withoutErrors: audited.filter((r) => r.errors === 0).length,
  };
}

/** held ÷ checked as a percentage with two decimals ("99.87%"); "—" when nothing was checked. */
export function shareText(held: number, checked: number): string {
  return checked ? `${((100 * held) / checked).toFixed(2)}%` : '—';
}

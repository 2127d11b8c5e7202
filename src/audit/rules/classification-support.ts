// What the classification rules share: one verdict per printed (code, name) pair — an error of the document, a warning
// for the reviewer (the catalogue or the reading cannot confirm it), or nothing — and the reading doubts that keep the
// hierarchy and depth rules quiet where the reader may have split or paired codes wrongly.
import type { Disclosure, Table, TableRow } from '../../model/schema.js';
import { attested, codeStatus, functionPathStatus, judgeName, namesAcrossEditions, normaliseName, type CodeEntry, type CodeStatus } from '../../catalog/codes.js';
import { readingConfidence, type TableReading } from '../reading-confidence.js';

export type RowVerdict =
  | { kind: 'ok' }
  /** the document pairs a known code with another name, and the catalogue's name for that year was seen printed */
  | { kind: 'mismatch'; entry: CodeEntry; note: string }
  /** warnings: unknown but well-formed, retired, another edition's name, a truncated name, another code's name, a
   *  name the catalogue only remembers */
  | { kind: 'unknown'; status: CodeStatus }
  | { kind: 'retired'; status: CodeStatus }
  | { kind: 'other-edition'; entry: CodeEntry; name: string; editions: number[] }
  | { kind: 'truncated'; entry: CodeEntry }
  | { kind: 'other-code'; entry: CodeEntry; codes: string[] }
  | { kind: 'unconfirmed-name'; entry: CodeEntry }
  /** not a code of either system: an error only where the table was read without doubt */
  | { kind: 'malformed' }
  /** a misreading, not a finding: an organisation or unit name taken for a classified row */
  | { kind: 'misread' };

/** Names that end like an organisation ("……局", "……委员会") are a unit row or a title read into the code column. */
const ORGANISATION_NAME = /(局|委员会|委|办公室|办公厅|政府|中心|学校|医院|公司|研究院|研究所|管理处|管理站|大队|支队)(（本级）|\(本级\))?$/;

export function judgeRow(doc: Disclosure, row: TableRow): RowVerdict {
  const c = row.classification;
  if (!c || !row.label.trim()) return { kind: 'ok' };
  const status = codeStatus(c.code, doc.year, c.system);
  switch (status.status) {
    case 'malformed':
      return { kind: 'malformed' };
    case 'regional-subcode':
      return { kind: 'ok' };
    case 'unknown-well-formed':
      return looksLikeOrganisation(doc, row.label) ? { kind: 'misread' } : { kind: 'unknown', status };
    case 'retired':
      return looksLikeOrganisation(doc, row.label) ? { kind: 'misread' } : { kind: 'retired', status };
    default:
      break;
  }
  const j = judgeName(c.code, row.label, doc.year, c.system);
  switch (j.match) {
    case 'exact':
    case 'alias':
    case 'unknown-code':
      return { kind: 'ok' };
    case 'other-edition':
      return { kind: 'other-edition', entry: j.entry, name: j.name, editions: j.editions };
    case 'truncated':
      return { kind: 'truncated', entry: j.entry };
    case 'other-code':
      return { kind: 'other-code', entry: j.entry, codes: j.codes };
    default:
      break;
  }
  if (looksLikeOrganisation(doc, row.label) || !/\p{Script=Han}{2}/u.test(row.label)) return { kind: 'misread' };
  if (!attested(j.entry)) return { kind: 'unconfirmed-name', entry: j.entry };
  const printed = normaliseName(row.label);
  const former = namesAcrossEditions(c.code, c.system).find((n) => normaliseName(n.name) === printed);
  return { kind: 'mismatch', entry: j.entry, note: former ? `（"${former.name}"是${former.editions.join('、')}年版科目名称）` : '' };
}

function looksLikeOrganisation(doc: Disclosure, label: string): boolean {
  const name = normaliseName(label);
  const unit = normaliseName(doc.unit.name);
  return ORGANISATION_NAME.test(name) || (unit.length >= 4 && (name.includes(unit) || unit.includes(name) && name.length >= 4));
}

// ── reading doubts

const readings = new WeakMap<Disclosure, Map<Table, TableReading>>();

/** The reading self-check of a document's tables, made once per document. */
export function readingOf(doc: Disclosure, table: Table): TableReading | undefined {
  let byTable = readings.get(doc);
  if (!byTable) {
    byTable = new Map();
    const list = readingConfidence(doc);
    const present = doc.tables.filter((t) => t.status === 'present');
    present.forEach((t, i) => byTable!.set(t, list[i]));
    readings.set(doc, byTable);
  }
  return byTable.get(table);
}

/** A table whose sums mostly fail, or whose cells the reader could not read or place, was read wrongly as a whole:
 *  finance software does not print many wrong sums, so more than two failures, or more than a tenth of those checked,
 *  is doubt. The caller counts the sums it checks (the reading self-check counts a missing level as a failure). */
export function tableInDoubt(doc: Disclosure, table: Table, sums: { checked: number; failed: number }): boolean {
  return cellsInDoubt(doc, table) || sums.failed > Math.max(2, sums.checked / 10);
}

/** Cells with digits the reader could not read as amounts, or rows printing more amounts than the header has columns. */
export function cellsInDoubt(doc: Disclosure, table: Table): boolean {
  const r = readingOf(doc, table);
  return Boolean(r && (r.cells.unparsed > 0 || r.rows.outOfShape > 0));
}

/** The rows the reading self-check names as suspects of a misread cell (merged, split, shifted, scaled: a re-reading of
 *  the cell makes sums hold). A gap that merely equals a neighbouring figure is not enough on its own. */
export function suspectRows(doc: Disclosure, table: Table): Set<string> {
  const r = readingOf(doc, table);
  return new Set((r?.suspects ?? []).filter((s) => s.kind !== 'difference' && s.kind !== 'unparsed').map((s) => s.row));
}

/** A classified row whose code the reader may have assembled wrongly: its code is not of the year's catalogue (unknown,
 *  retired, malformed), or its printed name is not the code's name (another code's, or a plain mismatch). */
export function codeInDoubt(doc: Disclosure, row: TableRow): boolean {
  if (!row.classification) return false;
  const v = judgeRow(doc, row);
  return v.kind !== 'ok' && v.kind !== 'other-edition' && v.kind !== 'truncated';
}

/** A narrative name path the year's edition does not resolve is the document's error only when every name in it is a
 *  catalogued name put together under the wrong parent; otherwise (another edition's names, a name the catalogue does
 *  not know) it is unconfirmed. */
export function narrativePathVerdict(names: string[], year: number): 'ok' | 'wrong' | 'unconfirmed' {
  const status = functionPathStatus(names, year);
  if (status === 'resolved') return 'ok';
  return status === 'misassembled' ? 'wrong' : 'unconfirmed';
}

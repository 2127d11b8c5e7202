// What the classification rules share: one verdict per printed (code, name) pair — an error of the document, a warning
// for the reviewer (the catalogue or the reading cannot confirm it), or nothing — and the code doubts that keep the
// hierarchy and depth rules quiet where the reader may have split or paired codes wrongly.
import type { Amount, Disclosure, Fact, NarrativeSection, Table, TableRow } from '../../model/schema.js';
import type { Report } from '../types.js';
import {
  cellAmount,
  columnKeys,
  compareSum,
  hierarchySums,
  organisationBlocks,
  perAudit,
  rowName,
  rowPlace,
  tableName,
  uniqueFacts,
  type RowSum,
} from '../support.js';
import {
  attested,
  codeStatus,
  functionPathStatus,
  judgeName,
  nameMatches,
  namesAcrossEditions,
  normaliseName,
  type CodeEntry,
  type CodeStatus,
} from '../../catalog/codes.js';
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
const ORGANISATION_NAME =
  /(局|委员会|委|办公室|办公厅|政府|中心|学校|医院|公司|研究院|研究所|管理处|管理站|大队|支队)(（本级）|\(本级\))?$/;

/** judgeRow, made once per row and audit: the classification rules and the code doubts all ask it of every row. */
export function judgeRow(doc: Disclosure, row: TableRow): RowVerdict {
  const memo = auditMemo(doc).verdicts;
  let v = memo.get(row);
  if (!v) memo.set(row, (v = judgeRowOnce(doc, row)));
  return v;
}

function judgeRowOnce(doc: Disclosure, row: TableRow): RowVerdict {
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
  return {
    kind: 'mismatch',
    entry: j.entry,
    note: former ? `（"${former.name}"是${former.editions.join('、')}年版科目名称）` : '',
  };
}

function looksLikeOrganisation(doc: Disclosure, label: string): boolean {
  const name = normaliseName(label);
  const unit = normaliseName(doc.unit.name);
  return (
    ORGANISATION_NAME.test(name) ||
    (unit.length >= 4 && (name.includes(unit) || (unit.includes(name) && name.length >= 4)))
  );
}

// ── reading doubts

/** What the classification rules of one audit share about a document, made once (support.ts perAudit, forgotten
 *  when the next audit starts): the reading self-check of its tables, each classified row's verdict, each classified
 *  table's sums. */
interface AuditMemo {
  readings?: Map<Table, TableReading>;
  verdicts: Map<TableRow, RowVerdict>;
  sums: Map<Table, SumResult[]>;
}

function auditMemo(doc: Disclosure): AuditMemo {
  return perAudit(doc, auditMemo, () => ({ verdicts: new Map(), sums: new Map() }));
}

/** The reading self-check of a document's tables, made once per audit. */
export function readingOf(doc: Disclosure, table: Table): TableReading | undefined {
  const byTable = auditMemo(doc).readings ?? rememberReadings(doc, readingConfidence(doc));
  return byTable.get(table);
}

/** Gives readingOf the self-check of a document already made (auditDocument makes it before the rules run, so that
 *  it is made once per audit, not once for the rules and once for the report). */
export function rememberReadings(doc: Disclosure, list: TableReading[]): Map<Table, TableReading> {
  const byTable = new Map<Table, TableReading>();
  const present = doc.tables.filter((t) => t.status === 'present');
  present.forEach((t, i) => byTable.set(t, list[i]));
  auditMemo(doc).readings = byTable;
  return byTable;
}

/** Cells with digits the reader could not read as amounts, or rows printing more amounts than the header has columns. */
export function cellsInDoubt(doc: Disclosure, table: Table): boolean {
  const r = readingOf(doc, table);
  return Boolean(r && (r.cells.unparsed > 0 || r.rows.outOfShape > 0));
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

/** The explanations' function-name paths that need a path verdict: facts naming 功能分类 names, less those whose
 *  own code confirms their single name (classification-code judges the wrong ones, -unconfirmed the doubtful). */
export function* narrativeNamePaths(
  doc: Disclosure,
): Generator<{ section?: NarrativeSection; fact: Fact; names: string[]; verdict: 'ok' | 'wrong' | 'unconfirmed' }> {
  for (const { section, fact } of uniqueFacts(doc)) {
    const s = fact.subject;
    if (s.kind !== 'function' || !s.names?.length) continue;
    if (s.code && s.names.length === 1 && nameMatches(s.code, s.names[0], doc.year, 'function') !== 'mismatch')
      continue;
    yield { section, fact, names: s.names, verdict: narrativePathVerdict(s.names, doc.year) };
  }
}

// ── the sums of a classified table

export interface SumResult {
  sum: RowSum;
  /** amount columns compared */
  checked: number;
  /** one report per column where the total is not the sum of its parts */
  reports: Report[];
}

/**
 * The table's declared sums (support.ts hierarchySums), with regional sub-codes put under their 款: the reader gives a
 * 7-digit economic code (3010201 under 30102) the 款 level, so without this a 类 would count both the 款 and its
 * sub-codes. Each sum is compared in every amount column.
 */
export function classifiedSums(doc: Disclosure, table: Table): SumResult[] {
  // the hierarchy and depth rules both ask for them
  const memo = auditMemo(doc).sums;
  let sums = memo.get(table);
  if (!sums) memo.set(table, (sums = classifiedSumsOnce(doc, table, organisationBlocks(table))));
  return sums;
}

function classifiedSumsOnce(doc: Disclosure, table: Table, blocks: ReturnType<typeof organisationBlocks>): SumResult[] {
  const codes = new Map(table.rows.filter((r) => r.classification).map((r) => [r.classification!.code, r]));
  const regionalParent = (r: TableRow): TableRow | undefined => {
    const c = r.classification;
    if (!c || codeStatus(c.code, doc.year, c.system).status !== 'regional-subcode') return undefined;
    return codes.get(c.code.slice(0, -2));
  };
  const sums: RowSum[] = [];
  const under = new Map<TableRow, TableRow[]>();
  for (const sum of hierarchySums(table, blocks)) {
    const parts = sum.parts.filter((p) => {
      const parent = regionalParent(p);
      if (!parent) return true;
      if (!under.has(parent)) under.set(parent, []);
      if (!under.get(parent)!.includes(p)) under.get(parent)!.push(p);
      return false;
    });
    if (parts.length) sums.push({ ...sum, parts });
  }
  for (const [parent, parts] of under) sums.push({ total: parent, parts, what: '下级科目' });
  const partsOf = new Map<TableRow, TableRow[]>();
  for (const s of sums) if (s.what === '下级科目' && !partsOf.has(s.total)) partsOf.set(s.total, s.parts);
  return sums.map((sum) => ({ sum, ...compareColumns(table, sum, partsOf) }));
}

/** The lowest rows under a sum's parts: a part that is itself a total is replaced by its own parts, level by level. */
function leavesOf(parts: TableRow[], partsOf: Map<TableRow, TableRow[]>, seen = new Set<TableRow>()): TableRow[] {
  return parts.flatMap((p) => {
    const below = partsOf.get(p);
    if (!below || seen.has(p)) return [p];
    seen.add(p);
    return leavesOf(below, partsOf, seen);
  });
}

function compareColumns(
  table: Table,
  sum: RowSum,
  partsOf: Map<TableRow, TableRow[]>,
): { checked: number; reports: Report[] } {
  const reports: Report[] = [];
  let checked = 0;
  for (const column of columnKeys(table)) {
    const total = cellAmount(sum.total, column);
    const parts = sum.parts.map((r) => cellAmount(r, column)).filter((a): a is Amount => a !== null);
    if (!total && parts.every((p) => p.minor === 0)) continue;
    checked++;
    const like = total ?? parts[0];
    const zero: Amount = { minor: 0, scale: like.scale, unit: like.unit, text: '' };
    const c = compareSum(total ?? zero, parts.length ? parts : [zero]);
    if (c.ok) continue;
    // finance software rounds each printed subtotal from unrounded figures: a total that equals the sum of the lowest
    // rows printed under it is right, and the gap is the subtotals' own rounding
    const leaves = leavesOf(sum.parts, partsOf)
      .map((r) => cellAmount(r, column))
      .filter((a): a is Amount => a !== null);
    if (total && leaves.length > parts.length && compareSum(total, leaves).ok) continue;
    const label = table.columns.find((col) => col.key === column)?.label ?? column;
    reports.push({
      messageId: 'hierarchyMismatch',
      data: {
        table: tableName(table),
        row: rowName(sum.total),
        column: label,
        what: sum.what,
        expected: c.expected,
        actual: c.actual,
      },
      location: rowPlace(table, sum.total),
      related: sum.parts.slice(0, 12).map((r) => rowPlace(table, r)),
      expected: c.expected,
      actual: c.actual,
      tolerance: c.tolerance,
    });
  }
  return { checked, reports };
}

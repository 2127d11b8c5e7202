// Reading self-check: the auditor's table identities, used to judge how well each table was read. A sum that does
// not hold is first suspected of a reading mistake (merged or split cell, amount in the wrong column, lost decimal
// point) before it is taken for an error of the document; each table gets a confidence, reported apart from findings.
import type { Amount, Disclosure, Place, Table, TableId, TableRow } from '../model/schema.js';
import { atScale, makeAmount } from '../model/money.js';
import { formatMessage, renderReportMessage, type MessageKey, type Messages } from './messages.zh-CN.js';
import type { MessageData } from '../model/messages.js';
import {
  cellAmount,
  columnKeys,
  columnsForRow,
  fixedRowSums,
  compareEqual,
  compareSum,
  hierarchySums,
  primaryColumn,
  rowName,
  tableName,
  templateOf,
  wan,
} from './support.js';

export type SuspectKind = 'merged' | 'split' | 'shifted' | 'scaled' | 'difference' | 'unparsed';

export interface ReadingSuspect {
  kind: SuspectKind;
  table: string;
  row: string;
  /** the column's label */
  column: string;
  /** line/column in the source; page and box when read from a PDF */
  place: Place;
  /** why, in Chinese */
  reason: string;
  /** identities that hold once the cell is read as suggested (merged, split, shifted, scaled) */
  fixes?: number;
}

export interface TableReading {
  id: TableId;
  table: string;
  /** in [0, 1]; see confidenceOf */
  confidence: number;
  /** table-level identities that could be checked, and how many of them hold within the rounding tolerance */
  identities: { checked: number; held: number };
  /** non-empty cells in amount columns, and those whose text has digits but could not be read as an amount */
  cells: { amounts: number; unparsed: number };
  /** rows read, and rows printing more amounts than the header has columns whose sums do not confirm the reading */
  rows: { read: number; outOfShape: number };
  suspects: ReadingSuspect[];
}

// ── identities

interface CellRef {
  row: TableRow;
  column: string;
}

/** total = Σ parts (or total = parts[0] printed twice, for `equal`). */
interface Identity {
  total: CellRef;
  parts: CellRef[];
  equal?: boolean;
}

type Lookup = (ref: CellRef) => Amount | null;
type Outcome = 'held' | 'failed' | 'skipped';

/** The same skip rules as the audit rules: a total that is blank beside blank or zero parts is not checked. */
function evaluate(id: Identity, value: Lookup): Outcome {
  const total = value(id.total);
  const parts = id.parts.map(value).filter((a): a is Amount => a !== null);
  if (id.equal) {
    if (!total || !parts[0]) return 'skipped';
    return compareEqual(total, parts[0]).ok ? 'held' : 'failed';
  }
  if (!total && parts.every((p) => p.minor === 0)) return 'skipped';
  const like = total ?? parts[0];
  const zero: Amount = { minor: 0, scale: like.scale, unit: like.unit, text: '' };
  return compareSum(total ?? zero, parts.length ? parts : [zero]).ok ? 'held' : 'failed';
}

function sumsOver(total: TableRow, parts: TableRow[], columns: string[]): Identity[] {
  if (!parts.length) return [];
  return columns.map((column) => ({ total: { row: total, column }, parts: parts.map((row) => ({ row, column })) }));
}

/** In-row identities as the template declares them (rule row-identity). */
function rowIdentities(table: Table): Identity[] {
  const tpl = templateOf(table);
  const out: Identity[] = [];
  for (const identity of tpl?.rowIdentities ?? []) {
    for (const row of table.rows) {
      const applicable = columnsForRow(table, row);
      if (!applicable.includes(identity.total)) continue;
      const parts = identity.parts.filter((p) => applicable.includes(p));
      if (parts.length)
        out.push({ total: { row, column: identity.total }, parts: parts.map((column) => ({ row, column })) });
    }
  }
  return out;
}

/** Classified rows add up level by level, organisation rows to their units (rule classification-hierarchy). */
function hierarchyIdentities(table: Table): Identity[] {
  if (table.rows.some((r) => r.side)) return [];
  const columns = [...new Set(columnKeys(table))];
  return hierarchySums(table).flatMap((sum) => sumsOver(sum.total, sum.parts, columns));
}

/** Fixed rows add up as the template's partOf declares, both sides of a two-sided table (rule fixed-row-sums). */
function fixedRowIdentities(table: Table): Identity[] {
  const out: Identity[] = [];
  for (const { total, parts } of fixedRowSums(table)) {
    const column = primaryColumn(table, total);
    if (column) out.push({ total: { row: total, column }, parts: parts.map((row) => ({ row, column })) });
  }
  // 收入总计 = 支出总计 (rule two-sided-balance)
  const income = table.rows.find((r) => r.key === 'incomeTotal');
  const expenditure = table.rows.find((r) => r.key === 'expenditureTotal');
  const ic = income && primaryColumn(table, income);
  const ec = expenditure && primaryColumn(table, expenditure);
  if (income && expenditure && ic && ec)
    out.push({ total: { row: expenditure, column: ec }, parts: [{ row: income, column: ic }], equal: true });
  return out;
}

function identitiesOf(table: Table): Identity[] {
  return [...rowIdentities(table), ...hierarchyIdentities(table), ...fixedRowIdentities(table)];
}

// ── reading the cells another way

/** A hypothetical reading of some cells (null: the cell is empty). */
type Reading = Map<TableRow, Map<string, Amount | null>>;

interface Candidate {
  kind: 'merged' | 'split' | 'shifted' | 'scaled';
  reading: Reading;
  /** the cell the suspect is reported on */
  at: CellRef;
  data: Record<string, string | number>;
}

const KIND_ORDER: Record<Candidate['kind'], number> = { merged: 0, split: 1, shifted: 2, scaled: 3 };

function compact(text: string): string {
  return text.replace(/[\s,，]/g, '');
}

function amountOf(text: string, like: { unit: Amount['unit'] }): Amount | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return makeAmount(text, like.unit);
}

function reading(...entries: Array<[TableRow, string, Amount | null]>): Reading {
  const r: Reading = new Map();
  for (const [row, column, value] of entries) {
    if (!r.has(row)) r.set(row, new Map());
    r.get(row)!.set(column, value);
  }
  return r;
}

function shown(a: Amount): string {
  return a.text || String(a.minor / 10 ** a.scale);
}

/** The ways a cell may have been misread, each with the reading it implies. */
function candidatesFor(table: Table, row: TableRow, labels: Map<string, string>): Candidate[] {
  const columns = [...new Set(columnsForRow(table, row))];
  const out: Candidate[] = [];
  const label = (k: string) => labels.get(k) ?? k;
  const cellOf = (k: string | undefined) => (k === undefined ? undefined : row.cells.find((c) => c.column === k));
  columns.forEach((column, i) => {
    const cell = cellOf(column);
    if (!cell) return;
    const text = compact(cell.amount?.text ?? cell.text ?? '');
    const unit = cell.amount ?? { unit: table.unit ?? '万元' };
    const neighbours = [columns[i - 1], columns[i + 1]];
    // merged: the digits of two neighbouring amounts in one cell, the other cell empty
    for (const [side, other] of neighbours.entries()) {
      if (other === undefined || cellOf(other)?.amount || cellOf(other)?.text) continue;
      for (let p = 1; p < text.length; p++) {
        const a = amountOf(text.slice(0, p), unit);
        const b = amountOf(text.slice(p), unit);
        if (!a || !b || /^0\d/.test(text.slice(0, p)) || /^0\d/.test(text.slice(p))) continue;
        const [mine, theirs] = side === 1 ? [a, b] : [b, a];
        out.push({
          kind: 'merged',
          reading: reading([row, column, mine], [row, other, theirs]),
          at: { row, column },
          data: { text: cell.amount?.text ?? cell.text ?? '', first: shown(a), second: shown(b), other: label(other) },
        });
      }
    }
    if (!cell.amount) return;
    const amount = cell.amount;
    // split: one amount printed across this cell and the next
    const next = cellOf(columns[i + 1]);
    if (next?.amount) {
      const joined = amountOf(text + compact(next.amount.text), amount);
      if (joined) {
        const data = {
          text: amount.text,
          other: label(columns[i + 1]),
          otherText: next.amount.text,
          joined: shown(joined),
        };
        out.push({
          kind: 'split',
          reading: reading([row, column, joined], [row, columns[i + 1], null]),
          at: { row, column },
          data,
        });
        out.push({
          kind: 'split',
          reading: reading([row, column, null], [row, columns[i + 1], joined]),
          at: { row, column },
          data,
        });
      }
    }
    // shifted: the amount belongs in the empty column beside it
    for (const other of neighbours) {
      if (other === undefined || cellOf(other)?.amount) continue;
      out.push({
        kind: 'shifted',
        reading: reading([row, column, null], [row, other, amount]),
        at: { row, column },
        data: { text: amount.text, other: label(other) },
      });
    }
    // scaled: a decimal point lost or misplaced (10^k off)
    for (let k = 1; k <= 3; k++) {
      const variants: Amount[] = [{ ...amount, minor: amount.minor * 10 ** k }];
      if (amount.scale + k <= 8) variants.push({ ...amount, scale: amount.scale + k });
      for (const v of variants) {
        const value = { ...v, text: (v.minor / 10 ** v.scale).toFixed(v.scale) };
        out.push({
          kind: 'scaled',
          reading: reading([row, column, value]),
          at: { row, column },
          data: { text: amount.text, value: value.text },
        });
      }
    }
  });
  return out;
}

// ── the check

/**
 * confidence = (identities held ÷ identities checked, 1 when none can be checked)
 *            × (1 − unparsed amount cells ÷ non-empty amount cells)
 *            × (1 − rows with more amounts than header columns, no sum through them confirming where the reader
 *                   put the extra amount, ÷ rows read),
 * rounded down to three decimals so that anything short of a perfect reading never shows as 1; a present table from
 * which no amount was read gets 0. Blank cells are not counted against a table: printed tables leave zero blank.
 */
function confidenceOf(r: Pick<TableReading, 'identities' | 'cells' | 'rows'>): number {
  if (r.cells.amounts === 0) return 0;
  const held = r.identities.checked ? r.identities.held / r.identities.checked : 1;
  const parsed = 1 - r.cells.unparsed / r.cells.amounts;
  const shaped = r.rows.read ? 1 - r.rows.outOfShape / r.rows.read : 1;
  return Math.floor(held * parsed * shaped * 1000 + 1e-9) / 1000;
}

/** At most this many failed identities per table are explained (a table read wholly wrong needs no more). */
const MAX_EXPLAINED = 60;

/** the values of a reading message besides the table, row and column every one names */
type SuspectData<K extends MessageKey> = Omit<MessageData<Messages[K]>, 'table' | 'row' | 'column'>;

function suspect<K extends MessageKey>(
  kind: SuspectKind,
  table: Table,
  ref: CellRef,
  labels: Map<string, string>,
  key: K,
  data: SuspectData<K>,
  fixes?: number,
): ReadingSuspect {
  const column = labels.get(ref.column) ?? ref.column;
  const cellAt = cellAmount(ref.row, ref.column)?.at;
  const at = cellAt ?? ref.row.at;
  const place: Place = { line: at.line, column: at.column };
  if (at.page !== undefined) place.page = at.page;
  if (at.box) place.box = at.box;
  const s: ReadingSuspect = {
    kind,
    table: tableName(table),
    row: rowName(ref.row),
    column,
    place,
    reason: renderReportMessage(key, { table: tableName(table), row: rowName(ref.row), column, ...data }),
  };
  if (fixes !== undefined) s.fixes = fixes;
  return s;
}

const SUSPECT_MESSAGES = {
  merged: 'readingMergedCell',
  split: 'readingSplitCell',
  shifted: 'readingShiftedCell',
  scaled: 'readingScaledCell',
} as const satisfies Record<Candidate['kind'], MessageKey>;

/** The reading check of one table. */
export function readTableConfidence(table: Table, warnings: Disclosure['warnings'] = []): TableReading {
  const labels = new Map(
    [...(templateOf(table)?.columns ?? []), ...(templateOf(table)?.extraColumns ?? []), ...table.columns].map((c) => [
      c.key,
      c.label,
    ]),
  );
  const identities = identitiesOf(table);
  const base: Lookup = (ref) => cellAmount(ref.row, ref.column);
  const outcomes = new Map(identities.map((id) => [id, evaluate(id, base)]));
  const byCell = new Map<TableRow, Map<string, Identity[]>>();
  for (const id of identities) {
    for (const ref of [id.total, ...id.parts]) {
      if (!byCell.has(ref.row)) byCell.set(ref.row, new Map());
      const m = byCell.get(ref.row)!;
      // appended in place: copying the list per identity made a long column quadratic
      const list = m.get(ref.column);
      if (list) list.push(id);
      else m.set(ref.column, [id]);
    }
  }

  const suspects: ReadingSuspect[] = [];
  const seen = new Set<string>();
  const add = (s: ReadingSuspect) => {
    const key = `${s.kind}|${s.row}|${s.column}|${s.place.line}`;
    if (!seen.has(key)) {
      seen.add(key);
      suspects.push(s);
    }
  };

  // unparsed: digits in an amount column that are not an amount
  const columnSet = new Set(columnKeys(table));
  let amounts = 0;
  let unparsed = 0;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (!columnSet.has(cell.column) && !labels.has(cell.column)) continue;
      if (cell.amount) amounts++;
      else if (cell.text && /\d/.test(cell.text)) {
        amounts++;
        unparsed++;
        add(
          suspect('unparsed', table, { row, column: cell.column }, labels, 'readingUnparsedCell', { text: cell.text }),
        );
      }
    }
  }
  // rows printing more amounts than the header has columns (the reader warned and kept them in the last column)
  // count only when no sum through the row confirms where the reader put them
  const beyond = new Set(warnings.filter((w) => w.code === 'cell-beyond-header' && w.at).map((w) => w.at!.line));
  const confirmed = (row: TableRow) => {
    const through = [...(byCell.get(row)?.values() ?? [])].flat().map((id) => outcomes.get(id));
    return through.includes('held') && !through.includes('failed');
  };
  const outOfShape = table.rows.filter((r) => beyond.has(r.at.line) && !confirmed(r)).length;

  const failed = identities.filter((id) => outcomes.get(id) === 'failed');
  // each row's other readings are tried once, whichever failed sums it is part of
  const tried = new Map<TableRow, Array<{ c: Candidate; fixes: number; touched: Set<Identity> }>>();
  const readingsOf = (row: TableRow) => {
    let list = tried.get(row);
    if (list) return list;
    list = [];
    for (const c of candidatesFor(table, row, labels)) {
      const lookup: Lookup = (ref) => {
        const o = c.reading.get(ref.row);
        return o?.has(ref.column) ? o.get(ref.column)! : base(ref);
      };
      const touched = new Set<Identity>();
      for (const [r, cols] of c.reading)
        for (const col of cols.keys()) for (const t of byCell.get(r)?.get(col) ?? []) touched.add(t);
      let fixes = 0;
      let broken = false;
      for (const t of touched) {
        const after = evaluate(t, lookup);
        if (after === 'failed') {
          broken = true;
          break;
        }
        if (outcomes.get(t) === 'failed' && after === 'held') fixes++;
      }
      if (broken || fixes === 0) continue;
      // a shift or a decimal slip explains a single sum too easily: ask for a second identity, as a merged or split
      // cell's digits already vouch for themselves
      if ((c.kind === 'shifted' || c.kind === 'scaled') && fixes < 2 && touched.size > 1) continue;
      list.push({ c, fixes, touched });
    }
    tried.set(row, list);
    return list;
  };
  for (const id of failed.slice(0, MAX_EXPLAINED)) {
    let best: { c: Candidate; fixes: number } | undefined;
    for (const row of new Set([id.total.row, ...id.parts.map((p) => p.row)])) {
      for (const { c, fixes, touched } of readingsOf(row)) {
        if (!touched.has(id)) continue;
        if (!best || fixes > best.fixes || (fixes === best.fixes && KIND_ORDER[c.kind] < KIND_ORDER[best.c.kind]))
          best = { c, fixes };
      }
    }
    if (best) {
      add(
        suspect(
          best.c.kind,
          table,
          best.c.at,
          labels,
          SUSPECT_MESSAGES[best.c.kind],
          // a candidate's values were made by its kind's finder above (Candidate.data is not typed per kind)
          { ...best.c.data, count: best.fixes } as SuspectData<(typeof SUSPECT_MESSAGES)[Candidate['kind']]>,
          best.fixes,
        ),
      );
      continue;
    }
    const explained = differenceCell(table, id, base);
    if (explained)
      add(
        suspect('difference', table, id.total, labels, 'readingDifferenceIsCell', {
          gap: explained.gap,
          where: explained.where,
          text: explained.text,
        }),
      );
  }

  const checked = identities.filter((id) => outcomes.get(id) !== 'skipped').length;
  const counts = {
    identities: { checked, held: checked - failed.length },
    cells: { amounts, unparsed },
    rows: { read: table.rows.length, outOfShape },
  };
  return { id: table.id, table: tableName(table), confidence: confidenceOf(counts), ...counts, suspects };
}

/**
 * A sum off by exactly the amount of a cell next to it (another column of the row, or a column of the sum one row up
 * or down): that cell was probably read into the wrong row or column, or belongs to the sum.
 */
function differenceCell(
  table: Table,
  id: Identity,
  value: Lookup,
): { gap: string; where: string; text: string } | undefined {
  if (id.equal) return undefined;
  const total = value(id.total);
  const parts = id.parts.map(value).filter((a): a is Amount => a !== null);
  if (!total) return undefined;
  const all = [total, ...parts].map(wan);
  const scale = Math.max(...all.map((v) => v.scale));
  const gap = Math.abs(atScale(all[0], scale) - all.slice(1).reduce((s, v) => s + atScale(v, scale), 0));
  if (gap === 0) return undefined;
  const inIdentity = new Set([id.total, ...id.parts].map((r) => `${table.rows.indexOf(r.row)}|${r.column}`));
  const index = table.rows.indexOf(id.total.row);
  const columns = [...new Set([id.total, ...id.parts].map((r) => r.column))];
  const nearby: Array<{ row: TableRow; column: string }> = [];
  for (const c of id.total.row.cells) nearby.push({ row: id.total.row, column: c.column });
  // a parent class and its only child print the same figures: rows of one line of descent do not explain each other
  const code = id.total.row.classification?.code;
  const kin = (r: TableRow) =>
    Boolean(
      code && r.classification && (r.classification.code.startsWith(code) || code.startsWith(r.classification.code)),
    );
  for (const r of [table.rows[index - 1], table.rows[index + 1]])
    if (r && !kin(r)) for (const column of columns) nearby.push({ row: r, column });
  for (const ref of nearby) {
    if (inIdentity.has(`${table.rows.indexOf(ref.row)}|${ref.column}`)) continue;
    const a = value(ref);
    if (!a || a.minor === 0) continue;
    const v = wan(a);
    const s = Math.max(scale, v.scale);
    if (Math.abs(atScale(v, s)) === gap * 10 ** (s - scale)) {
      const label = table.columns.find((c) => c.key === ref.column)?.label ?? ref.column;
      return {
        gap: `${(gap / 10 ** scale).toFixed(scale)} 万元`,
        where: `“${rowName(ref.row)}”的${label}`,
        text: a.text,
      };
    }
  }
  return undefined;
}

/** The reading check of every table read with figures (tables announced but absent, or empty, are left out). */
export function readingConfidence(doc: Disclosure): TableReading[] {
  return doc.tables.filter((t) => t.status === 'present').map((t) => readTableConfidence(t, doc.warnings));
}

/** Confidence as printed: three decimals, never rounded up to 1. */
export function formatConfidence(c: number): string {
  return c.toFixed(3);
}

/** The "读取可信度" section of the text report: the tables read below 1 with their suspects, else one line. */
export function readingSectionLines(tables: TableReading[], indent = '  '): string[] {
  const title = formatMessage('readingSection');
  const doubtful = tables.filter((t) => t.confidence < 1);
  if (!tables.length) return [`${indent}${title}：${formatMessage('readingNoTables')}`];
  if (!doubtful.length)
    return [`${indent}${title}：${formatMessage('readingAllConsistent', { count: tables.length })}`];
  const out = [`${indent}${title}：`];
  for (const t of doubtful) {
    let extra = '';
    if (t.cells.amounts === 0) extra += formatMessage('readingNothingRead');
    if (t.cells.unparsed) extra += formatMessage('readingUnparsedCount', { count: t.cells.unparsed });
    if (t.rows.outOfShape) extra += formatMessage('readingOutOfShape', { count: t.rows.outOfShape });
    out.push(
      `${indent}  ${formatMessage('readingTableSummary', { table: t.table, confidence: formatConfidence(t.confidence), held: t.identities.held, checked: t.identities.checked, extra })}`,
    );
    for (const s of t.suspects.slice(0, 5)) {
      const where = s.place.page !== undefined ? `第${s.place.page}页` : `第${s.place.line}行`;
      out.push(`${indent}    ${where}  ${s.reason}`);
    }
    if (t.suspects.length > 5) out.push(`${indent}    另有 ${t.suspects.length - 5} 处（见 --format json）`);
  }
  return out;
}

// Shared helpers for rules: exact comparisons with rounding tolerance, table and row lookup, places to point at.
// Nothing here knows a table by name: structure comes from the catalogue's templates (src/catalog/tables.ts).
import type {
  Amount,
  Disclosure,
  Fact,
  NarrativeSection,
  Percent,
  Place,
  Table,
  TableId,
  TableRow,
} from '../model/schema.js';
import { atScale, formatExact, roundingTolerance, toWan } from '../model/money.js';
import { tableTemplate, type TableTemplate } from '../catalog/tables.js';
import type { FindingPlace } from './types.js';

export type Exact = { minor: number; scale: number };

/** An amount in 万元 as an exact value, with the scale it was printed at (in 万元 terms). */
export function wan(a: Amount): Exact {
  return toWan(a);
}

/**
 * Effective printed precision of figures compared together. Tables exported from spreadsheets drop trailing zeros
 * ("157" beside "1346.16"), so a figure printed with fewer decimals than its companions is read at their precision;
 * when all figures are printed alike, each may be off by half its last digit.
 */
function effectiveScales(values: Exact[]): number[] {
  const finest = values.reduce((m, v) => Math.max(m, v.scale), 0);
  // a figure of ten or more digits printed with fewer decimals than its companions was rounded to fit its cell (a
  // spreadsheet's General format shows at most eleven characters: 西安's 元 tables print 454472259.1 beside
  // 18941962.57): it stands for its own printed precision
  return values.map((v) => (v.scale < finest && String(Math.abs(v.minor)).length >= 10 ? v.scale : finest));
}

export interface Comparison {
  ok: boolean;
  /** |found − expected| in units of 10^-scale */
  gap: number;
  scale: number;
  /** allowance in units of 10^-scale */
  allowance: number;
  expected: string;
  actual: string;
  tolerance: string;
}

function comparisonOf(found: Exact, expected: Exact, involved: Exact[], unit: string): Comparison {
  const scales = effectiveScales(involved);
  const scale = Math.max(...involved.map((v) => v.scale), found.scale, expected.scale);
  const allowance = roundingTolerance(scales, scale);
  const gap = Math.abs(atScale(found, scale) - atScale(expected, scale));
  // most comparisons hold and are never shown (the reading self-check makes thousands per document): their texts are
  // made only when read
  return {
    ok: gap <= allowance + 1e-9,
    gap,
    scale,
    allowance,
    get expected() {
      return `${formatExact(trim(expected))} ${unit}`;
    },
    get actual() {
      return `${formatExact(trim(found))} ${unit}`;
    },
    get tolerance() {
      return `±${formatTolerance(allowance, scale)} ${unit}`;
    },
  };
}

/** Drops trailing zero decimals beyond two for display ("1503.1600" → "1503.16"). */
function trim(v: Exact): Exact {
  let { minor, scale } = v;
  while (scale > 2 && minor % 10 === 0) {
    minor /= 10;
    scale -= 1;
  }
  return { minor, scale };
}

function formatTolerance(allowance: number, scale: number): string {
  return (allowance / 10 ** scale)
    .toFixed(Math.max(scale + 1, 1))
    .replace(/0+$/, '')
    .replace(/\.$/, '');
}

/** total = Σ parts, within the rounding of every figure involved. Amounts are compared in 万元. */
export function compareSum(total: Amount, parts: Amount[]): Comparison {
  const t = wan(total);
  const ps = parts.map(wan);
  const scale = Math.max(t.scale, ...ps.map((p) => p.scale));
  const sum: Exact = { minor: ps.reduce((s, p) => s + atScale(p, scale), 0), scale };
  return comparisonOf(t, sum, [t, ...ps], '万元');
}

/**
 * found = expected: two printings of the same quantity. Each printed value v with d decimals stands for the interval
 * [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; they are inconsistent only when the two intervals do not meet (XBRL Calculations 1.1),
 * so two printings to 0.01 may differ by 0.01 (one printed from the exact figure, the other summed from rounded parts).
 */
export function compareEqual(found: Amount, expected: Amount): Comparison {
  const f = wan(found);
  const e = wan(expected);
  const scale = Math.max(f.scale, e.scale);
  const allowance = 0.5 * 10 ** (scale - f.scale) + 0.5 * 10 ** (scale - e.scale);
  const gap = Math.abs(atScale(f, scale) - atScale(e, scale));
  return {
    ok: gap <= allowance + 1e-9,
    gap,
    scale,
    allowance,
    expected: `${formatExact(trim(e))} 万元`,
    actual: `${formatExact(trim(f))} 万元`,
    tolerance: `±${formatTolerance(allowance, scale)} 万元`,
  };
}

/** found ≤ limit (no rounding allowance is needed beyond the figures' own). */
export function exceeds(part: Amount, whole: Amount): boolean {
  const c = compareSum(whole, [part]);
  const p = wan(part);
  const w = wan(whole);
  return atScale(p, c.scale) - atScale(w, c.scale) > c.allowance;
}

export function isZero(a: Amount | null | undefined): boolean {
  return !a || a.minor === 0;
}

/** The value of an exact quantity as a float, for ratios only (never for sums of money). */
export function ratio(a: Exact, b: Exact): number {
  const scale = Math.max(a.scale, b.scale);
  return atScale(a, scale) / atScale(b, scale);
}

export function percentValue(p: Percent): number {
  return p.minor / 10 ** p.scale;
}

/**
 * Does a printed percentage agree with part/whole? Allowed: half the printed percentage's last digit, plus what the
 * rounding of the two amounts can move the ratio (each amount off by half its own last printed digit, unless the
 * caller knows better, e.g. a previous-year figure derived from two printed figures). Ratios are the one place
 * floats are used: money is never summed in floats.
 */
export function checkPercent(
  printed: Percent,
  part: Exact,
  whole: Exact,
  halves: { part?: number; whole?: number } = {},
): { ok: boolean; computed: number; allowance: number } {
  const computed = ratio(part, whole) * 100;
  const half = 0.5 * 10 ** -printed.scale;
  const partHalf = halves.part ?? 0.5 * 10 ** -part.scale;
  const wholeHalf = halves.whole ?? 0.5 * 10 ** -whole.scale;
  const w = Math.abs(ratio(whole, { minor: 1, scale: 0 }));
  const p = Math.abs(ratio(part, { minor: 1, scale: 0 }));
  const propagated = w <= wholeHalf ? Infinity : (100 * (partHalf * w + p * wholeHalf)) / (w * (w - wholeHalf));
  const allowance = half + propagated;
  return { ok: Math.abs(computed - percentValue(printed)) <= allowance + 1e-9, computed, allowance };
}

export function formatPercent(v: number, scale: number): string {
  return `${v.toFixed(Math.max(scale, 2))}%`;
}

export function amountText(a: Amount): string {
  return `${formatExact(a)} ${a.unit}`;
}

// ── tables

export function tables(doc: Disclosure): Table[] {
  return doc.tables;
}

export function findTable(doc: Disclosure, id: TableId): Table | undefined {
  return doc.tables.find((t) => t.id === id && (t.status === 'present' || t.status === 'empty'));
}

export function templateOf(table: Table): TableTemplate | undefined {
  try {
    return tableTemplate(table.id);
  } catch {
    return undefined;
  }
}

export function cellAmount(row: TableRow, column: string): Amount | null {
  return row.cells.find((c) => c.column === column)?.amount ?? null;
}

export function hasCell(row: TableRow, column: string): boolean {
  return row.cells.some((c) => c.column === column && c.amount !== null);
}

/** A blank cell in a printed table means zero. */
export function cellOrZero(row: TableRow, column: string, like?: Amount): Amount {
  return cellAmount(row, column) ?? { minor: 0, scale: like?.scale ?? 0, unit: like?.unit ?? '万元', text: '' };
}

export function rowByKey(table: Table, key: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key);
}

/** The table's grand-total row: a total row without a fixed key, or the one keyed as the expenditure total. */
export function grandTotalRow(table: Table): TableRow | undefined {
  return (
    table.rows.find((r) => r.kind === 'total' && !r.key) ??
    table.rows.find((r) => r.kind === 'total' && r.side !== 'income')
  );
}

export function tableName(table: Table): string {
  return (table.number ? `${table.number} ` : '') + (table.title || templateOf(table)?.title || table.id);
}

export function rowName(row: TableRow): string {
  const code = row.classification ? `${row.classification.code} ` : row.orgCode ? `[${row.orgCode}]` : '';
  const label = row.project ? `${row.label} / ${row.project}` : row.label;
  return `${code}${label}`.trim() || '数据行';
}

/** A row's code as the store keeps it (facts.row_code): classification code, else fixed-row key, else organisation code. */
export function rowCode(row: TableRow): string | undefined {
  return row.classification?.code ?? row.key ?? row.orgCode;
}

/** The place of a table, one of its rows or one cell of it: the node by id and index, its printed name, its source line. */
export function rowPlace(
  table: Table,
  row?: TableRow,
  column?: string,
  options: { line?: boolean } = {},
): FindingPlace {
  const place: FindingPlace = { tableId: table.id, table: tableName(table) };
  if (row) {
    const index = table.rows.indexOf(row);
    if (index >= 0) place.rowIndex = index;
    const code = rowCode(row);
    if (code !== undefined) place.rowCode = code;
    if (column) place.columnKey = column;
    place.row = rowName(row);
    place.line = row.at.line;
    if (column) place.column = row.at.column;
  } else if (table.at && options.line !== false) place.line = table.at.line;
  return place;
}

// ── narrative

export function sectionName(s: NarrativeSection): string {
  return `${s.number}、${s.title}`.replace(/\s+/g, '');
}

export function factPlace(section: NarrativeSection | undefined, fact: { at: Place; label?: string }): FindingPlace {
  const place: FindingPlace = { line: fact.at.line, column: fact.at.column };
  if (section) place.section = sectionName(section);
  return place;
}

export function placeOf(at: Place | undefined, section?: string): FindingPlace {
  const p: FindingPlace = {};
  if (section) p.section = section;
  if (at) {
    p.line = at.line;
    p.column = at.column;
  }
  return p;
}

export function* allFacts(doc: Disclosure): Generator<{ section?: NarrativeSection; fact: Fact }> {
  for (const section of doc.narrative) for (const fact of section.facts) yield { section, fact };
  for (const fact of doc.threePublic.items) yield { section: sectionOfLine(doc, fact.at.line), fact };
  if (doc.operatingCosts.fact)
    yield { section: sectionOfLine(doc, doc.operatingCosts.fact.at.line), fact: doc.operatingCosts.fact };
}

/** What the rules of one audit share about a document (its unique facts, the classification rules' verdicts and
 *  sums, the reading self-check), each made once under its key; startAudit forgets them, so a model changed between
 *  two audits is judged as it is. */
const auditMemos = new WeakMap<Disclosure, Map<object, unknown>>();

/** Forgets what was remembered of `doc` by an earlier audit (auditDocument calls it before the rules run). */
export function startAudit(doc: Disclosure): void {
  auditMemos.set(doc, new Map<object, unknown>());
}

/** The value `make` gives for `doc`, made once per audit and kept under `key`. */
export function perAudit<T>(doc: Disclosure, key: object, make: () => T): T {
  let memo = auditMemos.get(doc);
  if (!memo) auditMemos.set(doc, (memo = new Map<object, unknown>()));
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key) as T;
}

/** The narrative facts, each once (三公 items and 机关运行经费 may also be listed in their section); a dozen rules ask. */
export function uniqueFacts(doc: Disclosure): ReadonlyArray<{ section?: NarrativeSection; fact: Fact }> {
  return perAudit(doc, uniqueFacts, () => collectUniqueFacts(doc));
}

function collectUniqueFacts(doc: Disclosure): Array<{ section?: NarrativeSection; fact: Fact }> {
  const seen = new Set<string>();
  const out: Array<{ section?: NarrativeSection; fact: Fact }> = [];
  for (const f of allFacts(doc)) {
    const key = `${f.fact.at.line}:${f.fact.at.column}:${f.fact.label}:${f.fact.subject.kind}:${f.fact.subject.key ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

export function sectionOfLine(doc: Disclosure, line: number): NarrativeSection | undefined {
  let found: NarrativeSection | undefined;
  for (const s of doc.narrative) if (s.at.line <= line && (!found || s.at.line >= found.at.line)) found = s;
  return found;
}

export function allParagraphs(doc: Disclosure): Array<{ section?: NarrativeSection; text: string; at?: Place }> {
  const out: Array<{ section?: NarrativeSection; text: string; at?: Place }> = [];
  for (const s of doc.narrative) for (const p of s.paragraphs) out.push({ section: s, text: p.text, at: p.at });
  return out;
}

/** The 1-based line and column of a match inside a paragraph that starts at `at`. */
export function placeInParagraph(
  at: Place | undefined,
  text: string,
  index: number,
): { line?: number; column?: number } {
  if (!at) return {};
  const before = text.slice(0, index);
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: at.line, column: at.column + index };
  return { line: at.line + newlines.length - 1, column: newlines[newlines.length - 1].length + 1 };
}

/** compactText's recent results: the rules compact every paragraph of a section again for each fact they place */
const compacted = new Map<string, string>();

export function compactText(s: string): string {
  let out = compacted.get(s);
  if (out === undefined) {
    out = s.replace(/[\s\u3000]+/g, '');
    // bounded: a batch of many documents does not keep every paragraph it has seen
    if (compacted.size >= 4096) compacted.clear();
    compacted.set(s, out);
  }
  return out;
}

/**
 * The sentence a fact stands in, from its start (after 。 or ；) to the end of the fact's own clause, without spaces;
 * the fact's clause alone when no paragraph of the section holds it. What the sentence says before the figure
 * (其中 一般公共预算拨款…, 面向中小企业预留…, 项目支出…其中) qualifies the figure.
 */
export function sentenceUpTo(section: NarrativeSection | undefined, fact: { text: string }): string {
  const own = compactText(fact.text);
  // the reader's clause starts after a punctuation mark: "采购金额246.47万元" inside "服务采购金额246.47万元" is another clause
  let fallback: string | undefined;
  for (const p of section?.paragraphs ?? []) {
    const text = compactText(p.text);
    for (let at = text.indexOf(own); at >= 0; at = text.indexOf(own, at + 1)) {
      const before = text.slice(0, at);
      const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
      const sentence = text.slice(start, at + own.length);
      if (at === 0 || /[，,、：:；;。（）()]/.test(text[at - 1])) return sentence;
      fallback ??= sentence;
    }
  }
  return fallback ?? own;
}

/**
 * "项目支出 … 万元，其中：一般公共服务支出 417.41 万元": a class named after 其中 in a sentence about 项目支出 (or 基本支出)
 * states that part of the class, not the class total of the table.
 */
export function partOfSpending(section: NarrativeSection | undefined, fact: { text: string }): boolean {
  const own = compactText(fact.text);
  for (const p of section?.paragraphs ?? []) {
    const text = compactText(p.text);
    const at = text.indexOf(own.slice(0, 12));
    if (at < 0) continue;
    const before = text.slice(Math.max(0, at - 160), at + Math.min(own.length, 12));
    const sentence = before.slice(before.lastIndexOf('。') + 1);
    if (/其中/.test(sentence) && /(项目|基本)支出/.test(sentence.slice(0, sentence.lastIndexOf('其中')))) return true;
  }
  return false;
}

/** The columns compared in a table: the model's columns, else the template's, else whatever the cells carry. */
export function columnKeys(table: Table): string[] {
  if (table.columns.length) return table.columns.map((c) => c.key);
  const tpl = templateOf(table);
  if (tpl?.columns.length) return tpl.columns.map((c) => c.key);
  const keys: string[] = [];
  for (const r of table.rows) for (const c of r.cells) if (!keys.includes(c.column)) keys.push(c.column);
  return keys;
}

/** Columns that apply to a row of a two-sided table (an income row has no expenditure-fund columns). */
export function columnsForRow(table: Table, row: TableRow): string[] {
  const sides = new Map<string, string | undefined>();
  for (const c of table.columns) sides.set(c.key, c.side);
  for (const c of templateOf(table)?.columns ?? []) if (!sides.has(c.key)) sides.set(c.key, c.side);
  return columnKeys(table).filter((k) => !row.side || !sides.get(k) || sides.get(k) === row.side);
}

/** The main amount column of a row: the first column it applies to that it has a cell in. */
export function primaryColumn(table: Table, row: TableRow): string | undefined {
  const keys = columnsForRow(table, row);
  return keys.find((k) => row.cells.some((c) => c.column === k)) ?? keys[0] ?? row.cells[0]?.column;
}

export function hasAnyAmount(rows: TableRow[], column: string): boolean {
  return rows.some((r) => cellAmount(r, column) !== null);
}

const LEVEL_ORDER = { class: 0, section: 1, item: 2 } as const;
export function levelIndex(row: TableRow): number {
  return row.classification ? LEVEL_ORDER[row.classification.level] : -1;
}

/**
 * Splits a classified table into blocks by organisation rows: the classified rows that follow an organisation row
 * belong to it (department tables repeat the classification per unit).
 */
export function organisationBlocks(table: Table): Array<{ organisation?: TableRow; rows: TableRow[] }> {
  const blocks: Array<{ organisation?: TableRow; rows: TableRow[] }> = [{ rows: [] }];
  for (const row of table.rows) {
    if (row.kind === 'organisation') blocks.push({ organisation: row, rows: [] });
    else if (row.classification) blocks[blocks.length - 1].rows.push(row);
  }
  return blocks.filter((b) => b.organisation || b.rows.length);
}

/** A fact about one named project (预算安排规模 of a listed project), not the 项目支出 total. */
export function isSingleProject(fact: Fact): boolean {
  return fact.subject.kind === 'project' && Boolean(fact.subject.names?.length);
}

/** Rows one level below `row` within a block; subtotal rows of a 项 are preferred over the project rows under them. */
export function childrenOf(row: TableRow, rows: TableRow[]): TableRow[] {
  const level = levelIndex(row);
  const code = row.classification!.code;
  const under = rows.filter(
    (r) =>
      r !== row &&
      r.classification?.system === row.classification!.system &&
      levelIndex(r) === level + 1 &&
      r.classification.code.startsWith(code),
  );
  const byCode = new Map<string, TableRow[]>();
  for (const r of under) byCode.set(r.classification!.code, [...(byCode.get(r.classification!.code) ?? []), r]);
  return [...byCode.values()].flatMap((group) => {
    const plain = group.filter((r) => !r.project);
    return plain.length && plain.length < group.length ? plain : group;
  });
}

/** One sum a table's structure declares: `total` equals the sum of `parts` in each amount column. */
export interface RowSum {
  total: TableRow;
  parts: TableRow[];
  /** what the parts are, for the message: 下级科目, 所属单位 or 类级科目 */
  what: '下级科目' | '所属单位' | '类级科目';
}

/**
 * The sums of a classified table, in the order they are checked: each 类/款 over the rows one level below (and the
 * rows two levels below whose parent is not printed), each organisation over its sub-organisations, an organisation without any
 * over its classes, and the grand total over the classes of every block. Sums without parts are left out.
 */
export function hierarchySums(table: Table, blocks = organisationBlocks(table)): RowSum[] {
  const out: RowSum[] = [];
  const add = (total: TableRow, parts: TableRow[], what: RowSum['what']) => {
    if (parts.length) out.push({ total, parts, what });
  };
  for (const block of blocks) {
    for (const row of block.rows) {
      if (levelIndex(row) >= 2) continue;
      const children = childrenOf(row, block.rows);
      const code = row.classification!.code;
      const level = levelIndex(row);
      // rows two levels down whose parent one level down is not printed (西安 w78: 3010201/3010202 津贴补贴 and
      // 改革性补贴 under 301 with no 30102 row) count with the rows one level down
      const orphans = block.rows.filter(
        (r) =>
          r.classification?.system === row.classification!.system &&
          levelIndex(r) === level + 2 &&
          r.classification.code.startsWith(code) &&
          !children.some((c) => r.classification!.code.startsWith(c.classification!.code)) &&
          !block.rows.some(
            (p) =>
              p !== r &&
              levelIndex(p) === level + 1 &&
              r.classification!.code.startsWith(p.classification?.code ?? '\u0000'),
          ),
      );
      add(row, [...children, ...orphans], '下级科目');
    }
  }
  const orgRows = table.rows.filter((r) => r.kind === 'organisation');
  const leafOrgs = new Set<TableRow>();
  for (const org of orgRows) {
    const code = org.orgCode ?? '';
    const sub = orgRows.filter(
      (o) => o !== org && code && (o.orgCode ?? '').startsWith(code) && (o.orgCode ?? '').length > code.length,
    );
    const minLen = Math.min(...sub.map((o) => (o.orgCode ?? '').length));
    const direct = sub.filter((o) => (o.orgCode ?? '').length === minLen);
    if (direct.length) add(org, direct, '所属单位');
    else leafOrgs.add(org);
  }
  for (const block of blocks) {
    if (block.organisation && leafOrgs.has(block.organisation))
      add(
        block.organisation,
        block.rows.filter((r) => levelIndex(r) === 0),
        '类级科目',
      );
  }
  // every unit lists its own classes, so the classes of all blocks add up to the grand total (organisation rows are
  // not used here: a group row may be printed without its code, as in seed 001's table 5)
  const total = grandTotalRow(table);
  if (total && blocks.some((b) => b.rows.length))
    add(
      total,
      blocks.flatMap((b) => b.rows.filter((r) => levelIndex(r) === 0)),
      '类级科目',
    );
  return out;
}

/**
 * The sums the template's fixed rows declare (partOf), per side of a two-sided table: each subtotal or total over
 * the fixed rows declared part of it — a row whose declared parent is not printed counts towards the parent's own
 * parent — plus the function classes listed before it; classes listed after a subtotal printed above them
 * ("一、本年支出" then its classes) are that subtotal's parts instead.
 */
export function fixedRowSums(table: Table): Array<{ total: TableRow; parts: TableRow[] }> {
  const specs = templateOf(table)?.fixedRows;
  if (!specs?.length) return [];
  const out: Array<{ total: TableRow; parts: TableRow[] }> = [];
  for (const side of ['income', 'expenditure'] as const) {
    const sideRows = table.rows.filter((r) => (r.side ?? 'income') === side);
    const printed = new Set(sideRows.map((r) => r.key).filter(Boolean));
    const parentOf = (key: string): string | undefined => {
      let parent = specs.find((s) => s.key === key)?.partOf;
      while (parent && !printed.has(parent)) parent = specs.find((s) => s.key === parent)?.partOf;
      return parent;
    };
    let pending: TableRow[] = [];
    for (const row of sideRows) {
      if (row.classification && levelIndex(row) === 0) {
        pending.push(row);
        continue;
      }
      const spec = row.key ? specs.find((s) => s.key === row.key) : undefined;
      if (!spec || spec.kind === 'leaf') continue;
      const fixedChildren = sideRows.filter((r) => r.key && parentOf(r.key) === spec.key);
      // a total printed above its items (重庆's 合计 first): the 类 rows after it, up to the next fixed row
      if (pending.length === 0 && spec.kind === 'total') {
        const after = sideRows.slice(sideRows.indexOf(row) + 1);
        const end = after.findIndex((r) => r.key);
        pending = (end < 0 ? after : after.slice(0, end)).filter((r) => r.classification && levelIndex(r) === 0);
      }
      const subtotalAbove =
        pending.length > 0 &&
        fixedChildren.some((c) => c.kind === 'subtotal' && sideRows.indexOf(c) < sideRows.indexOf(pending[0]));
      const parts = subtotalAbove ? fixedChildren : [...fixedChildren, ...pending];
      pending = [];
      if (parts.length) out.push({ total: row, parts });
    }
  }
  return out;
}

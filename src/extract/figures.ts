// The key figures a reader asks first, in 万元: from the tables when present, else from the narrative. Where each
// figure is read from is catalogue data (catalog/figure-sources.ts); this module only follows those sources.
import type { Amount, Disclosure, Fact, Figures, Table, TableId, TableRow } from '../model/schema.js';
import { toJsonNumber, toWan } from '../model/money.js';
import {
  FUNCTION_CLASS_SOURCES,
  KEY_FIGURE_SOURCES,
  THREE_PUBLIC_FIGURE_SOURCE,
  THREE_PUBLIC_FIGURES,
  type KeyFigure,
  type KeyFigureRow,
  type KeyFigureSource,
} from '../catalog/figure-sources.js';
import { flatMap } from './arrays.js';

type Doc = Omit<Disclosure, 'figures'>;

function num(a: Amount | null | undefined): number | undefined {
  return a ? toJsonNumber(toWan(a)) : undefined;
}

/** the first of the tables the document prints */
function table(doc: Doc, ids: readonly TableId[]): Table | undefined {
  for (const id of ids) {
    const t = doc.tables.find((x) => x.id === id && x.status === 'present');
    if (t) return t;
  }
  return undefined;
}

function pickRow(t: Table | undefined, row: KeyFigureRow): TableRow | undefined {
  if (!t) return undefined;
  if (row === 'total') return t.rows.find((r) => r.kind === 'total');
  if ('key' in row) return t.rows.find((r) => r.key === row.key);
  for (const key of row.firstKey) {
    const hit = t.rows.find((r) => r.key === key);
    if (hit) return hit;
  }
  return t.rows[t.rows.length - 1];
}

function cellOf(row: TableRow | undefined, column: string): Amount | undefined {
  return row?.cells.find((c) => c.column === column)?.amount ?? undefined;
}

function facts(doc: Doc): Fact[] {
  return [
    ...flatMap(doc.narrative, (s) => s.facts),
    ...doc.threePublic.items,
    ...(doc.operatingCosts.fact ? [doc.operatingCosts.fact] : []),
  ];
}

const allFacts = new WeakMap<Doc, Fact[]>();

function fact(doc: Doc, kind: Fact['subject']['kind'], key?: string, topic?: string): Amount | undefined {
  let all = allFacts.get(doc);
  if (!all) allFacts.set(doc, (all = facts(doc)));
  const pool = topic
    ? flatMap(
        doc.narrative.filter((s) => s.topic === topic),
        (s) => s.facts,
      )
    : all;
  return pool.find((f) => f.subject.kind === kind && (key === undefined || f.subject.key === key) && f.amount)?.amount;
}

function fromSource(doc: Doc, source: KeyFigureSource): Amount | undefined {
  if ('model' in source)
    return source.model === 'operatingCosts' ? doc.operatingCosts.fact?.amount : doc.procurement.total;
  if ('fact' in source) return fact(doc, source.fact, source.key, source.topic);
  const t = table(doc, source.tables);
  const column = source.column === 'first' ? (t?.columns[0]?.key ?? source.orColumn) : source.column;
  return column === undefined ? undefined : cellOf(pickRow(t, source.row), column);
}

function keyFigure(doc: Doc, name: KeyFigure): Amount | undefined {
  for (const source of KEY_FIGURE_SOURCES[name]) {
    const a = fromSource(doc, source);
    if (a) return a;
  }
  return undefined;
}

export function computeFigures(doc: Doc): Figures {
  const f: Figures = {};
  for (const name of Object.keys(KEY_FIGURE_SOURCES) as KeyFigure[]) {
    const v = num(keyFigure(doc, name));
    if (v !== undefined) f[name] = v;
  }

  const three = table(doc, THREE_PUBLIC_FIGURE_SOURCE.tables);
  const threeRow = pickRow(three, THREE_PUBLIC_FIGURE_SOURCE.row);
  const threePublic: NonNullable<Figures['threePublic']> = {};
  for (const k of THREE_PUBLIC_FIGURES) {
    // a blank cell in the table is not a stated figure; the narrative may state it (e.g. "因公出国（境）费 0 万元")
    const v = num(cellOf(threeRow, k) ?? doc.threePublic.items.find((x) => x.subject.key === k && x.amount)?.amount);
    if (v !== undefined) threePublic[k] = v;
  }
  if (Object.keys(threePublic).length) f.threePublic = threePublic;

  const classes = functionClasses(doc);
  if (Object.keys(classes).length) f.functionClasses = classes;
  return f;
}

/** expenditure by 类: the first source table with a non-zero class row, else the narrative's 类 facts */
function functionClasses(doc: Doc): Record<string, number> {
  const classes: Record<string, number> = {};
  const classRow = (r: TableRow) =>
    r.classification?.level === 'class' && r.cells.some((c) => c.amount && c.amount.minor !== 0);
  const sources = FUNCTION_CLASS_SOURCES.map((s) => ({ ...s, table: table(doc, s.tables) }));
  const source = sources.find((s) => s.table?.rows.some(classRow));
  if (source?.table) {
    const firstSummaryColumn = sources[0]?.table?.columns[0]?.key ?? 'budget';
    const col =
      source.column === 'expenditureSide'
        ? (source.table.columns.find((c) => c.side === 'expenditure')?.key ?? firstSummaryColumn)
        : source.column;
    for (const r of source.table.rows) {
      if (r.classification?.level !== 'class' || r.side === 'income') continue;
      const a = r.cells.find((c) => c.column === col)?.amount;
      if (a && a.minor !== 0 && classes[r.classification.code] === undefined) classes[r.classification.code] = num(a)!;
    }
    return classes;
  }
  for (const s of doc.narrative) {
    for (const x of s.facts) {
      if (
        x.subject.kind === 'function' &&
        x.subject.code?.length === 3 &&
        x.amount &&
        classes[x.subject.code] === undefined
      )
        classes[x.subject.code] = num(x.amount)!;
    }
  }
  return classes;
}

// Disclosures published in pieces (附件1 情况说明 + 附件2 报表, or the tables as a file of their own): which files
// are pieces of one disclosure (same unit, year and kind, one holding the explanations and one the tables), and
// the one document joined from them, every place keeping the file it is in.
import type { Disclosure, Place, Table } from '../model/schema.js';
import { computeFigures } from './figures.js';
import { resolveFactCodes } from './resolve.js';
import { chooseUnitName } from './meta.js';
import { sameUnit } from './index.js';

export type PieceHolds = 'explanation' | 'tables' | 'whole';

/**
 * What a file holds: the tables alone (no explanations read, tables read), the explanations alone (explanations
 * read, no table read; its 目录 or parts may announce the tables as 附件), or both.
 */
export function pieceHolds(doc: Disclosure): PieceHolds {
  if (doc.form) return 'whole';
  const tables = doc.tablesPresent.length > 0;
  const explanations = doc.narrative.length > 0;
  if (tables && !explanations) return 'tables';
  if (explanations && !tables) return 'explanation';
  return 'whole';
}

/** What pairing a piece needs of its model: what it holds, and the unit, year and kind it is of. Small enough to be
 *  kept for every piece of a large batch while the models themselves are not (src/cli/batch.ts). */
export interface PieceKey {
  holds: PieceHolds;
  year: number;
  kind: Disclosure['kind'];
  unitName: string;
}

export function pieceKey(doc: Disclosure): PieceKey {
  return { holds: pieceHolds(doc), year: doc.year, kind: doc.kind, unitName: doc.unit.name };
}

function samePiece(a: PieceKey, b: PieceKey): boolean {
  return (
    a.year === b.year && a.kind === b.kind && a.unitName !== '' && b.unitName !== '' && sameUnit(a.unitName, b.unitName)
  );
}

/**
 * Groups documents into disclosures: an explanation piece and a tables piece of the same unit, year and kind
 * form one group (in input order, explanation first); every other document is a group of its own. A piece is
 * joined at most once (two tables files for one explanation: the first).
 */
export function groupPieces<T>(items: T[], docOf: (item: T) => Disclosure): T[][] {
  const keys = items.map((item) => pieceKey(docOf(item)));
  return groupPieceKeys(items, (_, i) => keys[i]);
}

/** groupPieces by the pieces' keys alone. A partner is looked for only among the later pieces holding the other half
 *  and of the same year and kind (each such list made once), not among all the pieces for each one. */
export function groupPieceKeys<T>(items: T[], keyOf: (item: T, index: number) => PieceKey): T[][] {
  const keys = items.map(keyOf);
  const candidates = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k.holds === 'whole') return;
    const bucket = `${k.holds}|${k.year}|${k.kind}`;
    const list = candidates.get(bucket);
    if (list) list.push(i);
    else candidates.set(bucket, [i]);
  });
  const groups: T[][] = [];
  const used = new Set<number>();
  items.forEach((item, i) => {
    if (used.has(i)) return;
    used.add(i);
    const key = keys[i];
    if (key.holds !== 'whole') {
      const want = key.holds === 'explanation' ? 'tables' : 'explanation';
      const j =
        (candidates.get(`${want}|${key.year}|${key.kind}`) ?? []).find(
          (k) => !used.has(k) && samePiece(key, keys[k]),
        ) ?? -1;
      if (j >= 0) {
        used.add(j);
        groups.push(key.holds === 'explanation' ? [item, items[j]] : [items[j], item]);
        return;
      }
    }
    groups.push([item]);
  });
  return groups;
}

/** Every place in a value (objects with line and column) gets the file it is in. */
function markFile<T>(value: T, file: string): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = walk(x);
      if (typeof o.line === 'number' && typeof o.column === 'number' && o.file === undefined) o.file = file;
      return o;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * One disclosure from its pieces (explanation first, as groupPieces orders them): the explanation's title, 目录,
 * parts and narrative; the tables of every piece (a table announced in the 目录 and printed in the tables piece is
 * present, and the warning that it was missing goes); performance tables, mentions of the unit and warnings of
 * all; figures computed again. `source` names the first piece and lists all in `pieces`; every place names its file.
 */
export function joinPieces(pieces: Disclosure[]): Disclosure {
  if (pieces.length === 1) return pieces[0];
  const marked = pieces.map((p) => markFile(p, p.source.file));
  const [base, ...rest] = marked;
  const printed = new Map<string, Table>();
  for (const p of marked)
    for (const t of p.tables)
      if (t.status === 'present' || t.status === 'empty') if (!printed.has(t.id)) printed.set(t.id, t);
  const tables: Table[] = [...printed.values()];
  const seen = new Set(printed.keys());
  for (const p of marked) {
    for (const t of p.tables) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      tables.push(t);
    }
  }
  // the warnings that a table announced in the 目录 was not found, for tables another piece prints
  const foundElsewhere = (w: Disclosure['warnings'][number], p: Disclosure) =>
    w.code === 'table-absent' &&
    p.tables.some(
      (t) =>
        t.status === 'absent' &&
        printed.has(t.id) &&
        t.at &&
        w.at &&
        t.at.line === w.at.line &&
        t.at.file === w.at.file,
    );
  const mentions = marked.flatMap((p) => p.unit.mentions);
  const all = <K extends keyof Disclosure>(k: K) => marked.flatMap((p) => p[k] as unknown[]) as Disclosure[K];
  const narrative = all('narrative');
  resolveFactCodes(narrative, tables, base.year);
  const doc: Omit<Disclosure, 'figures'> = {
    ...base,
    source: {
      ...base.source,
      bytes: marked.reduce((n, p) => n + p.source.bytes, 0),
      pieces: marked.map((p) => ({
        file: p.source.file,
        format: p.source.format,
        bytes: p.source.bytes,
        ...(p.source.lines !== undefined ? { lines: p.source.lines } : {}),
        holds: pieceHolds(p) === 'tables' ? ('tables' as const) : ('explanation' as const),
      })),
    },
    unit: {
      ...base.unit,
      name: base.unit.name || chooseUnitName(mentions),
      code: base.unit.code ?? rest.map((p) => p.unit.code).find(Boolean),
      mentions,
      subordinateUnits: marked.flatMap((p) => p.unit.subordinateUnits),
    },
    parts: [...base.parts, ...rest.flatMap((p) => p.parts.filter((x) => x.title.trim()))],
    tables,
    tablesPresent: [...new Set(marked.flatMap((p) => p.tablesPresent))],
    narrative,
    projects: all('projects'),
    threePublic:
      base.threePublic.items.length || !rest.length
        ? base.threePublic
        : { ...base.threePublic, ...rest.find((p) => p.threePublic.items.length)?.threePublic },
    performance: {
      ...[...[...rest].reverse().map((p) => p.performance), base.performance].reduce((merged, p) => ({
        ...merged,
        ...p,
      })),
      targets: marked.flatMap((p) => p.performance.targets),
      selfEvaluations: marked.flatMap((p) => p.performance.selfEvaluations),
    },
    glossary: all('glossary'),
    warnings: marked.flatMap((p) => p.warnings.filter((w) => !foundElsewhere(w, p))),
  };
  if (!doc.unit.code) delete doc.unit.code;
  return { ...doc, figures: computeFigures(doc) };
}

/** The file a place is in: its own, or the document's when it was read from one file. */
export function fileOf(doc: Disclosure, at: Place | undefined): string {
  return at?.file ?? doc.source.file;
}

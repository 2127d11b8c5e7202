// Classification catalogue lookups: 支出功能分类 (类/款/项 by fiscal-year edition) and 支出经济分类 (部门 3xx, 政府 5xx),
// plus the name comparison the auditor uses to check printed (code, name) pairs.
import functionBase from './codes/function-2022.json' with { type: 'json' };
import functionEditions from './codes/function-editions.json' with { type: 'json' };
import economicDept from './codes/economic-dept.json' with { type: 'json' };
import economicGov from './codes/economic-gov.json' with { type: 'json' };

export type CodeLevel = 'class' | 'section' | 'item';
/** seed = printed in ../shared/seeds; corpus = printed in a ../shared/corpus or ../shared/corpus-wide PDF (pages says
 *  where); published = stated in a Ministry of Finance notice (citation says which); reference = from the published 科目
 *  as remembered, not seen in our documents (a finding must not rest on it alone). */
export type CodeSource = 'seed' | 'corpus' | 'published' | 'reference';
export type CodeSystem = 'function' | 'economic';
export type NameMatch = 'exact' | 'alias' | 'mismatch' | 'unknown-code';

export interface CodeEntry {
  code: string;
  name: string;
  level: CodeLevel;
  /** accepted variant spellings (not former names: those are in namesAcrossEditions) */
  aliases: string[];
  /** code of the 类 (for a 款) or 款 (for a 项) */
  parent?: string;
  source: CodeSource;
  /** documents the name was seen in, e.g. "seeds/001", "corpus/018", "corpus-wide/w12" */
  seen: string[];
  /** where in those documents, e.g. "corpus-wide/w12 p.17,21" */
  pages: string[];
  /** the notice a published entry comes from */
  citation?: string;
  /** the edition year whose table answered (nearest known edition to the year asked) */
  edition: number;
}

interface RawEntry {
  code: string;
  name: string;
  source: string;
  seen?: string[];
  pages?: string[];
  citation?: string;
  aliases?: string[];
}
interface RawChange {
  code: string;
  name?: string;
  removed?: boolean;
  source: string;
  seen?: string[];
  pages?: string[];
  citation?: string;
  aliases?: string[];
  note?: string;
}
interface RawCatalogue {
  base: number;
  entries: RawEntry[];
  editions: Record<string, RawChange[]>;
}

const catalogues: Record<'function' | 'economic-dept' | 'economic-gov', RawCatalogue> = {
  function: { base: functionBase.edition, entries: functionBase.entries, editions: functionEditions.editions },
  'economic-dept': { base: economicDept.edition, entries: economicDept.entries, editions: economicDept.editions },
  'economic-gov': { base: economicGov.edition, entries: economicGov.entries, editions: economicGov.editions },
};
type CatalogueId = keyof typeof catalogues;

const LEVEL_BY_LENGTH: Record<number, CodeLevel> = { 3: 'class', 5: 'section', 7: 'item' };

function parentCode(code: string): string | undefined {
  if (code.length === 5) return code.slice(0, 3);
  if (code.length === 7) return code.slice(0, 5);
  return undefined;
}

function toEntry(raw: RawEntry | RawChange, name: string, edition: number, aliases: string[] = []): CodeEntry {
  return {
    code: raw.code,
    name,
    level: LEVEL_BY_LENGTH[raw.code.length],
    aliases,
    parent: parentCode(raw.code),
    source: raw.source as CodeSource,
    seen: raw.seen ?? [],
    pages: raw.pages ?? [],
    ...(raw.citation ? { citation: raw.citation } : {}),
    edition,
  };
}

/** each catalogue's edition years, ascending, worked out once (the catalogues are fixed data) */
const yearsOf = new Map<CatalogueId, readonly number[]>();
function knownEditions(catalogue: CatalogueId): readonly number[] {
  let years = yearsOf.get(catalogue);
  if (!years) {
    const c = catalogues[catalogue];
    years = [c.base, ...Object.keys(c.editions).map(Number)].sort((a, b) => a - b);
    yearsOf.set(catalogue, years);
  }
  return years;
}

/** Known edition years of a catalogue (the base plus every year with recorded differences), ascending. */
export function editionYears(catalogue: CatalogueId = 'function'): number[] {
  return [...knownEditions(catalogue)];
}

/** the edition chosen for each (catalogue, fiscal year) asked, remembered: a pure function of the two */
const editionByYear = new Map<string, number>();

/** The edition used for a fiscal year: the nearest known edition; on a tie the later one (rules move forward). */
export function editionFor(year: number, catalogue: CatalogueId = 'function'): number {
  const key = `${catalogue}:${year}`;
  const known = editionByYear.get(key);
  if (known !== undefined) return known;
  let best = catalogues[catalogue].base;
  for (const e of knownEditions(catalogue)) {
    const d = Math.abs(e - year);
    const bestD = Math.abs(best - year);
    if (d < bestD || (d === bestD && e > best)) best = e;
  }
  editionByYear.set(key, best);
  return best;
}

const tableCache = new Map<string, Map<string, CodeEntry>>();
/** the table of each (catalogue, fiscal year) asked: table() is called for every code a document prints */
const tableByYear = new Map<CatalogueId, Map<number, Map<string, CodeEntry>>>();

/** The full table of an edition: the base with the recorded differences applied cumulatively away from the base. */
function table(catalogue: CatalogueId, year: number): Map<string, CodeEntry> {
  let byYear = tableByYear.get(catalogue);
  if (!byYear) tableByYear.set(catalogue, (byYear = new Map<number, Map<string, CodeEntry>>()));
  const known = byYear.get(year);
  if (known) return known;
  const built = buildTable(catalogue, year);
  byYear.set(year, built);
  return built;
}

function buildTable(catalogue: CatalogueId, year: number): Map<string, CodeEntry> {
  const edition = editionFor(year, catalogue);
  const key = `${catalogue}:${edition}`;
  const cached = tableCache.get(key);
  if (cached) return cached;
  const c = catalogues[catalogue];
  const result = new Map<string, CodeEntry>();
  for (const raw of c.entries) result.set(raw.code, toEntry(raw, raw.name, edition, raw.aliases ?? []));
  const steps = Object.keys(c.editions)
    .map(Number)
    .filter((e) => (edition > c.base ? e > c.base && e <= edition : e < c.base && e >= edition))
    .sort((a, b) => (edition > c.base ? a - b : b - a));
  for (const step of steps) {
    for (const change of c.editions[String(step)]) {
      if (change.removed) {
        // a removed 类 or 款 takes its subtree with it
        for (const code of [...result.keys()]) if (code.startsWith(change.code)) result.delete(code);
      } else if (change.name !== undefined)
        result.set(change.code, toEntry(change, change.name, edition, change.aliases ?? []));
    }
  }
  tableCache.set(key, result);
  return result;
}

/** What the lookups by name need of an edition's table, made once per table: each entry's normalised name and
 *  aliases, the entries under each parent (in the table's order), and the codes bearing each normalised name. */
interface TableIndex {
  names: Map<CodeEntry, { name: string; aliases: string[] }>;
  children: Map<string, CodeEntry[]>;
  /** normalised name or alias → entries bearing it, in the table's order */
  byName: Map<string, CodeEntry[]>;
}
const tableIndexes = new WeakMap<Map<string, CodeEntry>, TableIndex>();
function indexOf(t: Map<string, CodeEntry>): TableIndex {
  let index = tableIndexes.get(t);
  if (index) return index;
  index = { names: new Map(), children: new Map(), byName: new Map() };
  for (const e of t.values()) {
    const names = namesOf(e);
    index.names.set(e, names);
    if (e.parent !== undefined) {
      const siblings = index.children.get(e.parent);
      if (siblings) siblings.push(e);
      else index.children.set(e.parent, [e]);
    }
    for (const n of new Set([names.name, ...names.aliases])) {
      const bearers = index.byName.get(n);
      if (bearers) bearers.push(e);
      else index.byName.set(n, [e]);
    }
  }
  tableIndexes.set(t, index);
  return index;
}

/** whether an entry's normalised name or one of its normalised aliases is `wanted` */
function bearsName(index: TableIndex, e: CodeEntry, wanted: string): boolean {
  const n = index.names.get(e)!;
  return n.name === wanted || n.aliases.includes(wanted);
}

/** a catalogue entry's name and aliases normalised (normaliseName), worked out once per entry */
const normalisedNames = new WeakMap<CodeEntry, { name: string; aliases: string[] }>();
function namesOf(e: CodeEntry): { name: string; aliases: string[] } {
  let n = normalisedNames.get(e);
  if (!n) normalisedNames.set(e, (n = { name: normaliseName(e.name), aliases: e.aliases.map(normaliseName) }));
  return n;
}

function economicCatalogue(code: string): CatalogueId | undefined {
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'economic-dept';
  if (/^5\d{2}(\d{2})?$/.test(code)) return 'economic-gov';
  return undefined;
}

/** A 支出功能分类 code (3/5/7 digits) in the edition nearest to `year`. */
export function lookupFunction(code: string, year: number): CodeEntry | undefined {
  if (!/^2\d{2}(\d{2}){0,2}$/.test(code)) return undefined;
  return table('function', year).get(code);
}

/** A 支出经济分类 code: 3xx/3xxxx = 部门预算支出经济分类, 5xx/5xxxx = 政府预算支出经济分类. Without a year the
 *  base (2022) edition answers. */
export function lookupEconomic(code: string, year?: number): CodeEntry | undefined {
  const catalogue = economicCatalogue(code);
  if (!catalogue) return undefined;
  return table(catalogue, year ?? catalogues[catalogue].base).get(code);
}

/** Every entry of an edition, in code order (for writers and listings). */
export function functionEntries(year: number): CodeEntry[] {
  return [...table('function', year).values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function economicEntries(kind: 'dept' | 'gov', year?: number): CodeEntry[] {
  const catalogue: CatalogueId = kind === 'dept' ? 'economic-dept' : 'economic-gov';
  return [...table(catalogue, year ?? catalogues[catalogue].base).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
}

/** The direct children of a code in an edition. */
export function childrenOf(code: string, year: number, system: CodeSystem = 'function'): CodeEntry[] {
  const catalogue = system === 'function' ? 'function' : economicCatalogue(code);
  if (!catalogue) return [];
  const t = table(catalogue, year);
  return [...(indexOf(t).children.get(code) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
}

/** Spaces removed (conversion splits words), full-width forms folded to half-width (（）→()), NFKC. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

/** Drops a level marker printed after a name in narratives: "一般公共服务支出（类）". */
function withoutLevelMarker(name: string): string {
  return name.replace(/\((类|款|项)\)$/, '');
}

/** Drops leading list numbering: "一、", "（一）", "1.", "1．", "(1)". */
function withoutOrdinal(name: string): string {
  return name.replace(/^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十百]+\)|\d+[、.]|\(\d+\))/, '');
}

/** If the name ends with a balanced parenthesised part, returns [head, inner]. */
function splitTrailingParenthesis(name: string): [string, string] | undefined {
  if (!name.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    if (name[i] === ')') depth++;
    else if (name[i] === '(') {
      depth--;
      if (depth === 0) return i === 0 ? undefined : [name.slice(0, i), name.slice(i + 1, -1)];
    }
  }
  return undefined;
}

function ancestorsOf(entry: CodeEntry, tableOf: Map<string, CodeEntry>): CodeEntry[] {
  const out: CodeEntry[] = [];
  let p = entry.parent;
  while (p) {
    const e = tableOf.get(p);
    if (!e) break;
    out.push(e);
    p = e.parent;
  }
  return out;
}

/** The printed name reduced for comparison: normalised, level marker dropped, and a trailing parenthesised
 *  ancestor name dropped ("行政运行（政府办公厅（室）及相关机构事务）" under 20103 → "行政运行"). */
function comparable(printed: string, ancestors: CodeEntry[]): string {
  const n = withoutLevelMarker(normaliseName(printed));
  const split = splitTrailingParenthesis(n);
  if (split && ancestors.some((a) => namesOf(a).name === split[1])) return split[0];
  return n;
}

function withoutExpenditureSuffix(name: string): string {
  return name.length > 2 && name.endsWith('支出') ? name.slice(0, -2) : name;
}

/**
 * Does a printed name belong to a code in that year's edition?
 * exact: equal after normalising spaces, bracket widths, a level marker and a trailing parenthesised parent name;
 * alias: a listed variant, or a 类 printed without its "支出" suffix; mismatch: the code exists under another name;
 * unknown-code: the code is not in the edition.
 */
export function nameMatches(code: string, printedName: string, year: number, system: CodeSystem): NameMatch {
  const catalogue: CatalogueId | undefined = system === 'function' ? 'function' : economicCatalogue(code);
  if (!catalogue) return 'unknown-code';
  const t = table(catalogue, year);
  const entry = t.get(code);
  if (!entry) return 'unknown-code';
  // a list ordinal printed before the name ("一、一般公共服务支出" in a 收支总表) is not part of it
  const printed = withoutOrdinal(comparable(printedName, ancestorsOf(entry, t)));
  const official = namesOf(entry);
  if (printed === official.name) return 'exact';
  if (official.aliases.includes(printed)) return 'alias';
  if (system === 'function' && entry.level === 'class' && printed === withoutExpenditureSuffix(official.name)) {
    return 'alias';
  }
  return 'mismatch';
}

/** The 类 a name denotes ("一、一般公共服务支出", "公共安全（类）", "一般公共服务"; a code printed in front,
 *  "201 一般公共服务支出", is ignored: compare it with lookupFunction when it matters). */
export function functionClassByName(name: string, year: number): CodeEntry | undefined {
  const wanted = withoutExpenditureSuffix(
    withoutLevelMarker(withoutOrdinal(normaliseName(name).replace(/^\d{3}(?=\D)/, ''))),
  );
  if (!wanted) return undefined;
  return classesByName(table('function', year)).get(wanted);
}

/** each edition's 类 by normalised name and alias (without 支出), made once: the first class in code order wins */
const classNameIndex = new WeakMap<Map<string, CodeEntry>, Map<string, CodeEntry>>();
function classesByName(t: Map<string, CodeEntry>): Map<string, CodeEntry> {
  let index = classNameIndex.get(t);
  if (!index) {
    index = new Map();
    for (const e of t.values()) {
      if (e.level !== 'class') continue;
      for (const n of [e.name, ...e.aliases]) {
        const key = withoutExpenditureSuffix(normaliseName(n));
        if (!index.has(key)) index.set(key, e);
      }
    }
    classNameIndex.set(t, index);
  }
  return index;
}

/** Resolves a 类/款/项 name path as printed in narratives ("一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）
 *  行政运行（项）" → ["一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行"]) to entries, outermost first;
 *  undefined when any step does not resolve to exactly one entry. */
export function resolveFunctionNames(names: string[], year: number): CodeEntry[] | undefined {
  if (names.length === 0 || names.length > 3) return undefined;
  const first = functionClassByName(names[0], year);
  if (!first) return undefined;
  const t = table('function', year);
  const path = [first];
  for (const printed of names.slice(1)) {
    const parent = path[path.length - 1];
    const index = indexOf(t);
    const candidates = index.children.get(parent.code) ?? [];
    const ancestors = [parent, ...ancestorsOf(parent, t)];
    const wanted = withoutOrdinal(comparable(printed, ancestors));
    const hits = candidates.filter((e) => bearsName(index, e, wanted));
    if (hits.length !== 1) return undefined;
    path.push(hits[0]);
  }
  return path;
}

/** Every name a code has in the known editions, with the editions using it (to tell a former name from an error). */
export function namesAcrossEditions(code: string, system: CodeSystem): Array<{ name: string; editions: number[] }> {
  const catalogue: CatalogueId | undefined = system === 'function' ? 'function' : economicCatalogue(code);
  if (!catalogue) return [];
  return namesIn(catalogue, code);
}

/** The 款 or 项 directly under `parentCode` that a printed name denotes ("行政运行" under 20105 → 2010501), when
 *  exactly one child has that name; used for rows printed without codes under a 类 or 款 printed above them. */
export function functionChildByName(parentCode: string, printed: string, year: number): CodeEntry | undefined {
  const t = table('function', year);
  const parent = t.get(parentCode);
  if (!parent) return undefined;
  const wanted = withoutOrdinal(comparable(printed, [parent, ...ancestorsOf(parent, t)]));
  if (!wanted) return undefined;
  const index = indexOf(t);
  const hits = (index.children.get(parentCode) ?? []).filter((e) => bearsName(index, e, wanted));
  return hits.length === 1 ? hits[0] : undefined;
}

// ── code status: is a printed code one of the year's 科目, a former one, a regional refinement, or unknown?

export type CodeStatusKind = 'known' | 'renamed' | 'retired' | 'regional-subcode' | 'unknown-well-formed' | 'malformed';

export interface CodeStatus {
  status: CodeStatusKind;
  /** function for 2xx codes, economic for 3xx (部门) and 5xx (政府); undefined when malformed */
  system?: CodeSystem;
  /** known, renamed: the year's entry */
  entry?: CodeEntry;
  /** regional-subcode, unknown-well-formed: the nearest ancestor the year's edition lists */
  parent?: CodeEntry;
  /** renamed: every name the code has in the known editions, with the editions using it */
  names?: Array<{ name: string; editions: number[] }>;
  /** retired, unknown-well-formed: the known editions that list the code (retired: all before the year's) */
  editions?: number[];
}

/** National lengths of each system (类/款/项 for function, 类/款 for economic) and the one regional refinement each
 *  system takes: provinces subdivide a function 项 by two digits and an economic 款 by two (3010201 规范性津补贴). */
const SHAPES: Record<CodeSystem, { national: number[]; regional: number }> = {
  function: { national: [3, 5, 7], regional: 9 },
  economic: { national: [3, 5], regional: 7 },
};

function systemOf(code: string): CodeSystem | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.startsWith('2')) return 'function';
  if (code.startsWith('3') || code.startsWith('5')) return 'economic';
  return undefined;
}

function catalogueOf(code: string, system: CodeSystem): CatalogueId | undefined {
  if (system === 'function') return code.startsWith('2') ? 'function' : undefined;
  if (code.startsWith('3')) return 'economic-dept';
  if (code.startsWith('5')) return 'economic-gov';
  return undefined;
}

/**
 * What a printed code is in the edition of `year`:
 * known — listed (renamed when another edition names it differently: compare the printed name with judgeName);
 * retired — listed only by earlier editions; regional-subcode — two digits more than the national depth under a listed
 * parent; unknown-well-formed — of a national shape but not listed in the year's edition (new, or missing from the
 * catalogue: a warning, never an error); malformed — not a code of either system's shape.
 */
export function codeStatus(code: string, year: number, system?: CodeSystem): CodeStatus {
  const sys = system ?? systemOf(code);
  if (!sys || !/^\d+$/.test(code)) return { status: 'malformed' };
  const catalogue = catalogueOf(code, sys);
  const shape = SHAPES[sys];
  if (!catalogue || (!shape.national.includes(code.length) && code.length !== shape.regional))
    return { status: 'malformed', system: sys };
  const t = table(catalogue, year);
  const entry = t.get(code);
  if (entry) {
    const names = namesIn(catalogue, code);
    return names.length > 1
      ? { status: 'renamed', system: sys, entry, names }
      : { status: 'known', system: sys, entry };
  }
  let parent: CodeEntry | undefined;
  for (let p = code.slice(0, -2); p.length >= 3 && !parent; p = p.slice(0, -2)) parent = t.get(p);
  if (code.length === shape.regional) {
    const direct = t.get(code.slice(0, -2));
    return direct
      ? { status: 'regional-subcode', system: sys, parent: direct }
      : { status: 'unknown-well-formed', system: sys, ...(parent ? { parent } : {}) };
  }
  const edition = editionFor(year, catalogue);
  const editions = knownEditions(catalogue).filter((e) => table(catalogue, e).has(code));
  if (editions.length && editions.every((e) => e < edition))
    return { status: 'retired', system: sys, editions, ...(parent ? { parent } : {}) };
  return { status: 'unknown-well-formed', system: sys, editions, ...(parent ? { parent } : {}) };
}

/** every code's names across a catalogue's editions, with the editions using each, made once per catalogue */
const namesByCode = new Map<CatalogueId, Map<string, Array<{ name: string; editions: number[] }>>>();
function namesIn(catalogue: CatalogueId, code: string): Array<{ name: string; editions: number[] }> {
  let byCode = namesByCode.get(catalogue);
  if (!byCode) {
    const collected = new Map<string, Map<string, number[]>>();
    for (const edition of knownEditions(catalogue)) {
      for (const e of table(catalogue, edition).values()) {
        let byName = collected.get(e.code);
        if (!byName) collected.set(e.code, (byName = new Map<string, number[]>()));
        byName.set(e.name, [...(byName.get(e.name) ?? []), edition]);
      }
    }
    byCode = new Map(
      [...collected].map(([c, byName]) => [c, [...byName.entries()].map(([name, editions]) => ({ name, editions }))]),
    );
    namesByCode.set(catalogue, byCode);
  }
  // copies: a caller may keep or change what it is given
  return (byCode.get(code) ?? []).map((n) => ({ name: n.name, editions: [...n.editions] }));
}

export type NameJudgement =
  /** the year's name or a listed variant */
  | { match: 'exact' | 'alias'; entry: CodeEntry }
  /** the name the code has in another edition (a former or a later name: edition years are the years seen) */
  | { match: 'other-edition'; entry: CodeEntry; name: string; editions: number[] }
  /** the official name cut short: a cell too narrow, or a wrapped line the reader may have lost */
  | { match: 'truncated'; entry: CodeEntry }
  /** the printed name is the name of other codes of the edition (a code column read out of line, or a wrong code) */
  | { match: 'other-code'; entry: CodeEntry; codes: string[] }
  | { match: 'mismatch'; entry: CodeEntry }
  | { match: 'unknown-code' };

/** Judges a printed (code, name) pair against the year's edition, telling the innocent differences (another edition's
 *  name, a truncation, a name that belongs to a neighbouring code) from a plain mismatch. */
export function judgeName(code: string, printedName: string, year: number, system: CodeSystem): NameJudgement {
  const catalogue = catalogueOf(code, system);
  if (!catalogue) return { match: 'unknown-code' };
  const t = table(catalogue, year);
  const entry = t.get(code);
  if (!entry) return { match: 'unknown-code' };
  const result = nameMatches(code, printedName, year, system);
  if (result === 'exact' || result === 'alias') return { match: result, entry };
  const printed = withoutOrdinal(comparable(printedName, ancestorsOf(entry, t)));
  for (const n of namesIn(catalogue, code)) {
    const other = table(catalogue, n.editions[0]).get(code)!;
    if (n.name !== entry.name && (namesOf(other).name === printed || namesOf(other).aliases.includes(printed))) {
      return { match: 'other-edition', entry, name: n.name, editions: n.editions };
    }
  }
  const official = namesOf(entry).name;
  if (printed.length >= 2 && printed.length < official.length && official.startsWith(printed))
    return { match: 'truncated', entry };
  const codes = (indexOf(t).byName.get(printed) ?? []).filter((e) => e.code !== code).map((e) => e.code);
  if (codes.length) return { match: 'other-code', entry, codes: codes.sort() };
  return { match: 'mismatch', entry };
}

/** Whether an entry's name was seen printed (or stated by a notice) rather than remembered. */
export function attested(entry: CodeEntry): boolean {
  return entry.source !== 'reference';
}

/** Where a narrative 类/款/项 name path stands when the year's edition does not resolve it: resolved by another edition
 *  (a former or later name), made of names the catalogue knows but put together wrongly, or holding a name the
 *  catalogue does not know (a code missing from the catalogue, or a reading that cut the path badly). */
export function functionPathStatus(
  names: string[],
  year: number,
): 'resolved' | 'other-edition' | 'misassembled' | 'unknown-name' {
  if (resolveFunctionNames(names, year)) return 'resolved';
  if (knownEditions('function').some((e) => resolveFunctionNames(names, e))) return 'other-edition';
  const known = knownFunctionNames();
  const wanted = names.map((n, i) => {
    const bare = withoutOrdinal(withoutLevelMarker(normaliseName(n)));
    return i === 0 ? withoutExpenditureSuffix(bare) : bare;
  });
  return wanted.every((n, i) => (i === 0 ? known.classes.has(n) : known.all.has(n))) ? 'misassembled' : 'unknown-name';
}

let functionNames: { classes: Set<string>; all: Set<string> } | undefined;
function knownFunctionNames(): { classes: Set<string>; all: Set<string> } {
  if (functionNames) return functionNames;
  const classes = new Set<string>();
  const all = new Set<string>();
  for (const e of knownEditions('function')) {
    for (const entry of table('function', e).values()) {
      for (const n of [entry.name, ...entry.aliases]) {
        all.add(normaliseName(n));
        if (entry.level === 'class') classes.add(withoutExpenditureSuffix(normaliseName(n)));
      }
    }
  }
  functionNames = { classes, all };
  return functionNames;
}

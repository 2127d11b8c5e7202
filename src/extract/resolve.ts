// Gives narrative facts that name a function class/款/项 or an economic 款 without a code ("一般公共服务支出（类）…
// （项）", "基本工资72.58万元") the code the document's own tables use for that name, or else the classification
// catalogue's. Printed codes are kept.
import type { Fact, NarrativeSection, Table } from '../model/schema.js';
import { economicEntries, normaliseName, resolveFunctionNames } from '../catalog/codes.js';

/**
 * normaliseName (NFKC, the slow part of resolving) remembered: the tables of every document repeat the catalogue's
 * names
 */
const normalisedNames = new Map<string, string>();
function normalised(name: string): string {
  let out = normalisedNames.get(name);
  if (out === undefined) {
    if (normalisedNames.size > 20_000) normalisedNames.clear();
    normalisedNames.set(name, (out = normaliseName(name)));
  }
  return out;
}

/** name path (normalised, '>'-joined) → code, from every function-classified row of the tables */
function namesFromTables(tables: Table[]): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const t of tables) {
    for (const r of t.rows) {
      const c = r.classification;
      if (c?.system === 'function' && !byCode.has(c.code) && r.label) byCode.set(c.code, normalised(r.label));
    }
  }
  const paths = new Map<string, string>();
  for (const code of byCode.keys()) {
    const chain = [code.slice(0, 3), code.length >= 5 ? code.slice(0, 5) : '', code.length >= 7 ? code : ''].filter(
      Boolean,
    );
    const names = chain.map((c) => byCode.get(c));
    if (names.every((n) => n !== undefined)) paths.set(names.join('>'), code);
  }
  return paths;
}

/** Economic names compare without the endings that narratives drop or add ("养老保险费" / "养老保险缴费"). */
const ECONOMIC_ENDING = /(缴费|费用|费|支出)$/;
function economicKey(name: string): string {
  return normalised(name).replace(ECONOMIC_ENDING, '');
}

/** economic name key → code: the tables' rows first, then the catalogue (a key two catalogue codes share is null) */
const catalogueEconomic = new Map<number, Map<string, string | null>>();
const catalogueFunctionPaths = new Map<string, string | undefined>();

/** The catalogue's answer for a name path, remembered: the catalogue is the same for every document of a year. */
function catalogueFunctionCode(names: string[], year: number): string | undefined {
  const key = `${year}|${names.join('>')}`;
  if (!catalogueFunctionPaths.has(key)) {
    const entries = resolveFunctionNames(names, year);
    catalogueFunctionPaths.set(key, entries?.[entries.length - 1].code);
  }
  return catalogueFunctionPaths.get(key);
}

/** The catalogue's economic names of a year with the document's own table rows over them (read without copying). */
interface EconomicNames {
  base: Map<string, string | null>;
  own: Map<string, string>;
}

function economicCode(names: EconomicNames, key: string): string | null | undefined {
  return names.own.has(key) ? names.own.get(key) : names.base.get(key);
}

/** The code of the only name one character away from `key` ("公务招待费" for 公务接待费), if exactly one is. */
function nearOnlyCode(names: EconomicNames, key: string): string | undefined {
  let found: string | undefined;
  let count = 0;
  const consider = (k: string, c: string | null | undefined) => {
    if (c && k.length === key.length && oneCharApart(k, key)) {
      count++;
      found = c;
    }
  };
  for (const [k, c] of names.base) consider(k, names.own.has(k) ? names.own.get(k) : c);
  for (const [k, c] of names.own) if (!names.base.has(k)) consider(k, c);
  return count === 1 ? found : undefined;
}

function oneCharApart(k: string, key: string): boolean {
  let differing = 0;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    // characters outside the BMP count as one in the original comparison: let it decide
    if (c >= 0xd800 && c <= 0xdfff) return [...k].filter((ch, j) => ch !== key[j]).length === 1;
    // two differences before any such character are two in the original comparison too
    if (c !== key.charCodeAt(i) && ++differing > 1) return false;
  }
  return differing === 1;
}

function economicNames(tables: Table[], year: number): EconomicNames {
  let base = catalogueEconomic.get(year);
  if (!base) {
    base = new Map();
    for (const e of economicEntries('dept', year)) {
      if (e.level !== 'section') continue;
      const k = economicKey(e.name);
      const had = base.get(k);
      base.set(k, had === undefined || had === e.code ? e.code : null);
    }
    catalogueEconomic.set(year, base);
  }
  // the document's own table rows win over the catalogue
  const own = new Map<string, string>();
  for (const t of tables) {
    for (const r of t.rows)
      if (r.classification?.system === 'economic' && r.label) own.set(economicKey(r.label), r.classification.code);
  }
  return { base, own };
}

export function resolveFactCodes(sections: NarrativeSection[], tables: Table[], year: number): void {
  const paths = namesFromTables(tables);
  let economic: EconomicNames | undefined;
  const resolve = (f: Fact) => {
    if (f.subject.kind === 'economic' && !f.subject.code) {
      economic ??= economicNames(tables, year);
      const key = economicKey(f.subject.names?.[0] ?? f.label);
      // one differing character is a slip of the pen ("公务招待费" for 公务接待费) when only one name is that close
      const code = economicCode(economic, key) ?? nearOnlyCode(economic, key);
      if (code) f.subject.code = code;
      return;
    }
    if (f.subject.kind !== 'function' || f.subject.code || !f.subject.names?.length) return;
    const names = f.subject.names.map(normalised);
    const fromTables = paths.get(names.join('>'));
    if (fromTables) {
      f.subject.code = fromTables;
      return;
    }
    const code = catalogueFunctionCode(f.subject.names, year);
    if (code) f.subject.code = code;
  };
  for (const s of sections) s.facts.forEach(resolve);
}

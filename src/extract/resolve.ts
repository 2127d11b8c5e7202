// Gives narrative facts that name a function class/款/项 or an economic 款 without a code ("一般公共服务支出（类）…
// （项）", "基本工资72.58万元") the code the document's own tables use for that name, or else the classification
// catalogue's. Printed codes are kept.
import type { Fact, NarrativeSection, Table } from '../model/schema.js';
import { economicEntries, normaliseName, resolveFunctionNames } from '../catalog/codes.js';

/** name path (normalised, '>'-joined) → code, from every function-classified row of the tables */
function namesFromTables(tables: Table[]): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const t of tables) {
    for (const r of t.rows) {
      const c = r.classification;
      if (c?.system === 'function' && !byCode.has(c.code) && r.label) byCode.set(c.code, normaliseName(r.label));
    }
  }
  const paths = new Map<string, string>();
  for (const [code, name] of byCode) {
    const chain = [code.slice(0, 3), code.length >= 5 ? code.slice(0, 5) : '', code.length >= 7 ? code : ''].filter(Boolean);
    const names = chain.map((c) => byCode.get(c));
    if (names.every((n) => n !== undefined)) paths.set(names.join('>'), code);
  }
  return paths;
}

/** Economic names compare without the endings that narratives drop or add ("养老保险费" / "养老保险缴费"). */
function economicKey(name: string): string {
  return normaliseName(name).replace(/(缴费|费用|费|支出)$/, '');
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

function economicNames(tables: Table[], year: number): Map<string, string | null> {
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
  const map = new Map(base);
  for (const t of tables) {
    for (const r of t.rows) if (r.classification?.system === 'economic' && r.label) map.set(economicKey(r.label), r.classification.code);
  }
  return map;
}

export function resolveFactCodes(sections: NarrativeSection[], tables: Table[], year: number): void {
  const paths = namesFromTables(tables);
  let economic: Map<string, string | null> | undefined;
  const resolve = (f: Fact) => {
    if (f.subject.kind === 'economic' && !f.subject.code) {
      economic ??= economicNames(tables, year);
      const key = economicKey(f.subject.names?.[0] ?? f.label);
      // one differing character is a slip of the pen ("公务招待费" for 公务接待费) when only one name is that close
      const nearOnly = () => {
        const near = [...economic!.entries()].filter(([k, c]) => c && k.length === key.length && [...k].filter((ch, i) => ch !== key[i]).length === 1);
        return near.length === 1 ? near[0][1] : undefined;
      };
      const code = economic.get(key) ?? nearOnly();
      if (code) f.subject.code = code;
      return;
    }
    if (f.subject.kind !== 'function' || f.subject.code || !f.subject.names?.length) return;
    const names = f.subject.names.map(normaliseName);
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

// Gives narrative facts that name a function class/款/项 without a code ("一般公共服务支出（类）…（项）") the code
// the document's own tables use for those names, or else the classification catalogue's. Printed codes are kept.
import type { Fact, NarrativeSection, Table } from '../model/schema.js';
import { normaliseName, resolveFunctionNames } from '../catalog/codes.js';

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

export function resolveFactCodes(sections: NarrativeSection[], tables: Table[], year: number): void {
  const paths = namesFromTables(tables);
  const resolve = (f: Fact) => {
    if (f.subject.kind !== 'function' || f.subject.code || !f.subject.names?.length) return;
    const names = f.subject.names.map(normaliseName);
    const fromTables = paths.get(names.join('>'));
    if (fromTables) {
      f.subject.code = fromTables;
      return;
    }
    const entries = resolveFunctionNames(f.subject.names, year);
    if (entries) f.subject.code = entries[entries.length - 1].code;
  };
  for (const s of sections) s.facts.forEach(resolve);
}

// The files of one disclosure published in pieces (情况说明 + 报表) given together to parse or check: read every
// input, then join each explanation with the tables of the same unit, year and kind (src/extract/join.ts).
import type { Disclosure } from '../model/schema.js';
import { groupPieces, joinPieces } from '../extract/join.js';

export type Read<E> = { file: string; doc: Disclosure } | { file: string; error: E };

/**
 * Reads every file (errors are kept in place, in the input order) and yields one entry per disclosure: a joined
 * document is named by its pieces' files ("a.pdf + b.pdf"). With `join` false every file stays on its own.
 */
export async function readJoined<E = unknown>(files: string[], read: (file: string) => Promise<Disclosure>, join = true): Promise<Read<E>[]> {
  const out: Read<E>[] = [];
  for (const file of files) {
    try {
      out.push({ file, doc: await read(file) });
    } catch (error) {
      out.push({ file, error: error as E });
    }
  }
  if (!join) return out;
  const docs = out.filter((r): r is { file: string; doc: Disclosure } => 'doc' in r);
  const groups = groupPieces(docs, (r) => r.doc);
  const firstOf = new Map(groups.map((g) => [g[0], g]));
  const joined = new Set(groups.filter((g) => g.length > 1).flatMap((g) => g.slice(1)));
  return out.flatMap((r): Read<E>[] => {
    if (!('doc' in r)) return [r];
    if (joined.has(r)) return [];
    const g = firstOf.get(r);
    if (!g || g.length === 1) return [r];
    return [{ file: g.map((x) => x.file).join(' + '), doc: joinPieces(g.map((x) => x.doc)) }];
  });
}

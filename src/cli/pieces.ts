// The files of one disclosure published in pieces (情况说明 + 报表) given together to parse or check: the pieces the
// batch held back are joined, each explanation with the tables of the same unit, year and kind (src/extract/join.ts).
import type { Disclosure } from '../model/schema.js';
import { groupPieces, joinPieces } from '../extract/join.js';
import type { InputFile } from './inputs.js';

/**
 * One entry per disclosure made of the held pieces, in input order: a joined document is named by its pieces'
 * files ("a.pdf + b.pdf"); a piece without a partner stays on its own.
 */
export function joinHeld(pieces: Array<{ input: InputFile; doc: Disclosure }>): Array<{ input: InputFile; doc: Disclosure }> {
  return groupPieces(pieces, (p) => p.doc).map((group) =>
    group.length === 1
      ? group[0]
      : { input: { path: group.map((p) => p.input.path).join(' + '), name: group[0].input.name }, doc: joinPieces(group.map((p) => p.doc)) },
  );
}

// The files of one disclosure published in pieces (情况说明 + 报表) given together to parse or check: the pieces the
// batch held back grouped, each explanation with the tables of the same unit, year and kind (src/extract/join.ts),
// for the batch to join on its workers.
import { groupPieceKeys } from '../extract/join.js';
import type { PieceStore } from './batch.js';
import type { InputFile } from './inputs.js';

/**
 * One entry per disclosure made of the held pieces, in input order: a joined document is named by its pieces' files
 * ("a.pdf + b.pdf", explanation first); a piece without a partner stays on its own.
 */
export function heldGroups(store: PieceStore): Array<{ input: InputFile; pieces: PieceStore['held'] }> {
  return groupPieceKeys(store.held, (p) => p.key).map((group) => ({
    input:
      group.length === 1
        ? group[0].input
        : { path: group.map((p) => p.input.path).join(' + '), name: group[0].input.name },
    pieces: group,
  }));
}

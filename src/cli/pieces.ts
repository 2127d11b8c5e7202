// The files of one disclosure published in pieces (情况说明 + 报表) given together to parse or check: the pieces the
// batch held back are joined, each explanation with the tables of the same unit, year and kind (src/extract/join.ts).
import type { Disclosure } from '../model/schema.js';
import { groupPieceKeys, joinPieces } from '../extract/join.js';
import type { PieceStore } from './batch.js';
import type { InputFile } from './inputs.js';

/**
 * One entry per disclosure made of the held pieces, in input order: a joined document is named by its pieces'
 * files ("a.pdf + b.pdf"); a piece without a partner stays on its own. The models are read back one disclosure at a
 * time, as the caller asks for the next; the store's file is removed when the last has been given.
 */
export function* joinHeld(store: PieceStore): Generator<{ input: InputFile; doc: Disclosure }> {
  try {
    for (const group of groupPieceKeys(store.held, (p) => p.key)) {
      if (group.length === 1) yield { input: group[0].input, doc: store.model(group[0]) };
      else {
        yield {
          input: { path: group.map((p) => p.input.path).join(' + '), name: group[0].input.name },
          doc: joinPieces(group.map((p) => store.model(p))),
        };
      }
    }
  } finally {
    store.close();
  }
}

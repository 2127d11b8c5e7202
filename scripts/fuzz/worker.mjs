// Worker thread of `npm run fuzz`: parses one mutant with the compiled stages (dist/, as `budgetdoc parse` runs);
// a clean read error is a refusal, anything else thrown is a crash.
import { parseBytes } from '../../dist/extract/index.js';
import { ReadError } from '../../dist/read/errors.js';

export default async function run({ name, bytes }) {
  try {
    await parseBytes(bytes, name);
    return { kind: 'read' };
  } catch (err) {
    // by name too: a reader loaded through another module URL has its own copy of the class
    if (err instanceof ReadError || err?.name === 'ReadError') return { kind: 'refused', reason: err.reason };
    return { kind: 'crash', error: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err) };
  }
}

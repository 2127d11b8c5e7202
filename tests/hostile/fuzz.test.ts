// A few hundred fuzz mutants inside `npm test` (the full run is `npm run fuzz`): mutants of the seed texts and the
// writer-made DOCX, XLSX and HTML, and a few of a corpus PDF, parsed as `parse` does; every one is read or refused
// with a clean read error, none crashes.
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/extract/index.js';
import { ReadError } from '../../src/read/errors.js';
import { fuzzInputs } from '../../scripts/fuzz/inputs.js';
import { hotSpots, mutate, rng } from '../../scripts/fuzz/mutate.js';

describe('fuzz mutants through parse', () => {
  it('300 mutants: no crash', async () => {
    process.env.BUDGETDOC_NO_OCR = '1';
    const inputs = await fuzzInputs({ pdfs: 1 });
    const pdf = inputs.filter((i) => i.name.endsWith('.pdf'));
    const others = inputs.filter((i) => !i.name.endsWith('.pdf'));
    const crashes: string[] = [];
    const counts = { read: 0, refused: 0 };
    for (let n = 0; n < 300; n++) {
      const input = n % 30 === 0 ? pdf[0] : others[n % others.length];
      const bytes = mutate(input.bytes, rng(7_000 + n), hotSpots(input.bytes));
      try {
        await parseBytes(bytes, input.name);
        counts.read++;
      } catch (err) {
        if (err instanceof ReadError) counts.refused++;
        else crashes.push(`${input.name} #${n}: ${String(err)}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  }, 600_000);
});

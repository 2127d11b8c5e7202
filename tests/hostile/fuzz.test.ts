// A few hundred fuzz mutants inside `npm test` (the full run is `npm run fuzz`): mutants of every kind of fuzz input
// (seed texts and excerpts, CSV-like and Markdown texts, models as JSON and YAML, small PDF, DOCX, XLSX and HTML,
// the writer's files, a corpus PDF), structure-aware as in the full run, through the pipeline `check` runs (read →
// extract → audit); every one is read or refused with the input error (exit 2), none crashes.
import { describe, expect, it } from 'vitest';
import { readModelBytes } from '../../src/cli/read-model.js';
import { checkModel } from '../../src/cli/tasks.js';
import { UserError } from '../../src/cli/errors.js';
import { fuzzInputs } from '../../scripts/fuzz/inputs.js';
import { hotSpots, mutateInput, rng } from '../../scripts/fuzz/mutate.js';

describe('fuzz mutants through check', () => {
  it('300 mutants: no crash', async () => {
    process.env.BUDGETDOC_NO_OCR = '1';
    const inputs = await fuzzInputs({ pdfs: 1 });
    const corpus = inputs.filter((i) => i.format === 'corpus-pdf');
    const others = inputs.filter((i) => i.format !== 'corpus-pdf');
    const crashes: string[] = [];
    const counts = { read: 0, refused: 0 };
    for (let n = 0; n < 300; n++) {
      const input = n % 100 === 0 ? corpus[0] : others[n % others.length];
      const bytes = mutateInput(input, rng(7_000 + n), hotSpots(input.bytes));
      try {
        const doc = await readModelBytes(Buffer.from(bytes), input.name);
        await checkModel(doc, input.name, {}, performance.now());
        counts.read++;
      } catch (err) {
        if (err instanceof UserError && err.exitCode === 2) counts.refused++;
        else crashes.push(`${input.name} #${n}: ${String(err)}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(counts.read).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
  }, 600_000);
});

// Round trip: model → text in the seeds' form → parseText → the same model. Every difference is named; the ones
// the reader does not read back yet are listed below with the construct, so that a new difference fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import { generateSample } from '../../src/write/sample.js';
import { renderText } from '../../src/write/text.js';
import { compareDisclosures, summariseDifferences, type Difference } from '../../src/write/compare.js';

const shared = resolve(import.meta.dirname, '../../../shared');

/**
 * Constructs the writer prints (in the seeds' form) that the reader does not read back yet. Each entry is a
 * difference category (see src/write/compare.ts) and the reason.
 */
const READER_GAPS: Array<[RegExp, string]> = [];

/** Figures the renderer recomputes and the seed printed otherwise (read from the documents): not round-trip errors. */
const SEED_CORRECTIONS: Record<string, RegExp[]> = {
  '001_ba949e3fb87b641f': [/^generalBudget\/function:\d+ rate: /],
  '004_9028ece1c81ee275': [
    /^generalBudget\/function:229 share: 1\.35 → 1\.36$/,
    /^generalBudget\/function:\d+ rate: 100\.00 → —$/,
  ],
};

/** What the renderer does not write (yet), for constructs some seeds print. */
const WRITER_LIMITS: Array<[RegExp, string]> = [
  [/^fact summary\/(fund|function)$/, 'amounts in the 总体说明 lists (seed 003) are not written; the lists are'],
  [
    /^fact threePublic reason$/,
    '决算 content notes of unchanged 三公 items ("开支内容包括…", seed 004) are not written',
  ],
  [/^fact threePublic share$/, 'shares of 三公 items (seed 004 "占X%") are not written'],
  [/^fact income\/fund (amount|share)$/, 'a zero source (上级补助收入 0.00万元，占0.00%) is written as "未安排"'],
];

/** In every seed: a rate or 预决算差异率 over a zero base ("增长0%" of a 0 figure) is undefined and not printed. */
const ALL_SEEDS: RegExp[] = [/ rate: 0\.00 → —$/, / variance: 0\.00 → —$/];

function unexplained(diffs: Difference[], allowed: Array<[RegExp, string]>, corrections: RegExp[] = []): Difference[] {
  return diffs.filter(
    (d) =>
      !allowed.some(([re]) => re.test(d.category)) && ![...ALL_SEEDS, ...corrections].some((re) => re.test(d.detail)),
  );
}

describe('render → parse round trip', () => {
  it('reads back 200 samples (100 budget, 100 final account) with no difference beyond the listed reader gaps', () => {
    const all: Array<Difference & { doc: string }> = [];
    for (const kind of ['budget', 'final_account'] as const) {
      for (let i = 0; i < 100; i++) {
        const doc = generateSample({ kind, seed: 'roundtrip', index: i });
        const back = parseText(renderText(doc), { file: `sample-${kind}-${i}.md` });
        for (const d of compareDisclosures(doc, back)) all.push({ ...d, doc: `${kind}#${i}` });
      }
    }
    const bad = unexplained(all, READER_GAPS);
    expect(summariseDifferences(bad), 'differences not explained by a listed reader gap').toEqual([]);
    // the figures and the budget tables round-trip exactly
    expect(all.filter((d) => d.category.startsWith('figures') || /^table-\w+ (?!final-)/.test(d.category))).toEqual([]);
    const gapsSeen = READER_GAPS.filter(([re]) => all.some((d) => re.test(d.category)));
    if (gapsSeen.length < READER_GAPS.length) {
      console.warn(
        `reader gaps no longer seen (remove them from READER_GAPS): ${READER_GAPS.filter((g) => !gapsSeen.includes(g))
          .map(([re]) => re.source)
          .join(', ')}`,
      );
    }
  });

  for (const seed of ['000_6d5137b5af398648', '001_ba949e3fb87b641f', '003_783022c0c0399fdf', '004_9028ece1c81ee275']) {
    it(`reads back the model of seed ${seed}`, () => {
      const text = readFileSync(resolve(shared, 'seeds', `${seed}.txt`), 'utf8');
      const model = parseText(text, { file: `${seed}.txt` });
      const back = parseText(renderText(model), { file: `${seed}.rendered.md` });
      const diffs = compareDisclosures(model, back);
      const bad = unexplained(diffs, [...READER_GAPS, ...WRITER_LIMITS], SEED_CORRECTIONS[seed]);
      expect(summariseDifferences(bad), 'unexplained differences').toEqual([]);
      // figures always survive
      expect(diffs.filter((d) => d.category.startsWith('figures'))).toEqual([]);
    });
  }
});

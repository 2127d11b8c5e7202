// Round trip through the published formats: sample model → the writer's DOCX and PDF → the readers → the same model
// (kind, year, unit, tables present, every table cell, every narrative fact with its share and change, 三公,
// procurement, staff, projects, performance tables, glossary, figures; compared by src/write/compare.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/extract/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { compareDisclosures, summariseDifferences } from '../../src/write/compare.js';
import { renderDisclosure } from '../../src/write/index.js';
import { generateSample } from '../../src/write/sample.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-format-roundtrip-'));
/** PDF rendering takes about half a second a document: three of each kind */
const PER_KIND = 3;
/** the seed's budget #1 prints a 三公 paragraph cut by a page break inside "主|要原因是：" in its PDF */
const SEED = 'wide';

const samples: Disclosure[] = (['budget', 'final_account'] as const).flatMap((kind) =>
  Array.from({ length: PER_KIND }, (_, i) => generateSample({ kind, seed: SEED, index: i })),
);

function factCount(d: Disclosure): number {
  return d.narrative.reduce((n, s) => n + s.facts.length, 0) + d.threePublic.items.length;
}

describe.each(['docx', 'pdf'] as const)('render %s → parse', (format) => {
  it.each(samples.map((d, i) => [`${d.kind} #${i % PER_KIND}`, d] as const))(
    '%s reads back the same model',
    async (_name, doc) => {
      const file = join(dir, `${doc.kind}-${doc.unit.name}.${format}`);
      writeFileSync(file, await renderDisclosure(doc, format));
      const back = await parseFile(file);
      expect(back.source.format).toBe(format);
      expect({ kind: back.kind, scope: back.scope, year: back.year, unit: back.unit.name }).toEqual({
        kind: doc.kind,
        scope: doc.scope,
        year: doc.year,
        unit: doc.unit.name,
      });
      expect(back.tablesPresent).toEqual(doc.tablesPresent);
      expect(back.figures).toEqual(doc.figures);
      // the comparison is not vacuous: the sample states tables, facts, projects or performance tables
      expect(doc.tables.filter((t) => t.status === 'present').reduce((n, t) => n + t.rows.length, 0)).toBeGreaterThan(
        20,
      );
      expect(factCount(doc)).toBeGreaterThan(20);
      expect(factCount(back)).toBeGreaterThanOrEqual(factCount(doc));
      expect(summariseDifferences(compareDisclosures(doc, back))).toEqual([]);
    },
    60_000,
  );
});

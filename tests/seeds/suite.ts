// The comparison suite run for each seed: parses the seed once, validates it against the schema, then compares
// every expected table, narrative section, structured item and performance table, each as its own test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import { type Disclosure, DisclosureSchema } from '../../src/model/schema.js';
import type { ExpectedSeed } from '../fixtures/seeds/types.js';
import { seedsDir } from '../support/paths.js';
import {
  compareAssets,
  compareFacts,
  compareOutline,
  compareFigures,
  compareGlossary,
  compareMeta,
  compareOperatingCosts,
  comparePerformanceSummary,
  compareProcurement,
  compareProjects,
  compareSelfEvaluation,
  compareTable,
  compareTableStatuses,
  compareTarget,
  compareThreePublic,
  sectionFacts,
} from './compare.js';

export function seedSuite(e: ExpectedSeed): void {
  describe(`seed ${e.file}`, () => {
    const file = resolve(seedsDir, e.file);
    let d: Disclosure;
    beforeAll(() => {
      d = parseText(readFileSync(file, 'utf8'), { file });
    });

    it('validates against the disclosure schema', () => {
      expect(() => DisclosureSchema.parse(d)).not.toThrow();
    });

    it('reads kind, scope, year, unit, name variants, organisation and staff', () => {
      expect(compareMeta(d, e)).toEqual([]);
    });

    it('reads the outline: parts, 目录 tables, explanation sections, 主要职能', () => {
      expect(compareOutline(d, e)).toEqual([]);
    });

    it('reports the tables present, absent and in attachments', () => {
      expect(compareTableStatuses(d, e)).toEqual([]);
    });

    if (e.tables.length) {
      it.each(e.tables.map((t) => [`${t.id} (line ${t.line}, ${t.rows.length} rows)`, t] as const))(
        'table %s: row by row, cell by cell',
        (_n, t) => {
          expect(compareTable(d, t)).toEqual([]);
        },
      );
    }

    const sections = [...new Set(e.facts.map((f) => f.section))];
    it.each(sections.map((s) => [s, e.facts.filter((f) => f.section === s)] as const))(
      'narrative section %s: every stated amount',
      (s, facts) => {
        expect(compareFacts(sectionFacts(d, s), facts, true)).toEqual([]);
      },
    );

    if (e.projects.length)
      it('projects: name, amount, responsible unit', () => expect(compareProjects(d, e)).toEqual([]));
    it('"三公" narrative items and counts', () => expect(compareThreePublic(d, e)).toEqual([]));
    if (e.operatingCosts) it('机关运行经费', () => expect(compareOperatingCosts(d, e)).toEqual([]));
    if (e.procurement) it('政府采购', () => expect(compareProcurement(d, e)).toEqual([]));
    if (e.assets) it('国有资产占用', () => expect(compareAssets(d, e)).toEqual([]));
    it('预算绩效 summary and table counts', () => expect(comparePerformanceSummary(d, e)).toEqual([]));

    if (e.performance.targets.length) {
      it.each(
        e.performance.targets.map(
          (t, i) => [`${t.project} (line ${t.line}, ${t.indicators.length} indicators)`, t, i] as const,
        ),
      )('绩效目标表 %s', (_n, t, i) => expect(compareTarget(d, t, i)).toEqual([]));
    }
    if (e.performance.selfEvaluations.length) {
      it.each(
        e.performance.selfEvaluations.map(
          (s, i) => [`${s.project} (line ${s.line}, ${s.indicators.length} indicators)`, s, i] as const,
        ),
      )('绩效自评表 %s', (_n, s, i) => expect(compareSelfEvaluation(d, s, i)).toEqual([]));
    }

    it('名词解释 terms', () => expect(compareGlossary(d, e)).toEqual([]));

    it('figures', () => expect(compareFigures(d.figures, e)).toEqual([]));
  });
}

// fiscal-year: a budget states the execution of a year already ended with that year (上海's "2023年当年预算执行数为…"
// in a 2024 budget) — not a wrong year; a budget figure of another year still is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { parseText } from '../../src/extract/index.js';
import type { Disclosure, Fact } from '../../src/model/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const text = readFileSync(path.resolve(repoRoot, '../shared/seeds/003_783022c0c0399fdf.txt'), 'utf8');

function withDatedFact(label: string, clause: (year: number) => string): Disclosure {
  const doc = parseText(text, { file: '003.txt' });
  const fact = doc.narrative.flatMap((s) => s.facts).find((f: Fact) => f.year === doc.year);
  if (!fact) throw new Error('seed 003 has no dated fact');
  fact.year = doc.year - 1;
  fact.label = label;
  fact.text = clause(doc.year - 1);
  return doc;
}

const yearErrors = (doc: Disclosure) =>
  audit(doc, { only: ['fiscal-year'] }).filter((f) => f.severity === 'error' && f.rule === 'fiscal-year');

describe('fiscal-year and execution figures of an earlier year', () => {
  // the seed's own year findings (a real defect of 003) stay as they are
  const before = yearErrors(parseText(text, { file: '003.txt' })).length;

  it('accepts a past year on a 当年预算执行数 in a budget', () => {
    expect(yearErrors(withDatedFact('当年预算执行数', (y) => `${y}年当年预算执行数为60.13万元`))).toHaveLength(before);
  });

  it('still reports a budget figure stated with another year', () => {
    expect(yearErrors(withDatedFact('预算数', (y) => `${y}年预算数为60.13万元`))).toHaveLength(before + 1);
  });
});

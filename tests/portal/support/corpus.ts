// A small corpus for the portal tests: the four seeds (real parser and auditor), hand-built models with known sums,
// and a dozen generated samples imported as model JSON files — a few dozen documents, never thousands.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultAnalysis } from '../../../src/store/analysis.js';
import type { Store } from '../../../src/store/database.js';
import { collectFiles, importFiles, type ImportSummary } from '../../../src/store/import-files.js';
import { generateSample } from '../../../src/write/sample.js';
import { makeDisclosure } from './fixtures.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');

export const HAND_MADE = {
  /** 2022 budget, 20 people: leaves 250.50 + 50.00 + 40.25 */
  a: makeDisclosure({ unit: '新疆测试县财政局', year: 2022, staffActual: 20, staffAuthorized: 25, date: '2022-02-01' }),
  /** the same unit a year later */
  b: makeDisclosure({
    unit: '新疆测试县财政局',
    year: 2023,
    staffActual: 22,
    date: '2023-02-01',
    rows: [
      { code: '201', label: '一般公共服务支出', amounts: ['330.55', '280.55', '50.00'] },
      { code: '20106', label: '财政事务', amounts: ['330.55', '280.55', '50.00'] },
      { code: '2010601', label: '行政运行', amounts: ['330.55', '280.55', '50.00'] },
    ],
    threePublic: { total: 10, overseas: 0, vehiclePurchase: 0, vehicleOperation: 7, reception: 3 },
  }),
  /** text with markup in it, which must be shown as text */
  markup: makeDisclosure({
    unit: '新疆<script>alert(1)</script>标记局',
    year: 2022,
    paragraphs: ['<b>加粗</b>的职能说明<img src=x onerror=alert(2)>'],
  }),
};

/** Writes the hand-made models and 12 samples as model JSON files into a temporary folder. */
export function writeModelFiles(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-corpus-'));
  for (const [name, doc] of Object.entries(HAND_MADE))
    writeFileSync(path.join(dir, `hand-${name}.json`), JSON.stringify(doc));
  for (let i = 0; i < 12; i++) {
    const doc = generateSample({ kind: i % 2 ? 'final_account' : 'budget', seed: 'portal-tests', index: i });
    writeFileSync(path.join(dir, `sample-${String(i).padStart(2, '0')}.json`), JSON.stringify(doc));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports seeds then model files, one at a time so that both engines assign the same ids. */
export async function importCorpus(store: Store, modelDir: string): Promise<ImportSummary> {
  const { files } = await collectFiles([seedsDir, modelDir]);
  // no pieces to join here (seed 004's tables are announced as published apart): keep the import order, hence the ids
  return importFiles(store, files, defaultAnalysis, { concurrency: 1, joinPieces: false });
}

// Paths shared by tests: the repository root and the ../shared material beside it.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const sharedDir = resolve(repoRoot, '../shared');
export const seedsDir = resolve(sharedDir, 'seeds');
export const corpusDir = resolve(sharedDir, 'corpus');

/** The four seed documents, by their three-digit prefix. */
export function seedPath(prefix: '000' | '001' | '003' | '004'): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return resolve(seedsDir, name);
}

export const SEEDS = ['000', '001', '003', '004'] as const;

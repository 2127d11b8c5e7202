// Project names as printed in the 项目 list, the 项目支出表 and the 绩效目标表 differ by suffixes (费/经费/项目);
// this matches them by their core so their amounts can be compared.
import type { Amount, Disclosure, Place } from '../model/schema.js';
import { cellAmount, findTable, rowPlace } from './support.js';
import type { FindingPlace } from './types.js';

export function projectCore(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s"“”'‘’「」《》]/g, '')
    .replace(/^\d+[、.．]\s*/, '')
    .replace(/(项目|专项)$/, '')
    .replace(/(经费|资金|费用|费)$/, '');
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}

/** Dice similarity of character bigrams (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  const pool = [...y];
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export interface NamedAmount {
  name: string;
  amount?: Amount;
  place: FindingPlace;
  at?: Place;
}

/** Best match of `name` among `candidates` by core name: exact core first, then similarity ≥ 0.6. */
export function matchProject(name: string, candidates: NamedAmount[]): NamedAmount | undefined {
  const core = projectCore(name);
  const exact = candidates.find((c) => projectCore(c.name) === core);
  if (exact) return exact;
  let best: NamedAmount | undefined;
  let bestScore = 0.6;
  for (const c of candidates) {
    const s = similarity(core, projectCore(c.name));
    if (s >= bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/** Project rows of the project expenditure table (rows that name a project), with their totals. */
export function projectTableRows(doc: Disclosure): NamedAmount[] {
  const out: NamedAmount[] = [];
  for (const table of doc.tables) {
    if (table.status !== 'present') continue;
    for (const row of table.rows) {
      if (!row.project) continue;
      out.push({
        name: row.project,
        amount: cellAmount(row, 'total') ?? undefined,
        place: rowPlace(table, row),
        at: row.at,
      });
    }
  }
  return out;
}

export function projectTable(doc: Disclosure) {
  return findTable(doc, 'general-budget-project-expenditure');
}

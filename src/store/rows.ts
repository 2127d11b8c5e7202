// Turns a disclosure model into database rows: normalised facts (one per amount cell), search text and terms.
import { createHash } from 'node:crypto';
import { formatExact, toWan } from '../model/money.js';
import type { Disclosure } from '../model/schema.js';
import type { Selectable } from 'kysely';
import type { Finding } from './finding.js';
import type { FactsTable } from './schema.js';
import { detectRegion, leadingPlace, UNKNOWN_REGION } from './region.js';
import { normaliseForSearch } from './search-text.js';

/** A facts row as the importer makes it: the table's columns (schema.ts) but the document's id and year. */
export type FactRow = Omit<Selectable<FactsTable>, 'document_id' | 'year'>;

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every amount cell of every table read from the body; subtotal and total rows are marked so sums use leaves. */
export function factRows(doc: Disclosure): FactRow[] {
  const rows: FactRow[] = [];
  for (const table of doc.tables) {
    if (table.status !== 'present') continue;
    table.rows.forEach((row, rowNo) => {
      const code = row.classification?.code ?? row.key ?? row.orgCode ?? null;
      const system = row.classification?.system ?? (row.key ? 'key' : row.orgCode ? 'organisation' : null);
      for (const cell of row.cells) {
        if (!cell.amount) continue;
        rows.push({
          table_id: table.id,
          row_no: rowNo,
          row_label: row.label,
          row_code: code,
          code_system: system,
          row_level: row.classification?.level ?? null,
          row_kind: row.kind,
          is_leaf: row.kind === 'leaf',
          column_key: cell.column,
          money_unit: cell.amount.unit,
          // exact decimal strings: numeric columns never see a binary float
          amount: formatExact(cell.amount),
          amount_wan: formatExact(toWan(cell.amount)),
        });
      }
    });
  }
  return rows;
}

/** Plain text a reader may search: names, title, the narrative and overview paragraphs. */
export function searchText(doc: Disclosure): string {
  const parts: string[] = [doc.unit.name, doc.title.text];
  for (const f of doc.overview.functions) parts.push(f.text);
  if (doc.overview.organisation.text) parts.push(doc.overview.organisation.text);
  for (const section of doc.narrative) {
    parts.push(section.title);
    for (const p of section.paragraphs) parts.push(p.text);
    for (const f of section.facts) parts.push(f.text);
  }
  for (const p of doc.projects) parts.push(p.name);
  return parts.join('\n');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const TOKEN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/gi;

/** Longest run of Chinese characters indexed whole: a query word up to this length is one exact index term. */
export const MAX_GRAM = 6;

/**
 * Longest phrase found from the index alone: where a run of Chinese characters goes on for more than MAX_GRAM
 * characters from a position, the next MAX_PHRASE characters from there are one more term, so that a longer word
 * (up to MAX_PHRASE characters) is the prefix of a term exactly where it occurs (a prefix query, `word:*`).
 */
export const MAX_PHRASE = 16;

/** Names the way searchTerms cuts text; a store holding terms cut another way is re-indexed when opened. */
export const SEARCH_TERMS_VERSION = `document_search: chinese 1-${MAX_GRAM} grams and ${MAX_GRAM + 1}-${MAX_PHRASE} phrase prefixes of NFKC text without quotation marks`;

/**
 * Index terms for text without spaces: every run of 1 to MAX_GRAM consecutive Chinese characters, from each
 * position where the run goes on longer its next MAX_PHRASE characters, and lower-cased words of Latin
 * letters/digits. A Chinese query word of up to MAX_GRAM characters is then one term, and one of up to MAX_PHRASE
 * characters the prefix of terms, found by the GIN index alone, exactly; a longer one needs pieces and the text.
 */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const match of normaliseForSearch(text).matchAll(TOKEN_RUN)) {
    const run = match[0];
    if (CJK.test(run[0])) {
      const chars = Array.from(run);
      for (let i = 0; i < chars.length; i++) {
        let gram = '';
        for (let n = 0; n < MAX_GRAM && i + n < chars.length; n++) {
          gram += chars[i + n];
          terms.add(gram);
        }
        if (chars.length - i > MAX_GRAM) terms.add(chars.slice(i, i + MAX_PHRASE).join(''));
      }
    } else {
      terms.add(run.toLowerCase());
    }
  }
  return [...terms];
}

/**
 * What to look up for one query word: index terms that every matching document holds (`terms` exactly, `prefixes`
 * as the start of a term), and whether holding them already means the word occurs (one Chinese run of at most
 * MAX_PHRASE characters, or one Latin word). Otherwise the caller confirms the candidates against the text.
 */
export function queryTerms(word: string): { terms: string[]; prefixes: string[]; exact: boolean } {
  const lower = normaliseForSearch(word);
  const terms = new Set<string>();
  const prefixes = new Set<string>();
  const runs = [...lower.matchAll(TOKEN_RUN)].map((m) => m[0]);
  for (const run of runs) {
    const chars = Array.from(run);
    if (!CJK.test(run[0]) || chars.length <= MAX_GRAM) {
      terms.add(run);
      continue;
    }
    if (chars.length <= MAX_PHRASE) {
      prefixes.add(run);
      continue;
    }
    // overlapping pieces narrow better than a bare cover; a few suffice
    const starts = chars.length - MAX_PHRASE + 1;
    const step = Math.max(1, Math.ceil(starts / 6));
    for (let i = 0; i < starts; i += step) prefixes.add(chars.slice(i, i + MAX_PHRASE).join(''));
    prefixes.add(chars.slice(chars.length - MAX_PHRASE).join(''));
  }
  const single = runs.length === 1 && runs[0] === lower;
  return {
    terms: [...terms],
    prefixes: [...prefixes],
    exact: single && (Array.from(lower).length <= MAX_PHRASE || !CJK.test(lower[0])),
  };
}

/** tsvector literal of distinct lexemes, each quoted (the tokenizer yields no quotes or backslashes). */
export function tsvectorLiteral(terms: string[]): string {
  return terms.map((t) => `'${t}'`).join(' ');
}

export function findingCounts(findings: Finding[]): { error_count: number; warning_count: number; info_count: number } {
  let error_count = 0;
  let warning_count = 0;
  let info_count = 0;
  for (const f of findings) {
    if (f.severity === 'error') error_count++;
    else if (f.severity === 'warning') warning_count++;
    else info_count++;
  }
  return { error_count, warning_count, info_count };
}

export function regionOf(doc: Disclosure, text = searchText(doc)): string {
  // central departments are named 国家… / 中央… / 中华人民共和国…; elsewhere those words are common prose
  if (/^(国家|中央|中华人民共和国)/.test(doc.unit.name)) return '中央';
  const region = detectRegion([doc.unit.name, doc.title.text, ...doc.unit.mentions.map((m) => m.name), text]);
  return region === UNKNOWN_REGION ? (leadingPlace(doc.unit.name) ?? region) : region;
}

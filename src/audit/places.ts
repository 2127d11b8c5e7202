// Pages for findings: every place a rule reports by line is given the page (and box) the model read it from, so a
// finding on a PDF names a page a person can open instead of a line of the reader's internal rendering.
import type { Disclosure, Place } from '../model/schema.js';
import type { Finding, FindingPlace } from './types.js';

export interface PageIndex {
  /** the page and box of each line of the source that some node of the model was read from */
  exact: Map<number, { page: number; box?: Place['box'] }>;
  /** lines known, ascending: a line between two known lines is on the page of the one before it */
  lines: number[];
}

function isPlace(v: unknown): v is Place {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Place).line === 'number' &&
    typeof (v as Place).page === 'number'
  );
}

/** Every place in the model that carries a page (only models read from a PDF have any). */
export function pageIndex(doc: Disclosure): PageIndex {
  const exact = new Map<number, { page: number; box?: Place['box'] }>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    if (isPlace(v)) {
      const known = exact.get(v.line);
      // a row's place carries the box of its whole line; prefer a place with a box
      if (!known || (!known.box && v.box)) exact.set(v.line, { page: v.page!, ...(v.box ? { box: v.box } : {}) });
      return;
    }
    // for…in over own enumerable keys: no array of values made for each of the model's many small objects
    for (const k in v)
      if (Object.hasOwn(v, k)) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object' && x !== null) visit(x);
      }
  };
  visit(doc);
  return { exact, lines: [...exact.keys()].sort((a, b) => a - b) };
}

function pageOfLine(index: PageIndex, line: number): { page: number; box?: Place['box'] } | undefined {
  const hit = index.exact.get(line);
  if (hit) return hit;
  let lo = 0;
  let hi = index.lines.length - 1;
  let before: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.lines[mid] <= line) {
      before = index.lines[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // only the page is inferred between known lines: a box would point at another line
  return before === undefined ? undefined : { page: index.exact.get(before)!.page };
}

/** a place that names a line of the source but not yet its page */
const needsPage = (place: FindingPlace): place is FindingPlace & { line: number } =>
  place.page === undefined && place.line !== undefined;

function withPage(place: FindingPlace, index: PageIndex): FindingPlace {
  if (!needsPage(place)) return place;
  const at = pageOfLine(index, place.line);
  if (!at) return place;
  return { ...place, page: at.page, ...(at.box ? { box: at.box } : {}) };
}

/** Adds page and box to every place of the findings that has a line (no change for documents without pages). */
export function addPages(doc: Disclosure, findings: Finding[]): Finding[] {
  // the model is walked only when some place lacks its page: most findings already carry theirs
  if (!findings.some((f) => needsPage(f.location) || f.related?.some(needsPage))) return findings;
  const index = pageIndex(doc);
  if (!index.lines.length) return findings;
  return findings.map((f) => ({
    ...f,
    location: withPage(f.location, index),
    ...(f.related ? { related: f.related.map((r) => withPage(r, index)) } : {}),
  }));
}

// The empty disclosure: a model with its identity and nothing read, for builders that fill it in (the rule tester's
// fragments, an input workbook's model).
import type { Disclosure } from './schema.js';

/** A disclosure of `head` (source, kind, scope, year, title, unit) with every part, table and list empty. */
export function emptyDisclosure(
  head: Pick<Disclosure, 'source' | 'kind' | 'scope' | 'year' | 'title' | 'unit'>,
): Disclosure {
  return {
    schemaVersion: 1,
    ...head,
    toc: [],
    parts: [],
    overview: { functions: [], organisation: { internalDivisions: [] }, staff: {} },
    tables: [],
    tablesPresent: [],
    narrative: [],
    projects: [],
    threePublic: { items: [] },
    operatingCosts: {},
    procurement: {},
    assets: { vehicleCategories: [] },
    performance: { targets: [], selfEvaluations: [] },
    glossary: [],
    figures: {},
    warnings: [],
  };
}

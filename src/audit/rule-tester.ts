// Rule testing: builds a disclosure from a small model fragment (with shorthands for amounts, counts, percentages,
// cells and codes), runs one rule on it, and says whether the rule passed or failed as the case expects.
// The examples on docs/rules/<id>.md are such fragments and run through this in tests/audit/rule-docs.test.ts.
import { DisclosureSchema, type Disclosure } from '../model/schema.js';
import { emptyDisclosure as emptyModel } from '../model/empty.js';
import { makeAmount, makePercent } from '../model/money.js';
import type { MessageKey } from './messages.zh-CN.js';
import type { Report, Rule } from './types.js';

/** The empty disclosure every fragment is merged onto: a 2022 单位预算 with nothing in it. */
export function emptyDisclosure(): Disclosure {
  return emptyModel({
    source: { file: 'example.txt', format: 'text', bytes: 0 },
    kind: 'budget',
    scope: 'unit',
    year: 2022,
    title: { text: '示例单位2022年单位预算公开' },
    unit: { name: '示例单位', mentions: [], subordinateUnits: [] },
  });
}

const AMOUNT = /^-?\d+(\.\d+)?\s*(万元|元)$/;
const PERCENT = /^-?\d+(\.\d+)?%$/;
const COUNT = /^(-?\d+(?:\.\d+)?)\s*([^\d\s.]+)$/;
const TEXT_KEYS = new Set([
  'text',
  'label',
  'title',
  'name',
  'target',
  'goal',
  'result',
  'word',
  'rateWord',
  'basis',
  'project',
  'weight',
  'score',
  'totalScore',
  'totalWeight',
  'value',
  'comparator',
  'valueUnit',
  'deviationReason',
  'level1',
  'level2',
]);
const PERCENT_KEYS = new Set(['share', 'percent', 'varianceRate', 'smeShare', 'smallMicroShare', 'executionRate']);
const COUNT_KEYS = new Set([
  'overseasGroups',
  'overseasPeople',
  'vehiclesPurchased',
  'vehiclesHeld',
  'receptionBatches',
  'receptionPeople',
  'administrativeUnits',
  'institutionUnits',
  'buildingArea',
  'vehicles',
  'count',
  'equipmentOver50',
  'equipmentOver100',
  'projectCount',
  'authorized',
  'active',
  'activeChange',
  'retired',
  'retiredChange',
  'retiredBefore1949',
  'retiredBefore1949Change',
]);
/** arrays whose items carry a required place; items without one get the next line */
const PLACED_ARRAYS = new Set([
  'rows',
  'facts',
  'narrative',
  'projects',
  'targets',
  'selfEvaluations',
  'indicators',
  'items',
]);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function levelOf(system: 'function' | 'economic', code: string): 'class' | 'section' | 'item' {
  return code.length <= 3 ? 'class' : code.length <= 5 || system === 'economic' ? 'section' : 'item';
}

/**
 * Expands the shorthands of a fragment: "12.5万元" → Amount, "5.59%" → Percent (under share/percent/… keys),
 * "12辆" → Count (under count keys), cells as {column: "1.00万元"}, a row's "code" → classification (3xx/5xx economic),
 * defaults for required fields, and a line for every placed item that has none.
 */
export function expandFragment(fragment: Json): Json {
  let line = 100;
  const walk = (value: Json, key: string, path: string[]): Json => {
    if (typeof value === 'string') {
      if (PERCENT_KEYS.has(key) && PERCENT.test(value)) return makePercent(value);
      if ((COUNT_KEYS.has(key) || (key === 'actual' && path.includes('staff'))) && COUNT.test(value)) {
        const m = value.match(COUNT)!;
        return { value: Number(m[1]), unit: m[2], text: value };
      }
      const textKey = TEXT_KEYS.has(key) && !(key === 'value' && path.includes('vehicleCategories'));
      if (!textKey && !(key === 'actual' && !path.includes('staff')) && AMOUNT.test(value)) {
        const m = value.match(AMOUNT)!;
        return makeAmount(value.replace(/\s*(万元|元)$/, ''), m[2] as '万元' | '元');
      }
      return value;
    }
    if (Array.isArray(value)) {
      return value.map((item) => {
        const expanded = walk(item, key, [...path, key]);
        if (
          PLACED_ARRAYS.has(key) &&
          expanded &&
          typeof expanded === 'object' &&
          !Array.isArray(expanded) &&
          !('at' in expanded)
        ) {
          expanded.at = { line: line++, column: 1 };
        }
        return expanded;
      });
    }
    if (value && typeof value === 'object') {
      const out: { [k: string]: Json } = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'cells' && v && typeof v === 'object' && !Array.isArray(v)) {
          out.cells = Object.entries(v).map(([column, a]) => ({
            column,
            amount:
              typeof a === 'string' && a !== ''
                ? (makeAmount(
                    a.replace(/\s*(万元|元)$/, ''),
                    /元$/.test(a) && !/万元$/.test(a) ? '元' : '万元',
                  ) as unknown as Json)
                : null,
          }));
          continue;
        }
        if (k === 'code' && key === 'rows' && typeof v === 'string') {
          const system = /^[35]/.test(v) ? 'economic' : 'function';
          out.classification = { system, code: v, level: levelOf(system, v) };
          continue;
        }
        out[k] = walk(v, k, [...path, key]);
      }
      applyDefaults(out, key);
      return out;
    }
    return value;
  };
  return walk(fragment, '', []);
}

function applyDefaults(obj: { [k: string]: Json }, key: string): void {
  if (key === 'tables') {
    obj.status ??= 'present';
    obj.title ??= '';
    obj.columns ??= [];
    obj.rows ??= [];
  } else if (key === 'rows') {
    obj.kind ??= 'leaf';
    obj.label ??= '';
    obj.cells ??= [];
  } else if (key === 'narrative') {
    obj.number ??= '一';
    obj.title ??= '';
    obj.topic ??= 'other';
    obj.facts ??= [];
    obj.paragraphs ??= [];
  } else if (key === 'facts' || key === 'items' || (key === 'fact' && obj.subject)) {
    obj.label ??= '';
    obj.text ??= typeof obj.label === 'string' ? obj.label : '';
    obj.subject ??= { kind: 'other' };
  } else if (key === 'targets' || key === 'selfEvaluations') {
    obj.indicators ??= [];
    if (key === 'selfEvaluations') obj.funds ??= [];
  } else if (key === 'indicators') {
    obj.level1 ??= '';
    obj.level2 ??= '';
    obj.name ??= '';
    obj.target ??= '';
  }
  if (key === 'fact' && obj.subject && !('at' in obj)) obj.at = { line: 900, column: 1 };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(base[k]) ? merge(base[k], v) : v;
  return out;
}

/** A complete, schema-valid disclosure from a fragment (throws with zod's message when the fragment is not a model). */
export function disclosureFrom(fragment: object): Disclosure {
  const expanded = expandFragment(fragment as Json) as Record<string, unknown>;
  const doc = merge(emptyDisclosure(), expanded);
  return DisclosureSchema.parse(doc);
}

/** Runs one rule and returns what it reported (with message keys, before severities and wording are applied). */
export function runRule(rule: Rule, doc: Disclosure): Report[] {
  const reports: Report[] = [];
  rule.check({ doc, report: (r) => reports.push(r) });
  return reports;
}

export interface RuleCase {
  name?: string;
  /** a fragment (expanded by disclosureFrom) or a complete disclosure */
  doc: object;
  /** invalid cases: the message keys expected, in any order (omit to require at least one report) */
  messages?: MessageKey[];
}

export interface CaseResult {
  ok: boolean;
  problem?: string;
  reports: Report[];
}

/** A valid case must produce no report; an invalid one must produce at least one, with the expected message keys. */
export function checkCase(rule: Rule, c: RuleCase, expect: 'valid' | 'invalid'): CaseResult {
  const doc = 'schemaVersion' in c.doc ? DisclosureSchema.parse(c.doc) : disclosureFrom(c.doc);
  const reports = runRule(rule, doc);
  for (const r of reports) {
    if (!rule.meta.messages.includes(r.messageId))
      return { ok: false, problem: `rule reported undeclared message ${r.messageId}`, reports };
  }
  if (expect === 'valid') {
    return reports.length === 0
      ? { ok: true, reports }
      : {
          ok: false,
          problem: `expected no findings, got: ${reports.map((r) => `${r.messageId} ${JSON.stringify(r.data ?? {})}`).join('; ')}`,
          reports,
        };
  }
  if (reports.length === 0) return { ok: false, problem: 'expected findings, got none', reports };
  if (c.messages) {
    const got = reports.map((r) => r.messageId).sort();
    const want = [...c.messages].sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      return { ok: false, problem: `expected messages ${want.join(', ')}, got ${got.join(', ')}`, reports };
  }
  return { ok: true, reports };
}

/**
 * ESLint-style: runs valid and invalid cases of one rule and returns the problems (empty when every case behaves).
 * Tests assert `expect(testRule(rule, cases)).toEqual([])`.
 */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: RuleCase[] }): string[] {
  const problems: string[] = [];
  const run = (c: RuleCase, expect: 'valid' | 'invalid', i: number) => {
    try {
      const r = checkCase(rule, c, expect);
      if (!r.ok) problems.push(`${rule.meta.id} ${expect} #${i + 1}${c.name ? ` (${c.name})` : ''}: ${r.problem}`);
    } catch (err) {
      problems.push(
        `${rule.meta.id} ${expect} #${i + 1}${c.name ? ` (${c.name})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
  cases.valid.forEach((c, i) => run(c, 'valid', i));
  cases.invalid.forEach((c, i) => run(c, 'invalid', i));
  return problems;
}

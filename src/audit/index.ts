// The auditor: runs the rule catalogue over a disclosure and returns findings (the portal, the writer and the CLI call this).
import type { Disclosure } from '../model/schema.js';
import { applyReadingDoubts } from './doubts.js';
import { groupByCause } from './grouping.js';
import { formatMessage, renderReportMessage } from './messages.zh-CN.js';
import { addPages } from './places.js';
import { readingConfidence, type TableReading } from './reading-confidence.js';
import { RULES } from './rules/index.js';
import { rememberReadings } from './rules/classification-support.js';
import { startAudit } from './support.js';
import type { Finding, Rule, Severity } from './types.js';

export type { Finding, FindingPlace, FoldedFinding, Rule, RuleMeta, Severity, RuleCategory } from './types.js';
export { RULES } from './rules/index.js';
export { READING_DOUBT } from './doubts.js';

export type RuleSetting = 'off' | Severity;

export interface AuditOptions {
  /** turn rules off or re-grade them: { "required-tables": "warning", "template-residue": "off" } */
  rules?: Record<string, RuleSetting>;
  /** run only these rule ids */
  only?: string[];
  /** the rule set to run (tests); defaults to the catalogue */
  ruleSet?: readonly Rule[];
  /** hold back findings that rest on uncertain readings as reading doubts (default true; src/audit/doubts.ts) */
  readingDoubts?: boolean;
  /** fold findings of one cause into one (default true; src/audit/grouping.ts) */
  groupCauses?: boolean;
}

export interface AuditResult {
  findings: Finding[];
  /** the reading self-check of each table the findings were judged with (src/audit/reading-confidence.ts) */
  readingConfidence: TableReading[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class UnknownRuleError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown rule id: ${ids.join(', ')}`);
    this.name = 'UnknownRuleError';
  }
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/**
 * Runs the rules and returns their findings, errors first, then by line. A rule that throws becomes one finding.
 * Every place is given its PDF page; findings resting on a figure not read with certainty become one reading doubt
 * per table (读取存疑, a warning); findings of one cause are folded into one.
 */
export function audit(doc: Disclosure, options: AuditOptions = {}): Finding[] {
  return auditDocument(doc, options).findings;
}

/** audit(), with the reading self-check it judged the figures by (the CLI reports both). */
export function auditDocument(doc: Disclosure, options: AuditOptions = {}): AuditResult {
  // the self-check first: the rules ask for it too (classification-support.ts readingOf)
  startAudit(doc);
  const tables = readingConfidence(doc);
  rememberReadings(doc, tables);
  const raw = runRules(doc, options);
  let findings = addPages(doc, raw);
  if (options.readingDoubts !== false)
    findings = applyReadingDoubts(doc, findings, tables, { onlyHolding: Boolean(options.only) });
  if (options.groupCauses !== false) {
    const ruleSet = options.ruleSet ?? RULES;
    findings = groupByCause(findings, (id) => ruleSet.find((r) => r.meta.id === id)?.meta.category);
  }
  return { findings: sortFindings(findings), readingConfidence: tables };
}

function runRules(doc: Disclosure, options: AuditOptions): Finding[] {
  const ruleSet = options.ruleSet ?? RULES;
  const known = new Set(ruleSet.map((r) => r.meta.id));
  const unknown = [...Object.keys(options.rules ?? {}), ...(options.only ?? [])].filter((id) => !known.has(id));
  if (unknown.length) throw new UnknownRuleError(unknown);
  const findings: Finding[] = [];
  for (const rule of ruleSet) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    const setting = options.rules?.[id];
    if (setting === 'off') continue;
    // the parts and tables of a full disclosure are not asked of a form published on its own (部门整体绩效目标申报表)
    if (doc.form && rule.meta.category === 'completeness') continue;
    const severity: Severity = setting ?? rule.meta.severity;
    const report = (r: Parameters<Parameters<Rule['check']>[0]['report']>[0]) => {
      const f: Finding = {
        rule: id,
        severity: r.severity && SEVERITY_ORDER[r.severity] > SEVERITY_ORDER[severity] ? r.severity : severity,
        message: renderReportMessage(r.messageId, r.data),
        location: clean(r.location),
      };
      if (r.related?.length) f.related = r.related.map(clean);
      if (r.expected !== undefined) f.expected = r.expected;
      if (r.actual !== undefined) f.actual = r.actual;
      if (r.tolerance !== undefined) f.tolerance = r.tolerance;
      findings.push(f);
    };
    try {
      rule.check({ doc, report });
    } catch (err) {
      findings.push({
        rule: id,
        severity: 'warning',
        message: formatMessage('ruleFailed', { error: err instanceof Error ? err.message : String(err) }),
        location: {},
      });
    }
  }
  return findings;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Drops undefined fields so JSON output stays small and stable. */
function clean<T extends object>(place: T): T {
  return Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined && v !== '')) as T;
}

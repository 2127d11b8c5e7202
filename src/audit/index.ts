// The auditor: runs the rule catalogue over a disclosure and returns findings (the portal, the writer and the CLI call this).
import type { Disclosure } from '../model/schema.js';
import { formatMessage } from './messages.zh-CN.js';
import { RULES } from './rules/index.js';
import type { Finding, Rule, Severity } from './types.js';

export type { Finding, FindingPlace, Rule, RuleMeta, Severity, RuleCategory } from './types.js';
export { RULES } from './rules/index.js';

export type RuleSetting = 'off' | Severity;

export interface AuditOptions {
  /** turn rules off or re-grade them: { "required-tables": "warning", "template-residue": "off" } */
  rules?: Record<string, RuleSetting>;
  /** run only these rule ids */
  only?: string[];
  /** the rule set to run (tests); defaults to the catalogue */
  ruleSet?: readonly Rule[];
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

/** Runs the rules and returns their findings, errors first, then by line. A rule that throws becomes one finding. */
export function audit(doc: Disclosure, options: AuditOptions = {}): Finding[] {
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
      const f: Finding = { rule: id, severity, message: formatMessage(r.messageId, r.data), location: clean(r.location) };
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
  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.location.line ?? 0) - (b.location.line ?? 0) || a.rule.localeCompare(b.rule),
  );
}

/** Drops undefined fields so JSON output stays small and stable. */
function clean<T extends object>(place: T): T {
  return Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined && v !== '')) as T;
}

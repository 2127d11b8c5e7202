// The auditor's vocabulary: findings, rules and the context a rule checks a disclosure through.
import type { Disclosure } from '../model/schema.js';
import type { MessageKey } from './messages.zh-CN.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where something was found or what it was compared with. */
export interface FindingPlace {
  section?: string;
  table?: string;
  row?: string;
  line?: number;
  column?: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location: FindingPlace;
  related?: FindingPlace[];
  expected?: string;
  actual?: string;
  /** the rounding allowance applied, printed in the compared figures' unit ("0.015 万元", "0.005%") */
  tolerance?: string;
}

export type RuleCategory = 'completeness' | 'arithmetic' | 'cross-table' | 'narrative' | 'names';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  docs: { description: string };
  /** the message-table keys this rule may report with */
  messages: readonly MessageKey[];
}

/** What a rule reports; the auditor adds rule id, severity and the rendered message. */
export interface Report {
  messageId: MessageKey;
  /** placeholder values for the message ({expected}, {actual} and any others) */
  data?: Record<string, string | number>;
  location: FindingPlace;
  related?: FindingPlace[];
  expected?: string;
  actual?: string;
  tolerance?: string;
}

export interface RuleContext {
  doc: Disclosure;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

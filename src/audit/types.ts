// The auditor's vocabulary: findings, rules and the context a rule checks a disclosure through.
import type { Disclosure, TableId } from '../model/schema.js';
import type { MessageKey } from './messages.zh-CN.js';

import type { Severity } from '../catalog/words.js';

export type { Severity };

/**
 * Where something was found or what it was compared with. The node fields (tableId, rowIndex, rowCode, columnKey)
 * say which part of the model it is, so a reader of the findings (the store, the portal) finds that node by identity;
 * the words (table, row, section) are for people reading a report and are never used to find anything.
 */
export interface FindingPlace {
  /** the table of the model, by its catalogue id (catalog/tables.ts) */
  tableId?: TableId;
  /** the row: its index in the table's rows (the store's facts.row_no) and its code (classification code, fixed-row
   *  key or organisation code: the store's facts.row_code) */
  rowIndex?: number;
  rowCode?: string;
  /** the column of the row's cell, by key (Cell.column, the store's facts.column_key) */
  columnKey?: string;
  section?: string;
  /** the table's printed name, for reading */
  table?: string;
  /** the row's printed code and label, for reading */
  row?: string;
  /** the place in the source: the line in the source text the model was read from (for a PDF an internal rendering: reports show the page) */
  line?: number;
  column?: number;
  /** the PDF page, and the box [x0, y0, x1, y1] of the row or text on it (src/audit/places.ts) */
  page?: number;
  box?: [number, number, number, number];
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
  /** the findings folded into this one: the same cause found by other checks, or the checks a reading doubt holds back */
  also?: FoldedFinding[];
}

export interface FoldedFinding {
  rule: string;
  severity: Severity;
  message: string;
  location: FindingPlace;
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
  /**
   * a lower severity than the rule's for this one report, never a higher one (a configured lower severity wins): a
   * legitimate template style the rule still notes, e.g. a 三公 change stated on the total only
   */
  severity?: Severity;
}

export interface RuleContext {
  doc: Disclosure;
  /** a plain function (rules destructure it from the context) */
  report: (r: Report) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

// The words a disclosure and its findings are named with, declared once: 预算/决算 (kind), 部门/单位 (scope) and the
// severity words of findings. Readers, the auditor, the writers, the store's pages and the CLI all print these.
import type { DocumentKind, DocumentScope } from '../model/schema.js';

export const KIND_WORD: Readonly<Record<DocumentKind, '预算' | '决算'>> = { budget: '预算', final_account: '决算' };
export const SCOPE_WORD: Readonly<Record<DocumentScope, '部门' | '单位'>> = { department: '部门', unit: '单位' };

/** How sure a finding is: an error in the document, a warning worth a look, a note. */
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_WORD: Readonly<Record<Severity, '错误' | '警告' | '提示'>> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export type KindWord = (typeof KIND_WORD)[DocumentKind];
export type ScopeWord = (typeof SCOPE_WORD)[DocumentScope];

/** The kind a word names (预算 → budget), or undefined for any other word. */
export function kindOfWord(word: string): DocumentKind | undefined {
  return (Object.keys(KIND_WORD) as DocumentKind[]).find((k) => KIND_WORD[k] === word);
}

/** The scope a word names (部门 → department), or undefined for any other word. */
export function scopeOfWord(word: string): DocumentScope | undefined {
  return (Object.keys(SCOPE_WORD) as DocumentScope[]).find((s) => SCOPE_WORD[s] === word);
}

/** The other kind's word (a budget's is 决算), as rules look for the wrong word in a heading. */
export function otherKindWord(kind: DocumentKind): KindWord {
  return KIND_WORD[kind === 'budget' ? 'final_account' : 'budget'];
}

export function otherScopeWord(scope: DocumentScope): ScopeWord {
  return SCOPE_WORD[scope === 'unit' ? 'department' : 'unit'];
}

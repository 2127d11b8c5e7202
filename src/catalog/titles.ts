// The standard titles of a disclosure's parts and explanation sections (财预〔2016〕143号 templates), declared once
// for every writer: the layout, the sample generator and the input workbook all title a document alike.
import type { DocumentKind, DocumentScope } from '../model/schema.js';
import { KIND_WORD, SCOPE_WORD } from './words.js';

/** What a title depends on. */
export interface TitleSubject {
  unit: string;
  scope: DocumentScope;
  kind: DocumentKind;
  year: number;
}

/** 第一部分 … 第四部分 */
export const PART_NUMBERS = ['一', '二', '三', '四'] as const;

/** The four parts in the standard order: a budget prints its tables second, a final account its tables last. */
export function standardPartTitles({ unit: u, scope, kind, year: y }: TitleSubject): string[] {
  const s = SCOPE_WORD[scope];
  const k = KIND_WORD[kind];
  return kind === 'budget'
    ? [`${u}${s}概况`, `${y}年${s}${k}公开表`, `${y}年${s}${k}情况说明`, '名词解释']
    : [`${u}${s}概况`, `${y}年度${s}${k}情况说明`, '名词解释', `${y}年度${s}${k}报表`];
}

/** The document's own title. */
export function standardDocumentTitle({ unit: u, scope, kind, year: y }: TitleSubject): string {
  return kind === 'budget' ? `${u}${y}年${SCOPE_WORD[scope]}预算公开` : `${u}${y}年度${SCOPE_WORD[scope]}决算公开说明`;
}

/** The explanation sections' topics (NarrativeSection.topic) in the standard order. */
export const SECTION_TOPICS = [
  'summary',
  'income',
  'expenditure',
  'fiscal',
  'generalBudget',
  'basic',
  'project',
  'threePublic',
  'governmentFund',
  'stateCapital',
  'other',
] as const;
export type SectionTopic = (typeof SECTION_TOPICS)[number];

/** The short name of each topic (the input workbook's 变动原因 sheet). */
export const SECTION_TOPIC_NAMES: Readonly<Record<SectionTopic, string>> = {
  summary: '总体情况',
  income: '收入',
  expenditure: '支出',
  fiscal: '财政拨款收支',
  generalBudget: '一般公共预算',
  basic: '基本支出',
  project: '项目支出',
  threePublic: '三公经费',
  governmentFund: '政府性基金',
  stateCapital: '国有资本经营',
  other: '其他重要事项',
};

/** The standard title of an explanation section; an unknown topic is its own title. */
export function standardSectionTitle({ unit: u, scope, kind, year: y }: TitleSubject, topic: string): string {
  const s = SCOPE_WORD[scope];
  const budget: Record<SectionTopic, string> = {
    summary: `关于${u}${s}${y}年收支预算情况的总体说明`,
    income: `关于${u}${s}${y}年收入预算情况说明`,
    expenditure: `关于${u}${s}${y}年支出预算情况说明`,
    fiscal: `关于${u}${s}${y}年财政拨款收支预算情况的总体说明`,
    generalBudget: `关于${u}${s}${y}年一般公共预算当年拨款情况说明`,
    basic: `关于${u}${s}${y}年一般公共预算基本支出情况说明`,
    project: `关于${u}${s}${y}年一般公共预算项目支出情况说明`,
    threePublic: `关于${u}${s}${y}年一般公共预算“三公”经费预算情况说明`,
    governmentFund: `关于${u}${s}${y}年政府性基金预算拨款情况说明`,
    stateCapital: `关于${u}${s}${y}年国有资本经营预算拨款情况说明`,
    other: '其他重要事项的情况说明',
  };
  const final: Record<SectionTopic, string> = {
    summary: '收入支出决算总体情况说明',
    income: '收入决算情况说明',
    expenditure: '支出决算情况说明',
    fiscal: '财政拨款收入支出决算总体情况说明',
    generalBudget: '一般公共预算财政拨款支出决算情况说明',
    basic: '一般公共预算财政拨款基本支出决算情况说明',
    project: '一般公共预算财政拨款项目支出决算情况说明',
    threePublic: '财政拨款“三公”经费支出决算情况说明',
    governmentFund: '政府性基金预算财政拨款收入支出决算情况说明',
    stateCapital: '国有资本经营预算财政拨款收入支出决算情况说明',
    other: '其他重要事项的情况说明',
  };
  return (kind === 'budget' ? budget : final)[topic as SectionTopic] ?? topic;
}

/** The subject of a model's titles. */
export function titleSubject(doc: {
  unit: { name: string };
  scope: DocumentScope;
  kind: DocumentKind;
  year: number;
}): TitleSubject {
  return { unit: doc.unit.name, scope: doc.scope, kind: doc.kind, year: doc.year };
}

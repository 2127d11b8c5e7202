// Sample generator: realistic, internally consistent 预算/决算 disclosures for fictitious units, as the model.
// Every figure is an integer of 0.01 万元 generated once at the leaves; totals, shares, changes and rates are derived
// exactly, so every identity the auditor checks holds by construction.
import { PART_NUMBERS, standardDocumentTitle, standardPartTitles, standardSectionTitle } from '../catalog/titles.js';
import { SCOPE_WORD } from '../catalog/words.js';
import { THREE_PUBLIC_NAME } from '../catalog/three-public.js';
import type {
  Disclosure,
  DocumentKind,
  DocumentScope,
  Fact,
  Indicator,
  NarrativeSection,
  PerformanceTarget,
  SelfEvaluation,
  Subject,
  Table,
  TableColumn,
  TableId,
  TableRow,
} from '../model/schema.js';
import { functionEntries } from '../catalog/codes.js';
import { ECONOMIC_CLASS_COLUMNS, INCOME_SOURCE_COLUMNS, standardTableIds, tableTemplate } from '../catalog/tables.js';
import { amount, percent, roundDiv, shareMinor } from './numbers.js';
import { Random } from './random.js';
import {
  DUTIES,
  ECONOMIC_CLASSES,
  FUNCTION_CLASSES,
  INDICATOR_TEMPLATES,
  OVERSEAS_SECTION,
  PERSONNEL_SECTIONS,
  PLACES,
  PUBLIC_SECTIONS,
  REASONS,
  SUBORDINATE_KINDS,
  UNIT_TYPES,
  functionName,
  type UnitType,
} from './sample-data.js';
import {
  changeClause,
  chineseNumber,
  makeChange,
  previousBasis,
  reasonClause,
  varianceMinor,
  yuan,
} from './phrases.js';
import { GLOSSARY } from './glossary.js';
import { composeParagraphs } from './layout.js';
import { computeFigures } from '../extract/figures.js';

export interface SampleOptions {
  kind: DocumentKind;
  seed: string | number;
  /** position in the series; (kind, seed, index) determines the document */
  index: number;
}

/** Generated documents have no source text; every node points at the start. */
const AT = { line: 1, column: 1 };

type Fund = 'generalBudget' | 'governmentFund' | 'businessIncome' | 'otherIncome';

/** One 项 of spending under one fund. */
interface Line {
  code: string;
  fund: Fund;
  basic: number;
  project: number;
}

interface ProjectPlan {
  name: string;
  code: string;
  fund: Fund;
  amount: number;
  /** economic class code → amount */
  economic: Record<string, number>;
  unit: string;
}

interface EconomicLine {
  code: string;
  name: string;
  personnel: number;
  public: number;
}

interface Plan {
  rng: Random;
  kind: DocumentKind;
  scope: DocumentScope;
  year: number;
  type: UnitType;
  unitName: string;
  unitCode: string;
  subordinates: Array<{ name: string; code: string; institution: boolean }>;
  lines: Line[];
  projects: ProjectPlan[];
  economic: EconomicLine[];
  threePublic: { overseas: number; vehiclePurchase: number; vehicleOperation: number; reception: number };
  staff: { authorized: number; active: number; retired: number; retiredBefore1949: number };
  scopeWord: string;
  previousFigures: Map<string, number>;
}

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

function functionNames(code: string, year: number): [string, string, string] {
  return [functionName(code.slice(0, 3), year), functionName(code.slice(0, 5), year), functionName(code, year)];
}

/** The 类 a two-sided table lists: the year's edition of the catalogue, else our own list. */
const classLists = new Map<number, Array<[string, string]>>();
function classList(year: number): Array<[string, string]> {
  let list = classLists.get(year);
  if (!list) {
    const fromCatalogue = functionEntries(year)
      .filter((e) => e.level === 'class')
      .map((e) => [e.code, e.name] as [string, string]);
    list = fromCatalogue.length ? fromCatalogue : FUNCTION_CLASSES;
    classLists.set(year, list);
  }
  return list;
}

/** A round-ish amount in minor units between lo and hi 万元 (budgets are often whole 万元). */
function money(rng: Random, lo: number, hi: number): number {
  const wanValue = lo + rng.next() * (hi - lo);
  if (rng.chance(0.4)) return Math.max(100, Math.round(wanValue) * 100);
  return Math.max(1, Math.round(wanValue * 100));
}

function plan(options: SampleOptions): Plan {
  const rng = new Random(`${options.kind}:${options.seed}:${options.index}`);
  const type = rng.pick(UNIT_TYPES);
  const place = rng.pick(PLACES);
  const scope: DocumentScope = rng.chance(0.45) ? 'department' : 'unit';
  const unitName = `${place}${type.name}`;
  const unitCode = String(rng.int(100, 899));
  const subordinates: Plan['subordinates'] = [];
  if (scope === 'department') {
    const kinds = rng.sample(SUBORDINATE_KINDS, rng.int(1, 4));
    kinds.forEach((k, i) =>
      subordinates.push({
        name: `${place}${type.work}${k}`,
        code: `${unitCode}${String(i + 2).padStart(3, '0')}`,
        institution: true,
      }),
    );
  }
  const active = rng.int(8, scope === 'department' ? 220 : 80);
  const retired = rng.chance(0.2) ? 0 : rng.int(1, Math.max(1, Math.floor(active / 2)));
  const retiredBefore1949 = rng.chance(0.9) ? 0 : rng.int(1, 2);
  const authorized = Math.max(active, active + rng.int(-3, 12));
  const staff = { authorized, active, retired, retiredBefore1949 };

  // basic expenditure of the general budget: personnel from headcount, public funds a fraction of it
  // minor units of 0.01 万元: 12–24 万元 per person in post, 2–6 万元 per retired person
  const personnelTotal = active * rng.int(1200, 2400) + retired * rng.int(200, 600) + rng.int(0, 99);
  const publicTotal = roundDiv(personnelTotal * rng.int(8, 25), 100);
  const hasOverseas = rng.chance(0.12);
  const publicSections = hasOverseas
    ? [...PUBLIC_SECTIONS, [OVERSEAS_SECTION[0], OVERSEAS_SECTION[1], 3] as [string, string, number]]
    : PUBLIC_SECTIONS;
  const personnelSections = retired > 0 ? PERSONNEL_SECTIONS : PERSONNEL_SECTIONS.filter(([c]) => c !== '30302');
  const personnelParts = rng.split(
    personnelTotal,
    personnelSections.map(([, , w]) => w),
  );
  const publicParts = rng.split(
    publicTotal,
    publicSections.map(([, , w]) => w),
  );
  const economic: EconomicLine[] = [
    ...personnelSections.map(([code, name], i) => ({ code, name, personnel: personnelParts[i], public: 0 })),
    ...publicSections.map(([code, name], i) => ({ code, name, personnel: 0, public: publicParts[i] })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const econ = (code: string): number => economic.find((e) => e.code === code)?.public ?? 0;

  // the general-budget basic spending by 项
  const basicTotal = personnelTotal + publicTotal;
  const institution = subordinates.length > 0 && type.institutionItem && type.institutionItem !== type.adminItem;
  const basicItems: Array<[string, number]> = [[type.adminItem, 70]];
  if (institution) basicItems.push([type.institutionItem!, 18]);
  basicItems.push(['2080505', 8], ['2080506', 4]);
  if (retired > 0) basicItems.push(['2080501', 3]);
  basicItems.push(['2101101', 4], ['2101103', 1]);
  if (institution) basicItems.push(['2101102', 2]);
  basicItems.push(['2210201', 8]);
  const basicParts = rng.split(
    basicTotal,
    basicItems.map(([, w]) => w),
  );
  const lines: Line[] = basicItems.map(([code], i) => ({
    code,
    fund: 'generalBudget',
    basic: basicParts[i],
    project: 0,
  }));

  // projects of the general budget
  const projects: ProjectPlan[] = [];
  const names = rng.sample(type.projects, rng.int(1, Math.min(5, type.projects.length)));
  const unitsForProjects = [unitName, ...subordinates.map((s) => s.name)];
  for (const name of names) {
    const code = rng.pick([...type.projectItems, type.projectItems[0]]);
    const amt = money(rng, 3, Math.max(20, personnelTotal / 100 / 3));
    const capital = /购置|设备|建设/.test(name) ? roundDiv(amt * rng.int(40, 90), 100) : 0;
    const transfer = /补助|补贴/.test(name) ? amt - capital : 0;
    const goods = amt - capital - transfer;
    const economicSplit: Record<string, number> = {};
    if (goods) economicSplit['302'] = goods;
    if (capital) economicSplit['310'] = capital;
    if (transfer) economicSplit['303'] = transfer;
    projects.push({
      name,
      code,
      fund: 'generalBudget',
      amount: amt,
      economic: economicSplit,
      unit: rng.pick(unitsForProjects),
    });
  }
  let vehiclePurchase = 0;
  if (rng.chance(0.15)) {
    vehiclePurchase = rng.int(10, 30) * 100;
    projects.push({
      name: '公务用车购置经费',
      code: type.projectItems[0],
      fund: 'generalBudget',
      amount: vehiclePurchase,
      economic: { '310': vehiclePurchase },
      unit: unitName,
    });
  }
  // government fund and non-fiscal income
  if (type.fundItem && rng.chance(0.45)) {
    const amt = money(rng, 20, 800);
    projects.push({
      name: `${type.work}专项基金项目`,
      code: type.fundItem,
      fund: 'governmentFund',
      amount: amt,
      economic: { '310': amt },
      unit: unitName,
    });
  }
  for (const p of projects) {
    const line = lines.find((l) => l.code === p.code && l.fund === p.fund);
    if (line) line.project += p.amount;
    else lines.push({ code: p.code, fund: p.fund, basic: 0, project: p.amount });
  }
  if (institution && rng.chance(0.5))
    lines.push({ code: type.institutionItem!, fund: 'businessIncome', basic: money(rng, 5, 120), project: 0 });
  if (rng.chance(0.15)) lines.push({ code: type.adminItem, fund: 'otherIncome', basic: money(rng, 1, 30), project: 0 });

  return {
    rng,
    kind: options.kind,
    scope,
    year: rng.int(2020, 2025),
    type,
    unitName,
    unitCode,
    subordinates,
    lines,
    projects,
    economic,
    threePublic: {
      overseas: econ(OVERSEAS_SECTION[0]),
      vehiclePurchase,
      vehicleOperation: econ('30231'),
      reception: econ('30217'),
    },
    staff,
    scopeWord: SCOPE_WORD[scope],
    previousFigures: new Map(),
  };
}

// ── tables ──────────────────────────────────────────────────────────────────────────────────────────────

type Values = Record<string, number>;

/** Cells of a row; zero cells are left blank (omitted) as most templates print them, except in total rows. */
function cells(columns: string[], values: Values, keepZero = false): TableRow['cells'] {
  const out: TableRow['cells'] = [];
  for (const column of columns) {
    const v = values[column] ?? 0;
    if (v !== 0 || keepZero) out.push({ column, amount: amount(v) });
  }
  return out;
}

function addInto(target: Values, values: Values): void {
  for (const k in values) target[k] = (target[k] ?? 0) + values[k];
}

/** 类/款/项 rows (function) from leaf values by 7-digit code, with the 合计 row first. */
function functionRows(year: number, leaves: Map<string, Values>, columns: string[], totalLabel = '合计'): TableRow[] {
  const codes = [...leaves.keys()].sort();
  const total: Values = {};
  const rows: TableRow[] = [];
  const classes = [...new Set(codes.map((c) => c.slice(0, 3)))];
  for (const cls of classes) {
    const clsValues: Values = {};
    const clsRows: TableRow[] = [];
    for (const sec of [...new Set(codes.filter((c) => c.startsWith(cls)).map((c) => c.slice(0, 5)))]) {
      const secValues: Values = {};
      const itemRows: TableRow[] = [];
      for (const item of codes.filter((c) => c.startsWith(sec))) {
        const v = leaves.get(item)!;
        addInto(secValues, v);
        itemRows.push({
          kind: 'leaf',
          label: functionName(item, year),
          classification: { system: 'function', code: item, level: 'item' },
          cells: cells(columns, v),
          at: AT,
        });
      }
      addInto(clsValues, secValues);
      clsRows.push(
        {
          kind: 'subtotal',
          label: functionName(sec, year),
          classification: { system: 'function', code: sec, level: 'section' },
          cells: cells(columns, secValues),
          at: AT,
        },
        ...itemRows,
      );
    }
    addInto(total, clsValues);
    rows.push(
      {
        kind: 'subtotal',
        label: functionName(cls, year),
        classification: { system: 'function', code: cls, level: 'class' },
        cells: cells(columns, clsValues),
        at: AT,
      },
      ...clsRows,
    );
  }
  return [{ kind: 'total', label: totalLabel, key: 'total', cells: cells(columns, total, true), at: AT }, ...rows];
}

function column(key: string, label: string, side?: 'income' | 'expenditure'): TableColumn {
  return side ? { key, label, side } : { key, label };
}

function templateColumns(id: TableId): TableColumn[] {
  return tableTemplate(id).columns.map((c) => column(c.key, c.label, c.side));
}

interface Totals {
  /** by 7-digit code: all funds */
  byItem: Map<string, { total: number; basic: number; project: number; funds: Record<Fund, number> }>;
  fund: Record<Fund, number>;
  basic: number;
  project: number;
  total: number;
  gbBasic: number;
  gbProject: number;
  gb: number;
  gf: number;
  nonFiscal: number;
  personnel: number;
  public: number;
  classAll: Map<string, number>;
  classFund: Map<string, Record<Fund, number>>;
}

/** The expenditure side of a 财政拨款 summary (budget and final account alike): each 类 of the year's list with
 *  its general-budget and government-fund amounts. */
function fiscalClassRows(year: number, t: Totals, cols: string[]): TableRow[] {
  return classList(year).map(([code, name]) => {
    const cf = t.classFund.get(code);
    const gb = cf?.generalBudget ?? 0,
      gf = cf?.governmentFund ?? 0;
    return {
      kind: 'leaf' as const,
      side: 'expenditure' as const,
      label: name,
      classification: { system: 'function' as const, code, level: 'class' as const },
      cells: cells(cols, { total: gb + gf, generalBudget: gb, governmentFund: gf }),
      at: AT,
    };
  });
}

function totals(p: Plan): Totals {
  const byItem: Totals['byItem'] = new Map();
  const fund: Record<Fund, number> = { generalBudget: 0, governmentFund: 0, businessIncome: 0, otherIncome: 0 };
  const classAll = new Map<string, number>();
  const classFund = new Map<string, Record<Fund, number>>();
  let gbBasic = 0,
    gbProject = 0;
  for (const l of p.lines) {
    const t = l.basic + l.project;
    const e = byItem.get(l.code) ?? {
      total: 0,
      basic: 0,
      project: 0,
      funds: { generalBudget: 0, governmentFund: 0, businessIncome: 0, otherIncome: 0 },
    };
    e.total += t;
    e.basic += l.basic;
    e.project += l.project;
    e.funds[l.fund] += t;
    byItem.set(l.code, e);
    fund[l.fund] += t;
    const cls = l.code.slice(0, 3);
    classAll.set(cls, (classAll.get(cls) ?? 0) + t);
    const cf = classFund.get(cls) ?? { generalBudget: 0, governmentFund: 0, businessIncome: 0, otherIncome: 0 };
    cf[l.fund] += t;
    classFund.set(cls, cf);
    if (l.fund === 'generalBudget') {
      gbBasic += l.basic;
      gbProject += l.project;
    }
  }
  const basic = sum(p.lines.map((l) => l.basic));
  const project = sum(p.lines.map((l) => l.project));
  return {
    byItem,
    fund,
    basic,
    project,
    total: basic + project,
    gbBasic,
    gbProject,
    gb: fund.generalBudget,
    gf: fund.governmentFund,
    nonFiscal: fund.businessIncome + fund.otherIncome,
    personnel: sum(p.economic.map((e) => e.personnel)),
    public: sum(p.economic.map((e) => e.public)),
    classAll,
    classFund,
  };
}

function twoSidedClassRows(year: number, t: Totals, columns: string[], values: (cls: string) => Values): TableRow[] {
  return classList(year).map(([code, name]) => ({
    kind: 'leaf' as const,
    side: 'expenditure' as const,
    label: name,
    classification: { system: 'function' as const, code, level: 'class' as const },
    cells: cells(columns, t.classAll.has(code) ? values(code) : {}),
    at: AT,
  }));
}

function fixedRow(
  side: 'income' | 'expenditure',
  key: string,
  label: string,
  kind: TableRow['kind'],
  columns: string[],
  values: Values,
): TableRow {
  return { kind, side, key, label, cells: cells(columns, values, kind === 'total'), at: AT };
}

function table(
  p: Plan,
  id: TableId,
  number: number,
  columns: TableColumn[],
  rows: TableRow[],
  emptyWhat?: string,
): Table {
  const tpl = tableTemplate(id);
  const plain = tpl.title.replace(/"([^"]*)"/g, '“$1”');
  const title = p.kind === 'budget' && /^(收|支)/.test(plain) ? `${p.scopeWord}${plain}` : plain;
  const t: Table = {
    id,
    status: 'present',
    number: String(number),
    title,
    preparer: { name: p.unitName, code: p.unitCode },
    year: p.year,
    unit: '万元',
    columns,
    rows,
    at: AT,
  };
  if (emptyWhat !== undefined) {
    t.status = 'empty';
    t.rows = [];
    t.emptyStatement = { text: `${p.unitName}${p.year}年没有使用${emptyWhat}安排的支出，此表为空表。`, at: AT };
  }
  return t;
}

function budgetTables(p: Plan, t: Totals): Table[] {
  const tables: Table[] = [];
  let n = 0;
  // 1 收支总表
  {
    const cols = ['budget'];
    const v = (x: number): Values => ({ budget: x });
    const rows: TableRow[] = [
      fixedRow('income', 'fiscalAppropriation', '财政拨款（补助）', 'subtotal', cols, v(t.gb + t.gf)),
      fixedRow('income', 'generalBudget', '一般公共预算', 'leaf', cols, v(t.gb)),
      fixedRow('income', 'governmentFund', '政府性基金预算', 'leaf', cols, v(t.gf)),
      fixedRow('income', 'stateCapital', '国有资本经营预算', 'leaf', cols, v(0)),
      fixedRow('income', 'specialAccount', '财政专户管理资金', 'leaf', cols, v(0)),
      fixedRow('income', 'businessIncome', '事业收入', 'leaf', cols, v(t.fund.businessIncome)),
      fixedRow('income', 'operatingIncome', '事业单位经营收入', 'leaf', cols, v(0)),
      fixedRow('income', 'otherIncome', '单位其他资金收入', 'leaf', cols, v(t.fund.otherIncome)),
      fixedRow('income', 'currentYearIncome', '本年收入小计', 'subtotal', cols, v(t.total)),
      fixedRow('income', 'priorYearBalance', '上年结余', 'leaf', cols, v(0)),
      fixedRow('income', 'incomeTotal', '收入总计', 'total', cols, v(t.total)),
      ...twoSidedClassRows(p.year, t, cols, (c) => v(t.classAll.get(c)!)),
      fixedRow('expenditure', 'currentYearExpenditure', '本年支出小计', 'subtotal', cols, v(t.total)),
      fixedRow('expenditure', 'expenditureTotal', '支出总计', 'total', cols, v(t.total)),
    ];
    tables.push(
      table(
        p,
        'income-expenditure-summary',
        ++n,
        [column('budget', '预算数', 'income'), column('budget', '预算数', 'expenditure')],
        rows,
      ),
    );
  }
  // 2 收入总表
  {
    const cols = INCOME_SOURCE_COLUMNS.map((c) => c.key);
    const leaves = new Map<string, Values>();
    for (const [code, e] of t.byItem)
      leaves.set(code, {
        total: e.total,
        generalBudget: e.funds.generalBudget,
        governmentFund: e.funds.governmentFund,
        businessIncome: e.funds.businessIncome,
        otherIncome: e.funds.otherIncome,
      });
    tables.push(table(p, 'income-summary', ++n, templateColumns('income-summary'), functionRows(p.year, leaves, cols)));
  }
  // 3 支出总表
  {
    const cols = ['total', 'basic', 'project'];
    const leaves = new Map<string, Values>();
    for (const [code, e] of t.byItem) leaves.set(code, { total: e.total, basic: e.basic, project: e.project });
    tables.push(
      table(p, 'expenditure-summary', ++n, templateColumns('expenditure-summary'), functionRows(p.year, leaves, cols)),
    );
  }
  // 4 财政拨款收支总表
  {
    const cols = ['total', 'generalBudget', 'governmentFund', 'stateCapital'];
    const fiscal = t.gb + t.gf;
    const rows: TableRow[] = [
      fixedRow('income', 'fiscalAppropriation', '财政拨款（补助）', 'subtotal', ['total'], { total: fiscal }),
      fixedRow('income', 'generalBudget', '一般公共预算', 'leaf', ['total'], { total: t.gb }),
      fixedRow('income', 'governmentFund', '政府性基金预算', 'leaf', ['total'], { total: t.gf }),
      fixedRow('income', 'stateCapital', '国有资本经营预算', 'leaf', ['total'], { total: 0 }),
      fixedRow('income', 'incomeTotal', '收入总计', 'total', ['total'], { total: fiscal }),
      ...fiscalClassRows(p.year, t, cols),
      fixedRow('expenditure', 'expenditureTotal', '支出总计', 'total', cols, {
        total: fiscal,
        generalBudget: t.gb,
        governmentFund: t.gf,
      }),
    ];
    tables.push(
      table(
        p,
        'fiscal-appropriation-summary',
        ++n,
        [
          column('total', '合计', 'income'),
          ...templateColumns('fiscal-appropriation-summary').map((c) => ({ ...c, side: 'expenditure' as const })),
        ],
        rows,
      ),
    );
  }
  // 5 一般公共预算支出表
  {
    const leaves = new Map<string, Values>();
    for (const l of p.lines)
      if (l.fund === 'generalBudget')
        leaves.set(l.code, { total: l.basic + l.project, basic: l.basic, project: l.project });
    tables.push(
      table(
        p,
        'general-budget-expenditure',
        ++n,
        templateColumns('general-budget-expenditure'),
        functionRows(p.year, leaves, ['total', 'basic', 'project']),
      ),
    );
  }
  // 6 一般公共预算基本支出表
  tables.push(
    table(
      p,
      'general-budget-basic-expenditure',
      ++n,
      templateColumns('general-budget-basic-expenditure'),
      economicRows(p),
    ),
  );
  // 7 一般公共预算项目支出表
  {
    const cols = ['total', ...ECONOMIC_CLASS_COLUMNS.map((c) => c.key)];
    tables.push(
      table(
        p,
        'general-budget-project-expenditure',
        ++n,
        templateColumns('general-budget-project-expenditure'),
        projectRows(p, cols),
      ),
    );
  }
  // 8 三公
  tables.push(
    table(p, 'three-public', ++n, templateColumns('three-public'), [
      threePublicRow(p, 'budget', '预算数', p.threePublic),
    ]),
  );
  // 9, 10 政府性基金, 国有资本经营
  {
    const leaves = new Map<string, Values>();
    for (const l of p.lines)
      if (l.fund === 'governmentFund')
        leaves.set(l.code, { total: l.basic + l.project, basic: l.basic, project: l.project });
    tables.push(
      table(
        p,
        'government-fund-expenditure',
        ++n,
        templateColumns('government-fund-expenditure'),
        leaves.size ? functionRows(p.year, leaves, ['total', 'basic', 'project']) : [],
        leaves.size ? undefined : '政府性基金预算拨款',
      ),
    );
    tables.push(
      table(
        p,
        'state-capital-expenditure',
        n + 1,
        templateColumns('state-capital-expenditure'),
        [],
        '国有资本经营预算拨款',
      ),
    );
  }
  return tables;
}

function economicRows(p: Plan): TableRow[] {
  const cols = ['total', 'personnel', 'public'];
  const rows: TableRow[] = [];
  const total: Values = {};
  for (const cls of [...new Set(p.economic.map((e) => e.code.slice(0, 3)))]) {
    const members = p.economic.filter((e) => e.code.startsWith(cls));
    const v: Values = { personnel: sum(members.map((e) => e.personnel)), public: sum(members.map((e) => e.public)) };
    v.total = v.personnel + v.public;
    addInto(total, v);
    rows.push({
      kind: 'subtotal',
      label: ECONOMIC_CLASSES[cls],
      classification: { system: 'economic', code: cls, level: 'class' },
      cells: cells(cols, v),
      at: AT,
    });
    for (const e of members)
      rows.push({
        kind: 'leaf',
        label: e.name,
        classification: { system: 'economic', code: e.code, level: 'section' },
        cells: cells(cols, { total: e.personnel + e.public, personnel: e.personnel, public: e.public }),
        at: AT,
      });
  }
  return [{ kind: 'total', key: 'total', label: '合计', cells: cells(cols, total, true), at: AT }, ...rows];
}

function projectRows(p: Plan, cols: string[]): TableRow[] {
  const gb = p.projects.filter((x) => x.fund === 'generalBudget').sort((a, b) => a.code.localeCompare(b.code));
  const valuesOf = (x: ProjectPlan): Values => {
    const v: Values = { total: x.amount };
    for (const [k, a] of Object.entries(x.economic)) v[`economic:${k}`] = a;
    return v;
  };
  const rows: TableRow[] = [];
  const total: Values = {};
  for (const cls of [...new Set(gb.map((x) => x.code.slice(0, 3)))]) {
    const inCls = gb.filter((x) => x.code.startsWith(cls));
    const clsV: Values = {};
    inCls.forEach((x) => addInto(clsV, valuesOf(x)));
    addInto(total, clsV);
    rows.push({
      kind: 'subtotal',
      label: functionName(cls, p.year),
      classification: { system: 'function', code: cls, level: 'class' },
      cells: cells(cols, clsV),
      at: AT,
    });
    for (const sec of [...new Set(inCls.map((x) => x.code.slice(0, 5)))]) {
      const inSec = inCls.filter((x) => x.code.startsWith(sec));
      const secV: Values = {};
      inSec.forEach((x) => addInto(secV, valuesOf(x)));
      rows.push({
        kind: 'subtotal',
        label: functionName(sec, p.year),
        classification: { system: 'function', code: sec, level: 'section' },
        cells: cells(cols, secV),
        at: AT,
      });
      for (const x of inSec)
        rows.push({
          kind: 'leaf',
          label: functionName(x.code, p.year),
          classification: { system: 'function', code: x.code, level: 'item' },
          project: x.name,
          cells: cells(cols, valuesOf(x)),
          at: AT,
        });
    }
  }
  return [{ kind: 'total', key: 'total', label: '合计', cells: cells(cols, total, true), at: AT }, ...rows];
}

function threePublicRow(p: Plan, key: string, label: string, v: Plan['threePublic']): TableRow {
  void p;
  const vehicle = v.vehiclePurchase + v.vehicleOperation;
  return {
    kind: 'leaf',
    key,
    label,
    at: AT,
    cells: cells(['total', 'overseas', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'], {
      total: v.overseas + vehicle + v.reception,
      overseas: v.overseas,
      vehicle,
      vehiclePurchase: v.vehiclePurchase,
      vehicleOperation: v.vehicleOperation,
      reception: v.reception,
    }),
  };
}

function finalTables(p: Plan, t: Totals, f: FinalFigures): Table[] {
  const tables: Table[] = [];
  let n = 0;
  // 1 收入支出决算总表
  {
    const cols = ['final'];
    const v = (x: number): Values => ({ final: x });
    const rows: TableRow[] = [
      fixedRow('income', 'fiscalAppropriation', '财政拨款收入', 'leaf', cols, v(t.gb + t.gf)),
      fixedRow('income', 'superiorSubsidy', '上级补助收入', 'leaf', cols, v(0)),
      fixedRow('income', 'businessIncome', '事业收入', 'leaf', cols, v(f.businessIncome)),
      fixedRow('income', 'operatingIncome', '经营收入', 'leaf', cols, v(0)),
      fixedRow('income', 'subsidiaryRemit', '附属单位上缴收入', 'leaf', cols, v(0)),
      fixedRow('income', 'otherIncome', '其他收入', 'leaf', cols, v(f.otherIncome)),
      fixedRow('income', 'currentYearIncome', '本年收入合计', 'subtotal', cols, v(f.currentIncome)),
      fixedRow('income', 'nonAppropriationBalanceUsed', '使用非财政拨款结余', 'leaf', cols, v(f.usedNonFiscal)),
      fixedRow('income', 'openingBalance', '年初结转和结余', 'leaf', cols, v(f.opening)),
      fixedRow('income', 'incomeTotal', '收入总计', 'total', cols, v(f.incomeTotal)),
      ...twoSidedClassRows(p.year, t, cols, (c) => v(t.classAll.get(c)!)),
      fixedRow('expenditure', 'currentYearExpenditure', '本年支出合计', 'subtotal', cols, v(t.total)),
      fixedRow('expenditure', 'balanceDistribution', '结余分配', 'leaf', cols, v(0)),
      fixedRow('expenditure', 'carryForward', '年末结转和结余', 'leaf', cols, v(f.closing)),
      fixedRow('expenditure', 'expenditureTotal', '支出总计', 'total', cols, v(f.incomeTotal)),
    ];
    tables.push(
      table(
        p,
        'final-income-expenditure-summary',
        ++n,
        [column('final', '决算数', 'income'), column('final', '决算数', 'expenditure')],
        rows,
      ),
    );
  }
  // 2 收入决算表
  {
    const cols = [
      'total',
      'fiscalAppropriation',
      'superiorSubsidy',
      'businessIncome',
      'operatingIncome',
      'subsidiaryRemit',
      'otherIncome',
    ];
    const leaves = new Map<string, Values>();
    // income of the year by 项: fiscal income equals fiscal spending; non-fiscal income (after balances) sits on
    // the 项 that spends it (one line per non-fiscal fund)
    for (const [code, e] of t.byItem) {
      const business = e.funds.businessIncome > 0 ? f.businessIncome : 0;
      const other = e.funds.otherIncome > 0 ? f.otherIncome : 0;
      const fiscalPart = e.funds.generalBudget + e.funds.governmentFund;
      leaves.set(code, {
        total: fiscalPart + business + other,
        fiscalAppropriation: fiscalPart,
        businessIncome: business,
        otherIncome: other,
      });
    }
    const columns = [
      column('total', '本年收入合计'),
      column('fiscalAppropriation', '财政拨款收入'),
      column('superiorSubsidy', '上级补助收入'),
      column('businessIncome', '事业收入'),
      column('operatingIncome', '经营收入'),
      column('subsidiaryRemit', '附属单位上缴收入'),
      column('otherIncome', '其他收入'),
    ];
    tables.push(table(p, 'final-income', ++n, columns, functionRows(p.year, leaves, cols)));
  }
  // 3 支出决算表
  {
    const cols = ['total', 'basic', 'project', 'superiorRemit', 'operatingExpenditure', 'subsidiaryGrant'];
    const leaves = new Map<string, Values>();
    for (const [code, e] of t.byItem) leaves.set(code, { total: e.total, basic: e.basic, project: e.project });
    const columns = [
      column('total', '本年支出合计'),
      column('basic', '基本支出'),
      column('project', '项目支出'),
      column('superiorRemit', '上缴上级支出'),
      column('operatingExpenditure', '经营支出'),
      column('subsidiaryGrant', '对附属单位补助支出'),
    ];
    tables.push(table(p, 'final-expenditure', ++n, columns, functionRows(p.year, leaves, cols)));
  }
  // 4 财政拨款收入支出决算总表
  {
    const cols = ['total', 'generalBudget', 'governmentFund', 'stateCapital'];
    const fiscal = t.gb + t.gf;
    const rows: TableRow[] = [
      fixedRow('income', 'generalBudget', '一般公共预算财政拨款', 'leaf', ['total'], { total: t.gb }),
      fixedRow('income', 'governmentFund', '政府性基金预算财政拨款', 'leaf', ['total'], { total: t.gf }),
      fixedRow('income', 'stateCapital', '国有资本经营预算财政拨款', 'leaf', ['total'], { total: 0 }),
      fixedRow('income', 'currentYearIncome', '本年收入合计', 'subtotal', ['total'], { total: fiscal }),
      fixedRow('income', 'openingBalance', '年初财政拨款结转和结余', 'leaf', ['total'], { total: 0 }),
      fixedRow('income', 'incomeTotal', '收入总计', 'total', ['total'], { total: fiscal }),
      ...fiscalClassRows(p.year, t, cols),
      fixedRow('expenditure', 'currentYearExpenditure', '本年支出合计', 'subtotal', cols, {
        total: fiscal,
        generalBudget: t.gb,
        governmentFund: t.gf,
      }),
      fixedRow('expenditure', 'carryForward', '年末财政拨款结转和结余', 'leaf', cols, {}),
      fixedRow('expenditure', 'expenditureTotal', '支出总计', 'total', cols, {
        total: fiscal,
        generalBudget: t.gb,
        governmentFund: t.gf,
      }),
    ];
    const columns = [
      column('total', '合计', 'income'),
      column('total', '合计', 'expenditure'),
      column('generalBudget', '一般公共预算财政拨款', 'expenditure'),
      column('governmentFund', '政府性基金预算财政拨款', 'expenditure'),
      column('stateCapital', '国有资本经营预算财政拨款', 'expenditure'),
    ];
    tables.push(table(p, 'final-fiscal-appropriation-summary', ++n, columns, rows));
  }
  // 5 一般公共预算财政拨款支出决算表
  {
    const leaves = new Map<string, Values>();
    for (const l of p.lines)
      if (l.fund === 'generalBudget')
        leaves.set(l.code, { total: l.basic + l.project, basic: l.basic, project: l.project });
    tables.push(
      table(
        p,
        'final-general-budget-expenditure',
        ++n,
        templateColumns('final-general-budget-expenditure'),
        functionRows(p.year, leaves, ['total', 'basic', 'project']),
      ),
    );
  }
  // 6 基本支出决算表
  tables.push(
    table(
      p,
      'final-general-budget-basic-expenditure',
      ++n,
      [column('total', '合计'), column('personnel', '人员经费'), column('public', '公用经费')],
      economicRows(p),
    ),
  );
  // 7 三公决算表
  {
    const columns = templateColumns('three-public');
    tables.push(
      table(p, 'final-three-public', ++n, columns, [
        threePublicRow(p, 'budget', '全年预算数', f.threePublicBudget),
        threePublicRow(p, 'final', '决算数', p.threePublic),
      ]),
    );
  }
  // 8 政府性基金, 9 国有资本经营
  {
    const leaves = new Map<string, Values>();
    for (const l of p.lines)
      if (l.fund === 'governmentFund')
        leaves.set(l.code, { total: l.basic + l.project, basic: l.basic, project: l.project });
    const columns = [column('total', '合计'), column('basic', '基本支出'), column('project', '项目支出')];
    tables.push(
      table(
        p,
        'final-government-fund',
        ++n,
        columns,
        leaves.size ? functionRows(p.year, leaves, ['total', 'basic', 'project']) : [],
        leaves.size ? undefined : '政府性基金预算财政拨款',
      ),
    );
    tables.push(table(p, 'final-state-capital', n + 1, columns, [], '国有资本经营预算财政拨款'));
  }
  return tables;
}

// ── narrative ───────────────────────────────────────────────────────────────────────────────────────────

/** A previous-year figure for a current one: mostly within −25% … +35%, sometimes unchanged. */
function previous(rng: Random, current: number): number {
  if (current === 0 || rng.chance(0.08)) return current;
  const factor = 1 + (rng.next() * 0.6 - 0.25);
  return Math.max(1, Math.round(current / factor));
}

function reasonFor(rng: Random, direction: 'increase' | 'decrease' | 'flat'): string {
  return rng.pick(REASONS[direction]);
}

interface FactInput {
  subject: Subject;
  label: string;
  current: number;
  /** share denominator */
  whole?: number;
  /** previous figure: a change is stated when given */
  prev?: number;
  year?: number;
  budget?: number;
}

function fact(p: Plan, x: FactInput): Fact {
  const f: Fact = { subject: x.subject, label: x.label, amount: amount(x.current), text: '', at: AT };
  if (x.year) f.year = x.year;
  let text = x.year
    ? `${x.label}：${p.year}年${p.kind === 'budget' ? '预算数' : '支出决算数'}为${yuan(x.current)}`
    : `${x.label}${yuan(x.current)}`;
  if (x.whole !== undefined) {
    f.share = percent(shareMinor(x.current, x.whole));
    text += `，占${f.share.text}`;
  }
  if (x.prev !== undefined) {
    // the same figure stated in two sections (基本支出 in 三 and 五) has one previous-year figure
    const same = `${x.subject.kind}:${x.subject.kind === 'total' || x.subject.kind === 'fiscalAppropriation' ? '' : (x.subject.key ?? '')}:${x.subject.code ?? ''}:${x.current}`;
    const prev = p.previousFigures.get(same) ?? x.prev;
    p.previousFigures.set(same, prev);
    f.change = makeChange(x.current, prev, previousBasis(p.kind));
    f.reason = { text: reasonFor(p.rng, f.change.direction), at: AT };
    text += `，${changeClause(f.change)}${reasonClause(f.reason?.text)}`;
  } else text += '。';
  if (x.budget !== undefined) {
    f.budgetAmount = amount(x.budget);
    const v = varianceMinor(x.current, x.budget);
    if (v !== null) f.varianceRate = percent(v);
    text += `年初预算数${yuan(x.budget)}，决算数${yuan(x.current)}${f.varianceRate ? `，预决算差异率${f.varianceRate.text}` : ''}。`;
  }
  f.text = text;
  return f;
}

function section(n: number, title: string, topic: string, facts: Fact[], paragraphs: string[] = []): NarrativeSection {
  return {
    number: chineseNumber(n),
    title,
    topic,
    facts,
    paragraphs: paragraphs.map((text) => ({ text, at: AT })),
    at: AT,
  };
}

interface FinalFigures {
  businessIncome: number;
  otherIncome: number;
  currentIncome: number;
  usedNonFiscal: number;
  opening: number;
  closing: number;
  incomeTotal: number;
  threePublicBudget: Plan['threePublic'];
}

function finalFigures(p: Plan, t: Totals): FinalFigures {
  const rng = p.rng;
  const nonFiscal = t.fund.businessIncome + t.fund.otherIncome;
  const opening = nonFiscal > 0 && rng.chance(0.5) ? roundDiv(nonFiscal * rng.int(5, 40), 100) : 0;
  const usedNonFiscal = nonFiscal > 0 && rng.chance(0.3) ? roundDiv(nonFiscal * rng.int(5, 20), 100) : 0;
  const closing = opening > 0 ? roundDiv(opening * rng.int(10, 90), 100) : 0;
  // non-fiscal income of the year covers non-fiscal spending plus what is carried forward, minus what was brought in
  const nonFiscalIncome = nonFiscal + closing - opening - usedNonFiscal;
  const businessIncome = Math.min(t.fund.businessIncome, nonFiscalIncome);
  const otherIncome = nonFiscalIncome - businessIncome;
  const currentIncome = t.gb + t.gf + nonFiscalIncome;
  const tp = p.threePublic;
  const bump = (x: number): number => (x === 0 ? 0 : x + roundDiv(x * rng.int(0, 15), 100));
  return {
    businessIncome,
    otherIncome,
    currentIncome,
    usedNonFiscal,
    opening,
    closing,
    incomeTotal: currentIncome + usedNonFiscal + opening,
    threePublicBudget: {
      overseas: bump(tp.overseas),
      vehiclePurchase: tp.vehiclePurchase,
      vehicleOperation: bump(tp.vehicleOperation),
      reception: bump(tp.reception),
    },
  };
}

// ── the document ────────────────────────────────────────────────────────────────────────────────────────

export function generateSample(options: SampleOptions): Disclosure {
  const p = plan(options);
  const t = totals(p);
  const rng = p.rng;
  const budget = p.kind === 'budget';
  const f = budget ? undefined : finalFigures(p, t);
  const tables = budget ? budgetTables(p, t) : finalTables(p, t, f!);
  const u = p.unitName;
  const titles = { unit: u, scope: p.scope, kind: p.kind, year: p.year };

  // narrative
  const narrative: NarrativeSection[] = [];
  let s = 0;
  const classFacts = (whole: number, fundFilter: (cf: Record<Fund, number>) => number, withShare: boolean): Fact[] =>
    [...t.classFund.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([, cf]) => fundFilter(cf) > 0)
      .map(([code, cf]) =>
        fact(p, {
          subject: { kind: 'function', code, names: [functionName(code, p.year)] },
          label: `${functionName(code, p.year)}（类）`,
          current: fundFilter(cf),
          whole: withShare ? whole : undefined,
        }),
      );
  const gbItems = p.lines.filter((l) => l.fund === 'generalBudget').sort((a, b) => a.code.localeCompare(b.code));
  const itemFacts = gbItems.map((l) => {
    const names = functionNames(l.code, p.year);
    return fact(p, {
      subject: { kind: 'function', code: l.code, names },
      label: `${names[0]}（类）${names[1]}（款）${names[2]}（项）`,
      current: l.basic + l.project,
      prev: previous(rng, l.basic + l.project),
      year: p.year,
    });
  });
  const incomeSources: Array<[string, string, number]> = [
    ['generalBudget', '一般公共预算', t.gb],
    ['governmentFund', '政府性基金预算', t.gf],
    ['stateCapital', '国有资本经营预算', 0],
    ['businessIncome', '事业收入', budget ? t.fund.businessIncome : f!.businessIncome],
    ['otherIncome', budget ? '单位其他资金收入' : '其他收入', budget ? t.fund.otherIncome : f!.otherIncome],
  ];
  const fiscal = t.gb + t.gf;
  if (budget) {
    narrative.push(
      section(++s, standardSectionTitle(titles, 'summary'), 'summary', [
        fact(p, { subject: { kind: 'total', key: 'incomeExpenditure' }, label: '收支总预算', current: t.total }),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'income'), 'income', [
        fact(p, { subject: { kind: 'income', key: 'budget' }, label: '收入预算', current: t.total }),
        ...incomeSources
          .filter(([, , v]) => v > 0)
          .map(([key, label, v]) =>
            fact(p, { subject: { kind: 'fund', key }, label, current: v, whole: t.total, prev: previous(rng, v) }),
          ),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'expenditure'), 'expenditure', [
        fact(p, { subject: { kind: 'expenditure', key: 'budget' }, label: '支出预算', current: t.total }),
        fact(p, {
          subject: { kind: 'basic' },
          label: '基本支出',
          current: t.basic,
          whole: t.total,
          prev: previous(rng, t.basic),
        }),
        ...(t.project > 0
          ? [
              fact(p, {
                subject: { kind: 'project' },
                label: '项目支出',
                current: t.project,
                whole: t.total,
                prev: previous(rng, t.project),
              }),
            ]
          : []),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'fiscal'), 'fiscal', [
        fact(p, {
          subject: { kind: 'fiscalAppropriation', key: 'total' },
          label: '财政拨款收支总预算',
          current: fiscal,
        }),
        // as the templates word it: "一般公共预算支出包括：…" lists the general-budget part by 类
        ...classFacts(fiscal, (cf) => cf.generalBudget, false),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'generalBudget'), 'generalBudget', [
        fact(p, { subject: { kind: 'generalBudget' }, label: '一般公共预算拨款合计', current: t.gb }),
        fact(p, { subject: { kind: 'basic' }, label: '基本支出', current: t.gbBasic, prev: previous(rng, t.gbBasic) }),
        ...(t.gbProject > 0
          ? [
              fact(p, {
                subject: { kind: 'project' },
                label: '项目支出',
                current: t.gbProject,
                prev: previous(rng, t.gbProject),
              }),
            ]
          : []),
        ...classFacts(t.gb, (cf) => cf.generalBudget, true),
        ...itemFacts,
      ]),
    );
  } else {
    const ff = f!;
    narrative.push(
      section(++s, standardSectionTitle(titles, 'summary'), 'summary', [
        fact(p, {
          subject: { kind: 'total', key: 'income' },
          label: '收入总计',
          current: ff.incomeTotal,
          prev: previous(rng, ff.incomeTotal),
        }),
        // the parts of both totals, so that the model states each final-account identity it implies
        ...(ff.usedNonFiscal > 0
          ? [
              fact(p, {
                subject: { kind: 'other', key: 'nonFiscalBalanceUsed' },
                label: '使用非财政拨款结余',
                current: ff.usedNonFiscal,
              }),
            ]
          : []),
        ...(ff.opening > 0
          ? [
              fact(p, {
                subject: { kind: 'other', key: 'priorYearBalance' },
                label: '年初结转和结余',
                current: ff.opening,
              }),
            ]
          : []),
        fact(p, {
          subject: { kind: 'total', key: 'expenditure' },
          label: '支出总计',
          current: ff.incomeTotal,
          prev: previous(rng, ff.incomeTotal),
        }),
        ...(ff.closing > 0
          ? [
              fact(p, {
                subject: { kind: 'other', key: 'yearEndBalance' },
                label: '年末结转和结余',
                current: ff.closing,
              }),
            ]
          : []),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'income'), 'income', [
        fact(p, { subject: { kind: 'income', key: 'currentYear' }, label: '本年收入', current: ff.currentIncome }),
        fact(p, {
          subject: { kind: 'fund', key: 'fiscalAppropriation' },
          label: '财政拨款收入',
          current: fiscal,
          whole: ff.currentIncome,
        }),
        ...incomeSources
          .slice(3)
          .filter(([, , v]) => v > 0)
          .map(([key, label, v]) =>
            fact(p, { subject: { kind: 'fund', key }, label, current: v, whole: ff.currentIncome }),
          ),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'expenditure'), 'expenditure', [
        fact(p, { subject: { kind: 'expenditure', key: 'currentYear' }, label: '本年支出', current: t.total }),
        fact(p, { subject: { kind: 'basic' }, label: '基本支出', current: t.basic, whole: t.total }),
        fact(p, { subject: { kind: 'project' }, label: '项目支出', current: t.project, whole: t.total }),
      ]),
    );
    const fiscalBudget = fiscal - roundDiv(fiscal * rng.int(-8, 15), 100);
    narrative.push(
      section(++s, standardSectionTitle(titles, 'fiscal'), 'fiscal', [
        fact(p, {
          subject: { kind: 'fiscalAppropriation', key: 'incomeTotal' },
          label: '财政拨款收入总计',
          current: fiscal,
          prev: previous(rng, fiscal),
          budget: fiscalBudget,
        }),
        fact(p, {
          subject: { kind: 'fiscalAppropriation', key: 'expenditureTotal' },
          label: '财政拨款支出总计',
          current: fiscal,
          prev: previous(rng, fiscal),
          budget: fiscalBudget,
        }),
      ]),
    );
    narrative.push(
      section(++s, standardSectionTitle(titles, 'generalBudget'), 'generalBudget', [
        fact(p, {
          subject: { kind: 'generalBudget' },
          label: '一般公共预算财政拨款支出',
          current: t.gb,
          whole: t.total,
          prev: previous(rng, t.gb),
        }),
        ...classFacts(t.gb, (cf) => cf.generalBudget, true),
        ...itemFacts,
      ]),
    );
  }
  narrative.push(
    section(++s, standardSectionTitle(titles, 'basic'), 'basic', [
      fact(p, {
        subject: { kind: 'basic' },
        label: budget ? '一般公共预算基本支出' : '一般公共预算财政拨款基本支出',
        current: t.gbBasic,
      }),
      fact(p, { subject: { kind: 'personnel' }, label: '人员经费', current: t.personnel }),
      fact(p, { subject: { kind: 'public' }, label: '公用经费', current: t.public }),
    ]),
  );
  const gbProjects = p.projects.filter((x) => x.fund === 'generalBudget');
  if (budget) narrative.push(section(++s, standardSectionTitle(titles, 'project'), 'project', []));

  // 三公
  const tp = p.threePublic;
  const tpTotal = tp.overseas + tp.vehiclePurchase + tp.vehicleOperation + tp.reception;
  const tpb = f?.threePublicBudget;
  // the 车辆 subtotal is stated without a change of its own (the templates explain 购置 and 运行 separately)
  const tpItem = (key: string, label: string, current: number, budgetValue?: number): Fact =>
    fact(p, {
      subject: { kind: 'threePublic', key },
      label,
      current,
      prev: key === 'vehicle' ? undefined : previous(rng, current),
      budget: budgetValue,
    });
  const threePublicItems = [
    tpItem(
      'total',
      THREE_PUBLIC_NAME.total,
      tpTotal,
      tpb ? tpb.overseas + tpb.vehiclePurchase + tpb.vehicleOperation + tpb.reception : undefined,
    ),
    tpItem('overseas', THREE_PUBLIC_NAME.overseas, tp.overseas, tpb?.overseas),
    tpItem(
      'vehicle',
      THREE_PUBLIC_NAME.vehicle,
      tp.vehiclePurchase + tp.vehicleOperation,
      tpb ? tpb.vehiclePurchase + tpb.vehicleOperation : undefined,
    ),
    tpItem('vehiclePurchase', THREE_PUBLIC_NAME.vehiclePurchase, tp.vehiclePurchase, tpb?.vehiclePurchase),
    tpItem('vehicleOperation', THREE_PUBLIC_NAME.vehicleOperation, tp.vehicleOperation, tpb?.vehicleOperation),
    tpItem('reception', THREE_PUBLIC_NAME.reception, tp.reception, tpb?.reception),
  ];
  narrative.push(section(++s, standardSectionTitle(titles, 'threePublic'), 'threePublic', []));
  narrative.push(
    section(++s, standardSectionTitle(titles, 'governmentFund'), 'governmentFund', [
      ...(t.gf > 0
        ? [fact(p, { subject: { kind: 'fund', key: 'governmentFund' }, label: '政府性基金预算拨款', current: t.gf })]
        : []),
    ]),
  );
  narrative.push(section(++s, standardSectionTitle(titles, 'stateCapital'), 'stateCapital', []));
  const operatingFact = fact(p, {
    subject: { kind: 'operatingCosts' },
    label: '机关运行经费',
    current: t.public,
    prev: previous(rng, t.public),
  });
  narrative.push(section(s + 1, standardSectionTitle(titles, 'other'), 'other', [operatingFact]));

  // procurement, assets
  const procurementTotal = rng.chance(0.1)
    ? 0
    : roundDiv((t.public + sum(gbProjects.map((x) => x.amount))) * rng.int(10, 60), 100);
  const [goods, works, services] =
    procurementTotal === 0 ? [0, 0, 0] : rng.split(procurementTotal, [5, rng.chance(0.3) ? 2 : 0, 5]);
  const sme = roundDiv(procurementTotal * rng.int(60, 100), 100);
  const smallMicro = roundDiv(sme * rng.int(50, 100), 100);
  const vehicleCount = rng.int(0, Math.max(1, Math.floor(p.staff.active / 12)));
  const categories = budget
    ? ['一般公务用车', '执法执勤用车', '其他车辆']
    : ['主要领导干部用车', '一般公务用车', '执法执勤用车', '其他用车'];
  const counts = rng.split(
    vehicleCount,
    categories.map(() => 1),
  );
  const vehicleValues = counts.map((c) => c * rng.int(800, 2500) * 10);
  const buildingArea = rng.int(200, 8000);
  const buildingValue = buildingArea * rng.int(10, 40) * 10;
  const furniture = rng.int(500, 20000) * 10;
  const other = rng.int(1000, 90000) * 10;

  // performance
  const targets: PerformanceTarget[] = [];
  const evaluations: SelfEvaluation[] = [];
  for (const x of gbProjects) {
    const indicators = indicatorsFor(p, x);
    if (budget) {
      targets.push({
        project: x.name,
        unit: x.unit,
        totalFunds: amount(x.amount),
        fiscalFunds: amount(x.amount),
        otherFunds: amount(0),
        goal: `保障${x.name}相关工作顺利开展，按期完成年度${p.type.work}工作任务。`,
        indicators,
        at: AT,
      });
    } else {
      evaluations.push(selfEvaluation(p, x, indicators));
    }
  }

  const subordinateUnits = p.subordinates.map((x) => ({ name: x.name, code: x.code }));
  const divisions = rng.sample(p.type.divisions, rng.int(3, p.type.divisions.length));
  const overview: Disclosure['overview'] = {
    functions: DUTIES.map((d, i) => ({ text: `${i + 1}、${d.replaceAll('{work}', p.type.work)}`, at: AT })),
    organisation: {
      internalDivisionCount: divisions.length,
      internalDivisions: divisions,
      subordinateUnitCount: p.subordinates.length,
      administrativeUnits: 1,
      institutionUnits: p.subordinates.length,
    },
    staff: {
      authorized: count(p.staff.authorized, '人'),
      actual: count(p.staff.active + p.staff.retired + p.staff.retiredBefore1949, '人'),
      active: count(p.staff.active, '人'),
      activeChange: count(rng.int(-5, 5), '人'),
      retired: count(p.staff.retired, '人'),
      retiredChange: count(rng.int(-2, 3), '人'),
      retiredBefore1949: count(p.staff.retiredBefore1949, '人'),
      retiredBefore1949Change: count(0, '人'),
    },
  };

  const titleText = standardDocumentTitle(titles);
  const parts = standardPartTitles(titles);
  const partNumbers = PART_NUMBERS;
  const toc: Disclosure['toc'] = [];
  parts.forEach((title, i) => {
    const part = `第${partNumbers[i]}部分`;
    toc.push({ part, title });
    if (/公开表|报表/.test(title)) tables.forEach((tb) => toc.push({ part, title: tb.title, tableId: tb.id }));
    if (/情况说明/.test(title)) narrative.forEach((sec) => toc.push({ part, title: sec.title }));
  });

  const doc: Disclosure = {
    schemaVersion: 1,
    source: { file: `sample-${p.kind}-${options.seed}-${options.index}.json`, format: 'sample', bytes: 0 },
    kind: p.kind,
    scope: p.scope,
    year: p.year,
    title: { text: titleText },
    unit: { name: u, code: p.unitCode, mentions: [], subordinateUnits },
    date: dateOf(budget ? p.year : p.year + 1, rng.int(1, 8), rng.int(1, 28)),
    signature: { text: u },
    toc,
    parts: parts.map((title, i) => ({ number: partNumbers[i], title })),
    overview,
    tables,
    tablesPresent: tables.filter((x) => x.status === 'present' || x.status === 'empty').map((x) => x.id),
    narrative,
    projects: budget
      ? gbProjects.map((x) => ({
          name: x.name,
          policyBasis: `《${p.type.work}工作管理办法》`,
          amount: amount(x.amount),
          responsibleUnit: x.unit,
          allocation: `${x.name}${yuan(x.amount)}`,
          period: `${p.year}年1月—${p.year}年12月`,
          at: AT,
        }))
      : [],
    threePublic: {
      items: threePublicItems,
      ...(budget
        ? {}
        : {
            overseasGroups: count(tp.overseas > 0 ? rng.int(1, 3) : 0, '个'),
            overseasPeople: count(tp.overseas > 0 ? rng.int(2, 8) : 0, '人次'),
            vehiclesPurchased: count(tp.vehiclePurchase > 0 ? 1 : 0, '辆'),
            vehiclesHeld: count(vehicleCount, '辆'),
            receptionBatches: count(tp.reception > 0 ? rng.int(2, 40) : 0, '批次'),
            receptionPeople: count(tp.reception > 0 ? rng.int(10, 300) : 0, '人次'),
          }),
    },
    operatingCosts: {
      fact: operatingFact,
      administrativeUnits: count(1, '个'),
      institutionUnits: count(p.subordinates.length, '个'),
    },
    procurement: {
      total: amount(procurementTotal),
      goods: amount(goods),
      works: amount(works),
      services: amount(services),
      sme: amount(sme),
      smeShare: percent(shareMinor(sme, procurementTotal)),
      smallMicro: amount(smallMicro),
      smallMicroShare: percent(shareMinor(smallMicro, procurementTotal)),
      smeBasis: budget ? 'reserved' : 'awarded',
    },
    assets: {
      asOf: budget ? `${p.year - 1}-12-31` : `${p.year}-12-31`,
      fixedAssetsValue: amount(buildingValue + sum(vehicleValues) + furniture + other),
      buildingArea: count(buildingArea, '平方米'),
      buildingValue: amount(buildingValue),
      vehicles: count(vehicleCount, '辆'),
      vehiclesValue: amount(sum(vehicleValues)),
      vehicleCategories: categories.map((name, i) => ({
        name,
        count: count(counts[i], '辆'),
        value: amount(vehicleValues[i]),
      })),
      furnitureValue: amount(furniture),
      otherAssetsValue: amount(other),
      equipmentOver50: count(rng.int(0, 2), '台'),
      equipmentOver100: count(0, '台'),
    },
    performance: {
      projectCount: count(gbProjects.length, '个'),
      amount: amount(sum(gbProjects.map((x) => x.amount))),
      ...(budget
        ? {}
        : {
            budgetAmount: amount(sum(evaluations.map((e) => e.funds[0].fullYearBudget!.minor))),
            executedAmount: amount(sum(evaluations.map((e) => e.funds[0].executed!.minor))),
          }),
      targets,
      selfEvaluations: evaluations,
    },
    glossary: GLOSSARY[p.kind].map(([term, definition]) => ({ term, definition })),
    // the key figures as the reader defines them (catalog/figure-sources.ts), read from the tables just made
    figures: {},
    warnings: [],
  };
  doc.figures = computeFigures(doc);
  // the explanation's paragraphs, as the writer prints them, so that a reader of the model sees text too
  composeParagraphs(doc);
  return doc;
}

function dateOf(year: number, month: number, day: number): { iso: string; text: string } {
  return {
    iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    text: `${year}年${month}月${day}日`,
  };
}

function count(value: number, unit: string): { value: number; unit: string; text: string } {
  return { value, unit, text: `${value}${unit}` };
}

function indicatorsFor(p: Plan, x: ProjectPlan): Indicator[] {
  const rng = p.rng;
  const chosen = INDICATOR_TEMPLATES.filter(() => rng.chance(0.75));
  const list: Indicator[] = [];
  for (const tpl of chosen) {
    const value = tpl.unit === '有所提升' ? '' : String(rng.int(tpl.min, tpl.max));
    const target = tpl.unit === '有所提升' ? '有所提升' : `${tpl.comparator}${value}${tpl.unit}`;
    list.push({
      level1: tpl.level1,
      level2: tpl.level2,
      name: tpl.name.replaceAll('{work}', p.type.work).replaceAll('{project}', x.name),
      target,
      comparator: tpl.comparator || undefined,
      value: value || undefined,
      valueUnit: tpl.unit === '有所提升' ? undefined : tpl.unit,
      at: AT,
    });
  }
  // the cost indicator states the project amount itself
  const costs = x.amount;
  list.push({
    level1: '产出指标',
    level2: '成本指标',
    name: `${x.name}成本`,
    target: `≤${yuan(costs).replace('万元', '')}万元`,
    comparator: '≤',
    value: yuan(costs).replace('万元', ''),
    valueUnit: '万元',
    at: AT,
  });
  const order = ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '可持续影响指标', '满意度指标'];
  list.sort((a, b) => order.indexOf(a.level2) - order.indexOf(b.level2));
  for (const i of list) {
    if (i.comparator === undefined) delete i.comparator;
    if (i.value === undefined) delete i.value;
    if (i.valueUnit === undefined) delete i.valueUnit;
  }
  return list;
}

/** 自评表: 执行率 = 执行数 / 全年预算数; 资金得分 = 10 × 执行率 (≤ 10); indicators share the other 90 points. */
function selfEvaluation(p: Plan, x: ProjectPlan, indicators: Indicator[]): SelfEvaluation {
  const rng = p.rng;
  const executed = x.amount;
  const fullYear = executed + (rng.chance(0.6) ? 0 : roundDiv(executed * rng.int(1, 30), 100));
  const initial = rng.chance(0.5) ? fullYear : roundDiv(fullYear * rng.int(80, 100), 100);
  const rate = shareMinor(executed, fullYear); // percent, minor 2
  const fundScore = Math.min(1000, roundDiv(10 * rate, 100)); // points × 100
  const weights = rng.split(
    90,
    indicators.map(() => 1),
  );
  let indicatorScore = 0;
  const evaluated = indicators.map((ind, i) => {
    const w = weights[i];
    const met = rng.chance(0.85);
    const score = met ? w : Math.max(0, w - rng.int(1, Math.max(1, Math.floor(w / 2))));
    indicatorScore += score;
    // an unmet indicator states what was reached: 80% of a numeric target, or a weaker wording
    const reached =
      ind.value !== undefined ? `${Math.floor(Number(ind.value) * 0.8)}${ind.valueUnit ?? ''}` : '略有提升';
    const out: Indicator = {
      ...ind,
      actual: met ? ind.target.replace(/^[≥≤=<>]+/, '') : reached,
      weight: String(w),
      score: String(score),
    };
    if (!met) out.deviationReason = '受客观因素影响，部分任务未按计划完成，下一年度加强跟踪管理。';
    return out;
  });
  const ratePct = percent(rate);
  const total = fundScore + indicatorScore * 100;
  return {
    project: x.name,
    department: p.unitName,
    implementingUnit: x.unit,
    funds: [
      {
        label: '年度资金总额',
        initialBudget: amount(initial),
        fullYearBudget: amount(fullYear),
        executed: amount(executed),
        weight: '10',
        executionRate: ratePct,
        score: money2(fundScore),
      },
      {
        label: '其中：当年财政拨款',
        initialBudget: amount(initial),
        fullYearBudget: amount(fullYear),
        executed: amount(executed),
      },
      { label: '上年结转资金', initialBudget: amount(0), fullYearBudget: amount(0), executed: amount(0) },
      { label: '其他资金', initialBudget: amount(0), fullYearBudget: amount(0), executed: amount(0) },
    ],
    goal: `按期完成${x.name}相关工作任务。`,
    result: `${x.name}相关工作任务已按计划实施。`,
    indicators: evaluated,
    totalWeight: '100',
    totalScore: money2(total),
    at: AT,
  };
}

function money2(minor: number): string {
  return amount(minor).text;
}

/** The tables ids of the standard set, for callers that want to check completeness of samples. */
export function sampleTableIds(kind: DocumentKind): TableId[] {
  return standardTableIds(kind);
}

// The writer's layout: a disclosure model → an ordered list of blocks (headings, paragraphs, tables with merged
// header cells) in the standard order. Every output format renders this one layout, so they say the same thing.
import { PART_NUMBERS, standardPartTitles, titleSubject } from '../catalog/titles.js';
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import { THREE_PUBLIC_NAME } from '../catalog/three-public.js';
import type {
  Disclosure,
  Fact,
  NarrativeSection,
  SelfEvaluation,
  PerformanceTarget,
  Table,
  TableRow,
} from '../model/schema.js';
import { standardTableIds, tableTemplate } from '../catalog/tables.js';
import { minorOf, money, percent, shareMinor } from './numbers.js';
import { changeClause, chineseNumber, makeChange, reasonClause, varianceMinor, yuan } from './phrases.js';

export interface HeaderCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface BodyCell {
  text: string;
  /** exact value in 0.01 万元 for numeric cells (spreadsheets store numbers) */
  minor?: number;
  /** a percentage in minor units (scale 2) */
  percentMinor?: number;
  colspan?: number;
  bold?: boolean;
}

export interface GridBlock {
  kind: 'table';
  /** "1" for 表 1: */
  number?: string;
  title: string;
  /** the standard table id, when it is one */
  tableId?: string;
  /** 编制部门 / 单位 lines */
  meta: string[];
  header: HeaderCell[][];
  body: BodyCell[][];
  /** statement after the grid (空表 statement) */
  note?: string;
  /** first columns holding codes/labels (left-aligned); the rest are amounts */
  labelColumns: number;
  /** leading columns holding classification codes (narrow) */
  codeColumns?: number;
}

export type LayoutBlock =
  { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string } | { kind: 'paragraph'; text: string } | GridBlock;

function numberCell(minor: number | undefined, blankZero: boolean): BodyCell {
  if (minor === undefined || (blankZero && minor === 0)) return { text: '' };
  return { text: money(minor), minor };
}

function cellMinor(row: TableRow, column: string): number | undefined {
  const c = row.cells.find((x) => x.column === column);
  return c?.amount ? minorOf(c.amount) : undefined;
}

function codeParts(code: string, system: 'function' | 'economic'): string[] {
  if (system === 'economic') return [code.slice(0, 3), code.slice(3, 5)];
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
}

function metaLines(doc: Disclosure, t: Table): string[] {
  const who = doc.scope === 'department' ? '编制部门' : '编制单位';
  return [`${who}：${t.preparer?.name ?? doc.unit.name}`, `单位：${t.unit ?? '万元'}`];
}

function columnLabel(t: Table, key: string, side?: 'income' | 'expenditure'): string {
  return t.columns.find((c) => c.key === key && (!side || !c.side || c.side === side))?.label ?? key;
}

// ── table layouts ───────────────────────────────────────────────────────────────────────────────────────

function classifiedGrid(doc: Disclosure, t: Table, number: number): GridBlock {
  const tpl = tableTemplate(t.id);
  const system = tpl.classification ?? 'function';
  const project = t.id === 'general-budget-project-expenditure';
  const nCode = system === 'economic' ? 2 : 3;
  const columns = t.columns.map((c) => c.key);
  const groupTitle = system === 'economic' ? '经济分类科目编码' : project ? '科目编码' : '功能分类科目编码';
  const nameTitle = system === 'economic' ? '经济分类科目名称' : project ? '科目' : '功能分类科目名称';
  const levelNames = system === 'economic' ? ['类', '款'] : ['类', '款', '项'];
  const header: HeaderCell[][] = [
    [
      { text: groupTitle, colspan: nCode },
      { text: nameTitle, rowspan: 2 },
      ...(project ? [{ text: '项目名称', rowspan: 2 }] : []),
      ...t.columns.map((c) => ({ text: c.label, rowspan: 2 })),
    ],
    levelNames.map((text) => ({ text })),
  ];
  const body: BodyCell[][] = [];
  const blankZero = true;
  for (const row of t.rows) {
    const codes = row.classification
      ? codeParts(row.classification.code, system)
      : Array.from({ length: nCode }, () => '');
    const label = row.kind === 'total' ? '合计' : row.label;
    const cells: BodyCell[] = [...codes.map((text) => ({ text })), { text: label, bold: row.kind === 'total' }];
    if (project) cells.push({ text: row.project ?? '' });
    cells.push(
      ...columns.map((c) =>
        row.kind === 'total'
          ? { ...numberCell(cellMinor(row, c) ?? 0, false), bold: true }
          : numberCell(cellMinor(row, c), blankZero),
      ),
    );
    body.push(cells);
  }
  return {
    kind: 'table',
    number: String(number),
    title: t.title,
    tableId: t.id,
    meta: metaLines(doc, t),
    header,
    body,
    note: t.emptyStatement?.text,
    labelColumns: nCode + 1 + (project ? 1 : 0),
    codeColumns: nCode,
  };
}

function twoSidedGrid(doc: Disclosure, t: Table, number: number): GridBlock {
  const income = t.rows.filter((r) => r.side === 'income');
  const expenditure = t.rows.filter((r) => r.side === 'expenditure');
  const incomeColumns = t.columns.filter((c) => c.side === 'income').map((c) => c.key);
  const expColumns = t.columns.filter((c) => c.side === 'expenditure').map((c) => c.key);
  const final = doc.kind === 'final_account';
  const fiscal = /fiscal-appropriation/.test(t.id);
  const incomeHead = fiscal ? '财政拨款收入' : final ? '收入' : '收入';
  const expHead = fiscal ? '财政拨款支出' : '支出';
  const header: HeaderCell[][] = [
    [
      { text: incomeHead, colspan: 1 + incomeColumns.length },
      { text: expHead, colspan: 1 + expColumns.length },
    ],
    [
      { text: '项目' },
      ...incomeColumns.map((k) => ({ text: columnLabel(t, k, 'income') })),
      { text: final ? '项目' : '功能分类' },
      ...expColumns.map((k) => ({ text: columnLabel(t, k, 'expenditure') })),
    ],
  ];
  // income rows pair with the expenditure rows in order; the closing rows (本年收入/支出, 结余, 总计) pair up at the end
  const closingIncome = income.filter(
    (r) =>
      r.kind === 'total' ||
      ['currentYearIncome', 'priorYearBalance', 'nonAppropriationBalanceUsed', 'openingBalance'].includes(r.key ?? ''),
  );
  const openIncome = income.filter((r) => !closingIncome.includes(r));
  const closingExp = expenditure.filter((r) => !r.classification);
  const openExp = expenditure.filter((r) => r.classification);
  const pairs: Array<[TableRow | undefined, TableRow | undefined]> = [];
  const n = Math.max(openIncome.length, openExp.length);
  for (let i = 0; i < n; i++) pairs.push([openIncome[i], openExp[i]]);
  // closing rows pair by meaning: 本年收入/本年支出, balances, 总计/总计 on the last line
  const order: Array<[string, string]> = [
    ['currentYearIncome', 'currentYearExpenditure'],
    ['nonAppropriationBalanceUsed', 'balanceDistribution'],
    ['openingBalance', 'carryForward'],
    ['priorYearBalance', ''],
    ['incomeTotal', 'expenditureTotal'],
  ];
  const usedIncome = new Set<TableRow>(),
    usedExp = new Set<TableRow>();
  for (const [ik, ek] of order) {
    const a = closingIncome.find((r) => r.key === ik);
    const b = ek ? closingExp.find((r) => r.key === ek) : undefined;
    if (!a && !b) continue;
    if (a) usedIncome.add(a);
    if (b) usedExp.add(b);
    pairs.push([a, b]);
  }
  const restIncome = closingIncome.filter((r) => !usedIncome.has(r));
  const restExp = closingExp.filter((r) => !usedExp.has(r));
  for (let i = 0; i < Math.max(restIncome.length, restExp.length); i++)
    pairs.splice(pairs.length - 1, 0, [restIncome[i], restExp[i]]);
  const side = (row: TableRow | undefined, columns: string[], classified: boolean): BodyCell[] => {
    if (!row) return [{ text: '' }, ...columns.map(() => ({ text: '' }))];
    const label = classified && row.classification ? `${row.classification.code} ${row.label}` : row.label;
    const bold = row.kind === 'total';
    return [{ text: label, bold }, ...columns.map((c) => ({ ...numberCell(cellMinor(row, c), !bold), bold }))];
  };
  const body = pairs.map(([a, b]) => [...side(a, incomeColumns, false), ...side(b, expColumns, true)]);
  return {
    kind: 'table',
    number: String(number),
    title: t.title,
    tableId: t.id,
    meta: metaLines(doc, t),
    header,
    body,
    labelColumns: 1,
  };
}

function threePublicGrid(doc: Disclosure, t: Table, number: number): GridBlock {
  const cols = ['total', 'overseas', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  const labelled = t.rows.length > 1;
  const lead: HeaderCell[] = labelled ? [{ text: '项目', rowspan: 2 }] : [];
  const header: HeaderCell[][] = [
    [
      ...lead,
      { text: '合计', rowspan: 2 },
      { text: THREE_PUBLIC_NAME.overseas, rowspan: 2 },
      { text: THREE_PUBLIC_NAME.vehicle, colspan: 3 },
      { text: THREE_PUBLIC_NAME.reception, rowspan: 2 },
    ],
    [{ text: '小计' }, { text: THREE_PUBLIC_NAME.vehiclePurchase }, { text: THREE_PUBLIC_NAME.vehicleOperation }],
  ];
  const body = t.rows.map((r) => [
    ...(labelled ? [{ text: r.label }] : []),
    ...cols.map((c) => numberCell(cellMinor(r, c), true)),
  ]);
  return {
    kind: 'table',
    number: String(number),
    title: t.title,
    tableId: t.id,
    meta: metaLines(doc, t),
    header,
    body,
    labelColumns: labelled ? 1 : 0,
  };
}

function tableGrid(doc: Disclosure, t: Table, number: number): GridBlock {
  const tpl = tableTemplate(t.id);
  if (tpl.layout === 'two-sided') return twoSidedGrid(doc, t, number);
  if (tpl.layout === 'single-row') return threePublicGrid(doc, t, number);
  return classifiedGrid(doc, t, number);
}

// ── narrative ───────────────────────────────────────────────────────────────────────────────────────────

/** The sentence for a fact: amount from the data; share, change words, rate and variance recomputed. */
function factSentence(doc: Disclosure, f: Fact, whole: number | undefined, form: 'plain' | 'item'): string {
  const amountMinor = f.amount ? minorOf(f.amount) : 0;
  const year = doc.year;
  const names = f.subject.names;
  const itemLabel = names && names.length === 3 ? `${names[0]}（类）${names[1]}（款）${names[2]}（项）` : f.label;
  let s =
    form === 'item'
      ? `${itemLabel}：${year}年${doc.kind === 'budget' ? '预算数' : '支出决算数'}为${yuan(amountMinor)}`
      : `${f.label}${yuan(amountMinor)}`;
  if (f.share && whole !== undefined) s += `，占${percent(shareMinor(amountMinor, whole)).text}`;
  if (f.change) {
    const delta =
      f.change.direction === 'flat' || !f.change.amount
        ? 0
        : minorOf(f.change.amount) * (f.change.direction === 'decrease' ? -1 : 1);
    const change = makeChange(
      amountMinor,
      amountMinor - delta,
      f.change.basis ?? (doc.kind === 'budget' ? '上年预算' : '上年决算'),
    );
    s += `，${changeClause(change)}${reasonClause(f.reason?.text)}`;
  } else s += '。';
  return s;
}

/** 决算: "与年初预算数相比情况：X年初预算数…，决算数…，预决算差异率…%。" (a paragraph of its own, as templates print it). */
function varianceSentence(f: Fact): string | undefined {
  if (!f.budgetAmount || !f.amount) return undefined;
  const amountMinor = minorOf(f.amount);
  const b = minorOf(f.budgetAmount);
  const v = varianceMinor(amountMinor, b);
  return `与年初预算数相比情况：${f.label}年初预算数${yuan(b)}，决算数${yuan(amountMinor)}${v === null ? '' : `，预决算差异率${percent(v).text}`}。`;
}

function findFact(sec: NarrativeSection | undefined, kind: string, key?: string): Fact | undefined {
  return sec?.facts.find((f) => f.subject.kind === kind && (key === undefined || f.subject.key === key));
}

function amountOf(f: Fact | undefined): number | undefined {
  return f?.amount ? minorOf(f.amount) : undefined;
}

/** Denominator for a fact's share in its section. */
function wholeFor(doc: Disclosure, sec: NarrativeSection, f: Fact): number | undefined {
  const byTopic = (topic: string) => doc.narrative.find((s) => s.topic === topic);
  switch (sec.topic) {
    case 'income':
      return amountOf(findFact(sec, 'income'));
    case 'expenditure':
      return amountOf(findFact(sec, 'expenditure'));
    case 'generalBudget':
      if (f.subject.kind === 'function') return amountOf(findFact(sec, 'generalBudget'));
      return amountOf(findFact(byTopic('expenditure'), 'expenditure'));
    default:
      return undefined;
  }
}

function listNames(names: string[]): string {
  return names.join('、');
}

function staffLine(doc: Disclosure): string {
  const s = doc.overview.staff;
  const change = (c: { value: number } | undefined) =>
    c ? `${c.value < 0 ? '减少' : '增加'}${Math.abs(c.value)}人` : '';
  const head = [s.authorized ? `编制数${s.authorized.value}` : '', s.actual ? `实有人数${s.actual.value}人` : '']
    .filter(Boolean)
    .join('，');
  const part = (label: string, c: { value: number } | undefined, d: { value: number } | undefined) =>
    c ? `${label}${c.value}人${d ? `，${change(d)}` : ''}` : '';
  const parts = [
    part('在职', s.active, s.activeChange),
    part('退休', s.retired, s.retiredChange),
    part('离休', s.retiredBefore1949, s.retiredBefore1949Change),
  ].filter(Boolean);
  return `${doc.unit.name}${SCOPE_WORD[doc.scope]}${head}${parts.length ? `，其中：${parts.join('；')}` : ''}。`;
}

function performanceTargetGrid(doc: Disclosure, p: PerformanceTarget): GridBlock {
  const header: HeaderCell[][] = [];
  const body: BodyCell[][] = [
    [
      { text: '预算单位' },
      { text: p.unit ?? doc.unit.name, colspan: 3 },
      { text: '项目名称' },
      { text: p.project, colspan: 2 },
    ],
    // a figure the data lacks stays blank (the auditor reports the blank), it is not filled with 0
    [
      { text: '项目资金（万元）' },
      { text: '年度资金总额：' },
      numberCell(p.totalFunds ? minorOf(p.totalFunds) : undefined, false),
      { text: '其中：财政拨款' },
      numberCell(p.fiscalFunds ? minorOf(p.fiscalFunds) : undefined, false),
      { text: '其他资金' },
      numberCell(p.otherFunds ? minorOf(p.otherFunds) : undefined, false),
    ],
    [{ text: '项目总体目标' }, { text: p.goal ?? '', colspan: 6 }],
    [
      { text: '一级指标', bold: true },
      { text: '二级指标', bold: true },
      { text: '三级指标', bold: true, colspan: 2 },
      { text: '指标值（包含数字及文字描述）', bold: true, colspan: 3 },
    ],
  ];
  let last1 = '',
    last2 = '';
  for (const i of p.indicators) {
    body.push([
      { text: i.level1 === last1 ? '' : i.level1 },
      { text: i.level2 === last2 && i.level1 === last1 ? '' : i.level2 },
      { text: i.name, colspan: 2 },
      { text: i.target, colspan: 3 },
    ]);
    last1 = i.level1;
    last2 = i.level2;
  }
  return { kind: 'table', title: '项目支出绩效目标表', meta: [`（${doc.year}年）`], header, body, labelColumns: 7 };
}

function selfEvaluationGrid(doc: Disclosure, e: SelfEvaluation): GridBlock {
  const body: BodyCell[][] = [
    [
      { text: '项目名称', colspan: 2 },
      { text: e.project, colspan: 7 },
    ],
    [
      { text: '主管部门', colspan: 2 },
      { text: e.department ?? doc.unit.name, colspan: 2 },
      { text: '实施单位' },
      { text: e.implementingUnit ?? '', colspan: 4 },
    ],
    [
      { text: '项目资金（万元）', colspan: 3 },
      { text: '年初预算数' },
      { text: '全年预算数' },
      { text: '全年执行数' },
      { text: '分值' },
      { text: '执行率' },
      { text: '得分' },
    ],
  ];
  for (const f of e.funds) {
    const first = f === e.funds[0];
    body.push([
      { text: '', colspan: 2 },
      { text: f.label },
      numberCell(f.initialBudget ? minorOf(f.initialBudget) : 0, false),
      numberCell(f.fullYearBudget ? minorOf(f.fullYearBudget) : 0, false),
      numberCell(f.executed ? minorOf(f.executed) : 0, false),
      { text: first ? (f.weight ?? '') : '—' },
      first && f.executed && f.fullYearBudget && minorOf(f.fullYearBudget) !== 0
        ? {
            text: percent(shareMinor(minorOf(f.executed), minorOf(f.fullYearBudget))).text,
            percentMinor: shareMinor(minorOf(f.executed), minorOf(f.fullYearBudget)),
          }
        : { text: '—' },
      { text: first ? `${f.score ?? ''}分` : '—' },
    ]);
  }
  body.push([{ text: '年度总体目标' }, { text: '预期目标', colspan: 4 }, { text: '实际完成情况', colspan: 4 }]);
  body.push([{ text: '' }, { text: e.goal ?? '', colspan: 4 }, { text: e.result ?? '', colspan: 4 }]);
  body.push([
    { text: '' },
    { text: '一级指标', bold: true },
    { text: '二级指标', bold: true },
    { text: '三级指标', bold: true },
    { text: '年度指标值', bold: true },
    { text: '实际完成值', bold: true },
    { text: '分值', bold: true },
    { text: '得分', bold: true },
    { text: '偏差原因分析及改进措施', bold: true },
  ]);
  let last1 = '',
    last2 = '',
    firstIndicator = true;
  for (const i of e.indicators) {
    body.push([
      { text: firstIndicator ? '年度绩效指标完成情况' : '' },
      { text: i.level1 === last1 ? '' : i.level1 },
      { text: i.level2 === last2 && i.level1 === last1 ? '' : i.level2 },
      { text: i.name },
      { text: i.target },
      { text: i.actual ?? '' },
      { text: i.weight ?? '' },
      { text: i.score ?? '' },
      { text: i.deviationReason ?? '' },
    ]);
    last1 = i.level1;
    last2 = i.level2;
    firstIndicator = false;
  }
  body.push([
    { text: '总分', colspan: 6 },
    { text: e.totalWeight ?? '' },
    { text: `${e.totalScore ?? ''}分` },
    { text: '' },
  ]);
  return {
    kind: 'table',
    title: '项目支出绩效自评表',
    meta: [`（${doc.year}年度）`],
    header: [],
    body,
    labelColumns: 9,
  };
}

// ── the document ────────────────────────────────────────────────────────────────────────────────────────

function sectionBlocks(doc: Disclosure, sec: NarrativeSection): LayoutBlock[] {
  const out: LayoutBlock[] = [{ kind: 'heading', level: 3, text: `${sec.number}、${sec.title}` }];
  const para = (text: string) => out.push({ kind: 'paragraph', text });
  const sub = (n: number, text: string) =>
    out.push({ kind: 'heading', level: 4, text: `（${chineseNumber(n)}）${text}` });
  const u = doc.unit.name;
  const scope = SCOPE_WORD[doc.scope];
  const budget = doc.kind === 'budget';
  const y = doc.year;
  const plain = (f: Fact) => factSentence(doc, f, wholeFor(doc, sec, f), 'plain');
  const tableById = (id: string) => doc.tables.find((t) => t.id === id);
  switch (sec.topic) {
    case 'summary': {
      if (budget) {
        const total = findFact(sec, 'total');
        para(
          `按照全口径预算的原则，${u}${scope}${y}年所有收入和支出均纳入${scope}预算管理。收支总预算${yuan(amountOf(total) ?? 0)}。`,
        );
        const income = doc.narrative.find((s) => s.topic === 'income');
        const sources =
          income?.facts.filter((f) => f.subject.kind === 'fund' && (amountOf(f) ?? 0) > 0).map((f) => f.label) ?? [];
        para(`收入预算包括：${listNames(sources)}。`);
        const classes = (tableById('income-expenditure-summary')?.rows ?? [])
          .filter((r) => r.side === 'expenditure' && r.classification && (cellMinor(r, 'budget') ?? 0) > 0)
          .map((r) => r.label);
        para(`支出预算包括：${listNames(classes)}。`);
      } else {
        // the seeds' form: the total with its parts from the 收入支出决算总表, then the change
        const summary = tableById('final-income-expenditure-summary');
        const v = (key: string) => {
          const row = summary?.rows.find((r) => r.key === key);
          return row ? (cellMinor(row, 'final') ?? 0) : undefined;
        };
        const parts = (keys: Array<[string, string]>) =>
          keys
            .filter(([k]) => v(k) !== undefined)
            .map(([k, label]) => `${label}${yuan(v(k)!)}`)
            .join('，');
        const sinceLast = (f: Fact | undefined, label: string) => {
          if (!f?.change) return '';
          const amountMinor = amountOf(f) ?? 0;
          const delta =
            f.change.direction === 'flat' || !f.change.amount
              ? 0
              : minorOf(f.change.amount) * (f.change.direction === 'decrease' ? -1 : 1);
          const c = makeChange(amountMinor, amountMinor - delta, '上年');
          const words =
            c.direction === 'flat'
              ? `增加0.00万元${c.percent ? '，增长0.00%' : ''}`
              : `${c.word}${yuan(minorOf(c.amount!))}${c.percent ? `，${c.rateWord}${c.percent.text}` : ''}`;
          return `${label}与上年相比，${words}${reasonClause(f.reason?.text)}`;
        };
        const income = findFact(sec, 'total', 'income');
        const expenditure = findFact(sec, 'total', 'expenditure');
        if (income)
          para(
            `${y}年度收入总计${yuan(amountOf(income) ?? 0)}，其中：${parts([
              ['currentYearIncome', '本年收入合计'],
              ['nonAppropriationBalanceUsed', '使用非财政拨款结余'],
              ['openingBalance', '年初结转和结余'],
            ])}。${sinceLast(income, '收入总计')}`,
          );
        if (expenditure)
          para(
            `本年支出总计${yuan(amountOf(expenditure) ?? 0)}，其中：${parts([
              ['currentYearExpenditure', '本年支出合计'],
              ['balanceDistribution', '结余分配'],
              ['carryForward', '年末结转和结余'],
            ])}。${sinceLast(expenditure, '支出总计')}`,
          );
        for (const f of sec.facts.filter((x) => x !== income && x !== expenditure)) para(`${y}年度${plain(f)}`);
      }
      break;
    }
    case 'income':
    case 'expenditure': {
      const head = sec.facts[0];
      if (head)
        para(
          budget
            ? `${u}${scope}${sec.topic === 'expenditure' ? `${y}年` : ''}${head.label}${yuan(amountOf(head) ?? 0)}，其中：`
            : `${y}年度${head.label}${yuan(amountOf(head) ?? 0)}，其中：`,
        );
      // a source stated without an amount, or with none, is 未安排
      const unplanned = (f: Fact) => f.subject.kind === 'fund' && !f.change && (amountOf(f) ?? 0) === 0;
      for (const f of sec.facts.slice(1)) para(unplanned(f) ? `${f.label}未安排。` : plain(f));
      if (budget && sec.topic === 'income') {
        for (const [key, label] of [
          ['governmentFund', '政府性基金预算'],
          ['stateCapital', '国有资本经营预算'],
        ]) {
          if (!findFact(sec, 'fund', key)) para(`${label}未安排。`);
        }
      }
      break;
    }
    case 'fiscal': {
      if (budget) {
        const head = findFact(sec, 'fiscalAppropriation');
        para(`${y}年财政拨款收支总预算${yuan(amountOf(head) ?? 0)}。`);
        const funds = sec.facts.filter((f) => f.subject.kind === 'fund' && (amountOf(f) ?? 0) > 0);
        if (funds.length) para(`收入预算包括：${funds.map((f) => `${f.label}${yuan(amountOf(f) ?? 0)}`).join('；')}。`);
        const classes = sec.facts.filter((f) => f.subject.kind === 'function');
        para(
          `一般公共预算支出包括：${classes.map((f) => `${(f.subject.names ?? [f.label])[0]}${yuan(amountOf(f) ?? 0)}`).join('；')}。`,
        );
      } else {
        // a fact that only compares with the budget is stated in the comparison paragraph alone
        for (const f of sec.facts) if (!f.budgetAmount || f.change) para(`${y}年度${plain(f)}`);
        for (const f of sec.facts) {
          const v = varianceSentence(f);
          if (v) para(f.change || !f.reason ? v : v.replace(/。$/, reasonClause(f.reason.text)));
        }
      }
      break;
    }
    case 'generalBudget': {
      const items = sec.facts.filter((f) => f.subject.kind === 'function' && (f.subject.code?.length ?? 0) === 7);
      const classes = sec.facts.filter((f) => f.subject.kind === 'function' && (f.subject.code?.length ?? 0) === 3);
      const others = sec.facts.filter((f) => f.subject.kind !== 'function');
      sub(1, budget ? '一般公共预算当年拨款规模变化情况' : '一般公共预算财政拨款支出决算总体情况');
      if (budget) {
        const head = findFact(sec, 'generalBudget');
        para(`${u}${scope}${y}年${head?.label ?? '一般公共预算拨款合计'}${yuan(amountOf(head) ?? 0)}，其中：`);
        for (const f of others.filter((x) => x !== head)) para(plain(f));
      } else {
        for (const f of others) para(`${y}年度${plain(f)}`);
      }
      sub(2, budget ? '一般公共预算当年拨款结构情况' : '一般公共预算财政拨款支出决算结构情况');
      classes.forEach((f, i) => para(budget ? plain(f) : `${i + 1}. ${plain(f)}`));
      sub(3, budget ? '一般公共预算当年拨款具体使用情况' : '一般公共预算财政拨款支出决算具体情况');
      items.forEach((f, i) => para(`${i + 1}. ${factSentence(doc, f, undefined, 'item')}`));
      break;
    }
    case 'basic': {
      const head = findFact(sec, 'basic');
      para(`${u}${scope}${y}年${head?.label ?? '一般公共预算基本支出'}${yuan(amountOf(head) ?? 0)}，其中：`);
      const basicTable = tableById(
        budget ? 'general-budget-basic-expenditure' : 'final-general-budget-basic-expenditure',
      );
      // the 款 with their amounts, from the basic-expenditure table, in code order (as seeds 001/003 print them)
      const itemsFor = (column: string) =>
        (basicTable?.rows ?? [])
          .filter((r) => r.classification?.level === 'section' && (cellMinor(r, column) ?? 0) > 0)
          .map((r) => `${r.label}${yuan(cellMinor(r, column)!)}`);
      const personnel = findFact(sec, 'personnel');
      const pub = findFact(sec, 'public');
      if (personnel)
        para(`${personnel.label}${yuan(amountOf(personnel) ?? 0)}，主要包括：${listNames(itemsFor('personnel'))}。`);
      if (pub) para(`${pub.label}${yuan(amountOf(pub) ?? 0)}，主要包括：${listNames(itemsFor('public'))}。`);
      break;
    }
    case 'project': {
      doc.projects.forEach((p, i) => {
        para(`${i + 1}、项目名称：${p.name}`);
        if (p.policyBasis) para(`设立的政策依据：${p.policyBasis}`);
        para(`预算安排规模：${yuan(p.amount ? minorOf(p.amount) : 0)}`);
        if (p.responsibleUnit) para(`项目承担单位：${p.responsibleUnit}`);
        if (p.allocation) para(`资金分配情况：${p.allocation}。`);
        if (p.period) para(`资金执行时间：${p.period}。`);
      });
      if (doc.projects.length === 0) para(`${u}${scope}${y}年未安排一般公共预算项目支出。`);
      break;
    }
    case 'threePublic': {
      // an item may be stated in several facts (amount, then change, then budget): merge them per item
      const items = new Map<string, Fact>();
      for (const f of doc.threePublic.items) {
        const key = f.subject.key ?? '';
        const had = items.get(key);
        if (!had) items.set(key, { ...f });
        else {
          if (!had.amount && f.amount) had.amount = f.amount;
          if (!had.change && f.change) had.change = f.change;
          if (!had.reason && f.reason) had.reason = f.reason;
          if (!had.budgetAmount && f.budgetAmount) had.budgetAmount = f.budgetAmount;
        }
      }
      const v = (k: string) => amountOf(items.get(k)) ?? 0;
      const total = items.get('total');
      const fund = budget ? '一般公共预算' : '财政拨款';
      const basis = budget ? '上年预算' : '上年决算';
      para(
        `${u}${scope}${y}年${fund}${THREE_PUBLIC_NAME.total}${budget ? '预算' : '支出决算'}${yuan(v('total'))}，其中：${THREE_PUBLIC_NAME.overseas}${yuan(v('overseas'))}，${THREE_PUBLIC_NAME.vehiclePurchase}${yuan(v('vehiclePurchase'))}，${THREE_PUBLIC_NAME.vehicleOperation}${yuan(v('vehicleOperation'))}，${THREE_PUBLIC_NAME.reception}${yuan(v('reception'))}。`,
      );
      para(
        `${THREE_PUBLIC_NAME.vehicle}${yuan(v('vehiclePurchase') + v('vehicleOperation'))}，其中：${THREE_PUBLIC_NAME.vehiclePurchase}${yuan(v('vehiclePurchase'))}，${THREE_PUBLIC_NAME.vehicleOperation}${yuan(v('vehicleOperation'))}。`,
      );
      // the changes, as the templates word them: the total first, then each item with its reason
      const changeOf = (f: Fact | undefined): string => {
        if (!f?.change) return '';
        const delta =
          f.change.direction === 'flat' || !f.change.amount
            ? 0
            : minorOf(f.change.amount) * (f.change.direction === 'decrease' ? -1 : 1);
        const amountMinor = amountOf(f) ?? 0;
        return `${changeClause(makeChange(amountMinor, amountMinor - delta, f.change.basis ?? basis))}${f.reason ? `，主要原因是：${f.reason.text}` : ''}`;
      };
      if (total?.change) {
        const itemClauses = (['overseas', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const)
          .map((k) => [k, items.get(k)] as const)
          .filter(([, f]) => f?.change)
          .map(([k, f]) => `${THREE_PUBLIC_NAME[k]}${changeOf(f)}`);
        para(
          `${y}年${fund}“三公”经费${changeOf(total)}${itemClauses.length ? `，其中：${itemClauses.join('；')}` : ''}。`,
        );
      }
      const tp = doc.threePublic;
      if (!budget) {
        para(
          `单位全年安排的因公出国（境）团组${tp.overseasGroups?.value ?? 0}个，因公出国（境）${tp.overseasPeople?.value ?? 0}人次；公务用车购置数${tp.vehiclesPurchased?.value ?? 0}辆，公务用车保有量${tp.vehiclesHeld?.value ?? 0}辆；国内公务接待${tp.receptionBatches?.value ?? 0}批次，${tp.receptionPeople?.value ?? 0}人次。`,
        );
        if (total?.budgetAmount) {
          const variance = (k: string, label: string) => {
            const f = items.get(k);
            if (!f?.budgetAmount) return '';
            const b = minorOf(f.budgetAmount);
            const vr = varianceMinor(v(k), b);
            return `${label}全年预算数${yuan(b)}，决算数${yuan(v(k))}${vr === null ? '' : `，预决算差异率${percent(vr).text}`}`;
          };
          const parts = [
            ['overseas', '因公出国（境）费'],
            ['vehicle', '公务用车购置及运行费'],
            ['vehiclePurchase', '公务用车购置费'],
            ['vehicleOperation', '公务用车运行费'],
            ['reception', '公务接待费'],
          ]
            .map(([k, l]) => variance(k, l))
            .filter(Boolean);
          para(
            `与全年预算数相比情况：${variance('total', '“三公”经费支出')}。${parts.length ? `其中：${parts.join('；')}。` : ''}`,
          );
        }
      }
      break;
    }
    case 'governmentFund':
    case 'stateCapital': {
      const f = sec.facts[0];
      const what = sec.topic === 'governmentFund' ? '政府性基金预算' : '国有资本经营预算';
      const tableTitle =
        doc.tables.find((t) => (sec.topic === 'governmentFund' ? /government-fund/ : /state-capital/).test(t.id))
          ?.title ?? `${what}支出情况表`;
      if (!f || (amountOf(f) ?? 0) === 0)
        para(`${u}${scope}${y}年没有使用${what}拨款安排的支出，${tableTitle}为空表。`);
      else para(`${u}${scope}${y}年${what}拨款支出${yuan(amountOf(f) ?? 0)}。`);
      break;
    }
    case 'other': {
      const oc = doc.operatingCosts.fact;
      sub(1, budget ? '机关运行经费情况' : '机关运行经费支出情况');
      if (oc)
        para(
          `${y}年，${u}${scope}机关运行经费财政拨款${budget ? '预算' : '支出'}${factSentence(doc, oc, undefined, 'plain').replace(/^机关运行经费/, '')}`,
        );
      sub(2, '政府采购情况');
      const pr = doc.procurement;
      const m = (a: typeof pr.total) => (a ? minorOf(a) : 0);
      if (budget) {
        para(
          `${y}年，${u}${scope}政府采购预算${yuan(m(pr.total))}，其中：政府采购货物预算${yuan(m(pr.goods))}，政府采购工程预算${yuan(m(pr.works))}，政府采购服务预算${yuan(m(pr.services))}。`,
        );
        para(
          `${y}年度本${scope}面向中小企业预留政府采购项目预算金额${yuan(m(pr.sme))}，其中：面向小微企业预留政府采购项目预算金额${yuan(m(pr.smallMicro))}。`,
        );
      } else {
        para(
          `${y}年度政府采购支出总额${yuan(m(pr.total))}，其中：政府采购货物支出${yuan(m(pr.goods))}、政府采购工程支出${yuan(m(pr.works))}、政府采购服务支出${yuan(m(pr.services))}。`,
        );
        para(
          `授予中小企业合同金额${yuan(m(pr.sme))}，占政府采购支出总额的${percent(shareMinor(m(pr.sme), m(pr.total))).text}，其中：授予小微企业合同金额${yuan(m(pr.smallMicro))}，占政府采购支出总额的${percent(shareMinor(m(pr.smallMicro), m(pr.total))).text}。`,
        );
      }
      sub(3, budget ? '国有资产占用使用情况' : '国有资产占用情况');
      const as = doc.assets;
      const asOf = as.asOf
        ? `${as.asOf.slice(0, 4)}年${Number(as.asOf.slice(5, 7))}月${Number(as.asOf.slice(8, 10))}日`
        : '';
      para(`截至${asOf}，${u}${scope}占用使用国有资产总体情况为：`);
      para(
        `1. 房屋${as.buildingArea?.value ?? 0}平方米，价值${yuan(as.buildingValue ? minorOf(as.buildingValue) : 0)}。`,
      );
      para(
        `2. 车辆${as.vehicles?.value ?? 0}辆，价值${yuan(as.vehiclesValue ? minorOf(as.vehiclesValue) : 0)}；其中：${as.vehicleCategories.map((c) => `${c.name}${c.count.value}辆，价值${yuan(c.value ? minorOf(c.value) : 0)}`).join('；')}。`,
      );
      para(`3. 办公家具价值${yuan(as.furnitureValue ? minorOf(as.furnitureValue) : 0)}。`);
      para(`4. 其他资产价值${yuan(as.otherAssetsValue ? minorOf(as.otherAssetsValue) : 0)}。`);
      para(
        `价值50万元以上大型设备${as.equipmentOver50?.value ?? 0}台，价值100万元以上大型设备${as.equipmentOver100?.value ?? 0}台。`,
      );
      sub(4, budget ? '预算绩效情况' : '预算绩效情况');
      const perf = doc.performance;
      if (budget) {
        para(
          `${y}年度，本年度预算绩效管理的财政拨款项目${perf.projectCount?.value ?? perf.targets.length}个，涉及预算金额${yuan(perf.amount ? minorOf(perf.amount) : 0)}。具体情况见下表：`,
        );
        for (const t of perf.targets) out.push(performanceTargetGrid(doc, t));
      } else {
        para(
          `根据预算绩效管理要求，${u}${y}年度开展预算绩效评价项目${perf.selfEvaluations.length}个，全年预算数${yuan(perf.budgetAmount ? minorOf(perf.budgetAmount) : 0)}，全年执行数${yuan(perf.executedAmount ? minorOf(perf.executedAmount) : 0)}。具体情况见下表：`,
        );
        for (const e of perf.selfEvaluations) out.push(selfEvaluationGrid(doc, e));
      }
      sub(5, '其他需说明的事项');
      para(`本${scope}无其他需说明事项。`);
      break;
    }
    default:
      for (const f of sec.facts) para(f.text);
  }
  return out;
}

/**
 * The text of an explanation section as the writer prints it (paragraphs and sub-headings, composed from the facts
 * and tables): one composer for what is rendered and for the model's own `paragraphs`.
 */
export function sectionParagraphs(doc: Disclosure, sec: NarrativeSection): string[] {
  return sectionBlocks(doc, sec)
    .slice(1)
    .flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));
}

/** Gives every explanation section without text the paragraphs the writer composes for it (samples, workbooks). */
export function composeParagraphs(doc: Disclosure): void {
  for (const sec of doc.narrative) {
    if (sec.paragraphs.length === 0) sec.paragraphs = sectionParagraphs(doc, sec).map((text) => ({ text, at: sec.at }));
  }
}

/** The layout of a disclosure in the standard order: 概况, 公开表 (budget) or 说明 first (final), 名词解释. */
export function layoutDisclosure(doc: Disclosure): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  const u = doc.unit.name;
  const scope = SCOPE_WORD[doc.scope];
  const kindWord = KIND_WORD[doc.kind];
  const y = doc.year;
  const budget = doc.kind === 'budget';
  const partTitles = standardPartTitles(titleSubject(doc));
  const numbers = PART_NUMBERS;
  const standard = standardTableIds(doc.kind);
  const tables = standard
    .map((id) => doc.tables.find((t) => t.id === id))
    .filter((t): t is Table => !!t && (t.status === 'present' || t.status === 'empty'));

  out.push({ kind: 'heading', level: 1, text: doc.title.text || `${u}${y}年${scope}${kindWord}公开` });
  out.push({ kind: 'heading', level: 1, text: '目 录' });
  partTitles.forEach((title, i) => {
    out.push({ kind: 'heading', level: 2, text: `第${numbers[i]}部分 ${title}` });
    if (i === 0) ['一、主要职能', '二、机构设置及人员情况'].forEach((text) => out.push({ kind: 'paragraph', text }));
    if (/公开表|报表/.test(title))
      tables.forEach((t, k) => out.push({ kind: 'paragraph', text: `${chineseNumber(k + 1)}、${t.title}` }));
    if (/情况说明/.test(title))
      doc.narrative.forEach((s) => out.push({ kind: 'paragraph', text: `${s.number}、${s.title}` }));
  });

  const overview = (): void => {
    out.push({ kind: 'heading', level: 2, text: `第${numbers[0]}部分 ${partTitles[0]}` });
    out.push({ kind: 'heading', level: 3, text: '一、主要职能' });
    for (const f of doc.overview.functions) out.push({ kind: 'paragraph', text: f.text });
    out.push({ kind: 'heading', level: 3, text: '二、机构设置及人员情况' });
    const org = doc.overview.organisation;
    const subs = doc.unit.subordinateUnits;
    if (subs.length) {
      out.push({
        kind: 'paragraph',
        text: `从预算单位构成看，${u}${scope}的${kindWord}包括：${u}本级${kindWord}及下属${subs.length}家预算单位在内的汇总${kindWord}。`,
      });
      out.push({
        kind: 'paragraph',
        text: `纳入${u}${scope}${y}年${scope}${kindWord}编制范围的二级预算单位包括：${subs.map((s) => s.name).join('、')}。`,
      });
    } else {
      out.push({ kind: 'paragraph', text: `${u}无下属预算单位。` });
    }
    if (org.internalDivisions.length)
      out.push({
        kind: 'paragraph',
        text: `${u}本级下设${org.internalDivisions.length}个处室，分别是：${org.internalDivisions.join('、')}。`,
      });
    out.push({ kind: 'paragraph', text: staffLine(doc) });
  };
  const tablesPart = (n: number): void => {
    out.push({ kind: 'heading', level: 2, text: `第${numbers[n]}部分 ${partTitles[n]}` });
    tables.forEach((t, k) => out.push(tableGrid(doc, t, k + 1)));
  };
  const narrativePart = (n: number): void => {
    out.push({ kind: 'heading', level: 2, text: `第${numbers[n]}部分 ${partTitles[n]}` });
    for (const sec of doc.narrative) out.push(...sectionBlocks(doc, sec));
    // data without the 其他重要事项 section (e.g. read from a workbook) still carries its performance tables
    if (!doc.narrative.some((s) => s.topic === 'other')) {
      for (const t of doc.performance.targets) out.push(performanceTargetGrid(doc, t));
      for (const e of doc.performance.selfEvaluations) out.push(selfEvaluationGrid(doc, e));
    }
  };
  const glossaryPart = (n: number): void => {
    out.push({ kind: 'heading', level: 2, text: `第${numbers[n]}部分 ${partTitles[n]}` });
    doc.glossary.forEach((g, i) =>
      out.push({ kind: 'paragraph', text: `${chineseNumber(i + 1)}、${g.term}：${g.definition}` }),
    );
  };
  overview();
  if (budget) {
    tablesPart(1);
    narrativePart(2);
    glossaryPart(3);
  } else {
    narrativePart(1);
    glossaryPart(2);
    tablesPart(3);
  }
  out.push({ kind: 'paragraph', text: doc.signature?.text ?? u });
  if (doc.date?.iso) {
    const [yy, mm, dd] = doc.date.iso.split('-').map(Number);
    out.push({ kind: 'paragraph', text: `${yy}年${mm}月${dd}日` });
  }
  return out;
}

/** Column count of a grid (header or body, merged cells expanded). */
export function gridWidth(g: GridBlock): number {
  const w = (cells: Array<{ colspan?: number }>) => cells.reduce((s, c) => s + (c.colspan ?? 1), 0);
  const headerWidths = expandHeader(g.header).map((r) => r.length);
  return Math.max(0, ...headerWidths, ...g.body.map(w));
}

/** Header rows as a dense grid: merged cells leave '' in the positions they cover (the seeds' text form). */
export function expandHeader(header: HeaderCell[][]): string[][] {
  const grid: string[][] = header.map(() => []);
  const taken: boolean[][] = header.map(() => []);
  header.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r][c]) c++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs && r + dr < header.length; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          taken[r + dr][c + dc] = true;
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
        }
      }
      c += cs;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
}

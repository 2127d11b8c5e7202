// Performance tables: 项目支出绩效目标表 (budget) and 项目支出绩效自评表 (final accounts) → model.
//
// Converted PDFs shift cells left or right after page breaks and split merged cells, so rows are read by
// what their cells say (label words, level vocabulary, comparators, numbers), never by column position.
import { withPageAndBox, type Block, type TableBlock } from '../read/blocks.js';
import type { Amount, Disclosure, Indicator, Place } from '../model/schema.js';
import { makeAmount, makePercent, toHalfWidth } from '../model/money.js';
import { tableTitleOf } from './tables.js';
import type { ExtractContext } from './context.js';
import { warn } from './context.js';
import { isNumericCell, norm, NUMBER, tidy } from './text-utils.js';
import { flatMap } from './arrays.js';

export interface PerformanceTables {
  targets: Disclosure['performance']['targets'];
  selfEvaluations: Disclosure['performance']['selfEvaluations'];
}

type Target = PerformanceTables['targets'][number];
type SelfEvaluation = PerformanceTables['selfEvaluations'][number];
type FundLine = SelfEvaluation['funds'][number];

/**
 * A project table's title: 项目支出绩效目标表 / 项目支出绩效自评表, also with a short prefix (部门预算…, 附件2：,
 * a project's name: "信访干部培训专项项目绩效自评表") and 专项业务经费绩效目标表; optionally followed by its year.
 */
const TITLE = /^[^。；;，,]{0,40}?(?:项目支出|项目|专项业务经费)绩效(目标|自评)表(?:\(\d{4}年度?\))?$/;
/** Another performance table (部门整体支出绩效目标表, 专项资金总体绩效目标表 …): it ends the project tables. */
const OTHER_TITLE = /^[^。；;，,]{0,40}绩效(?:目标|自评|评价)表(?:\(\d{4}年度?\))?$/;

/** 二级指标 → the 一级指标 it belongs to in the standard indicator framework. */
const LEVEL2_PARENT: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  满意度指标: '满意度指标',
  服务对象满意度指标: '满意度指标',
  // the framework of 2021 on: 成本指标 is a 一级指标 of its own
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
};
/** 成本指标 and 满意度指标 are 一级 or 二级 words: a row printing two level words names both levels */
const LEVEL_WORDS = new Set(['产出指标', '效益指标', '满意度指标', '成本指标', ...Object.keys(LEVEL2_PARENT)]);
/**
 * halves of a level word cut by a page break ("效益指" | "标"); a whole word short of its 指标 ending is an indicator's
 * own name ("服务对象满意度"), not a fragment
 */
const LEVEL_WORD_LIST = [...LEVEL_WORDS];
const isLevelFragment = (key: string) =>
  key === '标' ||
  key === '指标' ||
  (key.length >= 2 && LEVEL_WORD_LIST.some((w) => w.length - key.length === 1 && w.startsWith(key)));

/** Cells that label the indicator block itself (merged row headers, possibly split by the converter). */
const BLOCK_LABELS = new Set(['绩效指标', '绩效', '指标', '年度绩效指标', '年度绩效指标完成情况']);

const COMPARATOR_START = /^(?:>=|<=|≥|≤|≪|=|>|<)\s*\d/;
const DIGIT_START = /^\d/;
/** one unknown symbol standing where a comparator should be ("€2000") */
const GARBLED_COMPARATOR_START = /^[^\s\d\u3400-\u9fffA-Za-z≥≤≪=<>]\s*\d/;
/** characters a printed cell may hold; anything else ("ξ", "€", "「", "[") is conversion noise */
const NOISE_CHAR = /[^\u3400-\u9fff0-9A-Za-z\s，。、：；:;,.（）()“”"'‘’《》%％/\-—–·～~≥≤≪=<>＋+×?？!！]/g;
/** a single Latin letter glued to Chinese text ("f办公室"): noise in names of organisations, not in indicators ("A级") */
const LONE_LATIN =
  /(?<![A-Za-z0-9])[A-Za-z](?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[A-Za-z](?![A-Za-z0-9])|^[A-Za-z]$/g;
const CJK = /[\u3400-\u9fff]/;

interface Cell {
  text: string;
  at: Place;
}
interface Row {
  cells: Cell[];
  /** first row of a grid: the row after a page break when the table continues */
  gridStart: boolean;
  line: number;
  /** the row's label and value tokens, once asked for (see tokenize) */
  tokens?: Token[];
  /** whether it is the indicator header row, once asked for (see isHeaderRow: each reader asks again) */
  header?: boolean;
  /** index of its 总分 cell (-1: none), once asked for (see totalIndex) */
  total?: number;
}

/** Reads every performance table found in `blocks` (the whole body; titles locate them). */
export function extractPerformanceTables(blocks: Block[], ctx: ExtractContext): PerformanceTables {
  const result: PerformanceTables = { targets: [], selfEvaluations: [] };
  for (const section of findSections(blocks, ctx.kind)) {
    for (const rows of splitProjects(flatMap(section.grids, gridRows))) {
      // the table's place: its first row, through its last row
      const first = rows[0].cells[0]?.at ?? { line: rows[0].line, column: 1 };
      const at = withPageAndBox<Place>(
        { line: rows[0].line, column: first.column, endLine: rows[rows.length - 1].line },
        first,
      );
      if (section.kind === 'target') result.targets.push(readTarget(rows, at, ctx));
      else result.selfEvaluations.push(readSelfEvaluation(rows, at, ctx));
    }
  }
  return result;
}

interface Section {
  kind: 'target' | 'self';
  grids: TableBlock[];
}

/** Titles start a table; its grids run until the next title or a numbered part/section/subsection heading. */
function findSections(blocks: Block[], kind: ExtractContext['kind']): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const block of blocks) {
    if (block.type !== 'table') {
      // titles are short and name 绩效…表: skip normalising the long paragraphs
      const text = block.text.length <= 80 && block.text.includes('表') ? norm(block.text) : '';
      const m = TITLE.exec(text);
      if (m) {
        current = { kind: m[1] === '目标' ? 'target' : 'self', grids: [] };
        sections.push(current);
        continue;
      }
      if (OTHER_TITLE.test(text)) current = null;
      // a standard table after the performance tables (决算报表 printed after the 说明) ends them
      if (current && tableTitleOf(block, { kind })) current = null;
      if (block.type === 'heading' && ['part', 'section', 'subsection', 'table'].includes(block.numbering))
        current = null;
      continue;
    }
    current?.grids.push(block);
  }
  return sections;
}

/** One title may head several projects' tables printed one after another: a 项目名称 row after indicators starts the next. */
function splitProjects(rows: Row[]): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] = [];
  let indicatorsSeen = false;
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    if (indicatorsSeen && row.cells[0]?.text.includes('项目') && tokenize(row)[0]?.label === 'project') {
      tables.push(current);
      current = [];
      indicatorsSeen = false;
    }
    current.push(row);
    if (isHeaderRow(row)) indicatorsSeen = true;
  }
  if (current.length) tables.push(current);
  return tables;
}

function gridRows(grid: TableBlock): Row[] {
  return grid.rows.map((cells, i) => {
    const kept: Cell[] = [];
    for (const c of cells) {
      if (c.text === '') continue;
      const text = tidy(c.text);
      if (text !== '') kept.push({ text, at: c.at });
    }
    return { cells: kept, gridStart: i === 0, line: cells[0]?.at.line ?? grid.at.line };
  });
}

/** Whether `text` contains `name` with at most one character misread (names of 8+ characters only). */
function nearlyContains(text: string, name: string): boolean {
  if (name.length < 8) return text.includes(name);
  for (let i = 0; i + name.length <= text.length; i++) {
    let misses = 0;
    for (let k = 0; k < name.length && misses <= 1; k++) if (text[i + k] !== name[k]) misses++;
    if (misses <= 1) return true;
  }
  return false;
}

/** Removes conversion noise from a cell; `names` also drops lone Latin letters (organisation names). */
const CLEAN_CELL = /^[\u3400-\u9fff0-9A-Za-z%.≥≤=]*$/;
function stripNoise(text: string, names = false): string {
  if (!names && CLEAN_CELL.test(text)) return text;
  const kept = text.replace(NOISE_CHAR, '');
  return (names ? kept.replace(LONE_LATIN, '') : kept).replace(/\s+/g, ' ').trim();
}

function isGarbled(text: string, names = false): boolean {
  return stripNoise(text, names) !== text.replace(/\s+/g, ' ').trim();
}

function isHeaderRow(row: Row): boolean {
  return (row.header ??= row.cells.some((c) => c.text.includes('级') && norm(c.text) === '一级指标'));
}

/** the index of the row's 总分 cell, or -1 */
function totalIndex(row: Row): number {
  return (row.total ??= row.cells.findIndex(isTotalCell));
}

/** the 总分 cell of a self-evaluation's last row (norm keeps CJK characters: a cell without 分 is not it) */
function isTotalCell(c: Cell): boolean {
  return c.text.includes('分') && norm(c.text) === '总分';
}

// ---------------------------------------------------------------- header labels (项目名称, 预算单位, funds …)

type LabelKey =
  | 'project'
  | 'unit'
  | 'department'
  | 'implementingUnit'
  | 'fundsHeader'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'goal'
  | 'selfGoal'
  | 'ignored';

/** Labels as printed, with any spacing the converter put between their characters. */
const LABELS: Array<[LabelKey, string[]]> = [
  ['project', ['项目名称']],
  ['unit', ['预算单位']],
  ['department', ['主管部门']],
  ['implementingUnit', ['实施单位']],
  ['fundsHeader', ['项目资金(万元)', '项目资金', '资金金额(万元)', '资金金额']],
  ['total', ['年度资金总额', '实施期资金总额', '资金总额']],
  ['fiscal', ['其中:财政拨款', '财政拨款']],
  ['other', ['其他资金']],
  ['selfGoal', ['年度总体目标']],
  ['goal', ['项目总体目标', '总体目标', '年度目标']],
  // column headings printed among the labels
  ['ignored', ['执行率分值', '分值权重']],
];

/** A label's characters with optional spaces between them; either width of brackets and colons. */
const LABEL_PATTERNS: Array<[LabelKey, RegExp]> = LABELS.map(([key, words]) => {
  const charPattern = (ch: string) => (ch === '(' ? '[(（]' : ch === ')' ? '[)）]' : ch === ':' ? '[:：]' : ch);
  const alternatives = words.map((w) => [...w].map(charPattern).join('\\s*')).join('|');
  return [key, new RegExp(`(?:${alternatives})\\s*[:：]?`)];
});

/** cells longer than this are prose, never "label value" pairs */
const LONG_CELL = 40;

interface Token {
  label?: LabelKey;
  text: string;
  at: Place;
}

/** any of the labels, to pass over the cells that hold none (most) with one test instead of one per label */
const ANY_LABEL = new RegExp(LABEL_PATTERNS.map(([, re]) => re.source).join('|'));

/** Splits a row into label tokens and value tokens; a cell may hold "label:value" or "… label value". */
function tokenize(row: Row): Token[] {
  return (row.tokens ??= tokenizeCells(row));
}

function tokenizeCells(row: Row): Token[] {
  const tokens: Token[] = [];
  for (const cell of row.cells) {
    let rest = cell.text;
    if (rest.length > LONG_CELL) {
      // prose (a goal) may mention 其他资金 or 财政拨款 without being a label
      tokens.push({ text: rest, at: cell.at });
      continue;
    }
    if (!ANY_LABEL.test(rest)) {
      tokens.push({ text: rest.trim(), at: cell.at });
      continue;
    }
    while (rest !== '') {
      let best: { key: LabelKey; index: number; length: number } | null = null;
      for (const [key, re] of LABEL_PATTERNS) {
        const m = re.exec(rest);
        if (m && (best === null || m.index < best.index || (m.index === best.index && m[0].length > best.length)))
          best = { key, index: m.index, length: m[0].length };
      }
      if (!best) {
        tokens.push({ text: rest.trim(), at: cell.at });
        break;
      }
      const before = rest.slice(0, best.index).trim();
      if (before) tokens.push({ text: before, at: cell.at });
      tokens.push({ label: best.key, text: rest.slice(best.index, best.index + best.length).trim(), at: cell.at });
      rest = rest.slice(best.index + best.length).trim();
    }
  }
  return tokens.filter((t) => t.text !== '');
}

const AMOUNT_TOKEN = new RegExp(`^(${NUMBER})\\s*万?元?[。.]?$`);

/** The amount in a value token: "295", "29 5" (split by the converter), "20万元。". */
function readAmount(token: Token | undefined): Amount | null {
  if (!token) return null;
  const text = token.text.replace(/万元[。.]?$|[。.]$/, '').trim();
  if (isNumericCell(text)) return makeAmount(text, '万元', token.at);
  const m = AMOUNT_TOKEN.exec(toHalfWidth(token.text).trim());
  return m ? makeAmount(m[1], '万元', token.at) : null;
}

const ORG_SUFFIX = /(办公室|局|中心|委员会|委|院|所|站|馆|队|处|厅|部|会|校|政府|社|团|室|办)$/;

// ---------------------------------------------------------------- 项目支出绩效目标表

function readTarget(rows: Row[], at: Place, ctx: ExtractContext): Target {
  const target: Target = { project: '', indicators: [], at };
  const headerEnd = rows.findIndex(isHeaderRow);
  const headRows = headerEnd < 0 ? rows : rows.slice(0, headerEnd);
  const values: Partial<Record<LabelKey, Token[]>> = {};
  const seen = new Map<LabelKey, Place>();
  let pending: LabelKey | null = null;
  const where = (p: Place) => `第 ${p.line} 行`;

  for (const row of headRows) {
    const tokens = tokenize(row);
    const hasLabel = tokens.some((t) => t.label);
    let current: LabelKey | null = null;
    for (const t of tokens) {
      if (t.label) {
        if (current === 'goal' && !values.goal?.length) pending = current;
        current = t.label;
        if (!seen.has(t.label)) seen.set(t.label, t.at);
        continue;
      }
      const key: LabelKey | null = current ?? (!hasLabel ? pending : null);
      // names may be split over several cells; other labels take one value
      if (key && (key === 'unit' || key === 'project' || key !== current || !values[key]?.length)) {
        (values[key] ??= []).push(t);
        if (key === pending) pending = null;
        continue;
      }
      if (!hasLabel && !seen.has('goal') && !values.goal && t.text.length >= 30 && CJK.test(t.text)) {
        // the goal row whose label the converter lost: the long prose cell is the goal
        values.goal = [t];
        warn(ctx, 'targetUnlabelledGoal', { where: where(t.at) }, t.at);
        continue;
      }
      warn(ctx, 'targetHeaderGarbled', { text: t.text, where: where(t.at) }, t.at);
    }
    // 总体目标 | 年度目标 with the text on the next row
    if (current === 'goal' && !values.goal?.length) pending = current;
  }

  const projectTokens = values.project ?? [];
  if (projectTokens.length) {
    const project = { text: projectTokens.map((t) => t.text).join(''), at: projectTokens[0].at };
    target.project = project.text;
    if (isGarbled(project.text, true))
      warn(ctx, 'projectNameGarbled', { text: project.text, where: where(project.at) }, project.at);
  } else warn(ctx, 'targetMissingProject', { line: at.line }, at);

  // 预算单位, or the 主管部门 / 实施单位 of templates that print those instead
  const unitTokens = values.unit ?? values.implementingUnit ?? values.department ?? [];
  if (unitTokens.length) {
    const printed = unitTokens.map((t) => t.text).join('');
    const text = unitTokens.map((t) => stripNoise(t.text, true)).join('');
    if (!ORG_SUFFIX.test(text))
      warn(ctx, 'unitUnreadable', { text: printed, where: where(unitTokens[0].at) }, unitTokens[0].at);
    else {
      target.unit = text;
      if (text !== printed)
        warn(
          ctx,
          'unitGarbledDropped',
          { text: printed, clean: text, where: where(unitTokens[0].at) },
          unitTokens[0].at,
        );
    }
  }

  if (!target.unit && ctx.unitName) {
    // a garbled header may still print the document's own unit with one character misread
    const cell = flatMap(headRows, (r) => r.cells).find((c) => nearlyContains(c.text, ctx.unitName));
    if (cell) {
      target.unit = ctx.unitName;
      warn(ctx, 'unitRecognised', { text: cell.text, where: where(cell.at) }, cell.at);
    }
  }

  const amount = (key: 'total' | 'fiscal' | 'other', label: string): Amount | undefined => {
    if (!seen.has(key)) return undefined;
    const token = values[key]?.[0];
    const a = readAmount(token);
    if (a) return a;
    const p = token?.at ?? seen.get(key) ?? at;
    warn(ctx, 'targetBlankAmount', { label, printed: token ? `（"${token.text}"）` : '', where: where(p) }, p);
    return undefined;
  };
  const total = amount('total', '年度资金总额');
  const fiscal = amount('fiscal', '财政拨款');
  const other = amount('other', '其他资金');
  if (total) target.totalFunds = total;
  if (fiscal) target.fiscalFunds = fiscal;
  if (other) target.otherFunds = other;
  const goal = values.goal?.map((t) => t.text).join('');
  if (goal) target.goal = goal;

  if (headerEnd < 0) {
    warn(ctx, 'targetNoIndicators', { project: target.project }, at);
    return target;
  }
  // some templates give each indicator a weight (分值权重) after its target
  const weighted = rows[headerEnd].cells.some((c) => /分值|权重/.test(c.text));
  target.indicators = readIndicators(rows.slice(headerEnd + 1), weighted ? 'weighted-target' : 'target', ctx);
  return target;
}

// ---------------------------------------------------------------- indicators

interface LevelState {
  level1: string;
  level2: string;
}

/** Level words of a row (一级/二级指标 vocabulary) and the content cells that remain. */
function splitLevels(row: Row): { level1?: string; level2?: string; content: Cell[] } {
  const words: string[] = [];
  const content: Cell[] = [];
  for (const cell of row.cells) {
    // every block label, level word and fragment of one holds 指, 标 or 绩 (norm keeps CJK characters)
    if (!cell.text.includes('指') && !cell.text.includes('标') && !cell.text.includes('绩')) {
      content.push(cell);
      continue;
    }
    const key = norm(cell.text);
    if (BLOCK_LABELS.has(key)) continue;
    if (content.length === 0 && LEVEL_WORDS.has(key)) words.push(key);
    else if (content.length === 0 && isLevelFragment(key)) continue;
    else content.push(cell);
  }
  if (words.length >= 2) return { level1: words[0], level2: words[words.length - 1], content };
  if (words.length === 1)
    return words[0] in LEVEL2_PARENT ? { level2: words[0], content } : { level1: words[0], content };
  return { content };
}

function applyLevels(state: LevelState, found: { level1?: string; level2?: string }): void {
  if (found.level2) {
    state.level2 = found.level2;
    state.level1 = found.level1 ?? LEVEL2_PARENT[found.level2] ?? state.level1;
  } else if (found.level1) {
    if (state.level1 !== found.level1 && LEVEL2_PARENT[state.level2] !== found.level1) state.level2 = '';
    state.level1 = found.level1;
  }
}

/** "≥60 天" → ≥ / 60 / 天; "2022 年 12 月" → value only; "有所提升" → value only. */
export function splitTarget(target: string): Pick<Indicator, 'comparator' | 'value' | 'valueUnit'> {
  const t = toHalfWidth(target).trim();
  const m = /^(>=|<=|≥|≤|≪|=|>|<)\s*(\d+(?:\.\d+)?)\s*(.*)$/.exec(t);
  if (m) {
    const out: Pick<Indicator, 'comparator' | 'value' | 'valueUnit'> = {
      comparator: m[1] === '≪' ? '≤' : m[1],
      value: m[2],
    };
    if (m[3].trim()) out.valueUnit = m[3].trim();
    return out;
  }
  if (t === '') return {};
  if (/^\d{4}\s*年/.test(t)) return { value: target.trim() };
  const n = /^(\d+(?:\.\d+)?)\s*(.*)$/.exec(t);
  if (n) return n[2].trim() ? { value: n[1], valueUnit: n[2].trim() } : { value: n[1] };
  return { value: target.trim() };
}

/**
 * The indicator with splitTarget's comparator, value and unit added in that order (the model's key order), then
 * filled in by the caller; assigned rather than spread into a new object per row.
 */
function withTarget(indicator: Omit<Indicator, 'at'> & { at?: Place }, target: string): Indicator {
  const t = splitTarget(target);
  if (t.comparator !== undefined) indicator.comparator = t.comparator;
  if (t.value !== undefined) indicator.value = t.value;
  if (t.valueUnit !== undefined) indicator.valueUnit = t.valueUnit;
  return indicator as Indicator;
}

function stripPoints(text: string): string {
  return text.replace(/\s*分$/, '').trim();
}

function isScore(text: string): boolean {
  return isNumericCell(stripPoints(text));
}

interface LabelRow extends LevelState {
  row: number;
}

/**
 * Reads the indicator rows. Level words come from merged cells: most tables print them on the first row of
 * their group (carried down), some centre them vertically (the first rows have no level). In a centred table a
 * row between two labels belongs to the nearer one; a 元 target leans towards 成本指标 and any other away from it.
 */
function readIndicators(rows: Row[], kind: 'target' | 'weighted-target' | 'self', ctx: ExtractContext): Indicator[] {
  const indicators: Indicator[] = [];
  const state: LevelState = { level1: '', level2: '' };
  const labels: LabelRow[] = [];
  const placed: Array<{ indicator: Indicator; row: number; own: boolean; carried: LevelState }> = [];
  let centred = false;

  rows.forEach((row, r) => {
    if (isHeaderRow(row)) return;
    if (totalIndex(row) >= 0) return;
    const found = splitLevels(row);
    const own = Boolean(found.level1 || found.level2);
    if (own) {
      applyLevels(state, found);
      labels.push({ row: r, ...state });
    }
    if (found.content.length === 0) return;

    // noise cells standing before the indicator's name are dropped into warnings
    let content = found.content;
    const nameIndex = content.findIndex((c) => CJK.test(stripNoise(c.text)));
    if (nameIndex < 0) {
      for (const c of content) warn(ctx, 'indicatorRowGarbled', { text: c.text, line: c.at.line }, c.at);
      return;
    }
    for (const c of content.slice(0, nameIndex))
      warn(ctx, 'indicatorCellDropped', { text: c.text, line: c.at.line }, c.at);
    content = content.slice(nameIndex);

    if (placed.length === 0 && !own && labels.length === 0) {
      centred = true;
      warn(ctx, 'centredLevels', { line: row.line }, content[0].at);
    }
    const indicator =
      kind === 'self'
        ? readSelfIndicator(content, ctx)
        : readTargetIndicator(row, content, kind === 'weighted-target', indicators, ctx);
    if (!indicator) return;
    indicators.push(indicator);
    placed.push({ indicator, row: r, own, carried: { ...state } });
  });

  for (const p of placed) {
    let levels: LevelState | undefined = p.carried;
    if (!p.own && (centred || !p.carried.level1)) {
      const before = [...labels].reverse().find((l) => l.row < p.row);
      const after = labels.find((l) => l.row > p.row);
      levels = centred ? nearestLabel(p, before, after) : (after ?? before);
    }
    if (!levels?.level1) {
      warn(ctx, 'missingLevel', { name: p.indicator.name, line: p.indicator.at.line }, p.indicator.at);
      continue;
    }
    p.indicator.level1 = levels.level1;
    p.indicator.level2 = levels.level2;
  }
  return indicators;
}

function nearestLabel(
  p: { indicator: Indicator; row: number },
  before?: LabelRow,
  after?: LabelRow,
): LabelRow | undefined {
  if (!before || !after) return before ?? after;
  const cost = /元/.test(p.indicator.target);
  const isCost = (l: LabelRow) => /成本/.test(l.level2);
  if (isCost(before) && !isCost(after)) return cost ? before : after;
  if (isCost(after) && !isCost(before)) return cost ? after : before;
  return after.row - p.row < p.row - before.row ? after : before;
}

function readTargetIndicator(
  row: Row,
  content: Cell[],
  weighted: boolean,
  previous: Indicator[],
  ctx: ExtractContext,
): Indicator | null {
  let weight: string | undefined;
  if (weighted && content.length >= 3 && isScore(content[content.length - 1].text)) {
    weight = stripPoints(content[content.length - 1].text);
    content = content.slice(0, -1);
  }
  let t = content.findIndex((c, i) => i > 0 && COMPARATOR_START.test(toHalfWidth(c.text)));
  if (t < 0)
    t = content.findIndex((c, i) => i > 0 && (DIGIT_START.test(c.text) || GARBLED_COMPARATOR_START.test(c.text)));
  if (t < 0 && content.length >= 2) t = content.length - 1;
  if (t < 0) {
    const only = content[0];
    const last = previous[previous.length - 1];
    if (row.gridStart && last) {
      // a name cut by a page break continues on the first row of the next grid
      last.name += only.text;
      warn(ctx, 'nameAcrossPages', { name: last.name, line: only.at.line }, only.at);
      return null;
    }
    warn(ctx, 'indicatorNoTarget', { name: only.text, line: only.at.line }, only.at);
    return { level1: '', level2: '', name: only.text, target: '', at: only.at };
  }
  const nameParts: string[] = [];
  content.slice(0, t).forEach((c, i) => {
    const clean = stripNoise(c.text);
    if (i > 0 && !CJK.test(clean)) {
      warn(ctx, 'nameCellDropped', { text: c.text, line: c.at.line }, c.at);
      return;
    }
    if (clean !== c.text) warn(ctx, 'nameGarbledDropped', { text: c.text, clean, line: c.at.line }, c.at);
    nameParts.push(clean);
  });
  const name = nameParts.join('');
  if (nameParts.length > 1)
    warn(ctx, 'nameJoined', { count: nameParts.length, name, line: content[0].at.line }, content[0].at);

  const printed = content[t];
  let target = stripNoise(printed.text);
  if (target !== printed.text.trim())
    warn(ctx, 'targetGarbledDropped', { text: printed.text, clean: target, line: printed.at.line }, printed.at);
  for (const c of content.slice(t + 1)) {
    if (/^[^\d\s]/.test(c.text) && !isGarbled(c.text)) {
      // a unit cut at the cell edge may repeat the slash on both sides ("元/" | "/天/人")
      target += target.endsWith('/') && c.text.startsWith('/') ? c.text.slice(1) : c.text;
      warn(ctx, 'targetJoined', { target, line: c.at.line }, c.at);
    } else if (/\d$/.test(target) && /^\d+$/.test(c.text.trim())) {
      // a number cut at the cell edge: "≥71" | "2" is ≥712
      target += c.text.trim();
      warn(ctx, 'targetDigitsJoined', { target, line: c.at.line }, c.at);
    } else if (/\d$/.test(target) && /^\d[\u4e00-\u9fff%％]{1,3}$/.test(c.text.trim())) {
      // the unit cut off with a repeated edge digit: "≥2138" | "3人" is ≥2138人, "=100" | "0%" is =100%
      target += c.text.trim().slice(1);
      warn(ctx, 'targetUnitJoined', { target, line: c.at.line }, c.at);
    } else warn(ctx, 'targetExtraCell', { text: c.text, line: c.at.line }, c.at);
  }
  const indicator = withTarget({ level1: '', level2: '', name, target }, target);
  if (weight) indicator.weight = weight;
  indicator.at = content[0].at;
  return indicator;
}

function readSelfIndicator(content: Cell[], ctx: ExtractContext): Indicator | null {
  const at = content[0].at;
  // 分值 and 得分: the rightmost pair of numbers; the 偏差原因 follows them
  let w = -1;
  for (let i = content.length - 2; i >= 1; i--) {
    if (isScore(content[i].text) && isScore(content[i + 1].text)) {
      w = i;
      break;
    }
  }
  if (w < 0) {
    warn(ctx, 'selfRowNoScore', { cells: content.map((c) => c.text).join(' | '), line: at.line }, at);
    const [name, target = '', actual] = content.map((c) => c.text);
    const indicator = withTarget({ level1: '', level2: '', name, target }, target);
    if (actual) indicator.actual = actual;
    indicator.at = at;
    return indicator;
  }
  const middle = content.slice(1, w).map((c) => c.text);
  let name = content[0].text;
  if (middle.length > 2) {
    name += middle.splice(0, middle.length - 2).join('');
    warn(ctx, 'selfNameJoined', { name, line: at.line }, at);
  }
  if (middle.length < 2) warn(ctx, 'selfMissingValues', { name, line: at.line }, at);
  const [target = '', actual] = middle;
  const reason = content
    .slice(w + 2)
    .map((c) => c.text)
    .join('');
  const indicator = withTarget({ level1: '', level2: '', name, target }, target);
  indicator.weight = stripPoints(content[w].text);
  indicator.score = stripPoints(content[w + 1].text);
  indicator.at = at;
  if (actual !== undefined) indicator.actual = actual;
  if (reason) indicator.deviationReason = reason;
  return indicator;
}

// ---------------------------------------------------------------- 项目支出绩效自评表

const GOAL_HEADINGS = new Set(['预期目标', '实际完成情况', '总体目标完成情况']);
const FUND_LINE = /^(?:其中[:：]?)?(?:年度资金总额|当年财政拨款|财政拨款|上年结转资金|上年结转|其他资金)[:：]?$/;
const NOT_APPLICABLE = /^[—–\-－]+$/;

function readSelfEvaluation(rows: Row[], at: Place, ctx: ExtractContext): SelfEvaluation {
  const evaluation: SelfEvaluation = { project: '', funds: [], indicators: [], at };
  const headerEnd = rows.findIndex(isHeaderRow);
  const headRows = headerEnd < 0 ? rows : rows.slice(0, headerEnd);

  for (let r = 0; r < headRows.length; r++) {
    const row = headRows[r];
    const fundIndex = row.cells.findIndex((c) => FUND_LINE.test(norm(c.text)));
    if (fundIndex >= 0) {
      evaluation.funds.push(readFundLine(row.cells[fundIndex], row.cells.slice(fundIndex + 1), ctx));
      continue;
    }
    const tokens = tokenize(row);
    if (tokens.some((t) => t.label === 'selfGoal')) {
      // texts beside the label, or under the 预期目标 | 实际完成情况 headings on the next row
      let texts = tokens.filter((t) => !t.label && !GOAL_HEADINGS.has(norm(t.text))).map((t) => t.text);
      const next = headRows[r + 1];
      if (texts.length === 0 && next && !tokenize(next).some((t) => t.label)) {
        texts = next.cells.map((c) => c.text);
        r++;
      }
      const [goal, result] = texts;
      if (goal) evaluation.goal = goal;
      if (result) evaluation.result = result;
      continue;
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const value = tokens[i + 1] && !tokens[i + 1].label ? tokens[i + 1].text : undefined;
      if (t.label === 'project' && value) evaluation.project = value;
      if (t.label === 'department' && value) evaluation.department = value;
      if (t.label === 'implementingUnit' && value) evaluation.implementingUnit = value;
    }
  }
  if (!evaluation.project) warn(ctx, 'selfMissingProject', { line: at.line }, at);

  if (headerEnd >= 0) evaluation.indicators = readIndicators(rows.slice(headerEnd + 1), 'self', ctx);
  else warn(ctx, 'selfNoIndicators', { project: evaluation.project }, at);

  const totalRow = rows.find((row) => totalIndex(row) >= 0);
  if (totalRow) {
    const i = totalIndex(totalRow);
    const [weight, score] = totalRow.cells.slice(i + 1).map((c) => stripPoints(c.text));
    if (weight) evaluation.totalWeight = weight;
    if (score) evaluation.totalScore = score;
  } else warn(ctx, 'selfMissingTotal', { project: evaluation.project }, at);
  return evaluation;
}

/** 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; "—" = not applicable. */
function readFundLine(label: Cell, cells: Cell[], ctx: ExtractContext): FundLine {
  const line: FundLine = { label: label.text.replace(/[:：]$/, '') };
  if (cells.length !== 6)
    warn(ctx, 'fundRowCount', { label: label.text, count: cells.length, line: label.at.line }, label.at);
  const [initial, fullYear, executed, weight, rate, score] = cells;
  const money = (c: Cell | undefined): Amount | undefined => {
    if (!c || NOT_APPLICABLE.test(c.text)) return undefined;
    const a = makeAmount(c.text, '万元', c.at);
    if (!a) warn(ctx, 'fundAmountGarbled', { label: label.text, text: c.text, line: c.at.line }, c.at);
    return a ?? undefined;
  };
  const a = money(initial);
  const b = money(fullYear);
  const e = money(executed);
  if (a) line.initialBudget = a;
  if (b) line.fullYearBudget = b;
  if (e) line.executed = e;
  if (weight && !NOT_APPLICABLE.test(weight.text)) line.weight = stripPoints(weight.text);
  if (rate && !NOT_APPLICABLE.test(rate.text)) {
    const p = makePercent(rate.text, rate.at);
    if (p) line.executionRate = p;
    else warn(ctx, 'rateGarbled', { text: rate.text, line: rate.at.line }, rate.at);
  }
  if (score && !NOT_APPLICABLE.test(score.text)) line.score = stripPoints(score.text);
  return line;
}

// What a printed label in the explanations describes: section topics from their titles, and labels
// ("基本支出", "公务用车运行费", "一般公共服务支出（类）…（项）") → typed subjects.
import { functionClassByName } from '../../catalog/codes.js';
import type { Subject } from '../../model/schema.js';
import { norm } from '../text-utils.js';

export type Topic =
  | 'summary'
  | 'income'
  | 'expenditure'
  | 'fiscal'
  | 'generalBudget'
  | 'basic'
  | 'project'
  | 'threePublic'
  | 'governmentFund'
  | 'stateCapital'
  | 'other'
  | 'performance';

/** The topic of a 一、二、… section, decided from its title words (budget and final sets number them differently). */
export function topicOf(title: string): Topic {
  const t = norm(title);
  if (/三公/.test(t)) return 'threePublic';
  if (/政府性基金/.test(t)) return 'governmentFund';
  if (/国有资本/.test(t)) return 'stateCapital';
  if (/绩效/.test(t)) return 'performance';
  if (/其他重要事项|其他需说明|机关运行经费|政府采购|国有资产|资产占用/.test(t)) return 'other';
  if (/基本支出/.test(t)) return 'basic';
  if (/项目支出/.test(t)) return 'project';
  if (/一般公共预算/.test(t)) return 'generalBudget';
  if (/财政拨款/.test(t)) return 'fiscal';
  if (/收支|收入支出/.test(t)) return 'summary';
  if (/收入/.test(t)) return 'income';
  if (/支出/.test(t)) return 'expenditure';
  // a whole explanation under one title (上海's 单位预算编制说明): income and expenditure together
  if (/(预算|决算)编制说明$|^(部门|单位)?(预算|决算)说明$/.test(t.replace(/^(?:19|20)\d{2}年度?/, '')))
    return 'summary';
  return 'other';
}

/** What the subsection under 其他重要事项 is about. */
export type Subtopic = 'operatingCosts' | 'procurement' | 'assets' | 'performance' | 'none';

export function subtopicOf(title: string): Subtopic {
  const t = norm(title);
  if (/机关运行经费/.test(t)) return 'operatingCosts';
  if (/政府采购/.test(t)) return 'procurement';
  if (/国有资产|资产占用/.test(t)) return 'assets';
  if (/绩效/.test(t)) return 'performance';
  return 'none';
}

export interface LabelContext {
  topic: Topic;
  subtopic: Subtopic;
  year: number;
  /** the label follows "收入预算包括：" (income), "支出预算包括：" (expenditure) or "主要包括：" (economic items) */
  list?: 'income' | 'expenditure' | 'economic';
}

const FUNCTION_MARK = /[(（]\s*(类|\d{3})\s*[)）]/;
const FUNCTION_PATH =
  /^(.+?)[(（]\s*(类|\d{3})\s*[)）](?:(.+?)[(（]\s*(款|\d{2})\s*[)）])?(?:(.+?)[(（]\s*(项|\d{2})\s*[)）])?(?:支出)?$/;

/** "一般公共服务支出（201）政府办公厅（室）及相关机构事务（03）行政运行（01）" → names and, when printed, the code. */
export function functionSubject(label: string): Subject | undefined {
  const m = FUNCTION_PATH.exec(label.trim());
  if (!m) return undefined;
  const names: string[] = [];
  const codes: string[] = [];
  for (let i = 1; i < m.length; i += 2) {
    if (m[i] === undefined) break;
    names.push(m[i].trim());
    codes.push(m[i + 1]);
  }
  const printed = codes.every((c) => /^\d+$/.test(c)) ? codes.join('') : undefined;
  return printed ? { kind: 'function', code: printed, names } : { kind: 'function', names };
}

/** income sources by the words that name them, tried in order */
const INCOME_SOURCES: Array<[string[], string]> = [
  [['一般公共预算'], 'generalBudget'],
  [['政府性基金'], 'governmentFund'],
  [['国有资本', '国有资金'], 'stateCapital'],
  [['财政专户', '教育收费'], 'specialAccount'],
  [['财政拨款'], 'fiscalAppropriation'],
  [['上级补助'], 'superiorSubsidy'],
  [['附属单位上缴'], 'subsidiaryRemittance'],
  [['事业收入'], 'businessIncome'],
  [['经营收入'], 'operatingIncome'],
  [['其他收入', '其他资金'], 'otherIncome'],
];

function incomeSource(t: string): string | undefined {
  for (const [words, key] of INCOME_SOURCES) if (has(t, ...words)) return key;
  return undefined;
}

/** whether `t` contains any of the words (plain substring tests: a label is classified by many of them) */
function has(t: string, ...words: string[]): boolean {
  for (const w of words) if (t.includes(w)) return true;
  return false;
}

function threePublicKey(t: string): string | undefined {
  if (t.includes('三公')) return 'total';
  if (t.includes('出国')) return 'overseas';
  if (/购置(?:及|和|与)运行/.test(t)) return 'vehicle';
  if (has(t, '公务用车购置', '车辆购置')) return 'vehiclePurchase';
  if (has(t, '公务用车运行', '车辆运行')) return 'vehicleOperation';
  if (t.includes('接待')) return 'reception';
  return undefined;
}

/**
 * Whether a label names a function class of the year's catalogue. The catalogue lookup normalises every class name
 * on each call (~15 µs); the same labels recur in every document of a year, so the answers are remembered.
 */
const functionClassNames = new Map<string, boolean>();
function isFunctionClassName(label: string, year: number): boolean {
  const key = `${year}|${label}`;
  let known = functionClassNames.get(key);
  if (known === undefined) {
    if (functionClassNames.size > 5_000) functionClassNames.clear();
    functionClassNames.set(key, (known = functionClassByName(label, year) !== undefined));
  }
  return known;
}

/** The typed subject of a printed label in its section. */
export function classify(label: string, ctx: LabelContext): Subject {
  const t = norm(label);
  if ((t.includes('(') || t.includes('（')) && FUNCTION_MARK.test(t)) {
    const f = functionSubject(label);
    if (f) return f;
  }
  if (ctx.list === 'economic') return { kind: 'economic', names: [label] };
  if (ctx.list === 'income') {
    // "收入预算包括：一般公共服务…" names 一般公共预算 wrongly; the key says which source, the label keeps the print
    const key = incomeSource(t) ?? (t.startsWith('一般公共') ? 'generalBudget' : undefined);
    return key ? { kind: 'fund', key } : { kind: 'fund', names: [label] };
  }
  if (ctx.topic === 'threePublic' || t.includes('三公')) {
    const key = threePublicKey(t);
    if (key) return { kind: 'threePublic', key };
  }
  if (
    t.includes('机关运行经费') ||
    (ctx.subtopic === 'operatingCosts' && (t.includes('公用经费') || t.endsWith('运行经费')))
  )
    return { kind: 'operatingCosts' };
  if (ctx.subtopic === 'procurement' || t.includes('政府采购')) {
    // 工程 and 服务 only as a kind of purchase: the unit's own name may hold them (副中心工程办政府采购预算总额);
    // 预留给小型和微型企业 is the 小微 share
    const key = /小微|小型和微型/.test(t)
      ? 'smallMicro'
      : t.includes('中小企业')
        ? 'sme'
        : /采购(预算)?(总金?额|总计|合计)/.test(t)
          ? 'total'
          : t.includes('货物')
            ? 'goods'
            : /(采购|购买)工程|工程(采购|类|预算|金额|支出)/.test(t)
              ? 'works'
              : /(采购|购买)服务|服务(采购|类|预算|金额|支出)/.test(t)
                ? 'services'
                : 'total';
    return { kind: 'procurement', key };
  }
  if (t.includes('人员经费')) return { kind: 'personnel' };
  if (t.includes('公用经费')) return { kind: 'public' };
  if (ctx.topic === 'fiscal' && t.includes('财政拨款') && !t.includes('一般公共预算')) {
    if (has(t, '收支总预算', '收支总计')) return { kind: 'fiscalAppropriation', key: 'total' };
    if (t.includes('收入总计')) return { kind: 'fiscalAppropriation', key: 'incomeTotal' };
    if (t.includes('支出总计')) return { kind: 'fiscalAppropriation', key: 'expenditureTotal' };
    if (/年初.*结转/.test(t)) return { kind: 'other', key: 'fiscalPriorYearBalance' };
    if (/年末.*结转/.test(t)) return { kind: 'other', key: 'fiscalYearEndBalance' };
    if (t.includes('本年收入') || t.endsWith('财政拨款收入'))
      return { kind: 'fiscalAppropriation', key: 'currentYearIncome' };
    if (t.includes('本年支出') || t.endsWith('财政拨款支出'))
      return { kind: 'fiscalAppropriation', key: 'currentYearExpenditure' };
    return { kind: 'fiscalAppropriation' };
  }
  // 会议费/培训费 printed beside the 三公 (西安, 苏州: "当年一般公共预算会议费预算支出") are their own items, not the fund's total
  if (t.includes('会议费') && !t.includes('培训费')) return { kind: 'other', key: 'meeting' };
  if (t.includes('培训费') && !t.includes('会议费')) return { kind: 'other', key: 'training' };
  if (t.includes('一般公共预算')) {
    if (t.includes('基本支出')) return { kind: 'basic' };
    if (t.includes('项目支出')) return { kind: 'project' };
    if (has(t, '合计', '支出')) return { kind: 'generalBudget' };
    return { kind: 'fund', key: 'generalBudget' };
  }
  if (t.includes('基本支出')) return { kind: 'basic' };
  if (t.includes('项目支出')) return { kind: 'project' };
  if (has(t, '总预算', '总计') && /收支总预算|收[、,]?支总计|收入[、和及]?支出(预算)?总计/.test(t))
    return { kind: 'total', key: 'incomeExpenditure' };
  if (t.includes('收入总计')) return { kind: 'total', key: 'income' };
  if (t.includes('支出总计')) return { kind: 'total', key: 'expenditure' };
  if (t.includes('本年收入')) return { kind: 'income', key: 'currentYear' };
  if (t.includes('本年支出')) return { kind: 'expenditure', key: 'currentYear' };
  if (t.includes('非财政拨款结余')) return { kind: 'other', key: 'nonFiscalBalanceUsed' };
  if (t.includes('年初结转')) return { kind: 'other', key: 'priorYearBalance' };
  if (t.includes('结余分配')) return { kind: 'other', key: 'balanceDistribution' };
  if (t.includes('年末结转')) return { kind: 'other', key: 'yearEndBalance' };
  if (t.includes('上缴上级')) return { kind: 'other', key: 'remittanceToSuperior' };
  if (t.includes('对附属单位补助')) return { kind: 'other', key: 'subsidiaryGrants' };
  if (t.includes('经营支出')) return { kind: 'other', key: 'operatingExpenditure' };
  // the fund sections state the fund's spending: "政府性基金预算拨款支出X万元"
  if ((ctx.topic === 'governmentFund' || ctx.topic === 'stateCapital') && /(拨款|预算)(安排的)?支出$/.test(t)) {
    const key = incomeSource(t);
    if (key) return { kind: 'fund', key };
  }
  const source =
    t.endsWith('收入') || t.endsWith('预算') || t.endsWith('拨款') || t.endsWith('资金') ? incomeSource(t) : undefined;
  if (source) return { kind: 'fund', key: source };
  if (t.includes('收入预算')) {
    // "财政拨款收入预算总计", "其他资金收入预算总计" (江苏): the income from one source, not the whole income budget
    const named = incomeSource(t.slice(0, t.indexOf('收入预算')));
    return named ? { kind: 'fund', key: named } : { kind: 'income', key: 'budget' };
  }
  if (t.includes('支出预算')) return { kind: 'expenditure', key: 'budget' };
  if (t.endsWith('支出') || t === '一般公共服务' || ctx.list === 'expenditure') {
    if (isFunctionClassName(label, ctx.year)) return { kind: 'function', names: [label] };
  }
  return { kind: 'other' };
}

export function sameSubject(a: Subject, b: Subject): boolean {
  return (
    a.kind === b.kind &&
    a.key === b.key &&
    a.code === b.code &&
    JSON.stringify((a.names ?? []).map(norm)) === JSON.stringify((b.names ?? []).map(norm))
  );
}

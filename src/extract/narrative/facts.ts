// Stated figures in explanation prose → facts: what the figure describes, the amount, its share, the change on
// the year before with its reason, the year printed with it, and (决算) the budget it is compared with.
import { makeAmount, makePercent } from '../../model/money.js';
import type { Amount, Change, Fact, Place, Subject } from '../../model/schema.js';
import { isWhitespace } from '../../read/normalise.js';
import { norm, tidy } from '../text-utils.js';
import {
  lineOf,
  listItems,
  MONEY,
  PERCENT,
  type Paragraph,
  type Part,
  placeOf,
  sentencesOf,
  withoutOrdinal,
} from './segment.js';
import { classify, type LabelContext, sameSubject } from './subject.js';

export interface FactReader {
  /** the unit's own name, dropped from the front of labels ("新疆巴州人民政府办公室部门收入预算") */
  unitName: string;
  context: Omit<LabelContext, 'list'>;
}

/** A fact while it is being read: the parts of the text it was read from, for its `text`. */
interface Draft {
  fact: Fact;
  spans: Array<{ para: Paragraph; start: number; end: number }>;
  /** created from a 全年/年初预算数 comparison: never merged with a plain statement */
  comparison: boolean;
}

/** the year compared with: 上年 or a printed year ("比2023年预算减少") */
const PRIOR = String.raw`(?:上年|\d{4}\s*年)度?(?:当年|年初|全年)?(?:预算|决算)?(?:执行)?数?`;
/** what is compared with, from its first character to the change word: "比上年", "与2025年预算相比，" */
const BASIS_TO_WORD = new RegExp(String.raw`^(?:(?:比|较)${PRIOR}|与${PRIOR}相比[，,]?)\s*$`);
const COMPARED_WITH = new RegExp(String.raw`^(?<label>.*?)(?:与|比|较)${PRIOR}相比$`);
const BUDGET_TAIL = /^(?<label>.*?)(?<which>全年预算数?|年初预算数?|调整预算数?)(?:为)?$/;
const EXECUTED = /^(?:支出)?(?:决算数?|全年执行数|执行数)(?:为)?$/;
/** "2024 年度支出决算为": the year a 决算 sentence repeats before its executed figure */
const LEADING_YEAR = /^\d{4}\s*年度?\s*/;
/** "…支出预算为 76.43 万元，2024 年度支出决算为 46.21 万元": a plain 预算 figure paired with its 决算 in one sentence */
const BUDGET_COMPLETED = /完成(?:年初|全年|调整)?预算/;
const PLAIN_BUDGET = /^(?<label>.*?[^决])(?<which>预算数?)(?:为)?$/;
const REASON_HEAD = /^(?:主要)?原因(?:是|为|主要是)?\s*[:：]?\s*/;
const NOT_ARRANGED = /^(?<label>.+?)(?:未安排|无安排)$/;

/**
 * The tail patterns above scan the whole text lazily from its start; most texts cannot match because they do not
 * end with the words the pattern ends with, which these checks see at once.
 */
const ENDS_WITH_CHANGE = /(?:增加|减少|增长|下降|持平)了?$/;
const ENDS_WITH_BUDGET = /预算数?(?:为)?$/;

/** A text ending with a change word: the label before it, what it is compared with (basis) and the word. */
interface ChangeTail {
  label: string;
  basis?: string;
  word: string;
}
const BI = 0x6bd4; // 比
const JIAO = 0x8f83; // 较
const YU = 0x4e0e; // 与

/**
 * /^(?<label>.*?)(?<basis>(?:比|较)PRIOR|与PRIOR相比[，,]?)?\s*(?<word>增加|…|持平)了?$/ read from the end: the word
 * is fixed by the text's last characters, so only the places where a basis can start (比, 较, 与) are tried, from
 * the left as the lazy label does, instead of the whole pattern at every position. The label holds no line
 * terminator (`.`).
 */
function changeTail(s: string): ChangeTail | null {
  const m = ENDS_WITH_CHANGE.exec(s);
  if (!m) return null;
  const wordStart = m.index;
  const word = s.slice(wordStart, wordStart + 2);
  let spaces = wordStart;
  while (spaces > 0 && isWhitespace(s.charCodeAt(spaces - 1))) spaces--;
  for (let at = 0; at < spaces; at++) {
    const c = s.charCodeAt(at);
    if ((c === BI || c === JIAO || c === YU) && BASIS_TO_WORD.test(s.slice(at, wordStart)))
      return { label: s.slice(0, at), basis: s.slice(at, wordStart).trimEnd(), word };
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return null;
  }
  return { label: s.slice(0, spaces), word };
}
function budgetTail(s: string): RegExpExecArray | null {
  return ENDS_WITH_BUDGET.test(s) ? BUDGET_TAIL.exec(s) : null;
}
function isExecuted(pre: string): boolean {
  const t = pre.trim();
  return EXECUTED.test(t) || EXECUTED.test(t.replace(LEADING_YEAR, ''));
}
/** the part after `i` in the same sentence states an executed (决算) figure: part i's 预算 is what it is compared with */
function pairedWithExecuted(parts: Part[], i: number): boolean {
  const next = parts[i + 1];
  if (!next || next.sep === 'semicolon') return false;
  const m = MONEY.exec(next.text);
  return Boolean(m && isExecuted(next.text.slice(0, m.index)));
}
function comparedWith(s: string): RegExpExecArray | null {
  return s.endsWith('相比') ? COMPARED_WITH.exec(s) : null;
}
function notArranged(s: string): RegExpExecArray | null {
  return s.endsWith('安排') ? NOT_ARRANGED.exec(s) : null;
}
const YEAR = /(\d{4})\s*年度?/g;
const FUNCTION_MARK = /[(（]\s*(?:类|\d{3})\s*[)）]/;
/** first characters of 部门/单位/本部门/本单位/我单位/本级 */
const OWN_UNIT_START = new Set([...'部单本我'].map((c) => c.charCodeAt(0)));
const UNIT_PREFIX = /^.{4,}?(?:人民政府办公室|办公室|管理局|委员会|服务中心|中心|局)(?:部门|单位|本级)?(?=.)/;

/** MONEY's first match; only a text holding 元 can have one */
function moneyIn(t: string): RegExpExecArray | null {
  return t.includes('元') ? MONEY.exec(t) : null;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The parts of a sentence with those listing several figures split at 、 (the array itself when none is). */
function withListItems(parts: Part[]): Part[] {
  let out: Part[] | undefined;
  for (let i = 0; i < parts.length; i++) {
    const items = listItems(parts[i]);
    if (out) out.push(...items);
    else if (items.length !== 1 || items[0] !== parts[i]) out = [...parts.slice(0, i), ...items];
  }
  return out ?? parts;
}

function basisOf(printed: string | undefined): string | undefined {
  if (!printed) return undefined;
  const t = norm(printed)
    .replace(/^(比|较|与)/, '')
    .replace(/相比[,，]?$/, '')
    .replace(/数$/, '')
    .replace(/(?<=年)度/, '');
  return t || undefined;
}

function directionOf(word: string): Change['direction'] {
  if (/增加|增长/.test(word)) return 'increase';
  if (/减少|下降/.test(word)) return 'decrease';
  return 'flat';
}

/** Cleans the text before a figure into the printed label, the year printed with it and a list it opens. */
export function labelOf(pre: string, unitName: string): { label: string; year?: number; listHead?: string } {
  const trimmed = withoutOrdinal(pre.trim());
  const segments = trimmed.includes(':') || trimmed.includes('：') ? trimmed.split(/[:：]/) : [trimmed];
  let year: number | undefined;
  // each pattern below runs only when the characters it needs are there: most labels need none of them
  for (let i = segments.length - 1; i >= 0; i--) {
    let seg = segments[i].trim();
    if (seg.includes('年')) {
      let last: RegExpExecArray | undefined;
      for (const m of seg.matchAll(YEAR)) last = m;
      if (last) {
        year ??= Number(last[1]);
        const after = seg.slice(last.index + last[0].length);
        // "公务用车购置费2026年预算数": the subject stands before the year, only the kind of figure after it
        seg = /^\s*(?:预算|决算)?数?(?:为)?\s*$/.test(after) && last.index > 0 ? seg.slice(0, last.index) : after;
      }
    }
    seg = seg.trim();
    if (seg.includes('分为')) seg = seg.replace(/^.*?(?:划分为|分为)/, '');
    if (seg.endsWith('为') || seg.endsWith('是') || seg.endsWith('各')) seg = seg.slice(0, -1);
    if (seg.endsWith('数')) seg = seg.replace(/(?:支出决算数|决算数|预算数)$/, '').replace(/(?<=费)数$/, '');
    seg = seg.trim();
    if (!((seg.includes('(') || seg.includes('（')) && FUNCTION_MARK.test(seg))) {
      if (unitName && seg.includes(unitName)) seg = seg.slice(seg.indexOf(unitName) + unitName.length);
      else if (seg.length > 4) seg = seg.replace(UNIT_PREFIX, '');
      if (OWN_UNIT_START.has(seg.charCodeAt(0))) seg = seg.replace(/^(?:部门|单位|本部门|本单位|我单位|本级)(?=.)/, '');
      if (seg.includes('的') && /\d\s*家|下属|本级/.test(seg)) seg = seg.slice(seg.lastIndexOf('的') + 1);
      const first = seg.charCodeAt(0);
      if (first === 0xff08 || first === 0x28) seg = seg.replace(/^[（(][^）)]*[）)]/, '');
      seg = seg.replace(/^[，,、\s]+/, '').trim();
    }
    if (seg) {
      const listHead = i > 0 ? segments[i - 1].trim() : undefined;
      const out: { label: string; year?: number; listHead?: string } = { label: seg };
      if (year !== undefined) out.year = year;
      if (listHead) out.listHead = listHead;
      return out;
    }
  }
  return year !== undefined ? { label: '', year } : { label: '' };
}

function listOf(head: string | undefined): LabelContext['list'] {
  if (!head) return undefined;
  const t = norm(head);
  if (/收入(预算)?包括/.test(t)) return 'income';
  if (/支出(预算)?包括/.test(t)) return 'expenditure';
  if (/^(主要)?包括|^主要有/.test(t)) return 'economic';
  return undefined;
}

/** Reads the facts stated in one section's paragraphs (in order) under the given context. */
export function readFacts(paragraphs: Paragraph[], reader: FactReader): Fact[] {
  const drafts: Draft[] = [];
  // the label context for each list a label can follow, made once rather than spread per label
  const { topic, subtopic, year } = reader.context;
  const contexts: Partial<Record<NonNullable<LabelContext['list']> | 'none', LabelContext>> = {};
  const contextFor = (list: LabelContext['list']): LabelContext =>
    (contexts[list ?? 'none'] ??= { topic, subtopic, year, list });

  const spanText = (d: Draft) => {
    let text = '';
    let piece = '';
    let lastPara: Paragraph | undefined;
    let lastEnd = 0;
    for (const s of d.spans) {
      if (lastPara === s.para && s.start <= lastEnd + 1) {
        piece += s.para.text.slice(lastEnd, s.end);
        lastEnd = Math.max(lastEnd, s.end);
        continue;
      }
      if (lastPara) text += `${tidy(piece)} … `;
      piece = s.para.text.slice(s.start, s.end);
      lastPara = s.para;
      lastEnd = s.end;
    }
    return lastPara ? text + tidy(piece) : '';
  };

  for (const para of paragraphs) {
    const text = para.text;
    const place = (from: number, to?: number): Place => placeOf(para, from, to);
    let current: Draft | undefined;
    let pendingYear: number | undefined;
    let pendingBasis: string | undefined;
    let list: LabelContext['list'];
    // an item that names its subject in a sentence of its own: "1.因公出国（境）费用。2026年预算数72.80万元，…"
    let heading: string | undefined;
    // a change-only statement completes a fact of the same paragraph; a later paragraph states its own fact
    const firstOfParagraph = drafts.length;

    const touch = (d: Draft, part: { start: number; end: number }) => {
      d.spans.push({ para, start: part.start, end: part.end });
      const end = Math.max(d.fact.at.endLine ?? d.fact.at.line, lineOf(para, Math.max(part.start, part.end - 1)));
      // the place is the fact's own (made by placeOf for it): widened in place
      if (end > d.fact.at.line) d.fact.at.endLine = end;
    };
    /** offset in the paragraph of index `i` of `t`, the part's text without its list numbering */
    const offsetIn = (part: Part, t: string, i: number) => part.start + (part.text.length - t.length) + i;
    const create = (
      printed: string,
      ctxList: LabelContext['list'],
      year: number | undefined,
      part: Part,
      comparison = false,
    ): Draft => {
      const subject = classify(printed, contextFor(ctxList));
      const fact: Fact = { subject, label: conceptLabel(printed, subject), text: '', at: place(part.start) };
      if (year !== undefined) fact.year = year;
      const d: Draft = { fact, spans: [], comparison };
      touch(d, part);
      drafts.push(d);
      return d;
    };
    const amountOf = (num: string, unit: string, offset: number): Amount | undefined =>
      makeAmount(num, unit === '元' ? '元' : '万元', place(offset)) ?? undefined;
    /** the latest fact of this section about the same subject that a change-only statement can complete */
    const findForChange = (label: string): Draft | undefined => {
      const subject = classify(label, contextFor(list));
      if (subject.kind === 'other') return undefined;
      for (let i = drafts.length - 1; i >= firstOfParagraph; i--) {
        const d = drafts[i];
        if (!d.comparison && sameSubject(d.fact.subject, subject))
          return d.fact.change || d.fact.reason ? undefined : d;
      }
      return undefined;
    };
    const startsFact = (part: Part): boolean => {
      const m = moneyIn(part.text);
      const pre = m ? part.text.slice(0, m.index) : part.text;
      const change = changeTail(pre.trim());
      const budget = budgetTail(pre.trim());
      const candidate = change ? change.label : budget ? budget.groups!.label : m ? pre : '';
      const { label } = labelOf(candidate, reader.unitName);
      if (!label) return false;
      return classify(label, contextFor(list)).kind !== 'other';
    };

    const sentences = sentencesOf(text);
    for (const [k, sentence] of sentences.entries()) {
      const parts = withListItems(sentence.parts);
      if (k === 0 && sentences.length > 1 && parts.length === 1 && !moneyIn(parts[0].text)) {
        const title = withoutOrdinal(parts[0].text.trim()).replace(/[。.．]$/, '');
        if (title.length >= 2 && title.length <= 24 && classify(title, contextFor(list)).kind !== 'other') {
          heading = title;
          continue;
        }
      }
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (i === 0) list = undefined;
        let t = part.text;
        if (part.start === 0) t = withoutOrdinal(t);

        // the reason runs to the end of the sentence, or to a semicolon/其中 that opens a new statement
        // "主要原因是…", and "主要是…" right after a change ("较上年增加65.80万元，主要是…")
        const reasonHead =
          t.startsWith('原因') || t.startsWith('主要原因')
            ? REASON_HEAD.exec(t)
            : t.startsWith('主要是') && current?.fact.change && !current.fact.reason
              ? /^主要是(?:由于|因为)?\s*/.exec(t)
              : null;
        if (reasonHead && /原因|主要是/.test(reasonHead[0])) {
          let j = i + 1;
          while (j < parts.length && !((parts[j].sep === 'semicolon' || parts[j].among) && startsFact(parts[j]))) j++;
          const start = part.start + (part.text.length - t.length) + reasonHead[0].length;
          const end = parts[j - 1].end;
          const reason = tidy(text.slice(start, end)).replace(/[，,；;:：。\s]+$/, '');
          if (current && reason && !current.fact.reason) {
            current.fact.reason = { text: reason, at: place(start, end) };
            touch(current, { start: part.start, end });
          }
          i = j - 1;
          continue;
        }

        const money = moneyIn(t);
        const percent = t.includes('%') || t.includes('％') ? PERCENT.exec(t) : null;
        if (!money && percent) {
          const before = t.slice(0, percent.index).trim();
          const pct = makePercent(percent[0].trim(), place(offsetIn(part, t, percent.index))) ?? undefined;
          if (!pct || !current) continue;
          if (/差异率/.test(before)) {
            current.fact.varianceRate = pct;
          } else if (/^占/.test(before)) {
            if (!current.fact.share) current.fact.share = pct;
          } else {
            const w = /(增长|下降|增加|减少)$/.exec(before);
            // "完成预算的 15.63%": a final account's comparison with its budget, part of the fact's text
            if (!w && BUDGET_COMPLETED.test(before)) {
              touch(current, part);
              continue;
            }
            if (!w) continue;
            const change: Change = current.fact.change ?? { direction: directionOf(w[1]), word: w[1] };
            if (change.percent) continue;
            change.rateWord = w[1];
            change.percent = pct;
            if (!current.fact.change && pendingBasis) change.basis = pendingBasis;
            current.fact.change = change;
          }
          touch(current, part);
          continue;
        }

        if (!money) {
          const year = isDigit(t.charCodeAt(0)) ? /^(\d{4})\s*年度?$/.exec(t) : null;
          if (year) {
            pendingYear = Number(year[1]);
            continue;
          }
          const compared = comparedWith(t);
          if (compared) {
            pendingBasis = basisOf(t.slice(compared.groups!.label.length)) ?? '上年';
            const { label } = labelOf(compared.groups!.label, reader.unitName);
            if (label) {
              const target = findForChange(label);
              current = target ?? create(label, list, undefined, part);
              if (target) touch(target, part);
            }
            continue;
          }
          const none = notArranged(t);
          if (none && part.sep === 'start' && i === parts.length - 1) {
            const { label } = labelOf(none.groups!.label, reader.unitName);
            if (label) current = create(label, list, pendingYear, part);
            continue;
          }
          // "收入预算包括：" / "主要包括：" without figures opens (or names) a list
          if (!t.includes(':') && !t.includes('：')) continue;
          const head = listOf(t.replace(/[:：].*$/, ''));
          if (head) list = head;
          continue;
        }

        const pre = t.slice(0, money.index).trim();
        const num = money[1];
        const unit = money[2];
        const post = t.slice(money.index + money[0].length);
        const moneyAt = offsetIn(part, t, money.index + (money[0].length - money[0].trimStart().length));
        const amount = amountOf(num, unit, moneyAt);
        if (!amount) continue;

        const change = changeTail(pre);
        if (change && (change.basis || /增加|减少|持平/.test(change.word))) {
          const basis = basisOf(change.basis) ?? pendingBasis;
          const { label, year } = labelOf(change.label, reader.unitName);
          let target = current;
          if (label) {
            const found = findForChange(label);
            target = found ?? create(label, list, year ?? pendingYear, part);
          }
          if (!target) continue;
          if (target.fact.change?.amount) continue;
          const word = change.word;
          const c: Change = { direction: directionOf(word), word, amount };
          if (basis) c.basis = basis;
          target.fact.change = c;
          touch(target, part);
          current = target;
          pendingBasis = undefined;
          continue;
        }

        // a budget figure is one of a 全年/年初/调整预算, or a plain 预算 the same sentence pairs with its 决算
        const budget = budgetTail(pre) ?? (pairedWithExecuted(parts, i) ? PLAIN_BUDGET.exec(pre) : null);
        if (budget) {
          const { label, year } = labelOf(budget.groups!.label, reader.unitName);
          // "比2025年年初预算数88275.71万元减少…": the prior year's figure a change is measured from, not a fact
          if ((label === '比' || label === '较') && current) {
            pendingBasis = basisOf(budget.groups!.label.replace(/^[比较]/, '') + budget.groups!.which) ?? pendingBasis;
            continue;
          }
          const d = create(label || (current?.fact.label ?? ''), list, year ?? pendingYear, part, true);
          if (!label && current) d.fact.subject = current.fact.subject;
          d.fact.budgetAmount = amount;
          current = d;
          continue;
        }
        if (current?.comparison && isExecuted(pre)) {
          current.fact.amount = amount;
          touch(current, part);
          continue;
        }

        const { label, year, listHead } = labelOf(pre, reader.unitName);
        const partList = listOf(listHead) ?? list;
        if (listHead && listOf(listHead)) list = partList;
        if (!label && !heading) {
          if (current && !current.fact.amount) {
            current.fact.amount = amount;
            touch(current, part);
          }
          continue;
        }
        current = create(label || heading!, partList, year ?? pendingYear, part);
        heading = undefined;
        current.fact.amount = amount;
        // the fact is where its figure is printed (a label may end the line before: "其中：基本支出 | 770.07 万元")
        const figureAt = place(moneyAt);
        const endLine = current.fact.at.endLine;
        if (endLine && endLine > figureAt.line) figureAt.endLine = endLine;
        current.fact.at = figureAt;
        pendingYear = undefined;
        // a share or change printed in the same part after the figure ("6.27 万元，占…" is split already)
        const share = /^\s*[，,]?\s*占/.test(post) ? PERCENT.exec(post) : null;
        if (share && !current.fact.share) current.fact.share = makePercent(share[0], place(moneyAt)) ?? undefined;
      }
    }
  }
  for (const d of drafts) {
    d.fact.text = spanText(d);
    for (const k of Object.keys(d.fact) as Array<keyof Fact>) if (d.fact[k] === undefined) delete d.fact[k];
  }
  return drafts.map((d) => d.fact);
}

/**
 * The label a figure is known by: the innermost 类/款/项 name of a function path, "“三公”经费" without the fund
 * it is paid from (一般公共预算/财政拨款), "机关运行经费" without "财政拨款预算".
 */
function conceptLabel(printed: string, subject: Subject): string {
  if (subject.kind === 'function' && subject.names?.length) return subject.names[subject.names.length - 1];
  if (subject.kind === 'threePublic') return printed.replace(/^(?:一般公共预算|财政拨款)(?=[“"'‘]?三公)/, '');
  if (subject.kind === 'operatingCosts') return printed.replace(/(?<=机关运行经费)(?:财政拨款)?(?:预算|支出)?$/, '');
  return printed;
}

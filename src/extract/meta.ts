// Document-level facts: title, kind (预算/决算), scope (部门/单位), year, the unit's name and every other spelling
// of it, signature and date, the 目录 entries and the parts.
import type { Block } from '../read/blocks.js';
import type { Disclosure, DocumentKind, DocumentScope, Place } from '../model/schema.js';
import { stripLeader, type Outline } from './outline.js';
import { norm, tidy } from './text-utils.js';
import { announcedTable } from './tables.js';

export interface Meta {
  title: Disclosure['title'];
  kind: DocumentKind;
  scope: DocumentScope;
  year: number;
  unitName: string;
  mentions: Disclosure['unit']['mentions'];
  date?: Disclosure['date'];
  signature?: Disclosure['signature'];
}

const YEAR_IN_TITLE = /(20\d{2}|19\d{2})\s*年/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

function textOf(b: Block): string {
  return b.type === 'table' ? '' : b.text;
}

/** The unit name inside a title-like text: what precedes the year ("X 2022 年部门预算公开"). */
function nameBeforeYear(text: string): string | undefined {
  const m = YEAR_IN_TITLE.exec(text);
  if (!m) return undefined;
  // "上海市2026年市级单位预算": the place before the year names the level of government, not the unit
  if (/^\s*(?:市|区|省|县|州)级/.test(text.slice(m.index + m[0].length))) return undefined;
  const name = tidy(text.slice(0, m.index))
    .replace(/^关于/, '')
    .replace(/(部门|单位)$/, '')
    .trim();
  return name.length >= 2 ? name : undefined;
}

/** A title that names the year first: "2026年深圳市统计局（本级）部门预算" → the name after the year. */
function nameAfterYear(text: string): string | undefined {
  const m = /^\s*(?:20|19)\d{2}\s*年度?\s*(.+?)(?:部门|单位)?(?:预算|决算)/.exec(text);
  const name = m?.[1]?.trim();
  return name && name.length >= 2 ? tidy(name) : undefined;
}

/** How much one mention counts when choosing the unit's name: the document's own voice over table headers. */
const MENTION_WEIGHT: Record<string, number> = { signature: 3, cover: 3, title: 2, toc: 1, part: 1, section: 1 };

/**
 * The unit is the name the document's places agree on, weighted: signature and title most, headings next, table
 * headers and rows least (they often print a short form or, in some templates, the only full name).
 */
export function chooseUnitName(mentions: Meta['mentions']): string {
  const votes = new Map<string, { name: string; score: number }>();
  for (const m of mentions) {
    const k = norm(m.name);
    const v = votes.get(k) ?? { name: m.name, score: 0 };
    v.score += MENTION_WEIGHT[m.role] ?? 0.5;
    votes.set(k, v);
  }
  return [...votes.values()].sort((a, b) => b.score - a.score)[0]?.name ?? '';
}

function nameOfOverviewPart(title: string): string | undefined {
  const m = /^(.*?)(?:部门|单位)?概况$/.exec(tidy(title));
  const name = m?.[1]?.trim();
  return name && name.length >= 2 ? name : undefined;
}

/**
 * The year of a form that prints it only in its cells (部门整体预算绩效目标申报表: "通过实施2026年度…项目"): the
 * year named most often with 年, the latest on a tie; 0 when no cell names one.
 */
export function yearInCells(blocks: Block[]): number {
  const counts = new Map<number, number>();
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    for (const row of b.rows) {
      for (const c of row) {
        for (const m of c.text.matchAll(/(?<!\d)(20\d{2})\s*年/g))
          counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
      }
    }
  }
  let best = 0;
  for (const [y, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/** Lines beside a table that print its year: "预算年度：2026", "（2026年度）", "2026年度" alone. */
const TABLE_YEAR_LINE = /^(?:预算年度|年度)[:：]?((?:19|20)\d{2})年?度?$|^[(（]?((?:19|20)\d{2})年度?[)）]?$/;

/** The year most table metadata lines print (the latest on a tie); 0 when none does. */
export function yearOfTables(blocks: Block[]): number {
  const counts = new Map<number, number>();
  const count = (text: string) => {
    const t = norm(text);
    const m = TABLE_YEAR_LINE.exec(t) ?? /预算年度[:：]((?:19|20)\d{2})/.exec(t);
    if (m) {
      const y = Number(m[1] ?? m[2]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  };
  for (const b of blocks) {
    if (b.type !== 'table') count(b.text);
    else for (const row of b.rows.slice(0, 4)) for (const c of row) if (c.text) count(c.text);
  }
  let best = 0;
  for (const [y, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/** Words that end a unit's name (局, 委员会, 办公室, 中心 …), for names read from table cells. */
const UNIT_ENDING =
  /(?:局|委员会|委|办公室|办|厅|院|中心|所|站|馆|队|会|处|部|署|社|校|园|馆)(?:[(（](?:本级|汇总)[)）])?$/;

/** "部门名称 | 北京市X局" in a table (the 部门整体支出绩效目标表 of a file of tables alone). */
export function unitInCells(blocks: Block[]): { text: string; at: Place } | undefined {
  for (const b of blocks) {
    if (b.type !== 'table') continue;
    for (const row of b.rows) {
      const k = row.findIndex((c) => /^(?:部门|单位)名称[:：]?$/.test(norm(c.text)));
      if (k < 0) continue;
      const next = row.slice(k + 1).find((c) => c.text.trim() !== '');
      const text = next ? tidy(next.text) : '';
      if (next && text.length >= 4 && text.length <= 40 && UNIT_ENDING.test(norm(text))) return { text, at: next.at };
    }
  }
  return undefined;
}

export function extractMeta(blocks: Block[], outline: Outline): Meta {
  const titleBlock =
    outline.cover.find((b) => b.type !== 'table' && textOf(b).trim() !== '') ?? blocks.find((b) => b.type !== 'table');
  const titleText = tidy(titleBlock ? textOf(titleBlock) : '');
  const title: Meta['title'] = titleBlock ? { text: titleText, at: titleBlock.at } : { text: titleText };
  const t = norm(titleText);

  // kind and scope: the title decides; otherwise the words that dominate the document
  // the whole text, joined only when the title does not decide (most titles name kind, scope and year)
  let allText: string | undefined;
  const all = () => (allText ??= blocks.map(textOf).join('\n'));
  const count = (re: RegExp) => (all().match(re) ?? []).length;
  const kind: DocumentKind = /决算/.test(t)
    ? 'final_account'
    : /预算/.test(t)
      ? 'budget'
      : count(/决算/g) > count(/预算/g)
        ? 'final_account'
        : 'budget';
  // scope: the title decides; otherwise how the parts and tables name themselves (部门收支总表 / 单位收支总表, 编制部门 / 编制单位)
  const scopeWords = (who: string) => count(new RegExp(`${who}(?:预算|决算|收支|收入|支出|概况)|编制${who}`, 'g'));
  const scope: DocumentScope = /部门(预算|决算)/.test(t)
    ? 'department'
    : /单位(预算|决算)/.test(t)
      ? 'unit'
      : scopeWords('部门') >= scopeWords('单位')
        ? 'department'
        : 'unit';
  // a file of tables alone (北京's 报表, "预算01表 收支总表" first) has no title year: the tables' 预算年度 decides
  const titleYear = YEAR_IN_TITLE.exec(titleText);
  const tableYear = titleYear ? 0 : yearOfTables(blocks);
  const yearMatch = titleYear ?? YEAR_IN_TITLE.exec(all());
  const year = titleYear ? Number(titleYear[1]) : tableYear || (yearMatch ? Number(yearMatch[1]) : yearInCells(blocks));

  // every place that names the unit: title, parts (目录 and body), section titles, signature
  const mentions: Meta['mentions'] = [];
  const add = (name: string | undefined, role: string, at?: Place) => {
    if (name) mentions.push(at ? { name, role, at } : { name, role });
  };
  add(nameBeforeYear(titleText) ?? nameAfterYear(titleText), 'title', titleBlock?.at);
  // a cover that names the unit on a line of its own (上海: "上海市2026年市级单位预算 / 预算单位：X")
  for (const b of outline.cover) {
    const m = b.type === 'table' ? null : /^\s*(?:预算单位|部门名称|单位名称)\s*[:：]\s*(\S.{1,40}?)\s*$/.exec(b.text);
    if (m) add(tidy(m[1]), 'cover', b.at);
  }
  for (const b of outline.toc) {
    if (b.type === 'heading' && b.numbering === 'part') add(nameOfOverviewPart(b.title), 'toc', b.at);
    else if (b.type !== 'table' && /^关于/.test(tidy(b.text).replace(/^[一二三四五六七八九十]+、/, '')))
      add(nameBeforeYear(tidy(b.text).replace(/^[一二三四五六七八九十]+、/, '')), 'toc', b.at);
  }
  for (const p of outline.parts) {
    add(nameOfOverviewPart(p.title), 'part', p.heading.at);
    for (const s of p.sections) if (/^关于/.test(s.title)) add(nameBeforeYear(s.title), 'section', s.heading.at);
  }

  // signature and date: the last lines of the document
  let date: Meta['date'];
  let signature: Meta['signature'];
  const tail = blocks.slice(-4).filter((b) => b.type !== 'table');
  for (let i = tail.length - 1; i >= 0; i--) {
    const b = tail[i];
    const text = tidy(textOf(b));
    const d = DATE.exec(text);
    if (d && !date) {
      date = { iso: `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`, text: d[0].trim(), at: b.at };
      const before = text.slice(0, d.index).trim();
      if (before.length >= 2 && before.length <= 40) signature = { text: before, at: b.at };
      else {
        const prev = tail[i - 1];
        const prevText = prev ? tidy(textOf(prev)) : '';
        if (prevText.length >= 2 && prevText.length <= 40 && !/[。，：:]/.test(prevText))
          signature = { text: prevText, at: prev.at };
      }
      break;
    }
  }
  if (signature) add(signature.text, 'signature', signature.at);
  // nothing else names the unit (a file of tables alone): the 部门名称 a table prints in its cells
  if (mentions.length === 0) {
    const named = unitInCells(blocks);
    if (named) add(named.text, 'table-cell', named.at);
  }

  const unitName = chooseUnitName(mentions);
  return { title, kind, scope, year, unitName, mentions, date, signature };
}

/** 目录 entries (parts, and the tables and sections they announce), with the table each one names. */
export function extractToc(outline: Outline, kind: DocumentKind): Disclosure['toc'] {
  const entries: Disclosure['toc'] = [];
  let part: string | undefined;
  for (const b of outline.toc) {
    if (b.type === 'table') continue;
    const text = stripLeader(tidy(b.text));
    if (b.type === 'heading' && b.numbering === 'part') {
      part = text;
      entries.push({ title: text, at: b.at });
      continue;
    }
    if (/^目录$/.test(norm(text))) continue;
    const tpl = announcedTable(b, { kind });
    // built member by member in the model's key order (conditional spreads made each entry slowly)
    const entry: Disclosure['toc'][number] = part ? { part, title: text } : { title: text };
    if (tpl) entry.tableId = tpl.id;
    entry.at = b.at;
    entries.push(entry);
  }
  return entries;
}

/** Tables a part lists as attachments ("第四部分 部门决算报表（见附表）"). */
export function attachmentTables(
  outline: Outline,
  kind: DocumentKind,
): Array<{ id: ReturnType<typeof announcedTable>; title: string; at: Place }> {
  const out: Array<{ id: ReturnType<typeof announcedTable>; title: string; at: Place }> = [];
  for (const p of outline.parts) {
    if (!/见附表|附表|附件/.test(norm(p.title))) continue;
    for (const b of p.blocks) {
      const tpl = announcedTable(b, { kind });
      if (tpl && b.type !== 'table') out.push({ id: tpl, title: tidy(b.text), at: b.at });
    }
  }
  return out;
}

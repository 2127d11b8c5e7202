// The document's outline: 目录 (table of contents) apart from the body, parts (第X部分) and their sections (一、…).
import type { Block, HeadingBlock } from '../read/blocks.js';
import { norm } from './text-utils.js';

export interface Section {
  heading: HeadingBlock;
  number: string;
  title: string;
  /** blocks under the heading, including subsection headings and their content */
  blocks: Block[];
}

export interface Part {
  heading: HeadingBlock;
  number: string;
  title: string;
  blocks: Block[];
  sections: Section[];
}

export interface Outline {
  /** blocks before the 目录 (cover: title, unit) */
  cover: Block[];
  /** the 目录's blocks (empty when the document has none) */
  toc: Block[];
  parts: Part[];
  /** blocks after the 目录 and before the first part heading of the body */
  preamble: Block[];
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 → 1, 十一 → 11, 二十 → 20; Arabic digits pass through. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CHINESE_DIGITS[s] ?? NaN;
  if (s.startsWith('十')) return 10 + (CHINESE_DIGITS[s[1]] ?? 0);
  if (s.endsWith('十')) return (CHINESE_DIGITS[s[0]] ?? NaN) * 10;
  return (CHINESE_DIGITS[s[0]] ?? NaN) * 10 + (CHINESE_DIGITS[s[2]] ?? NaN);
}

function isTocTitle(b: Block): boolean {
  return b.type !== 'table' && /^目录$/.test(norm(b.text));
}

/** Dot leaders and the page number after a 目录 entry ("一、部门主要职能……………3", "收支总表.......5"). */
const LEADER = /\s*(?:(?:[.．·。_—－-]\s*){3,}|(?:[…⋯‥]\s*){2,})\s*\d*\s*$|\s+\d{1,3}\s*$/;

/** A 目录 entry's text without its dot leaders and page number. */
export function stripLeader(text: string): string {
  return text.replace(LEADER, '');
}

/**
 * What a title says once the words that vary between the 目录 and the body are gone: numbering, dot leaders and
 * page number, the year, the unit's name before 部门/单位, "（单位）" marks and the leading 部门/单位.
 */
export function titleKey(text: string): string {
  return norm(stripLeader(text))
    .replace(/^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．]|\d+[、.．])/, '')
    .replace(/(?:19|20)\d{2}年度?/g, '')
    .replace(/[(（](?:部门|单位|本级|汇总)[)）]/g, '')
    .replace(/^.*?(?=(?:部门|单位)(?:主要职能|机构设置|概况|预算|决算))/, '')
    .replace(/^(?:预算)?(?:部门|单位)/, '');
}

/** A short line (a heading or a title printed as a paragraph): the only blocks that can repeat a 目录 entry. */
function isTitleLike(b: Block): boolean {
  if (b.type === 'table') return false;
  const t = norm(b.text);
  return t.length > 0 && t.length <= 60 && !/[。；;]/.test(t);
}

/** The body's block that repeats a 目录 entry: the entry's title, or the body title ending with it. */
function repeatsEntry(b: Block, entryKey: string): boolean {
  if (b.type === 'table' || !isTitleLike(b) || entryKey.length < 2) return false;
  const k = titleKey(b.text);
  if (k.length < 2) return false;
  return k === entryKey || k.endsWith(entryKey) || (k.length >= 4 && entryKey.endsWith(k));
}

/**
 * The 目录 of a template without 第X部分 headings (Shanghai's 一、部门主要职能 … 六、其他相关情况说明): its entries
 * run from the 目录 title up to the block that repeats the first entry in the body (or the first block that is
 * not an entry). Undefined when that block cannot be found.
 */
function sectionToc(blocks: Block[], tocStart: number): { end: number; entries: HeadingBlock[] } | undefined {
  const entries: HeadingBlock[] = [];
  let i = tocStart + 1;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (entries.length > 0 && repeatsEntry(b, titleKey(entries[0].title))) break;
    if (!isTitleLike(b)) break;
    if (b.type === 'heading' && b.numbering === 'section') entries.push(b);
  }
  if (entries.length < 2) return undefined;
  return { end: i, entries };
}

/**
 * Parts of a body whose titles are printed without numbers and repeat the 目录's 一、二、… entries: each entry's
 * title found in order (an entry naming the tables starts at the first table title when its own title is not
 * printed). Undefined when fewer than two entries are found.
 */
function partsFromToc(body: Block[], entries: HeadingBlock[], isTableTitle: (b: Block) => boolean): Part[] | undefined {
  const anchors: Array<{ index: number; entry: HeadingBlock; keepBlock: boolean }> = [];
  let from = 0;
  for (const entry of entries) {
    const key = titleKey(entry.title);
    // a table's own title ("…一般公共预算支出功能分类预算表") does not repeat an entry naming all tables ("单位预算表")
    let index = body.findIndex(
      (b, i) =>
        i >= from && repeatsEntry(b, key) && (!isTableTitle(b) || titleKey((b as { text: string }).text) === key),
    );
    let keepBlock = false;
    if (index < 0 && /表$/.test(key)) {
      index = body.findIndex((b, i) => i >= from && isTableTitle(b));
      keepBlock = true;
    }
    if (index < 0) continue;
    anchors.push({ index, entry, keepBlock });
    from = index + 1;
  }
  if (anchors.length < 2) return undefined;
  const parts: Part[] = [];
  anchors.forEach((a, k) => {
    const b = body[a.index] as Exclude<Block, { type: 'table' }>;
    const end = anchors[k + 1]?.index ?? body.length;
    // a table title stays a block of the part (the table reader finds it there); the part takes the 目录's title
    const title = a.keepBlock ? stripLeader(a.entry.title) : tidyTitle(b.text);
    const heading: HeadingBlock = {
      type: 'heading',
      text: a.keepBlock ? '' : b.text,
      numbering: 'part',
      number: a.entry.number,
      title,
      marked: false,
      at: b.at,
    };
    parts.push({
      heading,
      number: a.entry.number ?? '',
      title,
      blocks: body.slice(a.keepBlock ? a.index : a.index + 1, end),
      sections: [],
    });
  });
  // what precedes the first title belongs to the first part (a title lost by the converter)
  const lead = body.slice(0, anchors[0].index);
  if (lead.length) parts[0].blocks.unshift(...lead);
  return parts;
}

function tidyTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function buildOutline(blocks: Block[], isTableTitle: (b: Block) => boolean = () => false): Outline {
  const tocStart = blocks.findIndex((b, i) => i < 40 && isTocTitle(b));
  let bodyStart: number;
  let cover: Block[];
  let toc: Block[] = [];
  let tocParts: Part[] | undefined;
  if (tocStart >= 0) {
    cover = blocks.slice(0, tocStart);
    // the body starts where the first part announced in the 目录 appears again
    const firstPart = blocks.findIndex((b, i) => i > tocStart && b.type === 'heading' && b.numbering === 'part');
    let again = -1;
    if (firstPart >= 0) {
      const num = (blocks[firstPart] as HeadingBlock).number;
      again = blocks.findIndex(
        (b, i) => i > firstPart && b.type === 'heading' && b.numbering === 'part' && b.number === num,
      );
    }
    const sectioned = firstPart < 0 ? sectionToc(blocks, tocStart) : undefined;
    if (sectioned) {
      bodyStart = sectioned.end;
      tocParts = partsFromToc(blocks.slice(bodyStart), sectioned.entries, isTableTitle);
    } else bodyStart = again >= 0 ? again : firstPart >= 0 ? firstPart : tocStart + 1;
    toc = blocks.slice(tocStart + 1, bodyStart);
  } else {
    const firstPart = blocks.findIndex((b) => b.type === 'heading' && b.numbering === 'part');
    bodyStart = firstPart >= 0 ? firstPart : 0;
    cover = blocks.slice(0, bodyStart);
  }

  const parts: Part[] = tocParts ?? [];
  const preamble: Block[] = [];
  let current: Part | null = null;
  for (const b of tocParts ? [] : blocks.slice(bodyStart)) {
    if (b.type === 'heading' && b.numbering === 'part') {
      current = { heading: b, number: b.number ?? '', title: b.title, blocks: [], sections: [] };
      parts.push(current);
      continue;
    }
    if (!current) {
      preamble.push(b);
      continue;
    }
    current.blocks.push(b);
  }
  // templates without 第X部分 headings (e.g. Shanghai's): the whole body is one part, split at its 一、二、…
  if (parts.length === 0 && preamble.length > 0) {
    const first = preamble.find((b) => b.type !== 'table') ?? preamble[0];
    const heading: HeadingBlock = {
      type: 'heading',
      text: '',
      numbering: 'part',
      title: '',
      marked: false,
      at: first.at,
    };
    parts.push({ heading, number: '', title: '', blocks: preamble.splice(0), sections: [] });
  }
  for (const part of parts) part.sections = splitSections(part.blocks);
  return { cover, toc, parts, preamble };
}

/** Splits a part's blocks at its 一、二、… headings (numbers must increase, which skips stray list numbers). */
export function splitSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let last = 0;
  for (const b of blocks) {
    if (b.type === 'heading' && b.numbering === 'section') {
      const n = chineseNumber(b.number ?? '');
      if (n > last) {
        current = { heading: b, number: b.number ?? '', title: b.title, blocks: [] };
        sections.push(current);
        last = n;
        continue;
      }
    }
    if (current) current.blocks.push(b);
  }
  return sections;
}

/** Finds the part whose title matches (e.g. /说明/ for the explanations, /名词解释/). */
export function findPart(outline: Outline, re: RegExp): Part | undefined {
  return outline.parts.find((p) => re.test(norm(p.title)));
}

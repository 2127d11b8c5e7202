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

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

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

export function buildOutline(blocks: Block[]): Outline {
  const tocStart = blocks.findIndex((b, i) => i < 40 && isTocTitle(b));
  let bodyStart = 0;
  let cover: Block[] = [];
  let toc: Block[] = [];
  if (tocStart >= 0) {
    cover = blocks.slice(0, tocStart);
    // the body starts where the first part announced in the 目录 appears again
    const firstPart = blocks.findIndex((b, i) => i > tocStart && b.type === 'heading' && b.numbering === 'part');
    let again = -1;
    if (firstPart >= 0) {
      const num = (blocks[firstPart] as HeadingBlock).number;
      again = blocks.findIndex((b, i) => i > firstPart && b.type === 'heading' && b.numbering === 'part' && b.number === num);
    }
    bodyStart = again >= 0 ? again : firstPart >= 0 ? firstPart : tocStart + 1;
    toc = blocks.slice(tocStart + 1, bodyStart);
  } else {
    const firstPart = blocks.findIndex((b) => b.type === 'heading' && b.numbering === 'part');
    bodyStart = firstPart >= 0 ? firstPart : 0;
    cover = blocks.slice(0, bodyStart);
  }

  const parts: Part[] = [];
  const preamble: Block[] = [];
  let current: Part | null = null;
  for (const b of blocks.slice(bodyStart)) {
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
    const heading: HeadingBlock = { type: 'heading', text: '', numbering: 'part', title: '', marked: false, at: first.at };
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

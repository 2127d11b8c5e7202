// 概况 (主要职能, 机构设置, 人员) and 名词解释 → model.
import type { Block } from '../read/blocks.js';
import type { Count, Disclosure, Place } from '../model/schema.js';
import { type ExtractContext, warn } from './context.js';
import { type Paragraph, paragraphsOf, withoutOrdinal } from './narrative/segment.js';
import type { Outline, Part, Section } from './outline.js';
import { norm, tidy } from './text-utils.js';

/** The 概况 part (部门概况 / 单位概况), else the first part when it holds 主要职能. */
export function overviewPart(outline: Outline): Part | undefined {
  return (
    outline.parts.find((p) => /概况/.test(norm(p.title))) ??
    outline.parts.find((p) => p.sections.some((s) => /职能|职责/.test(norm(s.title))))
  );
}

function sectionOf(part: Part | undefined, re: RegExp): Section | undefined {
  return part?.sections.find((s) => re.test(norm(s.title)));
}

/** Text blocks (paragraphs and headings such as a list item the converter marked "## 7. …"), tidied. */
function textBlocks(blocks: Block[]): Array<{ text: string; at: Place; heading: boolean }> {
  const out: Array<{ text: string; at: Place; heading: boolean }> = [];
  for (const b of blocks) {
    if (b.type === 'table') continue;
    const text = tidy(b.text);
    if (text) out.push({ text, at: b.at, heading: b.type === 'heading' });
  }
  return out;
}

const STAFF = /编制数|实有人数|在职人员?\s*\d/;

/**
 * The organisation text of a block without its staff statement. The converter may have joined the two
 * ("…、民团办乌尔禾区人民政府办公室单位编制数 15，…"): cut at the sentence, else at the unit's name, before it.
 */
function withoutStaff(text: string, unitName: string): string {
  const hit = STAFF.exec(text);
  if (!hit) return text;
  const before = text.slice(0, hit.index);
  const sentence = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('\n'));
  const name = unitName ? before.lastIndexOf(unitName) : -1;
  const cut = sentence >= 0 ? sentence + 1 : name >= 0 ? name : hit.index;
  return text.slice(0, cut).trim();
}

function count(value: number, unit: string, text: string, at: Place): Count {
  return { value, unit, text: tidy(text), at };
}

function readStaff(paragraphs: Paragraph[]): Disclosure['overview']['staff'] {
  const staff: Disclosure['overview']['staff'] = {};
  const p = paragraphs.find((x) => STAFF.test(x.text));
  if (!p) return staff;
  const t = p.text;
  const at = p.at;
  staff.at = at;
  let m: RegExpExecArray | null;
  if ((m = /编制(?:数)?\s*(?:为)?\s*(\d+)\s*(人|名)?/.exec(t))) staff.authorized = count(Number(m[1]), '人', m[0], at);
  if ((m = /实有人数\s*(?:为)?\s*(\d+)\s*(人|名)?/.exec(t))) staff.actual = count(Number(m[1]), '人', m[0], at);
  const person = (re: RegExp): { n?: Count; change?: Count } => {
    const hit = re.exec(t);
    if (!hit) return {};
    const out: { n?: Count; change?: Count } = { n: count(Number(hit[1]), '人', hit[0], at) };
    const rest = t.slice((hit.index ?? 0) + hit[0].length);
    const c = /^\s*[，,]?\s*(?:比上年)?\s*(增加|减少)\s*(\d+)\s*人/.exec(rest);
    if (c)
      out.change = count(c[1] === '减少' ? -Number(c[2]) : Number(c[2]), '人', c[0].replace(/^\s*[，,]\s*/, ''), at);
    return out;
  };
  const active = person(/在职(?:人员)?\s*(?:为)?\s*(\d+)\s*人/);
  const retired = person(/(?<!离)退休(?:人员)?\s*(?:为)?\s*(\d+)\s*人/);
  const before1949 = person(/离休(?:人员)?\s*(?:为)?\s*(\d+)\s*人/);
  if (active.n) staff.active = active.n;
  if (active.change) staff.activeChange = active.change;
  if (retired.n) staff.retired = retired.n;
  if (retired.change) staff.retiredChange = retired.change;
  if (before1949.n) staff.retiredBefore1949 = before1949.n;
  if (before1949.change) staff.retiredBefore1949Change = before1949.change;
  return staff;
}

export function extractOverview(outline: Outline, ctx: ExtractContext): Disclosure['overview'] {
  const part = overviewPart(outline);
  const overview: Disclosure['overview'] = { functions: [], organisation: { internalDivisions: [] }, staff: {} };
  if (!part) {
    warn(ctx, 'overviewMissing', {});
    return overview;
  }
  const duties = sectionOf(part, /职能|职责/);
  if (duties) {
    for (const b of textBlocks(duties.blocks)) {
      const text = withoutOrdinal(b.text).trim();
      if (text) overview.functions.push({ text, at: b.at });
    }
  }
  const organisation = sectionOf(part, /机构|人员/);
  if (organisation) {
    const blocks = textBlocks(organisation.blocks);
    const paragraphs = paragraphsOf(organisation.blocks);
    overview.staff = readStaff(paragraphs);
    const orgText = blocks.map((b) => withoutStaff(b.text, ctx.unitName)).filter(Boolean);
    if (orgText.length) overview.organisation.text = orgText.join('\n');
    const all = orgText.join('\n');
    let m: RegExpExecArray | null;
    if ((m = /下设\s*(\d+)\s*个/.exec(all))) {
      overview.organisation.internalDivisionCount = Number(m[1]);
      const rest = all.slice((m.index ?? 0) + m[0].length);
      const named = /^[^。\n]{0,12}?分别(?:是|为)\s*[:：]?\s*([^。\n]+)/.exec(rest);
      if (named) {
        overview.organisation.internalDivisions = named[1]
          .split(/[、，,；;]/)
          .map((s) => s.trim().replace(/等$/, ''))
          .filter(Boolean);
      }
    }
    if ((m = /下属\s*(\d+)\s*(?:家|个)/.exec(all))) overview.organisation.subordinateUnitCount = Number(m[1]);
    else if (/无下属(?:预算)?单位/.test(all)) overview.organisation.subordinateUnitCount = 0;
    if ((m = /行政单位\s*(\d+)\s*(?:家|个)|(\d+)\s*(?:家|个)行政单位/.exec(all)))
      overview.organisation.administrativeUnits = Number(m[1] ?? m[2]);
    if ((m = /事业单位\s*(\d+)\s*(?:家|个)|(\d+)\s*(?:家|个)事业单位/.exec(all)))
      overview.organisation.institutionUnits = Number(m[1] ?? m[2]);
  }
  if (!duties && !organisation) warn(ctx, 'overviewSections', {}, part.heading.at);
  return overview;
}

/**
 * The budget units listed in 机构设置 after "…预算单位包括：" (numbered items, some marked as headings by the
 * converter). For the model's unit.subordinateUnits; the lead decides whether the unit itself is among them.
 */
export function extractSubordinateUnits(outline: Outline, ctx: ExtractContext): Disclosure['unit']['subordinateUnits'] {
  void ctx;
  const organisation = sectionOf(overviewPart(outline), /机构|人员/);
  if (!organisation) return [];
  const blocks = textBlocks(organisation.blocks);
  const start = blocks.findIndex((b) => /预算单位(?:包括|有)\s*[:：]?$/.test(b.text));
  if (start < 0) return [];
  const units: Disclosure['unit']['subordinateUnits'] = [];
  for (const b of blocks.slice(start + 1)) {
    const name = withoutOrdinal(b.text).trim();
    if (name === b.text || STAFF.test(b.text) || /[。；;]/.test(name) || name.length > 40) break;
    const code = /^[[【](\d+)[\]】]\s*/.exec(name);
    units.push(code ? { name: name.slice(code[0].length), code: code[1], at: b.at } : { name, at: b.at });
  }
  return units;
}

export function extractGlossary(outline: Outline, ctx: ExtractContext): Disclosure['glossary'] {
  const part = outline.parts.find((p) => /名词解释|名词说明|专业名词/.test(norm(p.title)));
  if (!part) {
    warn(ctx, 'glossaryMissing', {});
    return [];
  }
  const glossary: Disclosure['glossary'] = [];
  for (const b of textBlocks(part.blocks)) {
    const m = /^(?<term>[^：:。，,；;]{1,30}?)\s*[：:]\s*(?<def>\S[\s\S]*)$/.exec(withoutOrdinal(b.text).trim());
    if (!m) continue;
    const term = m.groups!.term.trim();
    // a term that is only a level marker ("(项)") is a name the converter cut from its line
    if (/^名词解释|^专业名词/.test(term) || !norm(term).replace(/\((类|款|项)\)/g, '')) continue;
    glossary.push({ term, definition: m.groups!.def.trim(), at: b.at });
  }
  return glossary;
}

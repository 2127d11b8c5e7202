// Narrative explanations (情况说明) → stated facts tied to what they describe, plus projects, 三公, 机关运行经费,
// 政府采购, 国有资产 and the 预算绩效 summary.
import type { Block, HeadingBlock } from '../read/blocks.js';
import type { Disclosure, Fact, NarrativeSection } from '../model/schema.js';
import { type ExtractContext, warn } from './context.js';
import {
  readAssets,
  readOperatingUnits,
  readPerformanceSummary,
  procurementOf,
  readProjects,
  readThreePublicCounts,
} from './narrative/details.js';
import { readFacts } from './narrative/facts.js';
import { type Paragraph, paragraphsOf } from './narrative/segment.js';
import { type Subtopic, subtopicOf, type Topic, topicOf } from './narrative/subject.js';
import { type Outline, type Part, type Section } from './outline.js';
import { norm } from './text-utils.js';
import { flatMap } from './arrays.js';

export interface NarrativeResult {
  narrative: NarrativeSection[];
  projects: Disclosure['projects'];
  threePublic: Disclosure['threePublic'];
  operatingCosts: Disclosure['operatingCosts'];
  procurement: Disclosure['procurement'];
  assets: Disclosure['assets'];
  performanceSummary: Omit<Disclosure['performance'], 'targets' | 'selfEvaluations'>;
}

/** A run of a section's blocks under one （一）（二）… heading (or before the first). */
interface Segment {
  heading?: HeadingBlock;
  subtopic: Subtopic;
  paragraphs: Paragraph[];
}

/**
 * The explanation part: its title says 说明 or 预算情况/决算情况 (never the tables, the glossary or the 概况);
 * without such a title (a converter that lost it), the part whose sections are most often "…情况说明".
 */
function isExplanationTitle(title: string): boolean {
  const t = norm(title);
  return /说明|预算情况|决算情况/.test(t) && !/名词|解释|概况|表$|报表|附表|附件/.test(t);
}

export function explanationPart(outline: Outline): Part | undefined {
  const byTitle = outline.parts.find((p) => isExplanationTitle(p.title) && p.sections.length > 0);
  if (byTitle) return byTitle;
  const score = (p: Part) =>
    p.sections.filter((s) => /说明/.test(norm(s.title)) && /收入|支出|三公|财政拨款/.test(norm(s.title))).length;
  const best = [...outline.parts].sort((a, b) => score(b) - score(a))[0];
  // a body without 目录 or 第X部分 (重庆: 一、单位基本情况 … 六、专业性名词解释) is one untitled part: fewer titles say 说明
  const untitled = outline.parts.length === 1 && !best?.title;
  return best && score(best) >= (untitled ? 1 : 3) ? best : undefined;
}

/**
 * The sections the explanations are read from: the explanation part's, and those of the other parts titled as
 * explanations (Shanghai's 四、单位预算编制说明 before 六、其他相关情况说明); a part printed without 一、二、… is read
 * as one section under its own title.
 */
function explanationSections(outline: Outline, main: Part): Section[] {
  const out: Section[] = [];
  for (const p of outline.parts) {
    if (p !== main && !(p.title && isExplanationTitle(p.title))) continue;
    if (p.sections.length) out.push(...p.sections);
    else if (p !== main)
      out.push({
        heading: p.heading,
        number: p.number,
        title: p.title,
        blocks: p.blocks.filter((b) => b.type !== 'table'),
      });
  }
  return out;
}

/** Blocks up to the performance tables (目标表/自评表), which the performance extractor reads. */
function beforePerformanceTables(blocks: Block[]): Block[] {
  const end = blocks.findIndex(
    (b) =>
      b.type === 'table' ||
      (b.text.length <= 60 && /^(项目支出)?绩效(目标|自评)表|^附件\s*\d*\s*[:：]?$/.test(norm(b.text))),
  );
  return end < 0 ? blocks : blocks.slice(0, end);
}

/** The title of a paragraph that opens with （一）/(一) and a subtopic's words before its first 。or ：. */
function inlineSubsection(text: string): string | undefined {
  const m = /^\s*[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*([^。：:，,]{2,24})[。：:]/.exec(text);
  return m && subtopicOf(m[1]) !== 'none' ? m[1] : undefined;
}

function segmentsOf(blocks: Block[], topic: Topic, sectionSubtopic: Subtopic): Segment[] {
  const runs: Array<{ heading?: HeadingBlock; blocks: Block[] }> = [{ blocks: [] }];
  for (const b of blocks) {
    const title = b.type === 'paragraph' ? inlineSubsection(b.text) : undefined;
    if (b.type === 'heading' && b.numbering === 'subsection') runs.push({ heading: b, blocks: [] });
    else if (title) {
      // "（一）机关运行经费。2026年…": a subsection whose title runs on into its text
      runs.push({
        heading: { type: 'heading', text: title, numbering: 'subsection', title, marked: false, at: b.at },
        blocks: [b],
      });
    } else runs[runs.length - 1].blocks.push(b);
  }
  return runs
    .filter((r) => r.heading || r.blocks.length)
    .map((r) => {
      // a section of its own for 机关运行经费/政府采购/国有资产 (other templates) is read like that subsection
      const subtopic = r.heading ? subtopicOf(r.heading.title) : sectionSubtopic;
      const performance = subtopic === 'performance' || topic === 'performance';
      return {
        heading: r.heading,
        subtopic,
        paragraphs: paragraphsOf(performance ? beforePerformanceTables(r.blocks) : r.blocks),
      };
    });
}

export function extractNarrative(outline: Outline, ctx: ExtractContext): NarrativeResult {
  const result: NarrativeResult = {
    narrative: [],
    projects: [],
    threePublic: { items: [] },
    operatingCosts: {},
    procurement: {},
    assets: { vehicleCategories: [] },
    performanceSummary: {},
  };
  const part = explanationPart(outline);
  if (!part) {
    warn(ctx, 'narrativeMissing', {});
    return result;
  }
  for (const section of explanationSections(outline, part)) {
    const topic = topicOf(section.title);
    // the 名词解释 printed as a section of the explanations defines terms, it states no figures
    if (/名词解释/.test(norm(section.title))) {
      result.narrative.push({
        number: section.number,
        title: section.title,
        topic,
        facts: [],
        paragraphs: [],
        at: section.heading.at,
      });
      continue;
    }
    const segments = segmentsOf(
      section.blocks,
      topic,
      topic === 'other' || topic === 'performance' ? subtopicOf(section.title) : 'none',
    );
    const facts: Fact[] = [];
    for (const seg of segments) {
      if (topic === 'project') {
        const projects = readProjects(seg.paragraphs);
        result.projects.push(...projects);
        for (const p of projects) {
          if (!p.amount) continue;
          facts.push({
            subject: { kind: 'project', names: [p.name] },
            label: p.name,
            amount: p.amount,
            text: `${p.name} ${p.amount.text}${p.amount.unit}`,
            at: p.at,
          });
        }
        continue;
      }
      if (topic === 'performance' || seg.subtopic === 'performance') {
        if (!result.performanceSummary.text) result.performanceSummary = readPerformanceSummary(seg.paragraphs);
        continue;
      }
      if (seg.subtopic === 'assets') {
        if (!result.assets.at) result.assets = readAssets(seg.paragraphs);
        continue;
      }
      const segFacts = readFacts(seg.paragraphs, {
        unitName: ctx.unitName,
        context: { topic, subtopic: seg.subtopic, year: ctx.year },
      });
      facts.push(...segFacts);
      if (seg.subtopic === 'operatingCosts') {
        // "本单位无机关运行经费。" states that there are none: a fact without an amount
        const none = seg.paragraphs.find((p) => /(?:无|没有|未安排)(?:机关)?运行经费/.test(p.text));
        const fact =
          segFacts.find((f) => f.subject.kind === 'operatingCosts' && f.amount) ??
          (none
            ? { subject: { kind: 'operatingCosts' as const }, label: '机关运行经费', text: none.text, at: none.at }
            : undefined);
        // a later mention without a figure (a 名词解释 entry) does not undo the one read
        if (fact || !result.operatingCosts.fact)
          result.operatingCosts = { ...(fact ? { fact } : {}), ...readOperatingUnits(seg.paragraphs) };
      }
      if (seg.subtopic === 'procurement' && (segFacts.length || !result.procurement.total))
        result.procurement = procurementOf(segFacts);
      if (topic === 'threePublic') {
        result.threePublic.items.push(...segFacts.filter((f) => f.subject.kind === 'threePublic'));
        Object.assign(result.threePublic, readThreePublicCounts(seg.paragraphs));
      }
    }
    result.narrative.push({
      number: section.number,
      title: section.title,
      topic,
      facts,
      paragraphs: flatMap(segments, (s) => s.paragraphs.map((p) => ({ text: p.text, at: p.at }))),
      at: section.heading.at,
    });
  }
  return result;
}

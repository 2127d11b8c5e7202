// Entry point of parsing: input file or text → blocks (read) → the disclosure model (extract).
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Disclosure, Table } from '../model/schema.js';
import { readText, decodeText } from '../read/text.js';
import { ReadError } from '../read/errors.js';
import { detectFormat, readFileBlocks } from '../read/detect.js';
import type { Block } from '../read/blocks.js';
import type { ExtractContext } from './context.js';
import { warn } from './context.js';
import { buildOutline } from './outline.js';
import { extractMeta, extractToc, attachmentTables, chooseUnitName } from './meta.js';
import { extractTables, tableTitleOf } from './tables.js';
import { splitTitledGrids } from './table-titles.js';
import { titleWords } from '../catalog/tables.js';
import { extractNarrative } from './narrative.js';
import { extractOverview, extractGlossary, extractSubordinateUnits } from './overview.js';
import { extractPerformanceTables } from './performance.js';
import { extractDepartmentForm, findFormTitle } from './department-performance.js';
import { computeFigures } from './figures.js';
import { resolveFactCodes } from './resolve.js';
import { norm } from './text-utils.js';
import { flatMap } from './arrays.js';

export interface ParseOptions {
  /** file name recorded in the model's source */
  file: string;
  bytes?: number;
}

/** Largest input accepted: disclosures are tens of kilobytes; anything this big is not one. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Parses the text of a disclosure (text/Markdown converted from PDF, as in ../shared/seeds). */
export function parseText(text: string, options: ParseOptions): Disclosure {
  const read = readText(text);
  return extractDisclosure(read.blocks, {
    file: options.file,
    format: read.format,
    bytes: options.bytes ?? read.bytes,
    lines: read.lines,
  });
}

/** Blocks (from any reader) → the disclosure model. */
export function extractDisclosure(read: Block[], source: Disclosure['source']): Disclosure {
  const blocks = splitTitledGrids(read, isTableTitle);
  const outline = buildOutline(blocks, isTableTitle);
  const meta = extractMeta(blocks, outline);
  if (!looksLikeDisclosure(blocks, meta.year)) {
    throw new ReadError(
      source.file,
      `不是预算或决算公开文件：${refusalReason(blocks, meta.year)} (not a budget or final-account disclosure)`,
      '请确认这是部门/单位预算或决算公开文件（情况说明或公开报表）；扫描件需要文字层或 OCR',
    );
  }
  const ctx: ExtractContext = {
    file: source.file,
    kind: meta.kind,
    scope: meta.scope,
    year: meta.year,
    unitName: meta.unitName,
    warnings: [],
  };
  const bodyBlocks: Block[] = [];
  for (const p of outline.parts) bodyBlocks.push(p.heading, ...p.blocks);
  // a 部门整体预算绩效目标申报表 published on its own: no parts, one form
  const formTitle = findFormTitle(blocks);
  const form = formTitle ? extractDepartmentForm(blocks, formTitle, ctx) : undefined;
  const tables = [...extractTables(bodyBlocks, ctx), ...(form ? [form.table] : [])];

  // tables announced (目录 or an attachment list) but not found in the body
  const toc = extractToc(outline, meta.kind);
  const attachments = attachmentTables(outline, meta.kind);
  const announced: Table[] = [];
  const seen = new Set(tables.map((t) => t.id));
  for (const a of attachments) {
    if (!a.id || seen.has(a.id.id)) continue;
    seen.add(a.id.id);
    announced.push({ id: a.id.id, status: 'attachment', title: a.title, columns: [], rows: [], at: a.at });
  }
  const attachedParts = partsPublishedApart(outline);
  for (const e of toc) {
    if (!e.tableId || seen.has(e.tableId)) continue;
    seen.add(e.tableId);
    const asAttachment =
      e.part !== undefined && (/见附表|附表|附件/.test(norm(e.part)) || attachedParts.has(partNumberOf(e.part)));
    announced.push({
      id: e.tableId,
      status: asAttachment ? 'attachment' : 'absent',
      title: e.title,
      columns: [],
      rows: [],
      ...(e.at ? { at: e.at } : {}),
    });
    if (!asAttachment) warn(ctx, 'tableAbsent', { title: e.title }, e.at);
  }

  // parts the 目录 announces but the body lacks: the document is truncated or incomplete
  const bodyParts = new Set(outline.parts.map((p) => p.number));
  for (const b of outline.toc) {
    if (b.type === 'heading' && b.numbering === 'part' && b.number && !bodyParts.has(b.number)) {
      warn(ctx, 'partMissing', { title: b.text }, b.at);
    }
  }
  if (outline.parts.length === 0 && !form) warn(ctx, 'noParts', {});

  // the tables' headers name the unit too: choose again with them (some templates print the unit only there)
  const preparers = flatMap(tables, (t) =>
    t.preparer?.name
      ? [{ name: t.preparer.name, role: 'table-preparer', ...(t.preparer.at ? { at: t.preparer.at } : {}) }]
      : [],
  );
  if (form?.unitName) preparers.push({ name: form.unitName.text, role: 'form', at: form.unitName.at });
  ctx.unitName = chooseUnitName([...meta.mentions, ...preparers]) || meta.unitName;

  const narrative = extractNarrative(outline, ctx);
  resolveFactCodes(narrative.narrative, tables, meta.year);
  const performanceTables = extractPerformanceTables(bodyBlocks, ctx);
  if (form) performanceTables.targets.push(form.target);
  const unitCode = tables.map((t) => t.preparer?.code).find(Boolean);
  const mentions = [...meta.mentions, ...preparers];
  for (const t of tables) {
    // an organisation row carrying the unit's own code names the unit ("[002002]乌鲁木齐区政府办公室")
    for (const r of t.rows)
      if (unitCode && r.kind === 'organisation' && r.orgCode === unitCode && r.label)
        mentions.push({ name: r.label, role: 'table-row', at: r.at });
  }
  for (const p of performanceTables.targets)
    if (p.unit && sameUnit(p.unit, ctx.unitName)) mentions.push({ name: p.unit, role: 'performance-table', at: p.at });
  for (const p of performanceTables.selfEvaluations) {
    for (const name of [p.department, p.implementingUnit])
      if (name && sameUnit(name, ctx.unitName)) mentions.push({ name, role: 'performance-table', at: p.at });
  }

  const doc: Omit<Disclosure, 'figures'> = {
    schemaVersion: 1,
    source,
    ...(form ? { form: 'department-performance-target' as const } : {}),
    kind: meta.kind,
    scope: meta.scope,
    year: meta.year,
    title: meta.title,
    unit: {
      name: ctx.unitName,
      ...(unitCode ? { code: unitCode } : {}),
      mentions,
      subordinateUnits: extractSubordinateUnits(outline, ctx),
    },
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.signature ? { signature: meta.signature } : {}),
    toc,
    parts: outline.parts.map((p) => ({ number: p.number, title: p.title, at: p.heading.at })),
    overview: extractOverview(outline, ctx),
    tables: [...tables, ...announced],
    tablesPresent: tables.map((t) => t.id),
    narrative: narrative.narrative,
    projects: narrative.projects,
    threePublic: narrative.threePublic,
    operatingCosts: narrative.operatingCosts,
    procurement: narrative.procurement,
    assets: narrative.assets,
    performance: { ...narrative.performanceSummary, ...performanceTables },
    glossary: extractGlossary(outline, ctx),
    // a form has no 概况, 说明 or 名词解释 parts to miss
    warnings: form ? ctx.warnings.filter((w) => !FORM_HAS_NO.has(w.code)) : ctx.warnings,
  };
  return { ...doc, figures: computeFigures(doc) };
}

/**
 * Whether a name printed in a table is the document's own unit under another spelling (a performance table's
 * 预算单位 may also be a subordinate unit): identical, or sharing a distinctive ending such as
 * "…政务服务和公共资源交易管理局" / "…政府办公室".
 */
export function sameUnit(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  if (n >= 10) return true;
  const samePlace = x.slice(0, 2) === y.slice(0, 2);
  return samePlace && n >= 5 && n >= 0.4 * Math.min(x.length, y.length);
}

/** parts a disclosure has and a 部门整体预算绩效目标申报表 does not: their absence is no reading problem */
const FORM_HAS_NO = new Set(['narrative-missing', 'overview-missing', 'glossary-missing']);

/** "第二部分…" → "二". */
function partNumberOf(text: string): string {
  return /^第([一二三四五六七八九十\d]+)部分/.exec(norm(text))?.[1] ?? '';
}

/**
 * Numbers of the body's parts that print no table and say the tables are published apart ("附件：X2026年度部门预算报表",
 * "详见附件"): the tables the 目录 lists under them are attachments, not missing.
 */
function partsPublishedApart(outline: ReturnType<typeof buildOutline>): Set<string> {
  const out = new Set<string>();
  for (const p of outline.parts) {
    if (!p.number || p.blocks.some((b) => b.type === 'table')) continue;
    if (p.blocks.some((b) => b.type !== 'table' && publishedApart(b.text))) out.add(p.number);
  }
  return out;
}

/**
 * Whether a line says the tables are published apart ("附件：…", "详见附件", "另行公开"): the words tested on the
 * normalised text (/^附件\d*[:：]|见附件|另行公开|单独公开/ once spaces are gone and digits half-width), written to
 * allow the spaces and full-width digits that normalising removes, so that no paragraph is normalised for it.
 */
const PUBLISHED_APART = /^\s*附\s*件[\s\d０-９]*[:：]|见\s*附\s*件|另\s*行\s*公\s*开|单\s*独\s*公\s*开/;
function publishedApart(text: string): boolean {
  return PUBLISHED_APART.test(text);
}

/** A standard table's title, or any title numbered as a table ("预算表12 项目支出绩效目标表", "附表14 …"). */
function isTableTitle(b: Block): boolean {
  // both tests below need the word 表 (most blocks are prose without it)
  if (b.type === 'table' || !b.text.includes('表')) return false;
  if (tableTitleOf(b, {})) return true;
  const t = norm(b.text);
  return t.length <= 40 && /表$/.test(t) && titleWords(t) !== t && titleWords(t).length >= 3;
}

/** A disclosure has a year and speaks of 预算/决算 in its title, parts or tables; a file of tables alone prints
 *  two or more standard table titles. */
function looksLikeDisclosure(blocks: Block[], year: number): boolean {
  if (!year) return false;
  if (standardTitles(blocks, 2) >= 2) return true;
  const heads = blocks
    .slice(0, 200)
    .map((b) => (b.type === 'table' ? '' : b.text))
    .join('');
  return /预算|决算/.test(heads) && (/部分/.test(heads) || blocks.some((b) => b.type === 'table'));
}

/** How many different standard tables the blocks title, counted up to `enough`. */
function standardTitles(blocks: Block[], enough = Infinity): number {
  const ids = new Set<string>();
  for (const b of blocks) {
    const id = tableTitleOf(b, {})?.id;
    if (id && ids.add(id).size >= enough) break;
  }
  return ids.size;
}

/** What the file lacks, said so that a person sees why it was refused. */
function refusalReason(blocks: Block[], year: number): string {
  const text = blocks.filter((b) => b.type !== 'table').length;
  if (text === 0 && !blocks.some((b) => b.type === 'table')) return '文件中没有读到文字';
  const missing: string[] = [];
  if (!year) missing.push('没有找到年度');
  const heads = blocks
    .slice(0, 200)
    .map((b) => (b.type === 'table' ? '' : b.text))
    .join('');
  if (!/预算|决算/.test(heads)) missing.push('开头部分没有“预算”或“决算”字样');
  if (standardTitles(blocks) === 0) missing.push('没有找到任何标准公开表（收支总表、收入总表、支出总表等）');
  if (!/部分/.test(heads)) missing.push('没有“第X部分”结构');
  return missing.join('，');
}

/** Reads and parses a file; throws ReadError (clear message, exit code 2) when it cannot be read. */
export async function parseFile(path: string): Promise<Disclosure> {
  return parseBytes(await readInputFile(path), path);
}

/** A file's bytes, once it is known to be a file of a disclosure's size: the size is checked before anything is read,
 * so a huge file is refused without being loaded. Throws ReadError (exit code 2). */
export async function readInputFile(path: string): Promise<Buffer> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  checkInput(path, info);
  try {
    return await readFile(path);
  } catch (err) {
    throw unreadable(path, err);
  }
}

function unreadable(path: string, err: unknown): ReadError {
  const code = (err as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOENT'
      ? '文件不存在 (file not found)'
      : code === 'EACCES'
        ? '没有读取权限 (permission denied)'
        : '文件无法读取 (not readable)';
  return new ReadError(path, what, 'check the path');
}

/** Refuses a folder, or a file too large to be a disclosure, before reading it. */
function checkInput(path: string, info: Stats): void {
  if (info.isDirectory())
    throw new ReadError(path, '这是一个目录，不是文件 (a directory, not a file)', 'pass the disclosure file itself');
  if (info.size > MAX_INPUT_BYTES) throw tooLarge(path, info.size);
}

function tooLarge(file: string, size: number): ReadError {
  return new ReadError(
    file,
    `文件过大 (${(size / 1048576).toFixed(1)} MB > ${MAX_INPUT_BYTES / 1048576} MB): 不像一份公开文件 (too large for a disclosure)`,
    'split it or check that it is the right file',
  );
}

/** Parses a file's bytes; `file` names it in the model and in errors (an upload's own name, never a server path). */
export async function parseBytes(bytes: Uint8Array, file: string): Promise<Disclosure> {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(file, bytes.length);
  if (detectFormat(bytes) !== 'text') {
    const read = await readFileBlocks(file, bytes);
    return extractDisclosure(read.blocks, { file, format: read.format, bytes: bytes.length, lines: read.lines });
  }
  const text = decodeText(bytes, file);
  return parseText(text, { file, bytes: bytes.length });
}

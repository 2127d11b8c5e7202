// The input workbook (`budgetdoc template`, `render FILE.xlsx`): 基本信息, 概况, one sheet per standard table, then
// 项目, 三公明细, 政府采购, 国有资产, 绩效目标/绩效自评 and 变动原因. Written from a model (or blank) and read back
// into a model by the same sheet definitions, so workbook → model → workbook gives the same workbook.
import { PART_NUMBERS, standardPartTitles, titleSubject } from '../catalog/titles.js';
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import ExcelJS from 'exceljs';
import type { Disclosure, DocumentKind } from '../model/schema.js';
import { DisclosureSchema } from '../model/schema.js';
import { emptyDisclosure } from '../model/empty.js';
import { extractDisclosure } from '../extract/index.js';
import { ReadError } from '../read/errors.js';
import { blocksFromLines } from '../read/lines.js';
import { loadSheets, sheetLines } from '../read/xlsx.js';
import { GLOSSARY } from './glossary.js';
import { composeParagraphs, layoutDisclosure, type GridBlock } from './layout.js';
import { readSheet, writeSheet, WorkbookInputError } from './workbook-format.js';
import { composeNarrative } from './workbook-narrative.js';
import {
  basicSheet,
  BASIC_SHEET,
  PARTICULARS_SHEET_NAMES,
  particularsSheets,
  type ParticularsSheet,
} from './workbook-sheets.js';
import { excelJsWriter, layoutToXlsx } from './xlsx.js';

export { WorkbookInputError };

/** The workbook: particulars sheets around the table sheets; a blank one when no model is given. */
export async function workbookBytes(kind: DocumentKind, tables: GridBlock[], doc?: Disclosure): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const { before, after } = particularsSheets(kind);
  const records = (s: ParticularsSheet) => (doc ? s.write(doc) : (s.blank?.() ?? []));
  writeSheet(wb, basicSheet, doc ? basicSheet.write(doc) : [[{ kind: KIND_WORD[kind] }]], !doc);
  for (const s of before) writeSheet(wb, s, records(s), !doc);
  // the table sheets are the published ones (xlsx.ts), written into this workbook
  const writer = excelJsWriter(wb);
  await layoutToXlsx(tables, {
    addSheet: (name) => writer.addSheet(name),
    toBuffer: () => Promise.resolve(Buffer.alloc(0)),
  });
  for (const s of after) writeSheet(wb, s, records(s), !doc);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A model as a filled input workbook. */
export function renderWorkbook(doc: Disclosure): Promise<Buffer> {
  const tables = layoutDisclosure(doc).filter((b): b is GridBlock => b.kind === 'table' && b.tableId !== undefined);
  return workbookBytes(doc.kind, tables, doc);
}

function emptyModel(file: string, bytes: number, kind: DocumentKind, year: number): Disclosure {
  return emptyDisclosure({
    source: { file, format: 'xlsx', bytes },
    kind,
    scope: 'department',
    year,
    title: { text: '' },
    unit: { name: '', mentions: [], subordinateUnits: [] },
  });
}

async function openWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new WorkbookInputError(
      `${file}: Excel 文件已损坏或无法读取 (${String((err as Error)?.message ?? err).split('\n')[0]}) — 请在 Excel 或 WPS 中打开后重新保存`,
    );
  }
  return wb;
}

/** Whether a workbook is an input workbook (has the 基本信息 sheet) rather than a published one. */
export async function isInputWorkbook(bytes: Uint8Array): Promise<boolean> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    return wb.getWorksheet(BASIC_SHEET) !== undefined;
  } catch {
    return false;
  }
}

/**
 * An input workbook → the model: the table sheets through the XLSX reader and the extractor (as a published
 * workbook is read), then 基本信息 and the particulars sheets over it. Throws WorkbookInputError naming the
 * sheet and cell of a bad value.
 */
export async function readWorkbook(bytes: Uint8Array, file: string): Promise<Disclosure> {
  const wb = await openWorkbook(bytes, file);
  const basicWs = wb.getWorksheet(BASIC_SHEET);
  if (!basicWs)
    throw new WorkbookInputError(
      `${file}: 不是填报工作簿（没有“${BASIC_SHEET}”工作表）— 请用 budgetdoc template 生成的工作簿`,
    );
  const basicRecords = readSheet(basicWs, basicSheet);
  const basic = basicSheet.read(basicRecords);
  const form = basicRecords[0][0];
  const fail = (key: string, what: string): never => {
    if (form) form.error(key, what);
    throw new WorkbookInputError(`${BASIC_SHEET}: ${what}`);
  };

  const year = basic.year ?? fail('year', '年度未填写 — 请填写四位年度，如 2024');
  if (year < 1990 || year > 2100) fail('year', `年度「${year}」不像一个年度 — 请填写四位年度，如 2024`);
  const kind = basic.kind ?? 'budget';

  // the tables are read as a published workbook is, under the title 基本信息 gives (unit, year, kind)
  const sheets = (await loadSheets(bytes, file)).filter((s) => !PARTICULARS_SHEET_NAMES.has(s.name));
  const title = `${basic.name ?? ''}${year}年${SCOPE_WORD[basic.scope ?? 'department']}${KIND_WORD[kind]}公开`;
  const read = blocksFromLines([{ text: title }, { text: '' }, ...sheetLines(sheets)], 'xlsx', bytes.length);
  let doc: Disclosure;
  try {
    doc = extractDisclosure(read.blocks, { file, format: 'xlsx', bytes: bytes.length, lines: read.lines });
  } catch (err) {
    // blank tables: a model with the particulars alone
    if (!(err instanceof ReadError)) throw err;
    doc = emptyModel(file, bytes.length, kind, year);
  }

  doc.kind = kind;
  doc.scope = basic.scope ?? doc.scope;
  doc.year = year;
  const name = basic.name ?? (doc.unit.name || fail('name', '单位名称未填写'));
  doc.unit = { ...doc.unit, name, ...(basic.code !== undefined ? { code: basic.code } : {}) };
  doc.title = { text: basic.title ?? '' };
  if (basic.date) {
    const [y, m, d] = basic.date.split('-').map(Number);
    doc.date = { iso: basic.date, text: `${y}年${m}月${d}日` };
  } else delete doc.date;
  if (basic.signature !== undefined) doc.signature = { text: basic.signature };
  // the particulars come from their sheets alone: what the extractor guessed from the tables is dropped
  doc.narrative = [];
  doc.projects = [];
  doc.threePublic = { items: [] };
  doc.operatingCosts = {};
  doc.procurement = {};
  doc.assets = { vehicleCategories: [] };
  doc.performance = { targets: [], selfEvaluations: [] };
  doc.overview = { functions: [], organisation: { internalDivisions: [] }, staff: {} };
  // the explanation's statements from the tables; 变动原因 adds the changes and reasons below
  doc.narrative = composeNarrative(doc);
  if (!doc.glossary.length) doc.glossary = GLOSSARY[doc.kind].map(([term, definition]) => ({ term, definition }));

  const { before, after } = particularsSheets(doc.kind);
  for (const spec of [...before, ...after]) {
    const ws = wb.getWorksheet(spec.name);
    if (ws) spec.read(doc, readSheet(ws, spec));
  }
  // the parts and 目录 of the document the writer makes from this data
  const partTitles = standardPartTitles(titleSubject(doc));
  doc.parts = partTitles.map((title, i) => ({ number: PART_NUMBERS[i], title }));
  doc.toc = partTitles.flatMap((title, i) => {
    const part = `第${PART_NUMBERS[i]}部分`;
    return [
      { part, title },
      ...(/公开表|报表/.test(title)
        ? doc.tables
            .filter((t) => t.status === 'present' || t.status === 'empty')
            .map((t) => ({ part, title: t.title, tableId: t.id }))
        : []),
      ...(/情况说明/.test(title) ? doc.narrative.map((sec) => ({ part, title: sec.title })) : []),
    ];
  });
  composeParagraphs(doc);
  const checked = DisclosureSchema.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new WorkbookInputError(`${file}: 读出的数据不完整: ${issue.path.join('.')}: ${issue.message}`);
  }
  return checked.data;
}

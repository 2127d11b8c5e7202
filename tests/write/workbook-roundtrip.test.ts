// Workbook round trips. The published workbook: model → XLSX → read back → model → XLSX gives the same workbook, and
// the tables read back carry the same figures. The input workbook (budgetdoc template / render FILE.xlsx): model →
// workbook → model → workbook gives the same workbook sheet by sheet and cell by cell, and the model read back has
// the sample's particulars (概况, 项目, 三公, 政府采购, 国有资产, 绩效, 变动原因); bad cells are named by sheet and address.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generateSample } from '../../src/write/sample.js';
import { renderText, renderXlsx } from '../../src/write/index.js';
import { audit } from '../../src/audit/index.js';
import { readWorkbook, renderWorkbook, WorkbookInputError } from '../../src/write/workbook.js';
import { renderTemplate } from '../../src/write/template.js';
import { subjectId } from '../../src/write/workbook-sheets.js';
import { minorOf } from '../../src/write/numbers.js';
import { readFileBlocks } from '../../src/read/detect.js';
import { extractDisclosure, parseFile } from '../../src/extract/index.js';
import { SEEDS, seedPath } from '../support/paths.js';
import type { Disclosure, Fact } from '../../src/model/schema.js';

async function cells(buffer: Buffer): Promise<Map<string, Array<[string, string]>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out = new Map<string, Array<[string, string]>>();
  for (const ws of wb.worksheets) {
    const list: Array<[string, string]> = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        list.push([`${r},${c}`, JSON.stringify(cell.value)]);
      }),
    );
    out.set(ws.name, list);
  }
  return out;
}

async function expectSameWorkbook(first: Buffer, second: Buffer): Promise<void> {
  const a = await cells(first);
  const b = await cells(second);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [sheet, list] of a) expect(b.get(sheet), sheet).toEqual(list);
}

async function readPublished(buffer: Buffer, file: string): Promise<Disclosure> {
  const read = await readFileBlocks(file, buffer);
  return extractDisclosure(read.blocks, { file, format: read.format, bytes: buffer.length });
}

/** Figures a workbook states: the ones its tables hold (the narrative is not part of a workbook). */
const TABLE_FIGURES = [
  'incomeTotal',
  'expenditureTotal',
  'basicExpenditure',
  'projectExpenditure',
  'generalPublicBudgetExpenditure',
  'personnel',
  'publicFunds',
  'functionClasses',
] as const;

const cases = [
  ...Array.from({ length: 6 }, (_, i) => ['budget', i] as const),
  ...Array.from({ length: 6 }, (_, i) => ['final_account', i] as const),
];

describe('published workbook → model → workbook', () => {
  it.each(cases)('%s sample %i: every sheet and cell comes back, and the table figures', async (kind, index) => {
    const doc = generateSample({ kind, seed: 'workbook', index });
    const first = await renderXlsx(doc);
    const model = await readPublished(first, `sample-${kind}-${index}.xlsx`);
    expect(model.kind).toBe(doc.kind);
    expect(model.year).toBe(doc.year);
    expect(model.tablesPresent).toEqual(doc.tablesPresent);
    for (const k of TABLE_FIGURES)
      if (doc.figures[k] !== undefined && model.figures[k] !== undefined)
        expect(model.figures[k], k).toEqual(doc.figures[k]);
    expect(model.figures.incomeTotal).toBe(doc.figures.incomeTotal);
    await expectSameWorkbook(first, await renderXlsx(model));
  });
});

/** A value without its places (`at`): where a figure stood in the workbook is not part of what it says. */
function withoutPlaces<T>(x: T): T {
  return JSON.parse(JSON.stringify(x, (k, v) => (k === 'at' ? undefined : v))) as T;
}

/** What a fact says, without its printed sentence (the writer writes the sentence from these). */
function said(f: Fact) {
  return withoutPlaces({
    subject: f.subject,
    label: f.label,
    amount: f.amount,
    change: f.change,
    reason: f.reason?.text,
    budgetAmount: f.budgetAmount,
    varianceRate: f.varianceRate,
  });
}

/** The reasons for changes: every narrative fact that compares with the previous year, a reason or a budget. */
function reasons(doc: Disclosure) {
  return doc.narrative.flatMap((s) =>
    s.facts.filter((f) => f.change || f.reason || f.budgetAmount).map((f) => ({ topic: s.topic, ...said(f) })),
  );
}

/** Input-workbook samples per kind: 6 by default; WORKBOOK_SAMPLES=100 runs the 200 documents. */
const perKind = Number(process.env.WORKBOOK_SAMPLES ?? 6);
const inputCases = [
  ...Array.from({ length: perKind }, (_, i) => ['budget', i] as const),
  ...Array.from({ length: perKind }, (_, i) => ['final_account', i] as const),
];

describe('input workbook → model → workbook', () => {
  it.each(inputCases)(
    "%s sample %i: the same workbook again, and the sample's particulars read back",
    async (kind, index) => {
      const doc = generateSample({ kind, seed: 'workbook', index });
      const first = await renderWorkbook(doc);
      const model = await readWorkbook(first, `input-${kind}-${index}.xlsx`);
      const names = [...(await cells(first)).keys()];
      expect(names.slice(0, 2)).toEqual(['基本信息', '概况']);
      expect(names.slice(-6)).toEqual([
        '项目',
        '三公明细',
        '政府采购',
        '国有资产',
        kind === 'budget' ? '绩效目标' : '绩效自评',
        '变动原因',
      ]);
      await expectSameWorkbook(first, await renderWorkbook(model));

      expect([
        model.kind,
        model.scope,
        model.year,
        model.unit.name,
        model.unit.code,
        model.title.text,
        model.date?.iso,
      ]).toEqual([doc.kind, doc.scope, doc.year, doc.unit.name, doc.unit.code, doc.title.text, doc.date?.iso]);
      expect(withoutPlaces(model.unit.subordinateUnits)).toEqual(withoutPlaces(doc.unit.subordinateUnits));
      expect(withoutPlaces(model.overview)).toEqual(withoutPlaces(doc.overview));
      expect(withoutPlaces(model.projects)).toEqual(withoutPlaces(doc.projects));
      expect(model.threePublic.items.map(said)).toEqual(doc.threePublic.items.map(said));
      expect(withoutPlaces({ ...model.threePublic, items: [] })).toEqual(
        withoutPlaces({ ...doc.threePublic, items: [] }),
      );
      expect(withoutPlaces(model.procurement)).toEqual(withoutPlaces(doc.procurement));
      expect(withoutPlaces(model.assets)).toEqual(withoutPlaces(doc.assets));
      expect(withoutPlaces(model.performance)).toEqual(withoutPlaces(doc.performance));
      expect(reasons(model)).toEqual(reasons(doc));
      // the explanation composed from the tables states what the sample states, in its order
      const statements = (d: Disclosure) =>
        d.narrative.map((sec) => ({
          number: sec.number,
          title: sec.title,
          topic: sec.topic,
          facts: sec.facts.map((f) => ({ ...said(f), share: f.share })),
        }));
      expect(statements(model)).toEqual(statements(doc));
      // so the document written from the workbook is the document written from the model, and the auditor says the
      // same of both (nothing, for nearly every sample)
      expect(renderText(model)).toBe(renderText(doc));
      const errors = (d: Disclosure) =>
        audit(d)
          .filter((f) => f.severity === 'error')
          .map((f) => `${f.rule}: ${f.message}`);
      expect(errors(model)).toEqual(errors(doc));
      expect(reasons(doc).length).toBeGreaterThan(3);
      expect(said(model.operatingCosts.fact!)).toEqual(said(doc.operatingCosts.fact!));
      expect([model.operatingCosts.administrativeUnits?.value, model.operatingCosts.institutionUnits?.value]).toEqual([
        doc.operatingCosts.administrativeUnits?.value,
        doc.operatingCosts.institutionUnits?.value,
      ]);
      for (const k of TABLE_FIGURES)
        if (doc.figures[k] !== undefined) expect(model.figures[k], k).toEqual(doc.figures[k]);
    },
  );
});

describe('input workbook of each seed → model → workbook', () => {
  it.each(SEEDS)(
    'seed %s: the same workbook again',
    async (seed) => {
      const doc = await parseFile(seedPath(seed));
      const first = await renderWorkbook(doc);
      const model = await readWorkbook(first, `seed-${seed}.xlsx`);
      await expectSameWorkbook(first, await renderWorkbook(model));
      // the seed's particulars by value (the sheets hold values; a printed text such as "1,346.16" or "15名" is not kept)
      const project = (p: Disclosure['projects'][number]) => ({
        ...withoutPlaces(p),
        amount: p.amount ? minorOf(p.amount) : undefined,
      });
      expect(model.projects.map(project)).toEqual(doc.projects.map(project));
      const staff = (d: Disclosure) =>
        Object.fromEntries(
          Object.entries(d.overview.staff)
            .filter(([k]) => k !== 'at')
            .map(([k, c]) => [k, (c as { value: number }).value]),
        );
      expect(staff(model)).toEqual(staff(doc));
      expect(model.overview.functions.map((f) => f.text)).toEqual(doc.overview.functions.map((f) => f.text));
      expect(model.performance.targets.map((t) => t.indicators.length)).toEqual(
        doc.performance.targets.map((t) => t.indicators.length),
      );
    },
    60_000,
  );
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The row of a form sheet whose first cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(`no row ${label} in ${ws.name}`);
}

describe('the blank template', () => {
  it.each(['budget', 'final_account'] as const)(
    '%s: instruction rows, headers, drop-downs and comments on every particulars sheet',
    async (kind) => {
      const wb = await load(await renderTemplate(kind));
      const names = wb.worksheets.map((w) => w.name);
      for (const name of [
        '基本信息',
        '概况',
        '项目',
        '三公明细',
        '政府采购',
        '国有资产',
        kind === 'budget' ? '绩效目标' : '绩效自评',
        '变动原因',
      ]) {
        expect(names, name).toContain(name);
        const ws = wb.getWorksheet(name)!;
        expect(ws.getCell(1, 1).text).toMatch(/^说明：/);
        expect(ws.getCell(3, 1).text).toMatch(/^【.+】$/);
      }
      expect(names).not.toContain(kind === 'budget' ? '绩效自评' : '绩效目标');
      const basic = wb.getWorksheet('基本信息')!;
      const kindRow = rowOf(basic, '种类（预算/决算）');
      expect(basic.getCell(kindRow, 2).value).toBe(kind === 'budget' ? '预算' : '决算');
      expect(basic.getCell(kindRow, 2).dataValidation).toMatchObject({ type: 'list', formulae: ['"预算,决算"'] });
      const tp = wb.getWorksheet('三公明细')!;
      expect(tp.getCell(5, 1).dataValidation?.formulae?.[0]).toContain('公务接待费');
      expect(tp.getRow(4).values).toContain(kind === 'budget' ? '上年预算数（万元）' : '上年决算数（万元）');
      if (kind === 'final_account') {
        expect(names.indexOf('三公明细')).toBeGreaterThan(0);
        expect(tp.getCell(rowOf(tp, '公务用车保有量（辆）'), 1).value).toBe('公务用车保有量（辆）');
      }
      const reasonsSheet = wb.getWorksheet('变动原因')!;
      expect(reasonsSheet.getRow(4).values).toEqual(
        expect.arrayContaining([
          '说明部分',
          '名称',
          '上年' + (kind === 'budget' ? '预算' : '决算') + '数（万元）',
          '变动原因',
        ]),
      );
      let numbers = 0;
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (typeof c.value === 'number') numbers++;
          }),
        );
      expect(numbers).toBe(0);
    },
  );

  it('read back blank, it needs a year (named by cell); with name and year it gives a model with nothing invented', async () => {
    const blank = await renderTemplate('budget');
    await expect(readWorkbook(blank, 'blank.xlsx')).rejects.toThrow(/^基本信息!B\d+: 年度未填写/);
    const wb = await load(blank);
    const basic = wb.getWorksheet('基本信息')!;
    basic.getCell(rowOf(basic, '单位名称'), 2).value = '示例测试局';
    basic.getCell(rowOf(basic, '年度'), 2).value = 2025;
    basic.getCell(rowOf(basic, '口径（部门/单位）'), 2).value = '单位';
    const model = await readWorkbook(await save(wb), 'filled.xlsx');
    expect([model.kind, model.scope, model.year, model.unit.name]).toEqual(['budget', 'unit', 2025, '示例测试局']);
    expect(model.projects).toEqual([]);
    expect(model.threePublic).toEqual({ items: [] });
    expect(model.procurement).toEqual({});
    expect(model.assets).toEqual({ vehicleCategories: [] });
    expect(model.performance).toEqual({ targets: [], selfEvaluations: [] });
    expect(model.overview).toEqual({ functions: [], organisation: { internalDivisions: [] }, staff: {} });
    expect(model.narrative).toEqual([]);
    expect(model.operatingCosts).toEqual({});
  });
});

describe('a template filled in by hand', () => {
  it('gives the values typed, the computed change, and nothing for the rows left blank', async () => {
    const wb = await load(await renderTemplate('final_account'));
    const basic = wb.getWorksheet('基本信息')!;
    basic.getCell(rowOf(basic, '单位名称'), 2).value = '示例手填局';
    basic.getCell(rowOf(basic, '年度'), 2).value = '2023';
    basic.getCell(rowOf(basic, '编制日期'), 2).value = '2024年4月8日';
    const projects = wb.getWorksheet('项目')!;
    projects.getCell('A5').value = '示例手填项目';
    projects.getCell('C5').value = '１２.５'; // full-width digits, as typed with a Chinese input method
    const tp = wb.getWorksheet('三公明细')!;
    expect(tp.getCell('A10').value).toBe('公务接待费');
    tp.getCell('B10').value = 3.2;
    tp.getCell('C10').value = 4;
    tp.getCell('D10').value = '3.50';
    tp.getCell('E10').value = '压减接待批次';
    tp.getCell(rowOf(tp, '国内公务接待批次'), 2).value = 6;
    const model = await readWorkbook(await save(wb), 'hand.xlsx');
    expect([model.kind, model.year, model.unit.name, model.date]).toEqual([
      'final_account',
      2023,
      '示例手填局',
      { iso: '2024-04-08', text: '2024年4月8日' },
    ]);
    expect(withoutPlaces(model.projects)).toEqual([
      { name: '示例手填项目', amount: { minor: 1250, scale: 2, unit: '万元', text: '12.50' } },
    ]);
    expect(model.threePublic.items).toHaveLength(1);
    expect(said(model.threePublic.items[0])).toEqual({
      subject: { kind: 'threePublic', key: 'reception' },
      label: '公务接待费',
      amount: { minor: 320, scale: 2, unit: '万元', text: '3.20' },
      change: {
        direction: 'decrease',
        word: '减少',
        amount: { minor: 80, scale: 2, unit: '万元', text: '0.80' },
        rateWord: '下降',
        percent: { minor: 2000, scale: 2, text: '20.00%' },
        basis: '上年决算',
      },
      reason: '压减接待批次',
      budgetAmount: { minor: 350, scale: 2, unit: '万元', text: '3.50' },
      varianceRate: { minor: -857, scale: 2, text: '-8.57%' },
    });
    expect(model.threePublic.receptionBatches).toEqual({ value: 6, unit: '批次', text: '6批次' });
    expect(model.threePublic.receptionPeople).toBeUndefined();
    expect(model.procurement).toEqual({});
  });
});

describe('reading the particulars sheets', () => {
  const doc = generateSample({ kind: 'budget', seed: 'workbook', index: 2 });

  async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Disclosure> {
    const wb = await load(await renderWorkbook(doc));
    edit(wb);
    return readWorkbook(await save(wb), 'edited.xlsx');
  }

  it('names the sheet and cell of an amount that is not a number', async () => {
    await expect(edited((wb) => (wb.getWorksheet('项目')!.getCell('C5').value = '12,3x'))).rejects.toThrow(
      new WorkbookInputError('项目!C5: 预算安排规模「12,3x」不是数字 — 请填写数字，如 12.30'),
    );
  });

  it('reads amounts as exact decimals, typed as text with separators or as numbers', async () => {
    const model = await edited((wb) => {
      wb.getWorksheet('项目')!.getCell('C5').value = '1,234.5';
      wb.getWorksheet('政府采购')!.getCell(`B${rowOf(wb.getWorksheet('政府采购')!, '货物（万元）')}`).value = 0.1 + 0.2;
    });
    expect(model.projects[0].amount).toEqual({ minor: 123450, scale: 2, unit: '万元', text: '1234.50' });
    expect(model.procurement.goods).toEqual({ minor: 30, scale: 2, unit: '万元', text: '0.30' });
  });

  it('refuses a value outside a strict drop-down, naming the cell', async () => {
    await expect(
      edited((wb) => {
        const ws = wb.getWorksheet('基本信息')!;
        ws.getCell(rowOf(ws, '种类（预算/决算）'), 2).value = '季报';
      }),
    ).rejects.toThrow(/^基本信息!B\d+: 种类「季报」不是可选值（预算\/决算）/);
  });

  it('refuses an indicator of a project that 【项目】 does not list', async () => {
    await expect(
      edited((wb) => {
        const ws = wb.getWorksheet('绩效目标')!;
        const header = ws.getColumn(1).values.findIndex((v) => v === '【指标】') + 2;
        ws.getCell(header, 1).value = '不存在的项目';
      }),
    ).rejects.toThrow(/^绩效目标!A\d+: 项目「不存在的项目」不在【项目】中/);
  });

  it('a row typed without 标识 gives its change and reason to the statement of its name', async () => {
    let label = '';
    const model = await edited((wb) => {
      const ws = wb.getWorksheet('变动原因')!;
      label = ws.getCell('B6').text;
      ws.getCell('C6').value = null;
    });
    expect(renderText(model)).toBe(renderText(doc));
    const named = (d: Disclosure) =>
      d.narrative
        .flatMap((s) => s.facts)
        .filter((f) => f.label === label)
        .map(said);
    expect(named(model)).toEqual(named(doc));
    expect(named(doc).some((f) => f.reason)).toBe(true);
  });

  it('a blank prior-year cell gives no change; a filled one gives the change computed', async () => {
    let first = '',
      second = '';
    const model = await edited((wb) => {
      const ws = wb.getWorksheet('变动原因')!;
      expect(ws.getCell('C4').value).toBe('标识');
      first = ws.getCell('C5').text;
      second = ws.getCell('C6').text;
      ws.getCell('E5').value = null; // 上年预算数 of the first row
      ws.getCell('D6').value = 110;
      ws.getCell('E6').value = 100;
    });
    const facts = model.narrative.flatMap((s) => s.facts);
    const bySubject = (id: string) => facts.find((f) => subjectId(f.subject) === id)!;
    expect(bySubject(first).change).toBeUndefined();
    expect(bySubject(first).amount).toBeDefined();
    expect(bySubject(second).change).toMatchObject({
      direction: 'increase',
      word: '增加',
      amount: { minor: 1000 },
      rateWord: '增长',
      percent: { text: '10.00%' },
    });
  });
});

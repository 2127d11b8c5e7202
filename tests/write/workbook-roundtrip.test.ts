// Workbook round trip: model → XLSX → read back → model → XLSX gives the same workbook, sheet by sheet and cell by
// cell; the tables read from the workbook carry the same figures as the data they were written from.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generateSample } from '../../src/write/sample.js';
import { renderXlsx } from '../../src/write/index.js';
import { readFileBlocks } from '../../src/read/detect.js';
import { extractDisclosure } from '../../src/extract/index.js';
import type { Disclosure } from '../../src/model/schema.js';

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

async function readWorkbook(buffer: Buffer, file: string): Promise<Disclosure> {
  const read = await readFileBlocks(file, buffer);
  return extractDisclosure(read.blocks, { file, format: read.format, bytes: buffer.length });
}

/** Figures a workbook states: the ones its tables hold (the narrative is not part of a workbook). */
const TABLE_FIGURES = ['incomeTotal', 'expenditureTotal', 'basicExpenditure', 'projectExpenditure', 'generalPublicBudgetExpenditure', 'personnel', 'publicFunds', 'functionClasses'] as const;

describe('workbook → model → workbook', () => {
  const cases = [...Array.from({ length: 6 }, (_, i) => ['budget', i] as const), ...Array.from({ length: 6 }, (_, i) => ['final_account', i] as const)];
  it.each(cases)('%s sample %i: every sheet and cell comes back, and the table figures', async (kind, index) => {
    const doc = generateSample({ kind, seed: 'workbook', index });
    const first = await renderXlsx(doc);
    const model = await readWorkbook(first, `sample-${kind}-${index}.xlsx`);
    expect(model.kind).toBe(doc.kind);
    expect(model.year).toBe(doc.year);
    expect(model.tablesPresent).toEqual(doc.tablesPresent);
    for (const k of TABLE_FIGURES) if (doc.figures[k] !== undefined && model.figures[k] !== undefined) expect(model.figures[k], k).toEqual(doc.figures[k]);
    expect(model.figures.incomeTotal).toBe(doc.figures.incomeTotal);
    const second = await renderXlsx(model);
    const a = await cells(first);
    const b = await cells(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [sheet, list] of a) expect(b.get(sheet), sheet).toEqual(list);
  });
});

// Standard tables: finds each table by its title, reads its metadata lines and grid, and types rows and columns
// from the template declared in src/catalog/tables.ts (no table-specific code paths).
import { placeAt, type Block, type CellBlock, type HeadingBlock, type TableBlock } from '../read/blocks.js';
import type { Cell, Place, Table, TableColumn, TableRow } from '../model/schema.js';
import { recogniseTableTitle, type ColumnSpec, type FixedRowSpec, type TableTemplate } from '../catalog/tables.js';
import { makeAmount } from '../model/money.js';
import { warn, type ExtractContext } from './context.js';
import { compactNumber, isNumericCell, norm, tidy } from './text-utils.js';

const TOTAL_LABEL = /^(合计|总计|小计)$/;
const EMPTY_STATEMENT = /为空表|空表|未安排.*支出|无.*预算.*支出/;

/** A block that titles a table: short, names a standard table, no sentence punctuation. */
export function tableTitleOf(b: Block, ctx: Pick<ExtractContext, 'kind'>): TableTemplate | undefined {
  if (b.type === 'table' || b.text.length > 80 || !b.text.includes('表')) return undefined;
  const t = norm(b.text);
  if (t.length > 40 || /[，。,；]/.test(t) || /绩效|为空表|说明/.test(t)) return undefined;
  return recogniseTableTitle(t.replace(/^表[一二三四五六七八九十\d]+[:：]?/, ''), ctx.kind);
}

interface Found {
  template: TableTemplate;
  title: Block;
  number?: string;
  meta: Block[];
  grids: TableBlock[];
  after: Block[];
}

/** Groups the body's blocks into tables: title, metadata lines, grids, and the statement after the grid. */
function findTables(blocks: Block[], ctx: ExtractContext): Found[] {
  const found: Found[] = [];
  let current: Found | null = null;
  let pendingNumber: string | undefined;
  for (const b of blocks) {
    if (b.type === 'heading' && b.numbering === 'table') {
      pendingNumber = b.number;
      current = null;
      continue;
    }
    const tpl = tableTitleOf(b, ctx);
    if (tpl) {
      current = { template: tpl, title: b, number: pendingNumber, meta: [], grids: [], after: [] };
      found.push(current);
      pendingNumber = undefined;
      continue;
    }
    if (!current) continue;
    if (b.type === 'table') {
      if (current.after.length > 0 && current.grids.length > 0) {
        current = null; // a grid after the statement belongs to something else
        continue;
      }
      current.grids.push(b);
      continue;
    }
    if (b.type === 'heading' && b.numbering !== 'none') {
      current = null;
      continue;
    }
    if (current.grids.length === 0) current.meta.push(b);
    else if (current.after.length < 2) current.after.push(b);
  }
  return found.filter((f) => f.grids.length > 0);
}

interface Meta {
  preparer?: Table['preparer'];
  year?: number;
  unit?: '万元' | '元';
}

function readMeta(blocks: Block[]): Meta {
  const meta: Meta = {};
  for (const b of blocks) {
    if (b.type === 'table') continue;
    const text = b.text;
    const unit = /(?:金额)?单位\s*[:：]\s*(万元|元)/.exec(text);
    if (unit) meta.unit = unit[1] as '万元' | '元';
    const year = /预算年度\s*[:：]\s*(\d{4})/.exec(text);
    if (year) meta.year = Number(year[1]);
    const prep = /(?:编制部门|编制单位|预算单位编码及名称|预算单位|单位名称)\s*[:：]\s*(.+?)(?=\s*(?:金额)?单位\s*[:：]|$)/.exec(text);
    if (prep) {
      const raw = prep[1].trimEnd();
      const lead = raw.length - raw.trimStart().length;
      const code = /^[（(\[]\s*(\d+)\s*[）)\]]\s*/.exec(raw.trimStart());
      const name = tidy(code ? raw.trimStart().slice(code[0].length) : raw);
      // the name's own place: it may sit on the line after the label
      const nameOffset = prep.index + prep[0].indexOf(prep[1]) + lead + (code ? code[0].length : 0);
      if (name || code) meta.preparer = { name, ...(code ? { code: code[1] } : {}), at: placeAt(b, nameOffset) };
    }
  }
  return meta;
}

function rowText(row: CellBlock[]): string {
  return row.map((c) => norm(c.text)).join('|');
}

function hasNumber(row: CellBlock[]): boolean {
  return row.some((c) => c.text !== '' && isNumericCell(c.text));
}

/** Splits "201 一般公共服务支出" into code and name. */
function splitCodeName(text: string): { code?: string; name: string } {
  const m = /^(\d{3}(?:\d{2}){0,2})\s*(.*)$/.exec(text.trim());
  return m ? { code: m[1], name: tidy(m[2]) } : { name: tidy(text) };
}

function amountCell(column: string, cell: CellBlock | undefined, unit: '万元' | '元'): Cell | null {
  if (!cell || cell.text.trim() === '') return null;
  if (isNumericCell(cell.text)) {
    const amount = makeAmount(compactNumber(cell.text), unit, cell.at);
    if (amount) {
      amount.text = cell.text;
      return { column, amount };
    }
  }
  return { column, amount: null, text: cell.text };
}

/**
 * Header rows come before the first data row, which is the first row with a classification code in its code
 * columns or a total label in its name column; garbled header lines (with stray digits) come before it too.
 */
function isDataAnchor(row: CellBlock[], nCode: number, projectColumn: boolean): boolean {
  const codeLike = row.slice(0, nCode).some((c) => /^\d{3}$/.test(c.text.trim()) || /^\d{2}$/.test(c.text.trim()));
  if (codeLike) return true;
  const name = norm(row[nCode]?.text ?? '');
  return TOTAL_LABEL.test(name) || (projectColumn && name === '' && TOTAL_LABEL.test(norm(row[nCode + 1]?.text ?? '')));
}

/** Maps header texts (stacked per column index) to template columns; unmatched ones by their order. */
function mapColumns(headerRows: CellBlock[][], firstAmount: number, specs: ColumnSpec[], dataWidth: number): Map<number, ColumnSpec> {
  const map = new Map<number, ColumnSpec>();
  const used = new Set<string>();
  const width = Math.max(dataWidth, ...headerRows.map((r) => r.length));
  for (let i = firstAmount; i < width; i++) {
    const stacked = headerRows.map((r) => norm(r[i]?.text ?? '')).filter(Boolean);
    // try the most specific text (the lowest header row) first, then the stacked text
    const candidates = [...stacked.slice().reverse(), stacked.join('')];
    for (const text of candidates) {
      const spec = specs.find((s) => !used.has(s.key) && s.match.test(text));
      if (spec) {
        map.set(i, spec);
        used.add(spec.key);
        break;
      }
    }
  }
  // columns the header did not name: the template's columns in order
  const unnamed = specs.filter((s) => !used.has(s.key));
  for (let i = firstAmount, k = 0; i < width && k < unnamed.length; i++) {
    if (!map.has(i)) map.set(i, unnamed[k++]);
  }
  return map;
}

/** Full classification code from the code columns, inheriting the class when only 款/项 are printed. */
function codeFrom(parts: string[], lastClass: string | undefined): string | undefined {
  const p = parts.map((s) => s.replace(/\s+/g, ''));
  if (p.every((s) => s === '')) return undefined;
  if (!p.every((s) => s === '' || /^\d+$/.test(s))) return undefined;
  const cls = p[0] !== '' ? p[0] : lastClass;
  if (!cls) return undefined;
  let code = cls;
  for (const part of p.slice(1)) {
    if (part === '') break;
    code += part.padStart(2, '0');
  }
  return code;
}

function levelOf(code: string, system: 'function' | 'economic'): 'class' | 'section' | 'item' {
  if (code.length <= 3) return 'class';
  if (code.length <= 5 || system === 'economic') return 'section';
  return 'item';
}

function readClassified(found: Found, grid: CellBlock[][], unit: '万元' | '元', ctx: ExtractContext): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  const system = tpl.classification ?? 'function';
  const nCode = system === 'economic' ? 2 : 3;
  // a project table has a 科目 name column and a 项目名称 column before the amounts
  const hasProjectColumn = grid.slice(0, 4).some((r) => r.some((c) => /项目名称/.test(norm(c.text))));
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && !isDataAnchor(grid[i], nCode, hasProjectColumn)) header.push(grid[i++]);
  const headerTexts = new Set(header.map(rowText));
  // a header repeated after a page break has no amounts: only such rows need comparing
  const data = grid.slice(i).filter((r) => hasNumber(r) || !headerTexts.has(rowText(r)));
  const nameIdx = nCode;
  const firstAmount = nameIdx + (hasProjectColumn ? 2 : 1);
  const dataWidth = Math.max(0, ...data.map((r) => r.length));
  const colMap = mapColumns(header, firstAmount, tpl.columns, dataWidth);
  const lastMapped = Math.max(firstAmount - 1, ...colMap.keys());

  const rows: TableRow[] = [];
  let lastClass: string | undefined;
  for (const r of data) {
    const codeParts = r.slice(0, nCode).map((c) => c.text);
    const label = tidy(r[nameIdx]?.text ?? '');
    const project = hasProjectColumn ? tidy(r[nameIdx + 1]?.text ?? '') : '';
    const at: Place = { line: r[0].at.line, column: r[0].at.column };
    const cells: Cell[] = [];
    for (let c = firstAmount; c < r.length; c++) {
      // a value printed beyond the last header column belongs to the last column (converter shift)
      const spec = colMap.get(c) ?? (c > lastMapped ? colMap.get(lastMapped) : undefined);
      if (!spec) continue;
      const cell = amountCell(spec.key, r[c], unit);
      if (!cell) continue;
      if (!colMap.has(c)) {
        if (cells.some((x) => x.column === spec.key)) continue;
        warn(ctx, 'cell-beyond-header', `表"${tpl.title}"第${at.line}行有一个数值超出表头列，已归入"${spec.label}"列`, r[c].at);
      }
      cells.push(cell);
    }
    const code = codeFrom(codeParts, lastClass);
    const shown = label || project;
    const row: TableRow = { kind: 'leaf', label: shown, cells, at };
    if (code) {
      if (code.length === 3) lastClass = code;
      row.classification = { system, code, level: levelOf(code, system) };
    } else if (TOTAL_LABEL.test(norm(shown))) {
      row.kind = 'total';
    } else {
      const org = /^[\[［【(（]\s*(\d+)\s*[\]］】)）]\s*(.*)$/.exec(shown);
      row.kind = 'organisation';
      if (org) {
        row.orgCode = org[1];
        row.label = tidy(org[2]);
      }
    }
    if (project && row.kind !== 'total') row.project = project;
    if (!code && !shown && cells.length === 0) continue;
    rows.push(row);
  }
  // a classified row with descendants is a subtotal (its children sum to it)
  for (const row of rows) {
    const code = row.classification?.code;
    if (!code) continue;
    const hasChild = rows.some((o) => o !== row && o.classification && o.classification.code.length > code.length && o.classification.code.startsWith(code));
    const projectSibling = row.project ? false : rows.some((o) => o !== row && o.project && o.classification?.code === code);
    row.kind = hasChild || projectSibling ? 'subtotal' : 'leaf';
  }
  return { rows, columns: tpl.columns.map((c) => ({ key: c.key, label: c.label })) };
}

/** the ordinal some templates print before a fixed row: "一、", "1.", "（一）", "(1)" */
const ROW_ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/;

function matchFixedRow(label: string, side: 'income' | 'expenditure', specs: FixedRowSpec[] | undefined): FixedRowSpec | undefined {
  const t = norm(label).replace(ROW_ORDINAL, '');
  return specs?.find((s) => (s.side ?? 'income') === side && s.match.test(t));
}

function readTwoSided(found: Found, grid: CellBlock[][], unit: '万元' | '元', ctx: ExtractContext): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && !hasNumber(grid[i]) && !grid[i].some((c) => /^\d{3}\s/.test(c.text.trim()))) header.push(grid[i++]);
  const headerTexts = new Set(header.map(rowText));
  // a header repeated after a page break has no amounts: only such rows need comparing
  const data = grid.slice(i).filter((r) => hasNumber(r) || !headerTexts.has(rowText(r)));
  const incomeKey = tpl.columns[0]?.key ?? 'budget';
  // the expenditure side starts at the column headed 功能分类/支出项目; its amounts follow it
  const headerRow = header.find((r) => r.some((c) => /功能分类|^支出/.test(norm(c.text)) && !/^支出$/.test(norm(c.text)))) ?? header[header.length - 1];
  let expLabelIdx = headerRow ? headerRow.findIndex((c, k) => k > 0 && /功能分类|项目/.test(norm(c.text))) : -1;
  if (expLabelIdx < 0) expLabelIdx = 2;
  const expSpecs = tpl.columns.length > 1 ? tpl.columns : [{ key: incomeKey, label: tpl.columns[0]?.label ?? '预算数', match: /.*/ }];

  const rows: TableRow[] = [];
  for (const r of data) {
    const line = r[0].at.line;
    // the 栏次/行次 row numbers the columns; it is not data
    if (/^(栏次|行次)$/.test(norm(r[0]?.text ?? ''))) continue;
    // income side
    const incLabel = tidy(r[0]?.text ?? '');
    if (incLabel) {
      const spec = matchFixedRow(incLabel, 'income', tpl.fixedRows);
      const cells: Cell[] = [];
      for (let c = 1; c < expLabelIdx; c++) {
        const cell = amountCell(c === 1 ? incomeKey : `income:${c}`, r[c], unit);
        if (cell) cells.push(cell);
      }
      const row: TableRow = { kind: spec?.kind ?? 'leaf', side: 'income', label: incLabel, cells, at: { line, column: r[0].at.column } };
      if (spec) row.key = spec.key;
      else warn(ctx, 'unknown-income-row', `表"${tpl.title}"收入项"${incLabel}"不是模板中的行`, row.at);
      rows.push(row);
    }
    // expenditure side
    const expText = r[expLabelIdx]?.text ?? '';
    if (expText.trim()) {
      const { code, name } = splitCodeName(expText);
      const cells: Cell[] = [];
      for (let c = expLabelIdx + 1, k = 0; c < r.length && k < expSpecs.length; c++, k++) {
        const cell = amountCell(expSpecs[k].key, r[c], unit);
        if (cell) cells.push(cell);
      }
      const at: Place = { line, column: r[expLabelIdx].at.column };
      const row: TableRow = { kind: 'leaf', side: 'expenditure', label: name, cells, at };
      if (code) {
        row.classification = { system: 'function', code, level: levelOf(code, 'function') };
      } else {
        const spec = matchFixedRow(name, 'expenditure', tpl.fixedRows);
        if (spec) {
          row.key = spec.key;
          row.kind = spec.kind;
        } else if (TOTAL_LABEL.test(norm(name))) row.kind = 'total';
      }
      rows.push(row);
    }
  }
  // a column keeps its printed header when the header is recognisably that column ("一般公共预算财政拨款")
  const printedHeader = (index: number, spec: { label: string; match: RegExp }) => {
    const text = tidy(headerRow?.[index]?.text ?? '');
    return text && spec.match.test(norm(text)) ? text : spec.label;
  };
  const incomeSpec = tpl.columns[0] ?? { key: incomeKey, label: '预算数', match: /预算数/ };
  const columns: TableColumn[] = [
    { key: incomeKey, label: printedHeader(1, incomeSpec), side: 'income' },
    ...expSpecs.map((s, k) => ({ key: s.key, label: printedHeader(expLabelIdx + 1 + k, s), side: 'expenditure' as const })),
  ];
  return { rows, columns };
}

function readSingleRow(found: Found, grid: CellBlock[][], unit: '万元' | '元'): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && !hasNumber(grid[i])) header.push(grid[i++]);
  const rows: TableRow[] = [];
  for (const r of grid.slice(i)) {
    // the standard layout has one cell per column; then position is more reliable than a wrapped header
    const colMap =
      r.length === tpl.columns.length ? new Map(tpl.columns.map((c, k) => [k, c] as const)) : mapColumns(header, 0, tpl.columns, r.length);
    const label = isNumericCell(r[0]?.text ?? '') ? '' : tidy(r[0]?.text ?? ''); // the budget form prints no row label
    const cells: Cell[] = [];
    for (const [k, spec] of colMap) {
      const cell = amountCell(spec.key, r[k], unit);
      if (cell?.amount) cells.push(cell);
    }
    rows.push({ kind: 'leaf', label, cells, at: { line: r[0].at.line, column: r[0].at.column } });
  }
  return { rows, columns: tpl.columns.map((c) => ({ key: c.key, label: c.label })) };
}

/** Reads every standard table of the body. */
export function extractTables(blocks: Block[], ctx: ExtractContext): Table[] {
  const tables: Table[] = [];
  for (const f of findTables(blocks, ctx)) {
    const meta = readMeta(f.meta);
    const unit = meta.unit ?? '万元';
    const grid = f.grids.flatMap((g) => g.rows);
    const read =
      f.template.layout === 'two-sided'
        ? readTwoSided(f, grid, unit, ctx)
        : f.template.layout === 'single-row'
          ? readSingleRow(f, grid, unit)
          : readClassified(f, grid, unit, ctx);
    const statement = f.after.find((b) => b.type !== 'table' && EMPTY_STATEMENT.test(norm(b.text)));
    const hasAmounts = read.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0));
    const table: Table = {
      id: f.template.id,
      status: !hasAmounts && (statement || f.template.mayBeEmpty) ? 'empty' : 'present',
      title: tidy(f.title.type === 'table' ? '' : f.title.text),
      columns: read.columns,
      rows: read.rows,
      at: f.title.at,
    };
    if (f.number) table.number = f.number;
    if (meta.preparer) table.preparer = meta.preparer;
    if (meta.year) table.year = meta.year;
    table.unit = unit;
    if (statement && statement.type !== 'table') table.emptyStatement = { text: tidy(statement.text), at: statement.at };
    if (tables.some((t) => t.id === table.id)) {
      warn(ctx, 'duplicate-table', `表"${table.title}"出现了两次，只读取第一次`, table.at);
      continue;
    }
    tables.push(table);
  }
  return tables;
}

/** Whether a heading announces a table (used for the 目录 and for attachment lists). */
export function announcedTable(b: HeadingBlock | Block, ctx: Pick<ExtractContext, 'kind'>): TableTemplate | undefined {
  if (b.type === 'table') return undefined;
  const t = norm(b.text).replace(/^[一二三四五六七八九十\d]+[、.．]/, '').replace(/[《》]/g, '');
  if (!/表$/.test(t) || /说明|绩效/.test(t)) return undefined;
  return recogniseTableTitle(t, ctx.kind);
}

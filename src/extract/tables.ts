// Standard tables: finds each table by its title, reads its metadata lines and grid, and types rows and columns
// from the template declared in src/catalog/tables.ts (no table-specific code paths).
import { placeAt, type Block, type CellBlock, type HeadingBlock, type TableBlock } from '../read/blocks.js';
import type { Cell, Place, Table, TableColumn, TableRow } from '../model/schema.js';
import { functionChildByName, functionClassByName, nameMatches, type CodeEntry } from '../catalog/codes.js';
import {
  recogniseTableTitle,
  titleWords,
  type ColumnSpec,
  type FixedRowSpec,
  type TableTemplate,
} from '../catalog/tables.js';
import { makeAmount } from '../model/money.js';
import { warn, type ExtractContext } from './context.js';
import { compactNumber, isNumericCell, norm, tidy } from './text-utils.js';
import { stripLeader } from './outline.js';
import { flatMap } from './arrays.js';

const TOTAL_LABEL = /^(合计|总计|小计)$/;
/** the header of a column that numbers rows or columns (行次, 栏次) */
const ROW_NUMBER_HEADER = /^(行次|栏次)$/;
// (长沙 notes under each table: 此表如无数字则表示单位无该项支出)
const EMPTY_STATEMENT = /为空表|空表|未安排.*支出|无.*预算.*支出|无发生额|无数据|如无数[字据]则?表示.{0,6}无/;

/**
 * Which template a title text names, by document kind: the same block is asked several times per document
 * (splitting titled grids, the outline, the disclosure test, the tables, the performance tables) and the same
 * titles recur across documents, so each answer is remembered by text (a pure function of the text and kind).
 */
const titleCaches = new Map<string, Map<string, TableTemplate | null>>();
function remembered(
  cacheName: string,
  kind: string | undefined,
  text: string,
  read: () => TableTemplate | undefined,
): TableTemplate | undefined {
  const name = `${cacheName}:${kind ?? ''}`;
  let cache = titleCaches.get(name);
  if (!cache) titleCaches.set(name, (cache = new Map<string, TableTemplate | null>()));
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;
  const found = read();
  if (cache.size > 20_000) cache.clear();
  cache.set(text, found ?? null);
  return found;
}

/** A block that titles a table: short, names a standard table, no sentence punctuation. */
export function tableTitleOf(b: Block, ctx: Partial<Pick<ExtractContext, 'kind'>>): TableTemplate | undefined {
  if (b.type === 'table' || b.text.length > 80 || !b.text.includes('表')) return undefined;
  return remembered('title', ctx.kind, b.text, () => readTableTitle(b.text, ctx.kind));
}

function readTableTitle(text: string, kind: ExtractContext['kind'] | undefined): TableTemplate | undefined {
  const t = titleWords(norm(text));
  // a qualifier in brackets at the end ("（按支出经济分类科目-不含上年结转）", 西安) does not make it prose
  if (t.replace(/[（(][^（）()]*[）)]$/, '').length > 40 || /[，。,；]/.test(t) || /绩效|为空表|说明/.test(t))
    return undefined;
  return recogniseTableTitle(t, kind);
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
    const prep =
      /(?:编制部门|编制单位|预算单位编码及名称|预算单位|单位名称|部门名称)\s*[:：]\s*(.+?)(?=\s*(?:金额)?单位\s*[:：]|$)/.exec(
        text,
      );
    if (prep) {
      const raw = prep[1].trimEnd();
      const lead = raw.length - raw.trimStart().length;
      const code = /^[（([]\s*(\d+)\s*[）)\]]\s*/.exec(raw.trimStart());
      const name = tidy(code ? raw.trimStart().slice(code[0].length) : raw);
      // the name's own place: it may sit on the line after the label
      const nameOffset = prep.index + prep[0].indexOf(prep[1]) + lead + (code ? code[0].length : 0);
      if (name || code) {
        const preparer: NonNullable<Table['preparer']> = { name };
        if (code) preparer.code = code[1];
        preparer.at = placeAt(b, nameOffset);
        meta.preparer = preparer;
      }
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
 * A row's place: line and column of its first cell; with page and box of its label cell when the reader gave
 * positions (PDF). The amounts' boxes are added after reading (placeRows), so text input keeps line/column only.
 */
function rowAt(line: number, column: number, label: CellBlock | undefined): Place {
  const at: Place = { line, column };
  if (label?.at.page !== undefined && label.at.box && label.text.trim() !== '') {
    at.page = label.at.page;
    at.box = [...label.at.box];
  }
  return at;
}

/** Widens each row's box over its amounts' boxes on the row's page (the first amount's page when no label box). */
function placeRows(rows: TableRow[]): void {
  for (const row of rows) {
    let page = row.at.page;
    let box = row.at.box ? ([...row.at.box] as [number, number, number, number]) : undefined;
    for (const cell of row.cells) {
      const a = cell.amount?.at;
      if (!a?.box || a.page === undefined) continue;
      if (page === undefined) page = a.page;
      if (a.page !== page) continue;
      if (!box) box = [...a.box];
      else
        box = [
          Math.min(box[0], a.box[0]),
          Math.min(box[1], a.box[1]),
          Math.max(box[2], a.box[2]),
          Math.max(box[3], a.box[3]),
        ];
    }
    // a fresh object: rows read from one printed line may share theirs
    if (box && page !== undefined) row.at = { ...row.at, page, box };
  }
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
function mapColumns(
  headerRows: CellBlock[][],
  firstAmount: number,
  specs: ColumnSpec[],
  dataWidth: number,
): Map<number, ColumnSpec> {
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
  // columns the header did not name: the template's columns in order; an "of which" column (其中：经费拨款 under
  // 本级财政拨款) is part of the column before it, never a column of the template's, whose sums it would break
  const unnamed = specs.filter((s) => !used.has(s.key));
  const ofWhich = (i: number) => headerRows.some((r) => /^其中/.test(norm(r[i]?.text ?? '')));
  for (let i = firstAmount, k = 0; i < width && k < unnamed.length; i++) {
    if (!map.has(i) && !ofWhich(i)) map.set(i, unnamed[k++]);
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
  if (code.length <= 5) return 'section';
  // regional economic sub-codes of 7 digits (重庆 3010201 规范性津补贴 under 30102) are a level below the 款
  return system === 'economic' && code.length < 7 ? 'section' : 'item';
}

/** One code–name–amounts group of columns; basic expenditure final accounts print two or three side by side. */
interface ColumnGroup {
  codeCols: number[];
  nameIdx: number;
  amountCols: number[];
  /** the group's header (人员经费, 公用经费) when it names a template column */
  spec?: ColumnSpec;
  /** rows are organisations (部门代码 | 部门名称), not classification codes */
  organisation?: boolean;
}

const CODE_HEADER = /编码|代码|分类|^类$|^款$|^项$/;
const NAME_HEADER = /科目名称$|^名称$|^项目$|^(部门|单位)名称$/;
const ORGANISATION_HEADERS = { code: /^(部门|单位)(代码|编码)$/, name: /^(部门|单位)名称$/ };

/** A row that numbers the columns (栏次 1 2 3 …), not data. */
function isColumnNumbering(row: CellBlock[]): boolean {
  const texts = row.map((c) => norm(c.text)).filter(Boolean);
  if (texts.length === 0) return false;
  if (/^栏次$/.test(texts[0])) return true;
  return texts.length >= 3 && texts.every((t, k) => t === String(k + 1));
}

/**
 * Layouts whose header names the code and name columns (科目编码/科目代码 … 科目名称) and that differ from the standard
 * 类/款/项 columns at the left: one column of full codes ("2014001"), an organisation column before the codes
 * (预算单位), or several code–name–amount groups side by side. Undefined for the standard layout.
 */
function namedColumnLayout(
  grid: CellBlock[][],
  system: 'function' | 'economic',
): { nameRow: number; groups: ColumnGroup[] } | undefined {
  for (let h = 0; h < Math.min(grid.length, 6); h++) {
    const row = grid[h];
    const nameCols = flatMap(row, (c, k) => (k > 0 && NAME_HEADER.test(norm(c.text)) ? [k] : []));
    if (nameCols.length === 0) continue;
    const stacked = (k: number) =>
      grid
        .slice(0, h + 3)
        .map((r) => norm(r[k]?.text ?? ''))
        .join('');
    const groups: ColumnGroup[] = [];
    let floor = 0;
    for (const [g, nameIdx] of nameCols.entries()) {
      const codeCols: number[] = [];
      for (let k = nameIdx - 1; k >= floor; k--) {
        const text = norm(row[k]?.text ?? '');
        if (CODE_HEADER.test(text) || (text === '' && codeCols.length > 0 && CODE_HEADER.test(stacked(k))))
          codeCols.unshift(k);
        else if (text === '' && codeCols.length === 0 && CODE_HEADER.test(stacked(k))) codeCols.unshift(k);
        else break;
      }
      if (codeCols.length === 0) return undefined;
      const organisation =
        ORGANISATION_HEADERS.name.test(norm(row[nameIdx].text)) &&
        codeCols.every((k) => ORGANISATION_HEADERS.code.test(norm(row[k]?.text ?? '')));
      groups.push({ codeCols, nameIdx, amountCols: [], ...(organisation ? { organisation } : {}) });
      floor = nameIdx + 1;
      void g;
    }
    // a group's amounts run up to the next group's code columns
    const width = Math.max(...grid.map((r) => r.length));
    groups.forEach((grp, g) => {
      const end = groups[g + 1]?.codeCols[0] ?? width;
      for (let k = grp.nameIdx + 1; k < end; k++) grp.amountCols.push(k);
    });
    // a second code–name pair right after the first (政府经济科目 beside 部门经济科目) is an alternative coding of the
    // same rows: the first pair is read with the amounts after the second
    // (北京 prints three: 支出功能分类 | 政府支出经济分类 | 部门支出经济分类): the one the template's classification
    // names is read, by default the first
    const withAmounts: ColumnGroup[] = [];
    for (let k = 0; k < groups.length; k++) {
      const run = [groups[k]];
      while (run.at(-1)!.amountCols.length === 0 && groups[k + 1]) run.push(groups[++k]);
      if (run.length === 1) {
        withAmounts.push(groups[k]);
        continue;
      }
      const headerOf = (g: ColumnGroup) => g.codeCols.map((c) => stacked(c)).join('');
      const wanted =
        system === 'economic'
          ? run.find((g) => /经济/.test(headerOf(g)) && !/政府/.test(headerOf(g)))
          : run.find((g) => /功能/.test(headerOf(g)));
      withAmounts.push({ ...(wanted ?? run[0]), amountCols: run.at(-1)!.amountCols });
    }
    // the standard 类/款/项 columns are read by position; only a column of full codes ("2014001") or several groups
    // side by side take this path
    const fullCodes = (k: number) => grid.some((r) => /^\d{5}(\d{2})?$/.test(norm(r[k]?.text ?? '')));
    const single =
      withAmounts.length === 1 && withAmounts[0].codeCols.length === 1 && fullCodes(withAmounts[0].codeCols[0]);
    const byOrganisation = withAmounts.length === 1 && withAmounts[0].organisation === true;
    if (!single && !byOrganisation && withAmounts.length < 2) return undefined;
    return { nameRow: h, groups: withAmounts };
  }
  return undefined;
}

function readNamedColumns(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
  ctx: ExtractContext,
): { rows: TableRow[]; columns: TableColumn[] } | undefined {
  const tpl = found.template;
  const system = systemOf(found);
  const layout = namedColumnLayout(grid, system);
  if (!layout) return undefined;
  const { groups } = layout;
  // header rows: up to the first row with an amount or a code that is not the column numbering
  let i = layout.nameRow + 1;
  const isData = (r: CellBlock[]) =>
    !isColumnNumbering(r) &&
    groups.some(
      (g) =>
        g.codeCols.some((k) => /^\d{3,7}$/.test(norm(r[k]?.text ?? ''))) ||
        g.amountCols.some((k) => isNumericCell(r[k]?.text ?? '')),
    );
  while (i < grid.length && !isData(grid[i])) i++;
  const header = grid.slice(0, i);
  const headerTexts = new Set(header.map(rowText));
  const data = grid.slice(i).filter((r) => !isColumnNumbering(r) && (hasNumber(r) || !headerTexts.has(rowText(r))));
  const sideBySide = groups.length > 1;
  const width = Math.max(0, ...grid.map((r) => r.length));
  const paths = headerPaths(header, width);
  const groupAt = (k: number) =>
    groups.find((g, n) => k >= g.codeCols[0] && (n === groups.length - 1 || k < groups[n + 1].codeCols[0]));
  for (const g of groups) {
    // the group's header (人员经费 over 科目代码/科目名称/决算数), merged over the groups to its right
    const words = flatMap([g.codeCols[0], g.nameIdx, ...g.amountCols], (k) => paths[k] ?? []);
    g.spec = tpl.columns.find((s) => s.key !== 'total' && words.some((w) => s.match.test(w)));
  }
  // without such a header, the line of totals below names the groups ("人员经费合计" under the first)
  if (sideBySide) {
    for (const r of data) {
      r.forEach((c, k) => {
        const text = norm(c.text);
        if (!/合计|总计/.test(text) || isNumericCell(c.text)) return;
        const g = groupAt(k);
        const spec = tpl.columns.find((s) => s.key !== 'total' && s.match.test(text));
        if (g && !g.spec && spec) g.spec = spec;
      });
    }
  }
  const specs = [...tpl.columns, ...(tpl.extraColumns ?? [])];
  const colMaps = groups.map((g) =>
    mapColumns(
      header,
      g.amountCols[0] ?? g.nameIdx + 1,
      specs,
      (g.amountCols[g.amountCols.length - 1] ?? g.nameIdx) + 1,
    ),
  );
  // these headers are printed whole: a column whose header names something else (人员经费支出 in a 基本/项目 table,
  // 备注) is not one of the template's columns
  for (const map of colMaps) {
    for (const [k, spec] of map) {
      const stacked = header.map((r) => norm(r[k]?.text ?? '')).filter(Boolean);
      if (stacked.length > 0 && !stacked.some((t) => spec.match.test(t)) && !spec.match.test(stacked.join('')))
        map.delete(k);
    }
  }

  const rows: TableRow[] = [];
  let lastClass: string | undefined;
  for (const r of data) {
    const at: Place = { line: r[0].at.line, column: r[0].at.column };
    // a line of totals ("人员经费合计 7,967.72 公用经费合计 2,266.65") is one total row, each amount after its label
    const labelled = flatMap(r, (c, k) =>
      c.text.trim() && !isNumericCell(c.text) && /合计|总计/.test(norm(c.text)) ? [k] : [],
    );
    if (
      sideBySide &&
      labelled.length > 0 &&
      groups.every((g) => !g.codeCols.some((k) => /^\d+$/.test(norm(r[k]?.text ?? ''))))
    ) {
      const cells: Cell[] = [];
      labelled.forEach((k, n) => {
        const text = norm(r[k].text);
        const spec =
          tpl.columns.find((s) => s.key !== 'total' && s.match.test(text)) ??
          tpl.columns.find((s) => s.key === 'total');
        const end = labelled[n + 1] ?? r.length;
        const amount = r.slice(k + 1, end).find((c) => c.text.trim() !== '' && isNumericCell(c.text));
        const cell = spec && amount ? amountCell(spec.key, amount, unit) : null;
        if (cell && !cells.some((x) => x.column === cell.column)) cells.push(cell);
      });
      rows.push({ kind: 'total', label: '合计', cells, at: rowAt(at.line, at.column, r[labelled[0]]) });
      continue;
    }
    groups.forEach((g, n) => {
      const codeParts = g.codeCols.map((k) => r[k]?.text ?? '');
      const label =
        tidy(r[g.nameIdx]?.text ?? '') || tidy(codeParts.find((t) => t.trim() !== '' && !/^\d+$/.test(t.trim())) ?? '');
      const cells: Cell[] = [];
      if (sideBySide) {
        const amount = g.amountCols.map((k) => r[k]).find((c) => c && c.text.trim() !== '');
        // one amount per row: the group's column (人员经费/公用经费), else the total
        const cell = amountCell(g.spec?.key ?? 'total', amount, unit);
        if (cell) cells.push(cell);
      } else {
        for (const [k, spec] of colMaps[n]) {
          if (!g.amountCols.includes(k)) continue;
          const cell = amountCell(spec.key, r[k], unit);
          if (cell) cells.push(cell);
        }
      }
      const printedCode = codeParts.map((t) => (/^\d+$/.test(t.trim()) ? t.trim() : '')).join('');
      let code = g.organisation
        ? undefined
        : codeFrom(
            codeParts.map((t) => (/^\d+$/.test(t.trim()) ? t : '')),
            sideBySide ? undefined : lastClass,
          );
      // one code column printing 款/项 short under their parent ("05 行政事业单位离退休" under 208, 西安): completed
      if (code && g.codeCols.length === 1 && !sideBySide && code.length === 2)
        code = completeShortCode(code, label, cells, rows, system, ctx.year);
      // a code of 6 digits in a code column is an organisation's (125001 西安市…), not a classification code
      const orgByCode = code !== undefined && code.length === 6 && !g.organisation;
      if (orgByCode) code = undefined;
      if (!code && !label && cells.length === 0) return;
      const row: TableRow = {
        kind: 'leaf',
        label,
        cells,
        at: rowAt(
          at.line,
          sideBySide ? (r[g.codeCols[0]] ?? r[0]).at.column : at.column,
          r[g.nameIdx]?.text.trim() ? r[g.nameIdx] : r[g.codeCols[0]],
        ),
      };
      if (code) {
        if (code.length === 3) lastClass = code;
        row.classification = { system, code, level: levelOf(code, system) };
      } else if (TOTAL_LABEL.test(norm(label))) row.kind = 'total';
      else {
        const org = /^[[［【(（]\s*(\d+)\s*[\]］】)）]\s*(.*)$/.exec(label);
        row.kind = 'organisation';
        if ((g.organisation || orgByCode) && printedCode) row.orgCode = printedCode;
        if (org) {
          row.orgCode = org[1];
          row.label = tidy(org[2]);
        }
      }
      rows.push(row);
    });
  }
  // the only organisation, printed above its classes without a 合计 row, carries the table's totals
  const orgs = rows.filter((r) => r.kind === 'organisation');
  if (orgs.length === 1 && !rows.some((r) => r.kind === 'total') && rows.indexOf(orgs[0]) === 0) orgs[0].kind = 'total';
  markSubtotals(rows);
  void ctx;
  // side by side, each row prints one amount under its group (人员经费 or 公用经费) and the table prints no 合计
  // column: its columns are those it prints
  const printed = new Set(flatMap(rows, (r) => r.cells.map((c) => c.column)));
  const mapped = new Set(flatMap(colMaps, (m) => [...m.values()].map((c) => c.key)));
  const columns = specs.filter((c) => (sideBySide ? printed.has(c.key) : mapped.has(c.key)));
  return { rows, columns: columns.map((c) => ({ key: c.key, label: c.label })) };
}

/**
 * Rows that are organisations named in the first column, without codes (广州's 收入总体情况表: 单位名称 | 合计 | …):
 * a 合计 row and one row per unit. Columns are mapped by their headers, a header naming no column is left out.
 */
function readOrganisationRows(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
): { rows: TableRow[]; columns: TableColumn[] } | undefined {
  const first = grid.findIndex(hasNumber);
  if (first <= 0) return undefined;
  const header = grid.slice(0, first);
  if (!header.some((r) => /^(部门|单位)(名称)?$|^预算单位$/.test(norm(r[0]?.text ?? '')))) return undefined;
  if (header.some((r) => r.some((c) => /编码|代码|科目/.test(norm(c.text))))) return undefined;
  const tpl = found.template;
  const specs = [...tpl.columns, ...(tpl.extraColumns ?? [])];
  const width = Math.max(...grid.map((r) => r.length));
  const map = mapColumns(header, 1, specs, width);
  for (const [k, spec] of map) {
    const printed = header.map((r) => norm(r[k]?.text ?? '')).filter(Boolean);
    if (printed.length === 0 || (!printed.some((t) => spec.match.test(t)) && !spec.match.test(printed.join(''))))
      map.delete(k);
  }
  const rows: TableRow[] = [];
  for (const r of grid.slice(first)) {
    const label = tidy(r[0]?.text ?? '');
    if (!label && !hasNumber(r)) continue;
    const cells: Cell[] = [];
    for (const [k, spec] of map) {
      const cell = amountCell(spec.key, r[k], unit);
      if (cell) cells.push(cell);
    }
    const kind = TOTAL_LABEL.test(norm(label)) ? 'total' : 'organisation';
    rows.push({ kind, label, cells, at: rowAt(r[0].at.line, r[0].at.column, r[0]) });
  }
  // the only organisation, without a 合计 row, carries the table's totals
  if (rows.length === 1 && rows[0].kind === 'organisation') rows[0].kind = 'total';
  const mapped = new Set([...map.values()].map((c) => c.key));
  return { rows, columns: specs.filter((c) => mapped.has(c.key)).map((c) => ({ key: c.key, label: c.label })) };
}

/**
 * A two-digit code printed under its parent in a single code column: a 款 of the last 类, or (function codes) a 项 of
 * the last 款. The catalogue decides when the printed name is the name of one reading only; otherwise the sums do:
 * a 项 while the 款's amount is not yet used up by its 项 rows, else a new 款.
 */
function completeShortCode(
  short: string,
  name: string,
  cells: Cell[],
  rows: TableRow[],
  system: 'function' | 'economic',
  year: number,
): string {
  const cls = [...rows].reverse().find((r) => r.classification?.level === 'class')?.classification?.code;
  if (!cls) return short;
  const asSection = cls + short;
  const lastSectionRow = [...rows]
    .reverse()
    .find((r) => r.classification && (r.classification.level === 'section' || r.classification.level === 'class'));
  const section =
    lastSectionRow?.classification?.level === 'section' && lastSectionRow.classification.code.startsWith(cls)
      ? lastSectionRow
      : undefined;
  if (system === 'economic' || !section) return asSection;
  const asItem = section.classification!.code + short;
  const known = (code: string) => ['exact', 'alias'].includes(nameMatches(code, name, year, system));
  const [sectionKnown, itemKnown] = [known(asSection), known(asItem)];
  if (sectionKnown !== itemKnown) return itemKnown ? asItem : asSection;
  // by the sums: the 款's first amount against its 项 rows read so far
  const first = (r: { cells: Cell[] }) => r.cells.find((c) => c.amount)?.amount;
  const total = first(section);
  const mine = first({ cells });
  if (!total || !mine) return asSection;
  const used = rows
    .filter((r) => r.classification?.code.startsWith(section.classification!.code) && r.classification.level === 'item')
    .reduce((n, r) => n + (first(r)?.minor ?? 0) * 10 ** -(first(r)?.scale ?? 0), 0);
  const left = total.minor * 10 ** -total.scale - used;
  return mine.minor * 10 ** -mine.scale <= left + 0.5 * 10 ** -total.scale ? asItem : asSection;
}

/**
 * A table whose columns are printed as rows (江苏's 收入预算总表: 项目名称 | 金额, then 收入总计, 一般公共预算资金 小计, …,
 * 其他资金 事业收入 / 其他收入, 上年结转和结余资金): read as the one 合计 row of the template's columns. A group row
 * (its 小计) stands for the group when the group's name is a column; otherwise its items are. Undefined unless the
 * header is 项目 and one amount column, the rows name the total and at least two other columns, and no row has a code.
 */
function readByRows(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
): { rows: TableRow[]; columns: TableColumn[] } | undefined {
  const head = grid[0]?.map((c) => norm(c.text)) ?? [];
  const printed = head.filter(Boolean);
  const amountIdx = head.length - 1;
  if (printed.length !== 2 || !/^项目(名称)?$/.test(head[0]) || !/^(金额|预算数?|本年预算数?)$/.test(head[amountIdx]))
    return undefined;
  const specs = [...found.template.columns, ...(found.template.extraColumns ?? [])];
  const specOf = (label: string) => specs.find((c) => c.match.test(label));
  const data = grid.slice(1);
  if (data.some((r) => r.slice(0, amountIdx).some((c) => /^\d{3,}/.test(norm(c.text))))) return undefined;
  const cells: Cell[] = [];
  const used = new Set<string>();
  const take = (spec: ColumnSpec | undefined, r: CellBlock[]) => {
    if (!spec || used.has(spec.key)) return;
    used.add(spec.key);
    const cell = amountCell(spec.key, r[amountIdx], unit);
    if (cell) cells.push(cell);
  };
  let group = '';
  let groupSpec: ColumnSpec | undefined;
  let named = 0;
  let total: CellBlock[] | undefined;
  for (const r of data) {
    const labels = r.slice(0, amountIdx).map((c) => norm(c.text));
    if (labels[0]) {
      group = labels[0];
      groupSpec = specOf(group);
      if (groupSpec?.key === 'total') groupSpec = undefined;
    }
    const item = [...labels].reverse().find(Boolean) ?? '';
    if (/^其中/.test(item)) continue;
    if (specOf(item)?.key === 'total' && labels.filter(Boolean).length === 1) {
      total = r;
      take(specOf(item), r);
      continue;
    }
    if (groupSpec) {
      // the group's own row (小计, or its name alone) is the column; its items are parts of it
      if (item === '小计' || item === group) {
        take(groupSpec, r);
        named++;
      }
      continue;
    }
    const spec = specOf(item);
    if (spec && spec.key !== 'total') {
      take(spec, r);
      named++;
    }
  }
  if (!total || named < 2) return undefined;
  const at = rowAt(total[0].at.line, total[0].at.column, total[0]);
  return {
    rows: [{ kind: 'total', label: '合计', cells, at }],
    columns: specs.filter((c) => used.has(c.key)).map((c) => ({ key: c.key, label: c.label })),
  };
}

/** The classification of a table's rows: the template's, unless the title says the rows are by the other one
 *  (广州's 一般公共预算项目支出情况表（按经济分类科目）lists economic codes). */
function systemOf(found: Found): 'function' | 'economic' {
  const declared = found.template.classification ?? 'function';
  const title = found.title.type === 'table' ? '' : norm(found.title.text);
  if (/按(支出)?经济分类/.test(title)) return 'economic';
  if (/按(支出)?功能分类/.test(title)) return 'function';
  return declared;
}

/** A classified row with descendants is a subtotal (its children sum to it). */
function markSubtotals(rows: TableRow[]): void {
  for (const row of rows) {
    const code = row.classification?.code;
    if (!code) continue;
    const hasChild = rows.some(
      (o) =>
        o !== row &&
        o.classification &&
        o.classification.code.length > code.length &&
        o.classification.code.startsWith(code),
    );
    const projectSibling = row.project
      ? false
      : rows.some((o) => o !== row && o.project && o.classification?.code === code);
    row.kind = hasChild || projectSibling ? 'subtotal' : 'leaf';
  }
}

function readClassified(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
  ctx: ExtractContext,
): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  // (项目名称 | 金额 is also the header of a table printed by rows, before it is taken for a project column)
  const byRows = readByRows(found, grid, unit);
  if (byRows) return byRows;
  const system = systemOf(found);
  const nCode = system === 'economic' ? 2 : 3;
  // a project table has a 科目 name column and a 项目名称 column before the amounts
  const hasProjectColumn = grid.slice(0, 4).some((r) => r.some((c) => /项目名称/.test(norm(c.text))));
  const named = hasProjectColumn
    ? undefined
    : (readNamedColumns(found, grid, unit, ctx) ?? readOrganisationRows(found, grid, unit));
  if (named) return named;
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && !isDataAnchor(grid[i], nCode, hasProjectColumn)) header.push(grid[i++]);
  // no code or 合计 anywhere: a header of columns over one row of amounts (江苏's 支出预算总表 prints only the totals)
  if (i === grid.length && grid.length >= 2) {
    // (the 栏次 row numbering the columns 1 2 3 is no row of amounts: an empty table prints only it)
    const amountsOnly = (r: CellBlock[]) =>
      !isColumnNumbering(r) &&
      r.some((c) => c.text.trim() !== '') &&
      r.every((c) => c.text.trim() === '' || isNumericCell(c.text));
    const first = grid.findIndex(amountsOnly);
    if (first > 0 && grid.slice(first).every(amountsOnly)) {
      const head = grid.slice(0, first);
      const width = Math.max(...grid.map((r) => r.length));
      const specs = [...tpl.columns, ...(tpl.extraColumns ?? [])];
      const map = mapColumns(head, 0, specs, width);
      const rows: TableRow[] = grid.slice(first).map((r) => {
        const cells: Cell[] = [];
        for (const [k, spec] of map) {
          const printed = head.map((h) => norm(h[k]?.text ?? '')).filter(Boolean);
          if (printed.length > 0 && !printed.some((t) => spec.match.test(t))) continue; // a column the template lacks
          const cell = amountCell(spec.key, r[k], unit);
          if (cell) cells.push(cell);
        }
        return { kind: 'total' as const, label: '合计', cells, at: rowAt(r[0].at.line, r[0].at.column, r[0]) };
      });
      const printedKeys = new Set(flatMap(rows, (r) => r.cells.map((c) => c.column)));
      return {
        rows,
        columns: specs.filter((c) => printedKeys.has(c.key)).map((c) => ({ key: c.key, label: c.label })),
      };
    }
  }
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
        warn(ctx, 'cellBeyondHeader', { table: tpl.title, line: at.line, column: spec.label }, r[c].at);
      }
      cells.push(cell);
    }
    const code = codeFrom(codeParts, lastClass);
    // a 合计 printed in the code columns (the cell merged across 类/款/项 and the name)
    const inCodeColumns = codeParts.map((t) => tidy(t)).find((t) => t !== '' && !/^\d+$/.test(t));
    const shown = label || project || (inCodeColumns && TOTAL_LABEL.test(norm(inCodeColumns)) ? inCodeColumns : '');
    const labelCell = label
      ? r[nameIdx]
      : project
        ? r[nameIdx + 1]
        : r.slice(0, nCode).find((c) => c.text.trim() !== '');
    const row: TableRow = { kind: 'leaf', label: shown, cells, at: rowAt(at.line, at.column, labelCell) };
    if (code) {
      if (code.length === 3) lastClass = code;
      row.classification = { system, code, level: levelOf(code, system) };
    } else if (TOTAL_LABEL.test(norm(shown))) {
      row.kind = 'total';
    } else {
      const org = /^[[［【(（]\s*(\d+)\s*[\]］】)）]\s*(.*)$/.exec(shown);
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
  markSubtotals(rows);
  return { rows, columns: tpl.columns.map((c) => ({ key: c.key, label: c.label })) };
}

/** The function class a name denotes, else the 项 under the current 款, else the 款 under the current 类. */
function functionByPrintedName(
  name: string,
  currentClass: string | undefined,
  currentSection: string | undefined,
  year: number,
): CodeEntry | undefined {
  const cls = functionClassByName(name, year);
  if (cls) return cls;
  return (
    (currentSection && functionChildByName(currentSection, name, year)) ||
    (currentClass && functionChildByName(currentClass, name, year)) ||
    undefined
  );
}

/** the ordinal some templates print before a fixed row: "一、", "1.", "（一）", "(1)" */
const ROW_ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/;

function matchFixedRow(
  label: string,
  side: 'income' | 'expenditure',
  specs: FixedRowSpec[] | undefined,
): FixedRowSpec | undefined {
  const t = norm(label).replace(ROW_ORDINAL, '');
  return specs?.find((s) => (s.side ?? 'income') === side && s.match.test(t));
}

function readTwoSided(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
  ctx: ExtractContext,
): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && !hasNumber(grid[i]) && !grid[i].some((c) => /^\d{3}\s/.test(c.text.trim())))
    header.push(grid[i++]);
  const headerTexts = new Set(header.map(rowText));
  // a header repeated after a page break has no amounts: only such rows need comparing
  const data = grid.slice(i).filter((r) => hasNumber(r) || !headerTexts.has(rowText(r)));
  const incomeKey = tpl.columns[0]?.key ?? 'budget';
  // the expenditure side starts at the column headed 功能分类/支出项目; its amounts follow it
  const headerRow =
    header.find((r) => r.some((c) => /功能分类|^支出/.test(norm(c.text)) && !/^支出$/.test(norm(c.text)))) ??
    header[header.length - 1];
  let expLabelIdx = headerRow ? headerRow.findIndex((c, k) => k > 0 && /功能分类|项目/.test(norm(c.text))) : -1;
  if (expLabelIdx < 0) expLabelIdx = 2;
  const expSpecs =
    tpl.columns.length > 1 ? tpl.columns : [{ key: incomeKey, label: tpl.columns[0]?.label ?? '预算数', match: /.*/ }];
  // 行次/栏次 columns number the rows; they hold no amounts
  const width = Math.max(0, ...grid.map((r) => r.length));
  const numbering = new Set<number>();
  for (let c = 0; c < width; c++)
    if (header.some((r) => ROW_NUMBER_HEADER.test(norm(r[c]?.text ?? '')))) numbering.add(c);
  const amountColumns = (from: number, to: number) => {
    const out: number[] = [];
    for (let c = from; c < to; c++) if (!numbering.has(c)) out.push(c);
    return out;
  };
  const incomeColumns = amountColumns(1, expLabelIdx);
  // some templates print the expenditure side again by other classifications (经济分类, 支出用途) to the right:
  // the function group ends where the next one starts, and only totals are taken from the last group (西安 heads
  // them 部门预算支出经济科目（按大类） | 政府预算支出经济科目（按大类）)
  const nextGroup = headerRow
    ? headerRow.findIndex((c, k) => k > expLabelIdx && /分类|经济科目|用途|^项目(名称)?$/.test(norm(c.text)))
    : -1;
  const expColumns = amountColumns(expLabelIdx + 1, nextGroup > 0 ? nextGroup : width);
  // rows printed without codes under a 类 printed above them ("统计信息事务" under "一、一般公共服务支出")
  let currentClass: string | undefined;
  let currentSection: string | undefined;

  const rows: TableRow[] = [];
  for (const r of data) {
    const line = r[0].at.line;
    // the 栏次/行次 row numbers the columns; it is not data
    if (/^(栏次|行次)$/.test(norm(r[0]?.text ?? ''))) continue;
    // income side
    const incLabel = tidy(r[0]?.text ?? '');
    if (incLabel) {
      // a fixed row named again further down ("一般公共预算财政拨款" under 年初结转和结余) is a part of the row above it
      const matched = matchFixedRow(incLabel, 'income', tpl.fixedRows);
      const repeated = matched && rows.some((o) => o.side === 'income' && o.key === matched.key);
      const spec = repeated ? undefined : matched;
      const cells: Cell[] = [];
      incomeColumns.forEach((c, k) => {
        const cell = amountCell(k === 0 ? incomeKey : `income:${k + 1}`, r[c], unit);
        if (cell) cells.push(cell);
      });
      const row: TableRow = {
        kind: spec?.kind ?? 'leaf',
        side: 'income',
        label: incLabel,
        cells,
        at: rowAt(line, r[0].at.column, r[0]),
      };
      if (spec) row.key = spec.key;
      else if (!repeated && norm(incLabel) !== '合计')
        warn(ctx, 'unknownIncomeRow', { table: tpl.title, label: incLabel }, row.at);
      rows.push(row);
    }
    // expenditure side
    const expText = r[expLabelIdx]?.text ?? '';
    if (expText.trim()) {
      const { code, name } = splitCodeName(expText);
      const cells: Cell[] = [];
      expColumns.slice(0, expSpecs.length).forEach((c, k) => {
        const cell = amountCell(expSpecs[k].key, r[c], unit);
        if (cell) cells.push(cell);
      });
      const row: TableRow = {
        kind: 'leaf',
        side: 'expenditure',
        label: name,
        cells,
        at: rowAt(line, r[expLabelIdx].at.column, r[expLabelIdx]),
      };
      if (code) {
        row.classification = { system: 'function', code, level: levelOf(code, 'function') };
      } else {
        const spec = matchFixedRow(name, 'expenditure', tpl.fixedRows);
        const isTotal = TOTAL_LABEL.test(norm(name));
        if (spec) {
          row.key = spec.key;
          row.kind = spec.kind;
        } else if (isTotal) row.kind = 'total';
        // a total printed only under the last group (its cells merged across the groups)
        if ((spec || isTotal) && cells.length === 0 && expSpecs.length === 1 && nextGroup > 0) {
          const last = r
            .filter((c, k) => k > expLabelIdx && !numbering.has(k))
            .reverse()
            .find((c) => c.text.trim() !== '' && isNumericCell(c.text));
          const cell = last ? amountCell(expSpecs[0].key, last, unit) : null;
          if (cell) cells.push(cell);
        }
        // a 类 printed without its code ("一、一般公共服务支出") gets its code from the catalogue, and so do the
        // 款 and 项 printed by name under it
        const entry = spec || isTotal ? undefined : functionByPrintedName(name, currentClass, currentSection, ctx.year);
        if (entry) {
          row.classification = { system: 'function', code: entry.code, level: entry.level };
        }
      }
      const cls = row.classification;
      if (cls && cls.system === 'function') {
        if (cls.level === 'class') [currentClass, currentSection] = [cls.code, undefined];
        else if (cls.level === 'section') currentSection = cls.code;
      } else if (row.key) [currentClass, currentSection] = [undefined, undefined];
      rows.push(row);
    }
  }
  // a side totalled by a bare 合计 (重庆 prints it first, above the items): the side's total when the side prints no
  // 总计, else the 本年 subtotal under it
  for (const side of ['income', 'expenditure'] as const) {
    const sideRows = rows.filter((r) => r.side === side);
    const [totalKey, subtotalKey] =
      side === 'income' ? ['incomeTotal', 'currentYearIncome'] : ['expenditureTotal', 'currentYearExpenditure'];
    for (const r of sideRows) {
      if (r.key || r.classification || norm(r.label) !== '合计') continue;
      const key = !sideRows.some((o) => o.key === totalKey)
        ? totalKey
        : !sideRows.some((o) => o.key === subtotalKey)
          ? subtotalKey
          : undefined;
      const spec = key ? tpl.fixedRows?.find((s) => s.key === key) : undefined;
      if (!spec) continue;
      r.key = spec.key;
      r.kind = spec.kind;
    }
  }
  // a column keeps its printed header when the header is recognisably that column ("一般公共预算财政拨款")
  const printedHeader = (index: number, spec: { label: string; match: RegExp }) => {
    const text = tidy(headerRow?.[index]?.text ?? '');
    return text && spec.match.test(norm(text)) ? text : spec.label;
  };
  const incomeSpec = tpl.columns[0] ?? { key: incomeKey, label: '预算数', match: /预算数/ };
  const columns: TableColumn[] = [
    { key: incomeKey, label: printedHeader(incomeColumns[0] ?? 1, incomeSpec), side: 'income' },
    // only the columns the table prints (a 财政拨款收支总表 may print one 预算数 column for all funds)
    ...expSpecs.slice(0, Math.max(1, expColumns.length)).map((s, k) => ({
      key: s.key,
      label: printedHeader(expColumns[k] ?? expLabelIdx + 1 + k, s),
      side: 'expenditure' as const,
    })),
  ];
  return { rows, columns };
}

/**
 * Each column's header path, top to bottom: a merged header cell puts its text in its first column, so an empty
 * header cell takes the text on its left when both sit under the same path above (and, in the top row, always).
 */
function headerPaths(header: CellBlock[][], width: number): string[][] {
  const filled: string[][] = header.map((r) => Array.from({ length: width }, (_, k) => norm(r[k]?.text ?? '')));
  for (let h = 0; h < filled.length; h++) {
    for (let k = 1; k < width; k++) {
      if (filled[h][k] !== '' || filled[h][k - 1] === '') continue;
      const sameParent = filled.slice(0, h).every((above) => above[k] === above[k - 1]);
      const spanned = h === 0 || norm(header[h - 1][k]?.text ?? '') === '';
      if (sameParent && spanned) filled[h][k] = filled[h][k - 1];
    }
  }
  return Array.from({ length: width }, (_, k) =>
    filled.map((r) => r[k]).filter((t, h, all) => t !== '' && t !== all[h - 1]),
  );
}

/** The template column a header path names: the deepest named part; a 小计/合计 names the group above it. */
function columnOfPath(path: string[], specs: ColumnSpec[]): ColumnSpec | undefined {
  for (let d = path.length - 1; d >= 0; d--) {
    const text = path[d];
    if (/^(小计|合计)$/.test(text) && d > 0) {
      const group = specs.find((s) => s.key !== 'total' && s.match.test(path[d - 1]) && /购置及运行/.test(path[d - 1]));
      return group ?? specs.find((s) => s.key === 'total');
    }
    const spec = specs.find((s) => s.match.test(text));
    if (spec) return spec;
  }
  return undefined;
}

/** a 三公 item label: "其中：（一）因公出国（境）支出", "1.公务用车购置费", "“三公”经费" */
function itemLabel(text: string): string {
  return norm(text)
    .replace(/[“”＂]/g, '"')
    .replace(/^其中[:：]?/, '')
    .replace(ROW_ORDINAL, '');
}

/**
 * A single-row table printed by rows (广州: 行政经费 | “三公”经费 | 其中：（一）因公出国（境）… down the first column,
 * 合计 | 一般公共预算 | … across): the items are the rows, the first amount column (合计) gives their values. Needs
 * three items the template names; rows naming nothing (行政经费) are left out.
 */
function readItemRows(
  tpl: TableTemplate,
  specs: ColumnSpec[],
  header: CellBlock[][],
  dataRows: CellBlock[][],
  unit: '万元' | '元',
): { rows: TableRow[]; columns: TableColumn[] } | undefined {
  const named = dataRows.map((r) => ({
    r,
    spec: isNumericCell(r[0]?.text ?? '') ? undefined : specs.find((s) => s.match.test(itemLabel(r[0]?.text ?? ''))),
  }));
  const keys = new Set(flatMap(named, (n) => n.spec?.key ?? []));
  if (
    keys.size < 3 ||
    header.some((h) => h.some((c) => specs.some((s) => s.key !== 'total' && s.match.test(norm(c.text)))))
  )
    return undefined;
  const amountCol = (r: CellBlock[]) => r.findIndex((c, k) => k > 0 && c.text.trim() !== '' && isNumericCell(c.text));
  const cells: Cell[] = [];
  for (const { r, spec } of named) {
    if (!spec || cells.some((c) => c.column === spec.key)) continue;
    const k = amountCol(r);
    const cell = k > 0 ? amountCell(spec.key, r[k], unit) : null;
    if (cell?.amount) cells.push(cell);
  }
  const first = named.find((n) => n.spec)!.r;
  const row: TableRow = { kind: 'leaf', label: '', cells, at: rowAt(first[0].at.line, first[0].at.column, first[0]) };
  const extra = (tpl.extraColumns ?? []).filter((c) => cells.some((x) => x.column === c.key));
  return { rows: [row], columns: [...tpl.columns, ...extra].map((c) => ({ key: c.key, label: c.label })) };
}

/** a column group's header that is only a year ("2022年", "2022年度") */
const YEAR_GROUP = /^(\d{4})年度?$/;

function readSingleRow(
  found: Found,
  grid: CellBlock[][],
  unit: '万元' | '元',
  ctx: ExtractContext,
): { rows: TableRow[]; columns: TableColumn[] } {
  const tpl = found.template;
  const specs = [...tpl.columns, ...(tpl.extraColumns ?? [])];
  const header: CellBlock[][] = [];
  let i = 0;
  while (i < grid.length && (!hasNumber(grid[i]) || isColumnNumbering(grid[i]))) header.push(grid[i++]);
  const dataRows = grid.slice(i);
  const transposed = readItemRows(tpl, specs, header, dataRows, unit);
  if (transposed) return transposed;
  const width = Math.max(0, ...grid.map((r) => r.length));
  // header paths: which template column each printed column is, and which row variant (预算数/决算数) it belongs to
  const paths = headerPaths(header, width);
  const byColumn: { spec?: ColumnSpec; variant?: string; depth: number; label: boolean }[] = paths.map((path) => {
    if (tpl.skipColumns && path.some((t) => tpl.skipColumns!.test(t))) return { depth: 0, label: false };
    const variant = tpl.rowVariants?.find((v) => path.some((t) => v.match.test(t)));
    // 西安: column groups headed only by their year (2021年 | 2022年 | 增减变化情况): the document's year is its budget
    // (or final account), the year before the previous year's figure
    const yearHeader = variant || !tpl.rowVariants ? undefined : path.find((t) => YEAR_GROUP.test(t));
    const year = yearHeader ? Number(YEAR_GROUP.exec(yearHeader)![1]) : undefined;
    const byYear =
      year === ctx.year
        ? ctx.kind === 'final_account'
          ? 'final'
          : 'budget'
        : year === ctx.year - 1
          ? 'prior'
          : undefined;
    const rest = path.filter(
      (t) =>
        !(variant && variant.match.test(t) && !specs.some((s) => s.match.test(t))) &&
        !tpl.neutralHeaders?.test(t) &&
        t !== yearHeader,
    );
    const spec = columnOfPath(rest, specs);
    return { spec, variant: variant?.key ?? byYear, depth: rest.length, label: !spec && rest.length > 0 };
  });
  // a key claimed by two columns belongs to the more specific one ("“三公”经费/小计" over a grand 合计 with 会议费)
  for (const [k, c] of byColumn.entries()) {
    if (!c.spec) continue;
    const rival = byColumn.findIndex(
      (o, j) => j !== k && o.spec === c.spec && o.variant === c.variant && o.depth > c.depth,
    );
    if (rival >= 0) byColumn[k] = { depth: 0, label: false };
  }
  const coreWidth = tpl.columns.length;
  const rows: TableRow[] = [];
  const seen = new Set<string>();
  const columnVariants = byColumn.some((c) => c.variant);
  for (const [n, r] of dataRows.entries()) {
    if (isColumnNumbering(r)) continue;
    // with 预算数/决算数 (上年/当年) column groups, the first row is the department's; rows below it are its units
    if (columnVariants && n > 0 && rows.length > 0) break;
    // the standard layout has one cell per column; then position is more reliable than a wrapped header, unless
    // the header names every printed amount's column, each a different one (北京 prints 接待 before 公务用车)
    const amountCols = flatMap(r, (c, k) => (c.text.trim() !== '' && isNumericCell(c.text) ? [k] : []));
    const named = amountCols.map((k) => byColumn[k]?.spec?.key);
    const headerNamesAll =
      amountCols.length > 1 && named.every(Boolean) && new Set(named).size === named.length && !columnVariants;
    if ((r.length === coreWidth && !headerNamesAll) || !byColumn.some((c) => c.spec)) {
      const colMap =
        r.length === coreWidth
          ? new Map(tpl.columns.map((c, k) => [k, c] as const))
          : mapColumns(header, 0, tpl.columns, r.length);
      const label = isNumericCell(r[0]?.text ?? '') ? '' : tidy(r[0]?.text ?? ''); // the budget form prints no row label
      const cells: Cell[] = [];
      for (const [k, spec] of colMap) {
        const cell = amountCell(spec.key, r[k], unit);
        if (cell?.amount) cells.push(cell);
      }
      rows.push({ kind: 'leaf', label, cells, at: rowAt(r[0].at.line, r[0].at.column, label ? r[0] : undefined) });
      continue;
    }
    const labelCells = r.filter(
      (c, k) => (byColumn[k]?.label || !byColumn[k]) && c.text.trim() !== '' && !isNumericCell(c.text),
    );
    const rowLabel = tidy(labelCells[labelCells.length - 1]?.text ?? '');
    const variants = [...new Set(byColumn.filter((c) => c.spec).map((c) => c.variant))];
    for (const variant of variants) {
      const cells: Cell[] = [];
      byColumn.forEach((c, k) => {
        if (!c.spec || c.variant !== variant || cells.some((x) => x.column === c.spec!.key)) return;
        const cell = amountCell(c.spec.key, r[k], unit);
        if (cell?.amount) {
          cells.push(cell);
          seen.add(c.spec.key);
        }
      });
      const named = variant
        ? tpl.rowVariants?.find((v) => v.key === variant)
        : tpl.rowVariants?.find((v) => v.match.test(norm(rowLabel)));
      const year = /^(\d{4})年/.exec(norm(rowLabel));
      const key =
        named?.key ??
        (year
          ? Number(year[1]) === ctx.year
            ? ctx.kind === 'final_account'
              ? 'final'
              : 'budget'
            : 'prior'
          : undefined);
      const first = r.find((c) => c.text.trim() !== '') ?? r[0];
      const row: TableRow = {
        kind: 'leaf',
        label: variant ? (named?.label ?? '') : rowLabel,
        cells,
        at: rowAt(first.at.line, first.at.column, labelCells[labelCells.length - 1]),
      };
      if (key) row.key = key;
      rows.push(row);
    }
  }
  const extra = (tpl.extraColumns ?? []).filter((c) => seen.has(c.key));
  return { rows, columns: [...tpl.columns, ...extra].map((c) => ({ key: c.key, label: c.label })) };
}

/** Columns no row prints anything in (slivers between double rules of an Excel export) carry nothing: dropped, so
 *  that the label columns are where the layouts expect them. */
function dropBlankColumns(grid: CellBlock[][]): CellBlock[][] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const keep: number[] = [];
  for (let c = 0; c < width; c++) if (grid.some((r) => (r[c]?.text ?? '').trim() !== '')) keep.push(c);
  if (keep.length === width || keep.length === 0) return grid;
  return grid.map((r) => keep.filter((c) => c < r.length).map((c) => r[c]));
}

/** a classification code and its name printed in one cell: joined by a dash ("2050305-高等职业教育", 北京) or with
 *  the code in brackets ("[2010401]行政运行", 广州) */
const CODE_DASH_NAME = /^(?:(\d{3,9})\s*[-－—–]|[[［【]\s*(\d{3,9})\s*[\]］】])\s*(\S.*)$/;
function codeAndName(text: string): { code: string; name: string } | undefined {
  const m = CODE_DASH_NAME.exec(text.trim());
  return m ? { code: m[1] ?? m[2], name: m[3].trim() } : undefined;
}

/** the characters CODE_DASH_NAME needs after its code, before normalising (－ ］ 】 become - ]) */
const MAY_JOIN_CODE = /[-－—–\]］】]/;

/**
 * A column whose cells print "code-name" becomes a code column and a name column (headed 名称 in the header row that
 * names the code column), the shape of the layouts that print them apart.
 */
function splitCodeNameCells(grid: CellBlock[][]): CellBlock[][] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const split: number[] = [];
  for (let k = 0; k < width; k++) {
    // a code and its name are joined by a dash or follow a closing bracket (in either width): a column with fewer
    // than two such cells cannot be split, and most columns are passed over without normalising their cells
    let candidates = 0;
    for (const r of grid) if (MAY_JOIN_CODE.test(r[k]?.text ?? '') && ++candidates >= 2) break;
    if (candidates < 2) continue;
    const texts = grid.map((r) => norm(r[k]?.text ?? '')).filter((t) => t && !isNumericCell(t));
    const codes = flatMap(texts, (t) => codeAndName(t)?.code ?? []);
    // classification codes, not organisation codes ("[101001]广州市…"): of 3, 5 or 7 digits
    const classification = codes.every((c) => [3, 5, 7].includes(c.length));
    if (codes.length >= 2 && codes.length >= texts.length * 0.5 && classification) split.push(k);
  }
  if (!split.length) return grid;
  const firstData = grid.findIndex((r) => hasNumber(r) || split.some((k) => codeAndName(norm(r[k]?.text ?? ''))));
  return grid.map((r, n) => {
    const out: CellBlock[] = [];
    r.forEach((c, k) => {
      if (!split.includes(k)) return void out.push(c);
      const m = codeAndName(c.text);
      if (m) return void out.push({ text: m.code, at: c.at }, { text: m.name, at: c.at });
      // the header row naming the column (the lowest one above the data) heads both: the printed header stays over
      // the codes when it names codes (功能分类科目), over the names when it names names (功能科目名称); else 科目编码/名称
      const names =
        n < firstData &&
        c.text.trim() !== '' &&
        !grid.slice(n + 1, firstData).some((h) => (h[k]?.text ?? '').trim() !== '');
      if (!names) return void out.push(c, { text: '', at: c.at });
      const t = norm(c.text);
      out.push(
        { text: CODE_HEADER.test(t) ? c.text : '科目编码', at: c.at },
        { text: NAME_HEADER.test(t) ? c.text : '名称', at: c.at },
      );
    });
    return out;
  });
}

/**
 * A table too wide for its page is printed in pieces side by side, on the next page under the same title (北京's
 * 收入总表: 本年收入 on one page, 上年结转结余 on the next): the same number of rows of amounts, the columns go on.
 * The second piece's columns are appended to the first's, row by row from the bottom (the pieces' headers may differ
 * in depth); label columns it repeats are dropped.
 */
function joinWideTables(found: Found[]): Found[] {
  const out: Found[] = [];
  const dataRows = (g: CellBlock[][]) => g.filter(hasNumber).length;
  for (const f of found) {
    const prev = out.at(-1);
    const sameTable =
      prev &&
      prev.template.id === f.template.id &&
      norm(prev.title.type === 'table' ? '' : prev.title.text) === norm(f.title.type === 'table' ? '' : f.title.text);
    // the grids are joined only for a piece of the same table (most tables are not)
    if (!prev || !sameTable) {
      out.push(f);
      continue;
    }
    const prevGrid = flatMap(prev.grids, (g) => g.rows);
    const grid = flatMap(f.grids, (g) => g.rows);
    const lastPage = prevGrid.at(-1)?.[0]?.at.page;
    const firstPage = grid[0]?.[0]?.at.page;
    if (
      lastPage === undefined ||
      firstPage !== lastPage + 1 ||
      dataRows(grid) === 0 ||
      dataRows(grid) !== dataRows(prevGrid) ||
      grid.length > prevGrid.length + 2
    ) {
      out.push(f);
      continue;
    }
    const a = dropBlankColumns(prevGrid);
    const b = dropBlankColumns(grid);
    const n = Math.max(a.length, b.length);
    const pad = (g: CellBlock[][]) => [...Array.from({ length: n - g.length }, () => [] as CellBlock[]), ...g];
    const [pa, pb] = [pad(a), pad(b)];
    const widthA = Math.max(...a.map((r) => r.length));
    // leading label columns printed again on the second piece
    let repeat = 0;
    const dataIdx = flatMap(pa, (r, k) => (hasNumber(r) ? [k] : []));
    while (
      dataIdx.every(
        (k) =>
          pb[k][repeat] &&
          !isNumericCell(pb[k][repeat].text) &&
          norm(pb[k][repeat].text) === norm(pa[k][repeat]?.text ?? '') &&
          pb[k][repeat].text.trim() !== '',
      )
    )
      repeat++;
    const joined = pa.map((r, k) => {
      const left = Array.from({ length: widthA }, (_, c) => r[c] ?? { text: '', at: (pb[k][0] ?? a[0][0]).at });
      return [...left, ...pb[k].slice(repeat)];
    });
    const tableBlock = { ...prev.grids[0], rows: joined };
    out[out.length - 1] = { ...prev, grids: [tableBlock], after: f.after };
  }
  return out;
}

/** Reads every standard table of the body. */
export function extractTables(blocks: Block[], ctx: ExtractContext): Table[] {
  const tables: Table[] = [];
  for (const f of joinWideTables(findTables(blocks, ctx))) {
    const meta = readMeta(f.meta);
    const unit = meta.unit ?? '万元';
    const grid = splitCodeNameCells(dropBlankColumns(flatMap(f.grids, (g) => g.rows)));
    const read =
      f.template.layout === 'two-sided'
        ? readTwoSided(f, grid, unit, ctx)
        : f.template.layout === 'single-row'
          ? readSingleRow(f, grid, unit, ctx)
          : readClassified(f, grid, unit, ctx);
    placeRows(read.rows);
    rejoinWrappedNames(read.rows, ctx.year);
    const statement = f.after.find((b) => b.type !== 'table' && EMPTY_STATEMENT.test(norm(b.text)));
    const hasAmounts = read.rows.some((r) => r.cells.some((c) => c.amount && c.amount.minor !== 0));
    const table: Table = {
      id: f.template.id,
      status: !hasAmounts && (statement || f.template.mayBeEmpty || printsNoFigure(f, grid)) ? 'empty' : 'present',
      title: tidy(f.title.type === 'table' ? '' : f.title.text),
      columns: read.columns,
      rows: read.rows,
      at: f.title.at,
    };
    if (f.number) table.number = f.number;
    if (meta.preparer) table.preparer = meta.preparer;
    if (meta.year) table.year = meta.year;
    table.unit = unit;
    if (statement && statement.type !== 'table')
      table.emptyStatement = { text: tidy(statement.text), at: statement.at };
    if (tables.some((t) => t.id === table.id)) {
      warn(ctx, 'duplicateTable', { table: table.title }, table.at);
      continue;
    }
    tables.push(table);
  }
  return tables;
}

/**
 * A name wrapped inside its cell whose last characters the converter put into the next row's name
 * ("30108 机关事业单位基本养老保险缴" | "30109 费职业年金缴费"), or the next row's first characters into this one:
 * moved across when that makes both printed names the catalogue's names of their codes (and neither was before).
 */
function rejoinWrappedNames(rows: TableRow[], year: number): void {
  const known = (row: TableRow, label: string) =>
    ['exact', 'alias'].includes(nameMatches(row.classification!.code, label, year, row.classification!.system));
  for (let i = 1; i < rows.length; i++) {
    const [prev, row] = [rows[i - 1], rows[i]];
    if (!prev.classification || !row.classification || !prev.label || !row.label) continue;
    if (known(prev, prev.label) || known(row, row.label)) continue;
    for (let k = 1; k <= 4; k++) {
      if (k < row.label.length && known(prev, prev.label + row.label.slice(0, k)) && known(row, row.label.slice(k))) {
        [prev.label, row.label] = [prev.label + row.label.slice(0, k), tidy(row.label.slice(k))];
        break;
      }
      if (
        k < prev.label.length &&
        known(prev, prev.label.slice(0, -k)) &&
        known(row, prev.label.slice(-k) + row.label)
      ) {
        [prev.label, row.label] = [tidy(prev.label.slice(0, -k)), prev.label.slice(-k) + row.label];
        break;
      }
    }
  }
}

/**
 * The table was published blank: its grid has a header and row labels (合计) but not one digit outside the years and
 * the column numbering, and no figure follows it outside the grid (上海's 基本支出 and 三公 tables of a unit with none).
 * Such a table is `empty` (printed, nothing to read), not a reading failure.
 */
function printsNoFigure(f: Found, grid: CellBlock[][]): boolean {
  if (grid.length < 2 || !grid.some((r) => r.some((c) => TOTAL_LABEL.test(norm(c.text))))) return false;
  const digits = (text: string) => /\d/.test(norm(text).replace(/\d{4}\s*年度?/g, ''));
  if (grid.some((r) => !isColumnNumbering(r) && r.some((c) => digits(c.text)))) return false;
  return !f.after.some((b) => b.type !== 'table' && /\d[\d,]*\.\d{2}/.test(b.text));
}

/** Whether a heading announces a table (used for the 目录 and for attachment lists). */
export function announcedTable(b: HeadingBlock | Block, ctx: Pick<ExtractContext, 'kind'>): TableTemplate | undefined {
  if (b.type === 'table') return undefined;
  // the title must end with 表 once its number and leaders are gone
  if (!b.text.includes('表')) return undefined;
  if (b.text.length > 200) return readAnnounced(b.text, ctx.kind);
  return remembered('announced', ctx.kind, b.text, () => readAnnounced(b.text, ctx.kind));
}

function readAnnounced(text: string, kind: ExtractContext['kind']): TableTemplate | undefined {
  // a 目录 entry: its number, dot leaders and page number go before the title is matched
  const t = titleWords(
    norm(stripLeader(text))
      .replace(/^[一二三四五六七八九十\d]+[、.．]/, '')
      .replace(/[《》]/g, ''),
  );
  if (!/表$/.test(t) || /说明|绩效/.test(t)) return undefined;
  return recogniseTableTitle(t, kind);
}

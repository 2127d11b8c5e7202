// A 部门整体预算绩效目标申报表 published on its own (Guangzhou's template): department name, the 预算整体情况
// block of amounts, the 总体绩效目标, the 年度重点工作任务 and the indicators → one department-wide performance target
// and a table of its amounts. Rows are read by their label cells, indicators by the columns their header names.
import type { Block, CellBlock, TableBlock } from '../read/blocks.js';
import type { Amount, Indicator, PerformanceTarget, PerformanceTask, Place, Table, TableRow } from '../model/schema.js';
import { makeAmount } from '../model/money.js';
import type { FormRowKey } from '../catalog/keys.js';
import type { ExtractContext } from './context.js';
import { warn } from './context.js';
import { splitTarget } from './performance.js';
import { compactNumber, isNumericCell, norm, tidy } from './text-utils.js';
import { flatMap } from './arrays.js';

/** The form's title: 部门整体预算绩效目标申报表, 部门整体支出绩效目标申报表, 部门整体绩效目标表. */
const FORM_TITLE = /^(?:\d{4}年度?)?[^。；，]{0,30}?部门整体(?:预算|支出)?绩效目标(?:申报)?表$/;

/** The amounts of the 预算整体情况 block: printed label → row key, side (for the 收支 balance) */
const BUDGET_ROWS: Array<{ key: FormRowKey; label: string; match: RegExp; side?: 'income' | 'expenditure' }> = [
  { key: 'basicExpenditure', label: '基本支出', match: /^基本支出$/, side: 'expenditure' },
  { key: 'projectExpenditure', label: '项目支出', match: /^项目支出$/, side: 'expenditure' },
  { key: 'fiscalAppropriation', label: '财政拨款', match: /^财政拨款(?:收入)?$/, side: 'income' },
  { key: 'otherFunds', label: '其他资金', match: /^其他资金$/, side: 'income' },
  { key: 'specialFunds', label: '财政专项资金', match: /^财政专项资金$/ },
  { key: 'otherDevelopment', label: '其他事业发展性支出', match: /^其他事业发展性支出$/ },
  { key: 'ownLevel', label: '本级使用资金', match: /本级使用资金$/ },
  { key: 'transfers', label: '拟用于对下转移支付资金', match: /对下转移支付资金$/ },
];

export interface DepartmentForm {
  title: { text: string; at: Place };
  unitName?: { text: string; at: Place };
  table: Table;
  target: PerformanceTarget;
}

/** Whether the blocks are such a form: its title among the first blocks and no 第X部分 parts. */
export function findFormTitle(blocks: Block[]): Block | undefined {
  if (blocks.some((b) => b.type === 'heading' && b.numbering === 'part')) return undefined;
  return blocks.slice(0, 5).find((b) => b.type !== 'table' && b.text.length <= 40 && FORM_TITLE.test(norm(b.text)));
}

type Section = 'none' | 'budget' | 'goal' | 'tasks' | 'other' | 'indicators';

const SECTION_LABELS: Array<[Section, RegExp]> = [
  ['budget', /^预算整体情况$/],
  ['goal', /^(?:部门)?总体绩效目标$|^年度总体目标$/],
  ['tasks', /^年度重点工作任务$/],
  ['other', /^其他需完成的任务/],
  ['indicators', /^(?:年度)?绩效指标$/],
];

function sectionOf(text: string): Section | undefined {
  const t = norm(text);
  return SECTION_LABELS.find(([, re]) => re.test(t))?.[0];
}

/** 预算金额（万元） / （元）: the unit of the amounts; 万元 when no header says. */
function unitOf(rows: CellBlock[][]): '万元' | '元' {
  for (const row of rows) for (const c of row) if (/[(（]元[)）]/.test(norm(c.text))) return '元';
  return '万元';
}

/** Reads the form; `blocks` are the whole document. */
export function extractDepartmentForm(blocks: Block[], titleBlock: Block, ctx: ExtractContext): DepartmentForm {
  const grids = blocks.filter((b): b is TableBlock => b.type === 'table');
  const unit = unitOf(flatMap(grids, (g) => g.rows));
  const amountOf = (c: CellBlock): Amount | null => makeAmount(compactNumber(c.text), unit, c.at);
  const title = { text: tidy(titleBlock.type === 'table' ? '' : titleBlock.text), at: titleBlock.at };

  let unitName: DepartmentForm['unitName'];
  const budgetRows: TableRow[] = [];
  let goal: string | undefined;
  const tasks: PerformanceTask[] = [];
  const indicators: Indicator[] = [];
  let section: Section = 'none';
  /** indicator columns named by the header row (一级指标 …); kept for a continuation grid of the same shape */
  let columns:
    { level1: number; level2: number; name: number; period: number; year: number; width: number } | undefined;
  let level1 = '';
  let level2 = '';

  for (const grid of grids) {
    for (const row of grid.rows) {
      const filled = row.filter((c) => c.text.trim() !== '');
      if (!filled.length) continue;
      const first = norm(filled[0].text);
      if (/^(?:部门|单位)名称$/.test(first)) {
        if (filled[1]) unitName = { text: tidy(filled[1].text), at: filled[1].at };
        continue;
      }
      const s = sectionOf(filled[0].text);
      const cells = s ? filled.slice(1) : filled;
      // a label cell merged over the rows of its section is printed on its first row (and again after a page break)
      if (s) section = s;
      if (section === 'budget') {
        // label | amount pairs, two to a row; the header pairs (部门预算支出 | 预算金额（万元）) have no amount
        for (let k = 0; k + 1 < cells.length; k++) {
          const spec = BUDGET_ROWS.find((r) => r.match.test(norm(cells[k].text)));
          if (!spec || !isNumericCell(cells[k + 1].text)) continue;
          const amount = amountOf(cells[k + 1]);
          budgetRows.push({
            kind: 'leaf',
            label: tidy(cells[k].text),
            key: spec.key,
            ...(spec.side ? { side: spec.side } : {}),
            cells: [{ column: 'budget', amount }],
            at: cells[k].at,
          });
          k++;
        }
      } else if (section === 'goal') {
        const text = cells.map((c) => tidy(c.text)).join('');
        if (text) goal = goal ? goal + text : text;
      } else if (section === 'tasks') {
        const a = cells.findIndex((c, i) => i > 0 && isNumericCell(c.text));
        if (a < 0) continue; // the header row: 名称 | 主要实施内容 | 拟投入的资金 | 期望达到的目标
        const amount = amountOf(cells[a]);
        const content = cells
          .slice(1, a)
          .map((c) => tidy(c.text))
          .join('');
        const expected = cells
          .slice(a + 1)
          .map((c) => tidy(c.text))
          .join('');
        tasks.push({
          name: tidy(cells[0].text),
          ...(content ? { content } : {}),
          ...(amount ? { amount } : {}),
          ...(expected ? { goal: expected } : {}),
          at: cells[0].at,
        });
      } else if (section === 'indicators') {
        const texts = row.map((c) => norm(c.text));
        const at = (re: RegExp) => texts.findIndex((t) => re.test(t));
        if (at(/^一级指标$/) >= 0) {
          columns = {
            level1: at(/^一级指标$/),
            level2: at(/^二级指标$/),
            name: at(/^三级指标$/),
            period: at(/^实施周期指标值$/),
            year: at(/^年度指标值$|^指标值$/),
            width: row.length,
          };
          continue;
        }
        if (!columns || columns.width !== row.length || columns.name < 0 || columns.year < 0) {
          warn(ctx, 'formUnreadRow', { cells: filled.map((c) => c.text).join(' | ') }, filled[0].at);
          continue;
        }
        const text = (k: number) => (k >= 0 ? tidy(row[k]?.text ?? '') : '');
        // merged level cells print their word on their group's first row: carry it down
        if (text(columns.level1)) {
          level1 = text(columns.level1);
          level2 = '';
        }
        if (text(columns.level2)) level2 = text(columns.level2);
        const name = text(columns.name);
        if (!name) continue;
        const target = text(columns.year);
        const period = text(columns.period);
        indicators.push({
          level1,
          level2,
          name,
          target,
          ...splitTarget(target),
          ...(period ? { periodTarget: period } : {}),
          at: row[columns.name].at,
        });
      }
    }
  }

  const firstGrid = grids[0];
  const lastGrid = grids[grids.length - 1];
  const tableAt: Place = firstGrid ? { ...firstGrid.at } : title.at;
  const table: Table = {
    id: 'department-performance-target',
    status: 'present',
    title: title.text,
    unit,
    columns: [{ key: 'budget', label: `预算金额（${unit}）` }],
    rows: budgetRows,
    at: tableAt,
  };
  if (!budgetRows.length) warn(ctx, 'formNoBudget', {}, tableAt);
  if (!indicators.length) warn(ctx, 'formNoIndicators', {}, tableAt);

  const amountFor = (key: string) => budgetRows.find((r) => r.key === key)?.cells[0]?.amount ?? undefined;
  const fiscal = amountFor('fiscalAppropriation');
  const other = amountFor('otherFunds');
  const targetAt: Place = { ...tableAt, ...(lastGrid ? { endLine: lastGrid.at.endLine ?? lastGrid.at.line } : {}) };
  const target: PerformanceTarget = {
    project: '部门整体',
    scope: 'department',
    ...(unitName ? { unit: unitName.text } : {}),
    ...(fiscal ? { fiscalFunds: fiscal } : {}),
    ...(other ? { otherFunds: other } : {}),
    ...(goal ? { goal } : {}),
    ...(tasks.length ? { tasks } : {}),
    indicators,
    at: targetAt,
  };
  return { title, ...(unitName ? { unitName } : {}), table, target };
}

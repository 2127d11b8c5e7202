// The PDF reader on the corpus: titles, grids (merged and multi-row headers, continued tables, wrapped cells,
// text drawn across rules), page furniture dropped, and page/box provenance; expectations read from the PDF pages.
import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../src/read/blocks.js';
import { gridAfter, readCorpus, rowStarting, texts } from './support.js';

const textBlocks = (blocks: Block[]) => blocks.filter((b): b is Exclude<Block, TableBlock> => b.type !== 'table');

describe('002.pdf (Shanghai 普陀区 万里街道, 2024 budget, ruled tables drawn as thin filled rectangles)', () => {
  it('reads the cover title as one block on page 1', async () => {
    const { blocks } = await readCorpus('002.pdf');
    expect(textBlocks(blocks)[0]).toMatchObject({ text: '上海市普陀区2024年区级部门预算', at: { page: 1 } });
  });

  it('reads the two-sided 财务收支预算总表 on page 10 with empty cells keeping the columns aligned', async () => {
    const { blocks } = await readCorpus('002.pdf');
    const grid = gridAfter(blocks, /^2024年部门财务收支预算总表$/);
    expect(grid.at.page).toBe(10);
    expect(texts(rowStarting(grid, '本年收入'))).toEqual(['本年收入', '', '本年支出', '']);
    expect(texts(rowStarting(grid, '一、财政拨款收入'))).toEqual([
      '一、财政拨款收入',
      '156,211,123',
      '一、一般公共服务支出',
      '2,932,700',
    ]);
    expect(texts(rowStarting(grid, '3. 国有资本经营预算'))).toEqual([
      '3. 国有资本经营预算',
      '',
      '四、科学技术支出',
      '100,000',
    ]);
    expect(texts(rowStarting(grid, '', '', '九、住房保障支出'))).toEqual(['', '', '九、住房保障支出', '8,882,399']);
    expect(texts(rowStarting(grid, '收入总计'))).toEqual(['收入总计', '156,211,123', '支出总计', '156,211,123']);
  });

  it('keeps the 类/款/项 code columns and the multi-row header of the 收入预算总表, continued on page 12 in one grid', async () => {
    const { blocks } = await readCorpus('002.pdf');
    const grid = gridAfter(blocks, /^2024年部门收入预算总表$/);
    expect(grid.at.page).toBe(11);
    expect(texts(grid.rows[1])).toEqual([
      '功能分类科目编码',
      '',
      '',
      '功能分类科目名称',
      '合计',
      '财政拨款收入',
      '事业收入',
      '事业单位经营收入',
      '其他收入',
    ]);
    expect(texts(grid.rows[2]).slice(0, 3)).toEqual(['类', '款', '项']);
    expect(texts(rowStarting(grid, '201', '05', '07'))).toEqual([
      '201',
      '05',
      '07',
      '专项普查活动',
      '257,700',
      '257,700',
      '0',
      '0',
      '0',
    ]);
    const continued = rowStarting(grid, '204', '06', '07');
    expect(texts(continued)).toEqual(['204', '06', '07', '公共法律服务', '300,000', '300,000', '0', '0', '0']);
    expect(continued[4].at.page).toBe(12);
    // the header is printed once
    expect(grid.rows.filter((r) => r[0].text === '类')).toHaveLength(1);
  });

  it('gives every cell its page and a box inside the page (PDF points)', async () => {
    const { blocks } = await readCorpus('002.pdf');
    const grid = gridAfter(blocks, /^2024年部门财务收支预算总表$/);
    const cell = rowStarting(grid, '收入总计')[1];
    expect(cell.at.page).toBe(10);
    const [x0, y0, x1, y1] = cell.at.box!;
    expect(x0).toBeLessThan(x1);
    expect(y0).toBeLessThan(y1);
    expect(x0).toBeGreaterThan(0);
    expect(x1).toBeLessThan(842); // landscape A4
    expect(y1).toBeLessThan(596);
    // the total row is printed below the first data row
    expect(y0).toBeGreaterThan(rowStarting(grid, '一、财政拨款收入')[1].at.box![1]);
  });

  it('rejoins a paragraph wrapped over lines and drops page numbers', async () => {
    const { blocks } = await readCorpus('002.pdf');
    const para = textBlocks(blocks).find((b) =>
      b.text.startsWith('2024年，上海市普陀区人民政府万里街道办事处收入预算15621.11万元'),
    );
    expect(para?.text).toContain('其他收入0.00万元。');
    expect(para?.at.page).toBe(6);
    expect(textBlocks(blocks).filter((b) => /^[-—\s]*\d{1,3}[-—\s]*$/.test(b.text))).toEqual([]);
  });
});

describe('013.pdf (上海市财政局, 2025 budget, Excel-printed)', () => {
  it('reads the three-row header of the 财务收支预算总表 and its expenditure columns', async () => {
    const { blocks } = await readCorpus('013.pdf');
    const grid = gridAfter(blocks, /^2025年预算单位财务收支预算总表$/);
    expect(grid.at.page).toBe(7);
    expect(texts(rowStarting(grid, '一、财政拨款收入'))).toEqual([
      '一、财政拨款收入',
      '171,915,169',
      '一、一般公共服务支出',
      '127,886,849',
      '60,330,260',
      '24,531,459',
      '43,025,130',
    ]);
    expect(texts(rowStarting(grid, '2、政府性基金'))).toEqual([
      '2、政府性基金',
      '',
      '三、卫生健康支出',
      '4,668,000',
      '4,620,000',
      '',
      '48,000',
    ]);
    const header = grid.rows.slice(0, 4).map(texts);
    expect(header.some((r) => r.includes('人员经费') && r.includes('公用经费'))).toBe(true);
  });

  it('reads the 目录 entries as numbered items and the unit line of the cover', async () => {
    const { blocks } = await readCorpus('013.pdf');
    expect(textBlocks(blocks).some((b) => b.text === '预算单位：上海市财政局' && b.at.page === 1)).toBe(true);
    expect(
      textBlocks(blocks).filter((b) => b.at.page === 2 && b.type === 'heading' && b.numbering === 'item'),
    ).toHaveLength(9);
  });
});

describe('032.pdf (国家信访局, 2024 final account, central template)', () => {
  it('reads the 一般公共预算财政拨款支出决算表 with full codes in one column and empty cells in place', async () => {
    const { blocks } = await readCorpus('032.pdf');
    const grid = gridAfter(blocks, /^一般公共预算财政拨款支出决算表$/);
    expect(grid.at.page).toBe(11);
    expect(texts(rowStarting(grid, '科目代码'))).toEqual(['科目代码', '科目名称', '小计', '基本支出', '项目支出']);
    expect(texts(rowStarting(grid, '合计'))).toEqual(['合计', '', '13,733.80', '10,234.37', '3,499.42']);
    expect(texts(rowStarting(grid, '2014001'))).toEqual(['2014001', '行政运行', '5,757.63', '5,757.63', '']);
    expect(texts(rowStarting(grid, '2014002'))).toEqual(['2014002', '一般行政管理事务', '4.70', '', '4.70']);
  });

  it('joins a part number and its title printed on two lines', async () => {
    const { blocks } = await readCorpus('032.pdf');
    const parts = blocks
      .filter((b) => b.type === 'heading' && b.numbering === 'part')
      .map((b) => (b.type === 'heading' ? b.title : ''));
    expect(parts).toContain('国家信访局概况');
  });
});

describe('035.pdf (江苏省人民检察院, 2017 budget)', () => {
  it('joins text wrapped inside a header cell and keeps a one-row table', async () => {
    const { blocks } = await readCorpus('035.pdf');
    const grid = gridAfter(blocks, /^三、支出预算总表$/);
    expect(grid.at.page).toBe(11);
    expect(texts(grid.rows[0])).toEqual(['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金']);
    expect(texts(grid.rows[1])).toEqual(['17,996.68', '12,323.48', '5,533.00', '140.20', '']);
  });

  it('splits text the PDF draws across a column rule into its two cells', async () => {
    const { blocks } = await readCorpus('035.pdf');
    const grid = gridAfter(blocks, /^四、财政拨款收支预算总表$/);
    expect(texts(rowStarting(grid, '一、一般公共预算'))).toEqual([
      '一、一般公共预算',
      '17,981.68',
      '一、基本支出',
      '12,308.48',
    ]);
    expect(texts(rowStarting(grid, '收入合计'))).toEqual(['收入合计', '17,981.68', '支出合计', '17,981.68']);
  });

  it('keeps a numbered table title wrapped onto a second line as one heading (page 16)', async () => {
    const { blocks } = await readCorpus('035.pdf');
    const grid = gridAfter(blocks, /^十一、一般公共预算“三公”经费、会议费、培训费支出预算表$/);
    expect(grid.at.page).toBe(16);
    expect(texts(grid.rows.at(-1)!)).toEqual([
      '1,452.35',
      '584.35',
      '110.00',
      '317.80',
      '50.00',
      '267.80',
      '156.55',
      '168.00',
      '700.00',
    ]);
  });

  it('reads "第X部分：title" part headings of other templates (025.pdf)', async () => {
    const { blocks } = await readCorpus('025.pdf');
    const parts = blocks.filter((b) => b.type === 'heading' && b.numbering === 'part' && b.at.page !== 2);
    expect(parts.map((b) => (b.type === 'heading' ? b.title : ''))).toEqual(
      expect.arrayContaining(['部门概况', '部门预算公开报表']),
    );
  });
});

describe('039.pdf (广州市政务服务和数据管理局, 部门整体预算绩效目标申报表)', () => {
  it('reads the form grid: labels, amounts and long wrapped cells', async () => {
    const { blocks } = await readCorpus('039.pdf');
    expect(textBlocks(blocks)[0].text).toBe('部门整体预算绩效目标申报表');
    const grid = gridAfter(blocks, /^部门整体预算绩效目标申报表$/);
    expect(texts(rowStarting(grid, '部门名称')).slice(0, 2)).toEqual(['部门名称', '广州市政务服务和数据管理局']);
    expect(texts(rowStarting(grid, '', '基本支出'))).toEqual(['', '基本支出', '12,634.14', '财政拨款', '98,880.78']);
    expect(texts(rowStarting(grid, '', '项目支出'))).toEqual(['', '项目支出', '86,246.64', '其他资金', '0.00']);
    // page 2 continues the form with more columns (indicator levels): a grid of its own, values in their columns
    const indicators = blocks.filter((b): b is TableBlock => b.type === 'table' && b.at.page === 2)[0];
    expect(texts(rowStarting(indicators, '绩效指标'))).toEqual([
      '绩效指标',
      '一级指标',
      '',
      '二级指标',
      '三级指标',
      '实施周期指标值',
      '年度指标值',
    ]);
    expect(texts(rowStarting(indicators, '', '产出指标'))).toEqual([
      '',
      '产出指标',
      '',
      '数量指标',
      '提出“十五五”规划任务举措数量（条）',
      '≥20',
      '≥20',
    ]);
    const goal = rowStarting(grid, '总体绩效目标')[1].text;
    expect(goal.length).toBeGreaterThan(300);
    expect(goal).not.toMatch(/\n/);
  });
});

describe('paragraphs of official documents (wide line pitch, numbered lines wrapped)', () => {
  it('032.pdf page 5: a paragraph wrapped over five lines at a 31 pt pitch is one block', async () => {
    const { blocks } = await readCorpus('032.pdf');
    const para = textBlocks(blocks).find((b) => b.text.includes('来访接待司（对外称“中共中央办公厅'));
    expect(para?.at.page).toBe(5);
    expect(para?.text).toMatch(/^根据上述工作职责，国家信访局内设 13 个职能机构，分别是：办公室、综合指导司/);
    expect(para?.text).toMatch(/离退休干部办公室、机关服务中心和信息中心。$/);
  });

  it('021.pdf page 5: an item "（九）…" wrapped onto the next line is one paragraph, not a heading and a fragment', async () => {
    const { blocks } = await readCorpus('021.pdf');
    const item = textBlocks(blocks).find((b) =>
      b.text.startsWith('（九）与县级市、区党委政府共同领导县级市、区审计机'),
    );
    expect(item).toMatchObject({ type: 'paragraph', at: { page: 5 } });
    expect(item?.text).toContain('审计机关。依法领导和监督');
  });
});

describe('021.pdf (苏州市审计局, 2026 budget): a table continued under the page header of the next page', () => {
  it('reads the 财政拨款收支总表 of pages 12–13 as one grid; the page header "苏州市审计局 2026 年度部门预算公开" is dropped', async () => {
    const { blocks } = await readCorpus('021.pdf');
    const grid = gridAfter(blocks, /^财政拨款收支总表$/);
    expect(grid.at.page).toBe(12);
    const housing = rowStarting(grid, '', '', '（二十）住房保障支出');
    expect(texts(housing)).toEqual(['', '', '（二十）住房保障支出', '1,302.95']);
    expect(housing[3].at.page).toBe(13);
    expect(texts(rowStarting(grid, '收入总计'))).toEqual(['收入总计', '4,651.67', '支出总计', '4,651.67']);
    expect(textBlocks(blocks).filter((b) => b.text.replace(/\s+/g, '') === '苏州市审计局2026年度部门预算公开')).toEqual(
      [],
    );
  });
});

describe('033.pdf (佛山市轨道交通局, 2019 final account): a table over three pages with title, unit line and header repeated', () => {
  it('reads the 收入支出决算总表 of pages 5–7 as one grid with its header (栏次 row included) once', async () => {
    const { blocks } = await readCorpus('033.pdf');
    const grid = gridAfter(blocks, /^表1收入支出决算总表$/);
    expect(grid.at.page).toBe(5);
    expect(grid.rows.filter((r) => r[0].text.replace(/\s+/g, '') === '栏次')).toHaveLength(1);
    const transport = rowStarting(grid, '', '13');
    expect(texts(transport)).toEqual(['', '13', '', '十三、交通运输支出', '39', '1531.04']);
    expect(transport[5].at.page).toBe(6);
    const total = rowStarting(grid, '总计');
    expect(texts(total)).toEqual(['总计', '26', '1668.14', '总计', '52', '1668.14']);
    expect(total[0].at.page).toBe(7);
    expect(blocks.filter((b) => b.type !== 'table' && b.text === '表1收入支出决算总表')).toHaveLength(1);
  });
});

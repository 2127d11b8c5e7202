import { describe, expect, it } from 'vitest';
import { readText } from '../../src/read/text.js';
import type { HeadingBlock } from '../../src/read/blocks.js';

function headings(text: string): Array<Pick<HeadingBlock, 'numbering' | 'number' | 'title'>> {
  return readText(text)
    .blocks.filter((b): b is HeadingBlock => b.type === 'heading')
    .map(({ numbering, number, title }) => ({ numbering, number, title }));
}

describe('text reader', () => {
  it('recognises every heading numbering form', () => {
    const text = [
      '## 第一部分 某单位概况',
      '',
      '一、主要职能',
      '',
      '### （一）机关运行经费情况',
      '',
      '(二) 政府采购情况',
      '',
      '1、项目名称',
      '',
      '2. 事业运行',
      '',
      '表一：',
      '',
      '表 1:',
      '',
      '表1',
      '',
      '# 项目支出绩效目标表',
    ].join('\n');
    expect(headings(text)).toEqual([
      { numbering: 'part', number: '一', title: '某单位概况' },
      { numbering: 'section', number: '一', title: '主要职能' },
      { numbering: 'subsection', number: '一', title: '机关运行经费情况' },
      { numbering: 'subsection', number: '二', title: '政府采购情况' },
      { numbering: 'item', number: '1', title: '项目名称' },
      { numbering: 'item', number: '2', title: '事业运行' },
      { numbering: 'table', number: '一', title: '' },
      { numbering: 'table', number: '1', title: '' },
      { numbering: 'table', number: '1', title: '' },
      { numbering: 'none', number: undefined, title: '项目支出绩效目标表' },
    ]);
  });

  it('keeps prose with a number and sentence punctuation as a paragraph', () => {
    const blocks = readText(
      '一、**财政拨款**：指由一般公共预算安排的财政拨款数。\n\n1. 一般公共服务支出（类）1901.34 万元，占 77.89%。',
    ).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(blocks[0].type === 'paragraph' && blocks[0].text).toBe('一、财政拨款：指由一般公共预算安排的财政拨款数。');
  });

  it('rejoins a sentence cut by a page break, but not a title followed by a label', () => {
    const blocks = readText(
      '机关运行经费财政拨款预算 221.61\n\n\n\n万元，比上年预算减少 56.02 万元。\n\n单位收支总体情况表\n\n编制部门：某单位',
    ).blocks;
    expect(blocks.map((b) => (b.type === 'table' ? '' : b.text))).toEqual([
      '机关运行经费财政拨款预算 221.61万元，比上年预算减少 56.02 万元。',
      '单位收支总体情况表',
      '编制部门：某单位',
    ]);
  });

  it('strips stray tags and Markdown marks, keeps cell positions', () => {
    const { blocks } = readText('x\n<b>预算单位</b>\t某单位\t\t<b>项目名称</b>\t甲\n');
    const table = blocks.find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.rows[0].map((c) => c.text)).toEqual(['预算单位', '某单位', '', '项目名称', '甲']);
    expect(table.rows[0][1].at).toEqual({ line: 2, column: 13 });
  });

  it('maps CJK radical code points to ordinary characters', () => {
    const { blocks } = readText('部\u2ed4预算\u2f08');
    expect(blocks[0].type !== 'table' && blocks[0].text).toBe('部门预算人');
  });

  it('records line and column of every block', () => {
    const { blocks } = readText('\n\n  # 标题 2022 年\n\n正文一段。');
    expect(blocks.map((b) => b.at)).toEqual([
      { line: 3, column: 3 },
      { line: 5, column: 1, endLine: 5 },
    ]);
  });
});

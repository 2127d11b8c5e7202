// Template families whose parts, sections and tables were not recognised and then reported missing: fixtures
// written by reading the pages of ../shared/corpus-wide (w01 上海, w62 重庆, w74 西安, w50/w51 北京), condensed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseText } from '../../src/extract/index.js';
import { audit } from '../../src/audit/index.js';
import { recogniseTableTitle, titleWords } from '../../src/catalog/tables.js';
import { groupPieces, joinPieces, pieceHolds } from '../../src/extract/join.js';
import { stripLeader, titleKey } from '../../src/extract/outline.js';
import { repoRoot } from '../support/paths.js';
import type { Disclosure } from '../../src/model/schema.js';

const fixture = (name: string) => resolve(repoRoot, 'tests/fixtures/templates', name);
const parse = (name: string) => parseText(readFileSync(fixture(name), 'utf8'), { file: name });
const errors = (doc: Disclosure, rule: string) => audit(doc).filter((f) => f.rule === rule && f.severity === 'error');

describe('上海: 目录 一、单位主要职能 … 六、其他相关情况说明, body titles printed without numbers', () => {
  const doc = parse('shanghai-w01.txt');
  it('the 目录 entries become the body parts where their titles are printed again', () => {
    expect(doc.parts.map((p) => p.number)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(doc.parts[0].title).toBe('上海交通职业技术学院（单位）主要职能');
    expect(doc.parts[4].title).toBe('单位预算表'); // no title of its own: starts at its first table
    expect(doc.parts[5].title).toBe('其他相关情况说明');
    expect(doc.toc.map((e) => e.title)).toContain('1. 2026年预算单位财务收支预算总表');
  });
  it("the unit is the cover's 预算单位, not the region before the year", () => {
    expect(doc.unit.name).toBe('上海交通职业技术学院');
    expect(errors(doc, 'unit-name')).toEqual([]);
  });
  it('六、其他相关情况说明 is read: 三公, 政府采购, 绩效, 国有资产; "本单位无机关运行经费" states none', () => {
    expect(doc.threePublic.items.find((f) => f.subject.key === 'total')?.amount?.text).toBe('67.59');
    expect(doc.procurement.total?.text).toBe('3,402.01');
    expect(doc.performance.projectCount?.value).toBe(4);
    expect(doc.assets.vehicles?.value).toBe(12);
    expect(doc.operatingCosts.fact?.amount).toBeUndefined();
    expect(doc.operatingCosts.fact?.text).toBe('本单位无机关运行经费。');
    expect(errors(doc, 'required-parts')).toEqual([]);
    expect(errors(doc, 'other-matters')).toEqual([]);
    expect(errors(doc, 'three-public-explained').map((f) => f.message)).not.toContain('缺少“三公”经费情况说明。');
  });
  it('四、单位预算编制说明 (no 一、二、…) is read as one explanation section', () => {
    const s = doc.narrative.find((x) => x.title === '2026年单位预算编制说明');
    expect(s?.topic).toBe('summary');
    expect(s?.facts.find((f) => f.label.includes('收入预算'))?.amount?.text).toBe('40,870');
  });
});

describe('目录 with dot leaders and page numbers', () => {
  const text = readFileSync(fixture('shanghai-w01.txt'), 'utf8')
    .replace('一、单位主要职能\n', '一、单位主要职能……………………3\n')
    .replace('四、单位预算编制说明\n', '四、单位预算编制说明.............6\n')
    .replace('六、其他相关情况说明\n', '六、其他相关情况说明 21\n')
    .replace('1. 2026年预算单位财务收支预算总表\n', '1. 2026年预算单位财务收支预算总表……7\n');
  const doc = parseText(text, { file: 'leaders.txt' });
  it('leaders and page numbers are not part of the titles', () => {
    expect(stripLeader('一、部门主要职能……………………3')).toBe('一、部门主要职能');
    expect(stripLeader('收支总表.......5')).toBe('收支总表');
    expect(titleKey('2026年单位预算编制说明')).toBe(titleKey('四、单位预算编制说明.............6'));
    expect(doc.parts.map((p) => p.number)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(doc.toc.find((e) => e.tableId)?.tableId).toBe('income-expenditure-summary');
    expect(errors(doc, 'toc-table-absent')).toEqual([]);
    expect(errors(doc, 'required-parts')).toEqual([]);
  });
});

describe('重庆: no 目录, no 第X部分 (一、单位基本情况 … 六、专业性名词解释)', () => {
  const doc = parse('chongqing-w62-no-toc.txt');
  it("the body's sections are the explanations; （一）机关运行经费。… paragraphs open subsections", () => {
    expect(doc.narrative.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(doc.operatingCosts.fact?.amount?.text).toBe('1,595.96');
    expect(doc.procurement.total?.text).toBe('6,546.82');
    expect(doc.assets.vehicles?.value).toBe(41);
    expect(doc.performance.text?.text).toMatch(/绩效目标管理/);
    expect(errors(doc, 'other-matters')).toEqual([]);
    expect(errors(doc, 'required-parts')).toEqual([]);
  });
  it('a 名词解释 entry naming 机关运行经费 does not undo the figure read', () => {
    expect(doc.narrative.find((s) => s.number === '六')?.facts).toEqual([]);
  });
});

describe('西安: the explanations numbered on across parts (十、… 十四、 under 第三部分 其他重要事项说明)', () => {
  const doc = parse('xian-w74-other-numbering.txt');
  it('十一、国有资产占有使用及资产购置情况说明 is the 国有资产 explanation; the others are read too', () => {
    expect(doc.assets.vehicles?.value).toBe(33);
    expect(doc.procurement.total?.text).toBe('786.32');
    expect(doc.operatingCosts.fact?.amount?.text).toBe('853.39');
    expect(doc.performance.text).toBeDefined();
    expect(errors(doc, 'other-matters')).toEqual([]);
  });
  it('会议费/培训费 printed beside the 三公 are their own items, not the general budget', () => {
    const meeting = doc.narrative.flatMap((s) => s.facts).find((f) => f.label.includes('会议费'));
    expect(meeting?.subject).toEqual({ kind: 'other', key: 'meeting' });
  });
});

describe('table titles with their numbering marks', () => {
  it.each([
    ['收支总表（预算表1）', 'income-expenditure-summary'],
    ['预算01表 收支总表', 'income-expenditure-summary'],
    ['预算05表 一般公共预算支出表', 'general-budget-expenditure'],
    ['附表3 支出总表', 'expenditure-summary'],
    ['表1-2 收入总表', 'income-summary'],
    ['部门预算表4 财政拨款收支总表', 'fiscal-appropriation-summary'],
    ['表三：一般公共预算“三公”经费支出情况表', 'three-public'],
  ])('%s → %s', (title, id) => {
    expect(recogniseTableTitle(title, 'budget')?.id).toBe(id);
  });
  it('marks go, the title words stay', () => {
    expect(titleWords('预算表12 项目支出绩效目标表')).toBe('项目支出绩效目标表');
    expect(titleWords('收入支出决算总表（决算表1）')).toBe('收入支出决算总表');
  });
});

describe('北京: 附件1 情况说明 + 附件2 报表, joined', () => {
  const explanation = parse('beijing-w50-explanation.txt');
  const tables = parse('beijing-w51-tables.txt');
  it('a file of tables alone is read: unit from 部门名称, year from （2026年度）', () => {
    expect(pieceHolds(tables)).toBe('tables');
    expect(tables.unit.name).toBe('北京城市副中心工程建设管理办公室');
    expect(tables.year).toBe(2026);
    expect(tables.tablesPresent).toEqual(['income-expenditure-summary', 'income-summary']);
  });
  it('the explanation alone: every table of its 目录 is not found (a reading failure: 0 tables read)', () => {
    expect(pieceHolds(explanation)).toBe('explanation');
    expect(explanation.warnings.filter((w) => w.code === 'table-absent')).toHaveLength(2);
    expect(explanation.tablesPresent).toEqual([]);
  });
  it('joined: the tables are present, the toc-table-absent findings gone, each part keeps its file', () => {
    const groups = groupPieces([tables, explanation], (d) => d);
    expect(groups).toHaveLength(1);
    expect(groups[0][0]).toBe(explanation); // explanation first, whatever the input order
    const doc = joinPieces(groups[0]);
    expect(errors(doc, 'toc-table-absent')).toEqual([]);
    expect(doc.warnings.filter((w) => w.code === 'table-absent')).toEqual([]);
    expect(audit(doc).filter((f) => f.message.includes('识别到 0 张表'))).toEqual([]);
    expect(doc.tablesPresent).toEqual(['income-expenditure-summary', 'income-summary']);
    expect(doc.title.text).toBe(explanation.title.text);
    expect(doc.source.pieces?.map((p) => [p.file, p.holds])).toEqual([
      ['beijing-w50-explanation.txt', 'explanation'],
      ['beijing-w51-tables.txt', 'tables'],
    ]);
    expect(doc.tables.find((t) => t.id === 'income-summary')?.at?.file).toBe('beijing-w51-tables.txt');
    expect(doc.narrative[0].at.file).toBe('beijing-w50-explanation.txt');
    expect(doc.figures.incomeTotal).toBe(30939.11647);
  });
  it('pieces of other units or years are not joined', () => {
    const other = { ...tables, unit: { ...tables.unit, name: '北京市水务局' } };
    expect(groupPieces([explanation, other], (d) => d)).toHaveLength(2);
    const lastYear = { ...tables, year: 2025 };
    expect(groupPieces([explanation, lastYear], (d) => d)).toHaveLength(2);
  });
});

// The classification rules on the cases the catalogue and the reading cannot settle: unknown, regional, retired and
// renamed codes, names of other codes, remembered names, and sums or depths over codes that may have been misread.
import { describe, expect, it } from 'vitest';
import { ruleById } from '../../src/audit/index.js';
import { disclosureFrom, runRule, testRule } from '../../src/audit/rule-tester.js';

const rule = (id: string) => {
  const r = ruleById(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const gb = (rows: object[], year = 2022) => ({
  year,
  tables: [{ id: 'general-budget-expenditure', title: '一般公共预算支出情况表', rows }],
});
const one = (code: string, label: string, year = 2022) => gb([{ code, label, cells: { total: '1.00万元' } }], year);

describe('classification-code (errors)', () => {
  it('reports only a known code printed with a name the catalogue has seen printed otherwise', () => {
    expect(
      testRule(rule('classification-code'), {
        valid: [
          { name: 'regional economic sub-code', doc: one('3010201', '规范性津补贴') },
          { name: 'regional function sub-code', doc: one('201030101', '某地细化科目') },
          { name: 'unknown but well formed', doc: one('2010397', '某项新增科目') },
          { name: 'first seen in 2026, asked for 2022', doc: one('21298', '超长期特别国债安排的支出') },
          { name: 'name only remembered by the catalogue', doc: one('20101', '人大常委会事务') },
          { name: 'printed name of 2026, 2026 document', doc: one('21505', '工业和信息产业', 2026) },
          { name: 'name of another edition', doc: one('20805', '行政事业单位离退休') },
          { name: 'name of another code: code column out of line', doc: one('20103', '行政运行') },
          { name: 'truncated name', doc: one('2080505', '机关事业单位基本养老保险缴费', 2026) },
          { name: 'a unit name in the code column', doc: one('222', '西安市交通运输局', 2026) },
          { name: 'retired code', doc: one('2040404', '查办和预防职务犯罪') },
          { name: 'an organisation code read as a code', doc: one('125001', '西安市安全生产监督管理局') },
          { name: 'a 款 printed short', doc: one('05', '行政事业单位离退休') },
        ],
        invalid: [
          {
            name: 'seed-attested class, wrong name',
            doc: one('201', '外交支出与国防'),
            messages: ['codeNameMismatch'],
          },
          {
            name: 'corpus-attested 2026 款, wrong name',
            doc: one('21298', '超长期特别国债资金', 2026),
            messages: ['codeNameMismatch'],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('reports one wrong pair once per document, its other printings as related places', () => {
    const row = { code: '201', label: '外交支出与国防', cells: { total: '1.00万元' } };
    const doc = disclosureFrom({
      tables: [
        { id: 'general-budget-expenditure', title: '一般公共预算支出情况表', rows: [row] },
        { id: 'expenditure-summary', title: '支出总表', rows: [{ ...row, at: { line: 300, column: 1 } }] },
      ],
    });
    const reports = runRule(rule('classification-code'), doc);
    expect(reports).toHaveLength(1);
    expect(reports[0].related).toHaveLength(1);
  });
});

describe('classification-code-unconfirmed (warnings)', () => {
  it('names what the catalogue or the reading cannot confirm', () => {
    expect(
      testRule(rule('classification-code-unconfirmed'), {
        valid: [
          { doc: one('2010301', '行政运行') },
          { doc: one('3010201', '规范性津补贴') },
          { doc: one('21505', '工业和信息产业', 2026) },
        ],
        invalid: [
          { doc: one('2010397', '某项新增科目'), messages: ['codeUnconfirmed'] },
          { doc: one('21298', '超长期特别国债安排的支出'), messages: ['codeUnconfirmed'] },
          { doc: one('2040404', '查办和预防职务犯罪'), messages: ['codeRetired'] },
          { doc: one('20805', '行政事业单位离退休'), messages: ['codeOtherEditionName'] },
          { doc: one('21505', '工业和信息产业监管', 2026), messages: ['codeOtherEditionName'] },
          { doc: one('2080505', '机关事业单位基本养老保险缴费', 2026), messages: ['codeNameCut'] },
          { doc: one('20103', '行政运行'), messages: ['codeNameOfOtherCode'] },
          {
            name: 'the name seen printed in 2026, in a 2022 document',
            doc: one('2080701', '就业创业服务补助'),
            messages: ['codeOtherEditionName'],
          },
          {
            name: 'a name unlike the one the catalogue remembers',
            doc: one('20101', '人大常委会事务'),
            messages: ['codeNameUnconfirmed'],
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('classification-hierarchy: silent where codes may be misread', () => {
  const table = (rows: Array<[string, string, string]>) =>
    gb([
      { kind: 'total', label: '合计', cells: { total: rows[0][2] } },
      ...rows.map(([code, label, total]) => ({ code, label, cells: { total } })),
    ]);
  it('reports a wrong 款 over known codes, not one over a code the catalogue does not confirm', () => {
    expect(
      testRule(rule('classification-hierarchy'), {
        valid: [
          {
            name: 'a child with an unknown code',
            doc: table([
              ['201', '一般公共服务支出', '30.00万元'],
              ['20103', '政府办公厅（室）及相关机构事务', '30.00万元'],
              ['2010301', '行政运行', '10.00万元'],
              ['2010397', '某项新增科目', '15.00万元'],
            ]),
          },
          {
            name: 'a child printing another code’s name',
            doc: table([
              ['201', '一般公共服务支出', '30.00万元'],
              ['20103', '政府办公厅（室）及相关机构事务', '30.00万元'],
              ['2010301', '行政运行', '10.00万元'],
              ['2010302', '事业运行', '15.00万元'],
            ]),
          },
          {
            name: 'a 款 printed twice, once for its 项 (the code cut short)',
            doc: table([
              ['219', '援助其他地区支出', '502.00万元'],
              ['21999', '其他支出', '502.00万元'],
              ['21999', '其他支出', '502.00万元'],
            ]),
          },
        ],
        invalid: [
          {
            name: 'one wrong 款 over known codes',
            doc: table([
              ['201', '一般公共服务支出', '30.00万元'],
              ['20103', '政府办公厅（室）及相关机构事务', '30.00万元'],
              ['2010301', '行政运行', '10.00万元'],
              ['2010302', '一般行政管理事务', '15.00万元'],
            ]),
            messages: ['hierarchyMismatch'],
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('classification-hierarchy: regional sub-codes add up to their 款', () => {
  const basic = (sub2: string) => ({
    tables: [
      {
        id: 'general-budget-basic-expenditure',
        title: '一般公共预算基本支出情况表',
        rows: [
          { kind: 'total', label: '合计', cells: { total: '30.00万元' } },
          { code: '301', label: '工资福利支出', cells: { total: '30.00万元' } },
          { code: '30102', label: '津贴补贴', cells: { total: '30.00万元' } },
          { code: '3010201', label: '规范性津补贴', cells: { total: '10.00万元' } },
          { code: '3010202', label: '其他津补贴', cells: { total: sub2 } },
        ],
      },
    ],
  });
  it('does not count a 款 and its sub-codes twice in the 类, and checks the 款 against its sub-codes', () => {
    expect(
      testRule(rule('classification-hierarchy'), {
        valid: [{ doc: basic('20.00万元') }],
        invalid: [{ doc: basic('25.00万元'), messages: ['hierarchyMismatch'] }],
      }),
    ).toEqual([]);
  });
});

describe('classification-hierarchy: subtotals rounded from unrounded figures', () => {
  const table = (grand: string) =>
    gb([
      { kind: 'total', label: '合计', cells: { total: grand } },
      { code: '201', label: '一般公共服务支出', cells: { total: '10.02万元' } },
      { code: '20103', label: '政府办公厅（室）及相关机构事务', cells: { total: '10.02万元' } },
      { code: '2010301', label: '行政运行', cells: { total: '5.01万元' } },
      { code: '2010302', label: '一般行政管理事务', cells: { total: '5.03万元' } },
      { code: '205', label: '教育支出', cells: { total: '1.00万元' } },
      { code: '20508', label: '进修及培训', cells: { total: '1.00万元' } },
      { code: '2050803', label: '培训支出', cells: { total: '1.00万元' } },
    ]);
  it('accepts a 合计 equal to the sum of the lowest rows, and reports one that equals neither', () => {
    // 20103 prints 10.02 over 项 of 10.04 (a gap of its own, reported); the 合计 is judged here
    const reports = (grand: string) =>
      runRule(rule('classification-hierarchy'), disclosureFrom(table(grand))).filter(
        (r) => (r.data as Record<string, unknown> | undefined)?.row === '合计',
      );
    expect(reports('11.04万元')).toEqual([]);
    expect(reports('11.02万元')).toEqual([]);
    expect(reports('11.10万元')).toHaveLength(1);
  });
});

describe('classification-depth: silent where children may not have been read', () => {
  it('reports a 款 without 项 only when its codes are confirmed and nothing uncoded follows it', () => {
    expect(
      testRule(rule('classification-depth'), {
        valid: [
          {
            name: 'uncoded rows follow: their codes were not read',
            doc: gb([
              { code: '201', label: '一般公共服务支出', cells: { total: '5.00万元' } },
              { label: '行政运行', cells: { total: '5.00万元' } },
            ]),
          },
          {
            name: 'a code with no children in the catalogue',
            doc: gb([{ code: '227', label: '预备费', cells: { total: '5.00万元' } }]),
          },
          {
            name: 'a row of the same class with an unknown code',
            doc: gb([
              { code: '201', label: '一般公共服务支出', cells: { total: '5.00万元' } },
              { code: '20103', label: '政府办公厅（室）及相关机构事务', cells: { total: '5.00万元' } },
              { code: '2019797', label: '某项新增科目', cells: { total: '5.00万元' } },
            ]),
          },
        ],
        invalid: [
          {
            doc: gb([
              { code: '201', label: '一般公共服务支出', cells: { total: '5.00万元' } },
              { code: '20103', label: '政府办公厅（室）及相关机构事务', cells: { total: '5.00万元' } },
            ]),
            messages: ['classificationTooShallow'],
          },
        ],
      }),
    ).toEqual([]);
  });
});

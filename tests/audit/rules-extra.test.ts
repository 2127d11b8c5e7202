// Cases beyond the doc pages' examples: edge cases of tolerance, abbreviations and structure, run with testRule.
import { describe, expect, it } from 'vitest';
import { ruleById } from '../../src/audit/index.js';
import { testRule } from '../../src/audit/rule-tester.js';

const rule = (id: string) => {
  const r = ruleById(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
const gb = (rows: object[]) => ({
  tables: [{ id: 'general-budget-expenditure', title: '一般公共预算支出情况表', rows }],
});

describe('tolerances follow printed precision', () => {
  it('row-identity: 0.01 short across three 0.01 figures passes, 0.02 fails; integers carry ±0.5 each', () => {
    expect(
      testRule(rule('row-identity'), {
        valid: [
          {
            name: 'gap 0.01',
            doc: gb([{ code: '2010301', cells: { total: '100.01万元', basic: '60.00万元', project: '40.00万元' } }]),
          },
          {
            name: 'integers printed alike',
            doc: gb([{ code: '2010301', cells: { total: '101万元', basic: '60万元', project: '40万元' } }]),
          },
          {
            name: 'trailing zeros dropped read at companions’ precision',
            doc: gb([{ code: '2010301', cells: { total: '1503.16万元', basic: '1346.16万元', project: '157万元' } }]),
          },
        ],
        invalid: [
          {
            name: 'gap 0.02',
            doc: gb([{ code: '2010301', cells: { total: '100.02万元', basic: '60.00万元', project: '40.00万元' } }]),
            messages: ['rowIdentityMismatch'],
          },
          {
            name: 'integer dropped zeros, real gap',
            doc: gb([{ code: '2010301', cells: { total: '1503.16万元', basic: '1346.16万元', project: '158万元' } }]),
            messages: ['rowIdentityMismatch'],
          },
        ],
      }),
    ).toEqual([]);
  });

  it('narrative-amount: two printings agree when their intervals (v ± half the last printed digit) meet', () => {
    const doc = (amount: string) => ({
      ...gb([
        { kind: 'total', label: '合计', cells: { total: '1503.16万元', basic: '1346.16万元', project: '157万元' } },
      ]),
      narrative: [
        {
          number: '五',
          title: '一般公共预算当年拨款情况说明',
          topic: 'generalBudget',
          facts: [{ subject: { kind: 'basic' }, label: '基本支出', amount }],
        },
      ],
    });
    expect(
      testRule(rule('narrative-amount'), {
        valid: [
          { doc: doc('1346.16万元') },
          { name: 'one last digit apart: [1346.165, 1346.175] meets [1346.155, 1346.165]', doc: doc('1346.17万元') },
          { name: 'coarser', doc: doc('1346.2万元') },
          { name: '元 with four more digits', doc: doc('13461600元') },
        ],
        invalid: [
          { name: 'two last digits apart: the intervals do not meet', doc: doc('1346.18万元') },
          { name: 'coarser but off', doc: doc('1346.3万元') },
        ],
      }),
    ).toEqual([]);
  });

  it('change-arithmetic: a decrease uses current + change as the previous year; words must agree', () => {
    const doc = (change: object) => ({
      narrative: [
        {
          number: '三',
          title: '支出',
          topic: 'expenditure',
          facts: [
            {
              subject: { kind: 'project' },
              label: '项目支出',
              amount: '157万元',
              change,
              reason: { text: '专项减少' },
            },
          ],
        },
      ],
    });
    expect(
      testRule(rule('change-arithmetic'), {
        valid: [
          { doc: doc({ direction: 'decrease', word: '减少', amount: '17万元', rateWord: '下降', percent: '9.77%' }) },
        ],
        invalid: [
          {
            name: 'rate on the current year',
            doc: doc({ direction: 'decrease', word: '减少', amount: '17.00万元', rateWord: '下降', percent: '10.83%' }),
            messages: ['changeRateMismatch'],
          },
          {
            name: 'words disagree',
            doc: doc({ direction: 'decrease', word: '减少', amount: '17万元', rateWord: '增长', percent: '9.77%' }),
            messages: ['changeWordsConflict'],
          },
        ],
      }),
    ).toEqual([]);
  });
});

describe('names', () => {
  it('unit-name: abbreviations and province prefixes pass; another place fails', () => {
    const doc = (name: string, mention: string) => ({
      unit: { name, mentions: [{ name: mention, role: 'table-preparer' }], subordinateUnits: [] },
    });
    expect(
      testRule(rule('unit-name'), {
        valid: [
          { doc: doc('克孜勒苏柯尔克孜自治州人民政府办公室', '克州人民政府办公室') },
          { doc: doc('新疆昌吉州政务服务和公共资源交易管理局', '昌吉回族自治州政务服务和公共资源交易管理局') },
          { doc: doc('乌尔禾区人民政府办公室', '新疆维吾尔自治区乌尔禾区人民政府办公室') },
        ],
        invalid: [
          { doc: doc('乌尔禾区人民政府办公室', '新疆维吾尔自治区乌鲁木齐市人民政府办公室') },
          { doc: doc('乌尔禾区人民政府办公室', '乌鲁木齐市人民政府办公室') },
          { doc: doc('新疆巴州人民政府办公室', '新疆巴州财政局') },
        ],
      }),
    ).toEqual([]);
  });

  it('classification-code: an alias and a trailing parent name pass; another name for a printed code fails', () => {
    const doc = (code: string, label: string) => gb([{ code, label, cells: { total: '1.00万元' } }]);
    expect(
      testRule(rule('classification-code'), {
        valid: [
          { doc: doc('2010301', '行政运行（政府办公厅（室）及相关机构事务）') },
          { doc: doc('201', '一般公共服务') },
          // unknown, truncated and regional codes are the unconfirmed rule's warnings, not errors
          { doc: doc('2010397', '不存在的科目') },
          { doc: doc('20103', '政府办公厅(室)及相关机构事') },
          { doc: doc('3010201', '规范性津补贴') },
        ],
        invalid: [{ doc: doc('201', '外交支出与国防'), messages: ['codeNameMismatch'] }],
      }),
    ).toEqual([]);
  });

  it('classification-code-unconfirmed: a truncated name and an unknown code are warnings; a regional sub-code passes', () => {
    const doc = (code: string, label: string) => gb([{ code, label, cells: { total: '1.00万元' } }]);
    expect(
      testRule(rule('classification-code-unconfirmed'), {
        valid: [{ doc: doc('2010301', '行政运行') }, { doc: doc('3010201', '规范性津补贴') }],
        invalid: [
          { doc: doc('20103', '政府办公厅(室)及相关机构事'), messages: ['codeNameCut'] },
          { doc: doc('2010397', '不存在的科目'), messages: ['codeUnconfirmed'] },
        ],
      }),
    ).toEqual([]);
  });
});

describe('structure', () => {
  it('classification-hierarchy: organisation rows equal their units; a department block is summed once', () => {
    const doc = (unitTotal: string) =>
      gb([
        { kind: 'total', label: '合计', cells: { total: '550.00万元' } },
        { kind: 'organisation', label: '政府办', orgCode: '002', cells: { total: '550.00万元' } },
        { kind: 'organisation', label: '乌尔禾区政府办公室', orgCode: '002002', cells: { total: unitTotal } },
        { code: '201', label: '一般公共服务支出', cells: { total: '524.96万元' } },
        { code: '208', label: '社会保障和就业支出', cells: { total: '25.04万元' } },
      ]);
    expect(
      testRule(rule('classification-hierarchy'), {
        valid: [{ doc: doc('550.00万元') }],
        invalid: [{ doc: doc('540.00万元') }],
      }),
    ).toEqual([]);
  });
});

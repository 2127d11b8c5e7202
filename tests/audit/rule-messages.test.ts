// Every message key a rule declares is shown by at least one failing example — on the rule's doc page or below — and
// each failing case here has passing neighbours that guard against false errors. Figures are worked out in the comments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from '../../src/audit/index.js';
import { testRule, type RuleCase } from '../../src/audit/rule-tester.js';
import { repoRoot } from '../support/paths.js';

const rule = (id: string) => {
  const r = ruleById(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

const section = (number: string, title: string, topic: string, facts: object[], paragraphs: object[] = []) => ({
  number,
  title,
  topic,
  facts,
  paragraphs,
});

/** Cases by rule id: invalid cases name the message keys they must produce. */
const CASES: Record<string, { valid: RuleCase[]; invalid: RuleCase[] }> = {
  'change-arithmetic': (() => {
    const doc = (change: object) => ({
      narrative: [
        section('三', '支出预算情况说明', 'expenditure', [
          { subject: { kind: 'project' }, label: '项目支出', amount: '157万元', change, reason: { text: '新增项目' } },
        ]),
      ],
    });
    return {
      valid: [
        // increase: previous = 157 − 17 = 140; 17 ÷ 140 = 12.142…% → 12.14%
        {
          name: 'increase, words agree',
          doc: doc({ direction: 'increase', word: '增加', amount: '17万元', rateWord: '增长', percent: '12.14%' }),
        },
        // decrease: previous = 157 + 17 = 174; 17 ÷ 174 = 9.770…% → 9.77%
        {
          name: 'decrease, words agree',
          doc: doc({ direction: 'decrease', word: '减少', amount: '17万元', rateWord: '下降', percent: '9.77%' }),
        },
      ],
      invalid: [
        // the rate is right for an increase (12.14%) but its word says 下降
        {
          name: '增加 with 下降',
          doc: doc({ direction: 'increase', word: '增加', amount: '17万元', rateWord: '下降', percent: '12.14%' }),
          messages: ['changeWordsConflict'],
        },
      ],
    };
  })(),

  'classification-code': (() => {
    const doc = (names: string[]) => ({
      narrative: [
        section('五', '一般公共预算当年拨款情况说明', 'generalBudget', [
          { subject: { kind: 'function', names }, label: names[names.length - 1], amount: '10万元' },
        ]),
      ],
    });
    return {
      valid: [
        {
          name: '201 > 20103 > 2010301, a real path',
          doc: doc(['一般公共服务支出', '政府办公厅(室)及相关机构事务', '行政运行']),
        },
      ],
      invalid: [
        // 教育管理事务 is the 款 20501 of 205 教育支出, not a 款 of 201: every name is known, the path is not
        {
          name: 'a 款 of 教育支出 put under 一般公共服务支出',
          doc: doc(['一般公共服务支出', '教育管理事务']),
          messages: ['narrativeNameUnknown'],
        },
      ],
    };
  })(),

  'classification-code-unconfirmed': (() => {
    const row = (code: string, label: string) => ({
      tables: [
        {
          id: 'general-budget-expenditure',
          title: '一般公共预算支出情况表',
          rows: [{ code, label, cells: { total: '1.00万元' } }],
        },
      ],
    });
    const path = (names: string[]) => ({
      narrative: [
        section('五', '一般公共预算当年拨款情况说明', 'generalBudget', [
          { subject: { kind: 'function', names }, label: names[names.length - 1], amount: '10万元' },
        ]),
      ],
    });
    return {
      valid: [
        { name: '2010301 行政运行, its 2022 name', doc: row('2010301', '行政运行') },
        { name: '20103 with the half-width brackets of its name', doc: row('20103', '政府办公厅(室)及相关机构事务') },
        { name: 'a real narrative path', doc: path(['一般公共服务支出', '政府办公厅(室)及相关机构事务', '行政运行']) },
      ],
      invalid: [
        // 2040404 is listed only by an earlier edition (a 2017 document), not by 2022's
        {
          name: 'a code only earlier editions list',
          doc: row('2040404', '查办和预防职务犯罪'),
          messages: ['codeRetired'],
        },
        // 政府办公厅（室）及相关机构事务 with its last two characters missing
        { name: 'a name cut short', doc: row('20103', '政府办公厅(室)及相关机构'), messages: ['codeNameCut'] },
        // 一般行政管理事务 is the name of 2010302, printed against 2010301
        {
          name: "the neighbour code's name",
          doc: row('2010301', '一般行政管理事务'),
          messages: ['codeNameOfOtherCode'],
        },
        // 20501 教育管理事务 is only known from a reference list, not a printed document: another name cannot be judged
        {
          name: 'a name unlike the one the catalogue only remembers',
          doc: row('20501', '教育行政事务'),
          messages: ['codeNameUnconfirmed'],
        },
        // 某某新设事务 names no entry of any edition
        {
          name: 'a narrative 款 name no edition has',
          doc: path(['一般公共服务支出', '某某新设事务']),
          messages: ['narrativeNameUnconfirmed'],
        },
      ],
    };
  })(),

  'document-kind': {
    valid: [
      {
        name: 'a budget part named for its own kind',
        doc: { parts: [{ number: '一', title: '2022年单位预算情况说明' }] },
      },
      {
        name: 'a final account may speak of its budget',
        doc: {
          kind: 'final_account',
          parts: [
            { number: '一', title: '2022年单位决算情况说明' },
            { number: '二', title: '2022年单位预算批复情况' },
          ],
        },
      },
    ],
    invalid: [
      {
        name: 'a 单位预算 part titled 决算',
        doc: { parts: [{ number: '三', title: '2022年单位决算情况说明' }] },
        messages: ['kindWordWrong'],
      },
    ],
  },

  'fiscal-year': {
    valid: [
      {
        name: 'table and part of the fiscal year',
        doc: {
          tables: [{ id: 'income-expenditure-summary', title: '单位收支总体情况表', year: 2022 }],
          parts: [{ number: '一', title: '2022年单位预算公开' }],
        },
      },
    ],
    invalid: [
      {
        name: "a table's 预算年度 of the year before",
        doc: { tables: [{ id: 'income-expenditure-summary', title: '单位收支总体情况表', year: 2021 }] },
        messages: ['tableYearWrong'],
      },
      {
        name: 'a part titled with the year before',
        doc: { parts: [{ number: '一', title: '2021年单位预算公开' }] },
        messages: ['partYearWrong'],
      },
    ],
  },

  'required-tables': (() => {
    // every other standard table announced in the 目录, so only the table under test can be reported
    const toc = [
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'general-budget-project-expenditure',
      'three-public',
      'government-fund-expenditure',
      'state-capital-expenditure',
    ].map((tableId) => ({ title: tableId, tableId }));
    const doc = (status: string, cells?: object) => ({
      toc,
      tables: [
        {
          id: 'general-budget-basic-expenditure',
          title: '一般公共预算基本支出情况表',
          status,
          rows: [{ kind: 'total', label: '合计', ...(cells ? { cells } : {}) }],
        },
      ],
    });
    return {
      valid: [{ name: 'the table printed with its figures', doc: doc('present', { total: '1.00万元' }) }],
      invalid: [
        {
          // 上海 (w08 p14): a 基本支出 table printed with its header and an empty 合计 row
          name: 'a table printed blank',
          doc: doc('empty'),
          messages: ['standardTablePrintedBlank'],
        },
        { name: 'the table neither announced nor printed', doc: { toc }, messages: ['standardTableMissing'] },
      ],
    };
  })(),

  'empty-table-statement': (() => {
    const doc = (sentence: string) => ({
      tables: [
        { id: 'state-capital-expenditure', title: '国有资本经营预算支出表', rows: [{ kind: 'total', label: '合计' }] },
      ],
      narrative: [section('二', '收入预算情况说明', 'income', [], [{ text: sentence }])],
    });
    return {
      valid: [
        // 北京: the 收入 section lists each income with 0 元 where there is none
        { name: 'the fund’s income stated as 0 元', doc: doc('3.国有资本经营预算拨款收入 0 元。') },
        { name: 'the fund’s income stated as 0万元', doc: doc('国有资本经营预算拨款收入0万元。') },
      ],
      invalid: [
        {
          name: 'the fund’s income is 1.0 万元 (a 0 after a decimal point is not a zero)',
          doc: doc('国有资本经营预算拨款收入1.0万元。'),
          messages: ['emptyTableWithoutStatement'],
        },
        { name: 'no statement', doc: doc('一般公共预算拨款收入 10 元。'), messages: ['emptyTableWithoutStatement'] },
      ],
    };
  })(),

  'fund-table-consistency': (() => {
    const doc = (fund: string, elsewhere: string, carried?: string) => ({
      tables: [
        {
          id: 'government-fund-expenditure',
          title: '政府性基金预算支出情况表',
          rows: [{ code: '2120801', label: '征地和拆迁补偿支出', cells: { total: fund } }],
        },
        {
          id: 'fiscal-appropriation-summary',
          title: '财政拨款收支总体情况表',
          rows: [
            { side: 'income', key: 'governmentFund', label: '政府性基金预算', cells: { total: elsewhere } },
            ...(carried
              ? [
                  { side: 'income', key: 'priorYearBalance', label: '上年结转结余', cells: { total: carried } },
                  { side: 'income', label: '二、政府性基金预算拨款', cells: { total: carried } },
                ]
              : []),
          ],
        },
      ],
    });
    return {
      valid: [
        { name: 'filled, and the fund is 10.00 in the 财政拨款收支总表', doc: doc('10.00万元', '10.00万元') },
        { name: 'empty, and the fund is zero elsewhere', doc: doc('0.00万元', '0.00万元') },
        {
          name: 'filled from last year’s balance: zero this year, 10.00 among the parts of 上年结转结余',
          doc: doc('10.00万元', '0.00万元', '10.00万元'),
        },
      ],
      invalid: [
        {
          name: 'filled, but the fund is zero in the 财政拨款收支总表',
          doc: doc('10.00万元', '0.00万元'),
          messages: ['fundTableButNoFigures'],
        },
      ],
    };
  })(),

  'operating-costs': (() => {
    const doc = (operating: string, extra: object = {}) => ({
      operatingCosts: {
        fact: { subject: { kind: 'operatingCosts' }, label: '机关运行经费', amount: operating },
        ...extra,
      },
      narrative: [
        section('六', '一般公共预算基本支出情况说明', 'basic', [
          { subject: { kind: 'public' }, label: '公用经费', amount: '184.11万元' },
        ]),
      ],
    });
    return {
      valid: [
        { name: 'no 事业单位: the same 184.11', doc: doc('184.11万元') },
        { name: 'with 事业单位 the 机关 part may be smaller', doc: doc('180.00万元', { institutionUnits: '2个' }) },
      ],
      // 180.00 < 184.11, so not "exceeds"; with no 事业单位 it should be the same figure
      invalid: [
        {
          name: 'no 事业单位 and 180.00 against 184.11',
          doc: doc('180.00万元'),
          messages: ['operatingCostsDifferFromPublic'],
        },
      ],
    };
  })(),

  'procurement-sums': (() => {
    // 100 + 5 + 60 = 165
    const doc = (over: object) => ({
      procurement: { total: '165万元', goods: '100万元', works: '5万元', services: '60万元', ...over },
    });
    return {
      valid: [
        // 150 ÷ 165 = 90.909…% → 90.91%
        {
          name: 'parts within the whole, share recomputed',
          doc: doc({ sme: '150万元', smallMicro: '100万元', smeShare: '90.91%' }),
        },
        {
          name: '中小企业 equal to the total',
          doc: doc({ sme: '165万元', smallMicro: '165万元', smeShare: '100.00%' }),
        },
        // whole 万元: 151 ([150.5, 151.5]) and 150 ([149.5, 150.5]) meet, so 小微企业 may be the same amount
        {
          name: '小微企业 151 against 150, within printed precision',
          doc: doc({ sme: '150万元', smallMicro: '151万元' }),
        },
      ],
      invalid: [
        {
          name: '中小企业 170 above the total 165',
          doc: doc({ sme: '170万元' }),
          messages: ['procurementPartExceeds'],
        },
        // whole 万元: 152 stands for [151.5, 152.5], wholly above 150's [149.5, 150.5]
        {
          name: '小微企业 152 above 中小企业 150',
          doc: doc({ sme: '150万元', smallMicro: '152万元' }),
          messages: ['procurementPartExceeds'],
        },
        {
          name: 'share with its digits swapped (90.19% for 90.91%)',
          doc: doc({ sme: '150万元', smeShare: '90.19%' }),
          messages: ['procurementShareMismatch'],
        },
      ],
    };
  })(),

  'project-amounts': (() => {
    const projects = [
      { name: '公务接待费', amount: '40万元' },
      { name: '业务活动经费', amount: '50万元' },
    ];
    const project = (amount: string) => ({
      narrative: [
        section('五', '一般公共预算当年拨款情况说明', 'generalBudget', [
          { subject: { kind: 'project' }, label: '项目支出', amount },
        ]),
      ],
    });
    return {
      valid: [
        { name: 'two projects, "项目2个"', doc: { projects, performance: { projectCount: '2个' } } },
        {
          name: 'the performance amount is the 项目支出 90',
          doc: { ...project('90万元'), performance: { amount: '90万元' } },
        },
        {
          name: 'a final account states no such count',
          doc: { kind: 'final_account', projects, performance: { projectCount: '3个' } },
        },
      ],
      invalid: [
        {
          name: 'two projects listed, "项目3个" stated',
          doc: { projects, performance: { projectCount: '3个' } },
          messages: ['projectCountMismatch'],
        },
        {
          name: '涉及预算金额 95 against a 项目支出 of 90',
          doc: { ...project('90万元'), performance: { amount: '95万元' } },
          messages: ['performanceAmountMismatch'],
        },
      ],
    };
  })(),

  'repeated-figure': (() => {
    const doc = (second: string) => ({
      narrative: [
        section('五', '一般公共预算当年拨款情况说明', 'generalBudget', [
          { subject: { kind: 'basic' }, label: '基本支出', amount: '1346.16万元' },
        ]),
        section('六', '一般公共预算基本支出情况说明', 'basic', [
          { subject: { kind: 'basic' }, label: '基本支出', amount: second },
        ]),
      ],
    });
    return {
      valid: [
        { name: 'stated alike', doc: doc('1346.16万元') },
        // 1346.2 stands for [1346.15, 1346.25], which holds 1346.16
        { name: 'stated coarser once', doc: doc('1346.2万元') },
      ],
      invalid: [
        { name: '1346.26 in 六 against 1346.16 in 五', doc: doc('1346.26万元'), messages: ['repeatedAmountDiffers'] },
      ],
    };
  })(),

  'self-evaluation': (() => {
    type Fund = Record<string, string>;
    const doc = (funds: Fund[], indicators: Fund[] = [], totalScore?: string) => ({
      kind: 'final_account',
      performance: {
        selfEvaluations: [{ project: '信息系统运维', funds, indicators, ...(totalScore ? { totalScore } : {}) }],
      },
    });
    // 220.00 ÷ 228.00 = 96.491…% → 96.49%; 10 × 96.49% = 9.649 → 9.65 at two decimals
    const partial = (score: string): Fund => ({
      label: '年度资金总额',
      initialBudget: '220.00万元',
      fullYearBudget: '228.00万元',
      executed: '220.00万元',
      weight: '10',
      executionRate: '96.49%',
      score,
    });
    // 228.00 ÷ 228.00 = 100.00%; 10 × 100% = 10
    const full: Fund = {
      label: '年度资金总额',
      initialBudget: '220.00万元',
      fullYearBudget: '228.00万元',
      executed: '228.00万元',
      weight: '10',
      executionRate: '100.00%',
      score: '10.00分',
    };
    const sources = (other: string): Fund[] => [
      { label: '财政拨款', initialBudget: '210.00万元', fullYearBudget: '228.00万元', executed: '228.00万元' },
      { label: '其他资金', initialBudget: other, fullYearBudget: '0.00万元', executed: '0.00万元' },
    ];
    const ind = (name: string, weight: string, score: string): Fund => ({
      level1: '产出指标',
      level2: '数量指标',
      name,
      target: '=1套',
      weight,
      score,
    });
    return {
      valid: [
        { name: 'funds score 9.65 = 10 × 96.49%', doc: doc([partial('9.65分')]) },
        // 210 + 10 = 220; 228 + 0 = 228; 228 + 0 = 228
        { name: 'sources add up in each column', doc: doc([full, ...sources('10.00万元')]) },
        // 10 + 45 + 45 = 100
        {
          name: 'scores within weights, 总分 their sum',
          doc: doc([full], [ind('平台', '45', '45'), ind('满意度', '45', '45')], '100.00分'),
        },
        {
          name: 'a 总分 with a score not given is not summed',
          doc: doc([full], [ind('平台', '45', '45'), { ...ind('满意度', '45', ''), score: '' }], '100.00分'),
        },
      ],
      invalid: [
        // 9.00 is 0.649 below 9.649, beyond ±(0.005 + 10 × 0.00005)
        {
          name: 'funds score 9.00 for 10 × 96.49%',
          doc: doc([partial('9.00分')]),
          messages: ['executionScoreMismatch'],
        },
        // 10 + 25 = 35 stated as the 总分, so only the indicator is wrong
        {
          name: 'an indicator scored 25 of 20',
          doc: doc([full], [ind('平台', '20', '25')], '35分'),
          messages: ['indicatorScoreExceedsWeight'],
        },
        // 10 + 45 + 44 = 99, printed 100.00
        {
          name: '总分 100 for scores adding up to 99',
          doc: doc([full], [ind('平台', '45', '45'), ind('满意度', '45', '44')], '100.00分'),
          messages: ['totalScoreMismatch'],
        },
        // 210 + 5 = 215 ≠ 220 in the 年初预算数 column only
        {
          name: 'the sources of the 年初预算数 add up to 215, not 220',
          doc: doc([full, ...sources('5.00万元')]),
          messages: ['fundSourcesMismatch'],
        },
      ],
    };
  })(),

  'table-unit': (() => {
    const table = (id: string, title: string, unit: string) => ({
      id,
      title,
      unit,
      rows: [{ kind: 'total', label: '合计', cells: { total: '140.00万元' } }],
    });
    return {
      valid: [
        {
          name: 'every table in 万元',
          doc: {
            tables: [
              table('income-expenditure-summary', '收支总体情况表', '万元'),
              table('income-summary', '收入总体情况表', '万元'),
              table('three-public', '“三公”经费支出情况表', '万元'),
            ],
          },
        },
      ],
      // two tables in 万元 make it the document's unit; the one in 元 differs
      invalid: [
        {
          name: 'one table of three in 元',
          doc: {
            tables: [
              table('income-expenditure-summary', '收支总体情况表', '万元'),
              table('income-summary', '收入总体情况表', '万元'),
              table('three-public', '“三公”经费支出情况表', '元'),
            ],
          },
          messages: ['tableUnitDiffers'],
        },
      ],
    };
  })(),

  'template-residue': {
    valid: [
      {
        name: 'a reading warning of another kind',
        doc: { warnings: [{ code: 'duplicate-table', message: '收支总表出现两次' }] },
      },
      {
        name: 'an amount written out',
        doc: {
          narrative: [
            section(
              '十',
              '其他重要事项的情况说明',
              'other',
              [],
              [{ text: '政府采购预算165万元，其中：政府采购货物预算100万元。' }],
            ),
          ],
        },
      },
    ],
    invalid: [
      {
        name: 'the reader saw a blank 其他资金 cell',
        doc: { warnings: [{ code: 'performance-blank-value', message: '绩效目标表“其他资金”未填金额' }] },
        messages: ['blankValue'],
      },
    ],
  },

  'three-public-explained': (() => {
    const flat = (key: string, label: string) => ({
      subject: { kind: 'threePublic', key },
      label,
      amount: '0万元',
      change: { direction: 'flat', word: '增加', amount: '0万元' },
    });
    const three = [
      flat('overseas', '因公出国(境)费'),
      flat('vehiclePurchase', '公务用车购置费'),
      flat('vehicleOperation', '公务用车运行费'),
    ];
    const reception = (text: string) => ({
      subject: { kind: 'threePublic', key: 'reception' },
      label: '公务接待费',
      amount: '40万元',
      text,
    });
    return {
      valid: [
        {
          name: 'every item, the last unchanged in words',
          doc: { threePublic: { items: [...three, reception('公务接待费40万元，与上年持平。')] } },
        },
        { name: 'a final account without a 三公 table or explanation', doc: { kind: 'final_account' } },
      ],
      invalid: [
        { name: 'a budget without a 三公 explanation', doc: {}, messages: ['threePublicMissing'] },
        { name: '公务接待费 not stated', doc: { threePublic: { items: three } }, messages: ['threePublicItemMissing'] },
        {
          name: '公务接待费 stated without a change',
          doc: { threePublic: { items: [...three, reception('公务接待费40万元。')] } },
          messages: ['threePublicChangeMissing'],
        },
        {
          // 北京's template: the total's change and reason, then each item's amount and use only
          name: 'the change and reason stated on the total only',
          doc: {
            threePublic: {
              items: [
                {
                  subject: { kind: 'threePublic', key: 'total' },
                  label: '“三公”经费',
                  amount: '140万元',
                  change: { direction: 'increase', word: '增加', amount: '10万元' },
                  reason: { text: '更新车辆' },
                },
                ...three,
                reception('公务接待费40万元，主要用于接待来访。'),
              ],
            },
          },
          messages: ['threePublicChangeOnTotalOnly'],
        },
      ],
    };
  })(),

  'variance-rate': (() => {
    const doc = (amount: string, budgetAmount: string, varianceRate: string) => ({
      kind: 'final_account',
      narrative: [
        section('三', '支出决算情况说明', 'expenditure', [
          { subject: { kind: 'expenditure' }, label: '本年支出', amount, budgetAmount, varianceRate },
        ]),
      ],
    });
    return {
      valid: [
        { name: 'nothing budgeted, nothing spent, 0.00%', doc: doc('0.00万元', '0.00万元', '0.00%') },
        // (228 − 220) ÷ 220 = 3.636…% → 3.64%
        { name: 'rate recomputed', doc: doc('228.00万元', '220.00万元', '3.64%') },
      ],
      invalid: [
        {
          name: 'a rate against a zero budget',
          doc: doc('5.00万元', '0.00万元', '100.00%'),
          messages: ['varianceAgainstZero'],
        },
      ],
    };
  })(),

  'vehicle-categories': (() => {
    const doc = (general: string) => ({
      assets: {
        vehicles: '12辆',
        vehiclesValue: '489.11万元',
        vehicleCategories: [
          { name: '一般公务用车', count: '1辆', value: general },
          { name: '执法执勤用车', count: '0辆', value: '0万元' },
          { name: '其他车辆', count: '11辆', value: '469.00万元' },
        ],
      },
    });
    return {
      // 1 + 0 + 11 = 12 vehicles; 20.11 + 0 + 469.00 = 489.11
      valid: [{ name: 'counts and values add up', doc: doc('20.11万元') }],
      // 20.00 + 0 + 469.00 = 489.00, not 489.11
      invalid: [{ name: 'values 0.11 short', doc: doc('20.00万元'), messages: ['vehicleValueMismatch'] }],
    };
  })(),
};

/** The message keys each rule's doc page shows in a failing example (```json fail key…). */
function pageFailures(id: string): Set<string> {
  const md = readFileSync(path.join(repoRoot, 'docs/rules', `${id}.md`), 'utf8');
  const keys = new Set<string>();
  for (const m of md.matchAll(/```json fail([^\n]*)\n/g))
    for (const k of m[1].trim().split(/\s+/).filter(Boolean)) keys.add(k);
  return keys;
}

describe('rule messages', () => {
  for (const [id, cases] of Object.entries(CASES)) {
    it(`${id}: valid cases pass, invalid ones report the keys named`, () => {
      expect(testRule(rule(id), cases)).toEqual([]);
    });
  }

  it('every message key of every rule appears in a failing example (its doc page or the cases above)', () => {
    const missing: string[] = [];
    for (const r of RULES) {
      const shown = pageFailures(r.meta.id);
      for (const c of CASES[r.meta.id]?.invalid ?? []) for (const k of c.messages ?? []) shown.add(k);
      for (const key of r.meta.messages) if (!shown.has(key)) missing.push(`${r.meta.id}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('cases name only rules that exist and keys those rules declare', () => {
    for (const [id, cases] of Object.entries(CASES)) {
      const declared = new Set<string>(rule(id).meta.messages);
      for (const c of cases.invalid) {
        expect(c.messages?.length, `${id}: ${c.name}`).toBeGreaterThan(0);
        for (const k of c.messages ?? []) expect(declared.has(k), `${id}: ${k}`).toBe(true);
      }
    }
  });
});

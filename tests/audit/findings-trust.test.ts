// Findings that can be trusted: intervals from printed precision, reading doubts instead of errors where a figure was
// not read with certainty, one finding per cause, comparisons only between the same subject and kind of quantity,
// and PDF places by page. Cases are seed 003 (parsed from its text) changed the way misreadings change a table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import { audit, READING_DOUBT, ruleById, type Finding } from '../../src/audit/index.js';
import { disclosureFrom, testRule } from '../../src/audit/rule-tester.js';
import { compareEqual, compareSum } from '../../src/audit/support.js';
import { makeAmount } from '../../src/model/money.js';
import { placeText } from '../../src/audit/report.js';
import { readingSectionLines } from '../../src/audit/reading-confidence.js';
import type { Amount } from '../../src/model/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed003 = parseText(readFileSync(path.resolve(repoRoot, '../shared/seeds/003_783022c0c0399fdf.txt'), 'utf8'), {
  file: '003.txt',
});
const wan = (text: string): Amount => makeAmount(text, '万元')!;
const rule = (id: string) => ruleById(id)!;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

function shiftCents(a: Amount | null | undefined, cents: number): void {
  if (!a) throw new Error('no amount');
  a.minor += cents * 10 ** (a.scale - 2);
  const digits = String(a.minor).padStart(a.scale + 1, '0');
  a.text = `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}`;
}

describe('intervals from printed precision (XBRL Calculations 1.1)', () => {
  it('two printings to 0.01 meet when one last digit apart, not when two apart', () => {
    expect(compareEqual(wan('1346.17'), wan('1346.16')).ok).toBe(true);
    expect(compareEqual(wan('1346.18'), wan('1346.16')).ok).toBe(false);
    // a coarser printing stands for a wider interval: 1346.2 is [1346.15, 1346.25]
    expect(compareEqual(wan('1346.2'), wan('1346.16')).ok).toBe(true);
    expect(compareEqual(wan('1346.3'), wan('1346.16')).ok).toBe(false);
  });

  it('a total and its parts: inconsistent only when [t ± ½ulp] and [Σp ± n·½ulp] do not meet', () => {
    // three figures to 0.01: intervals meet up to 0.015 apart
    expect(compareSum(wan('100.01'), [wan('60.00'), wan('40.00')]).ok).toBe(true);
    expect(compareSum(wan('100.02'), [wan('60.00'), wan('40.00')]).ok).toBe(false);
  });
});

describe('reading doubts (读取存疑)', () => {
  const tableId = 'general-budget-expenditure';

  it('a table with cells that could not be read: its findings become one doubt on the table, naming them', () => {
    const doc = structuredClone(seed003);
    const table = doc.tables.find((t) => t.id === tableId)!;
    // the reader left digits it could not read as amounts, and one total is off (as a misread would make it)
    const row = table.rows.find((r) => r.classification?.code === '2010301')!;
    const cell = row.cells.find((c) => c.column === 'basic')!;
    cell.text = '1, 162. 05184. 11';
    cell.amount = null;
    const without = errors(audit(doc, { readingDoubts: false })).filter((f) =>
      f.location.table?.includes('一般公共预算支出'),
    );
    expect(without.length).toBeGreaterThan(0);
    const findings = audit(doc);
    expect(errors(findings).filter((f) => f.location.table?.includes('一般公共预算支出'))).toEqual([]);
    const doubts = findings.filter((f) => f.rule === READING_DOUBT && f.location.table?.includes('一般公共预算支出'));
    expect(doubts).toHaveLength(1);
    expect(doubts[0].severity).toBe('warning');
    expect(doubts[0].message).toMatch(
      /^读取存疑：“[^”]*一般公共预算支出[^”]*”有 1 个金额未能读出；据此得出的 \d+ 项检查结果未作为错误报告/,
    );
    expect(doubts[0].also!.map((a) => a.rule)).toContain('row-identity');
  });

  it('a table read with certainty keeps a real misprint as an error (one wrong cell breaks a few sums, no misreading explains it)', () => {
    const doc = structuredClone(seed003);
    const row = doc.tables.find((t) => t.id === tableId)!.rows.find((r) => r.classification?.code === '2010301')!;
    shiftCents(row.cells.find((c) => c.column === 'basic')!.amount, 100);
    const findings = audit(doc);
    expect(findings.some((f) => f.rule === READING_DOUBT && f.location.table?.includes('一般公共预算支出'))).toBe(
      false,
    );
    expect(errors(findings).some((f) => f.rule === 'row-identity' && f.location.row?.includes('2010301'))).toBe(true);
  });

  it('no table read: a reading failure, never "all consistent"; the missing-table findings are held back', () => {
    const doc = structuredClone(seed003);
    doc.tables = [];
    const findings = audit(doc);
    const doubt = findings.find((f) => f.rule === READING_DOUBT && f.location.section === '公开表');
    expect(doubt?.message).toMatch(/未读出任何表格中的金额/);
    expect(errors(findings).filter((f) => f.rule === 'toc-table-absent')).toEqual([]);
    expect(readingSectionLines([]).join('\n')).toMatch(/未读出任何表格（读取失败/);
    expect(readingSectionLines([]).join('\n')).not.toMatch(/全部表格读取一致/);
  });

  it('a table announced but with no amount read is a doubt', () => {
    const doc = structuredClone(seed003);
    const table = doc.tables.find((t) => t.id === tableId)!;
    for (const r of table.rows) r.cells = [];
    const findings = audit(doc);
    expect(
      findings.some(
        (f) =>
          f.rule === READING_DOUBT &&
          f.location.table?.includes('一般公共预算支出') &&
          /未读出任何金额/.test(f.message),
      ),
    ).toBe(true);
  });

  it('no 情况说明 recognised: "missing" explanations are one doubt, not errors', () => {
    const doc = structuredClone(seed003);
    doc.narrative = [];
    doc.threePublic.items = [];
    doc.operatingCosts = {};
    const findings = audit(doc);
    expect(errors(findings).filter((f) => ['other-matters', 'three-public-explained'].includes(f.rule))).toEqual([]);
    const doubt = findings.find((f) => f.rule === READING_DOUBT && f.location.section === '情况说明');
    expect(doubt?.message).toMatch(/未能识别情况说明的章节/);
    expect(doubt?.also?.some((a) => a.rule === 'other-matters')).toBe(true);
  });

  it('an item the text does name (公务接待费 0.00 万元) but the reader did not take out is a doubt, not "未说明"', () => {
    const doc = structuredClone(seed003);
    const before = errors(audit(doc)).filter((f) => f.rule === 'three-public-explained');
    doc.threePublic.items = doc.threePublic.items.filter((f) => f.subject.key !== 'reception');
    const after = audit(doc);
    expect(errors(after).filter((f) => f.rule === 'three-public-explained')).toEqual(before);
    expect(after.some((f) => f.rule === READING_DOUBT && f.also?.some((a) => /公务接待费/.test(a.message)))).toBe(true);
  });
});

describe('one cause, one finding', () => {
  it('a wrong 合计 in the 支出总表 is one finding; the sums and tables it breaks are folded into it as related places', () => {
    const doc = structuredClone(seed003);
    const table = doc.tables.find((t) => t.id === 'expenditure-summary')!;
    const total = table.rows.find((r) => r.kind === 'total')!;
    shiftCents(total.cells.find((c) => c.column === 'total')!.amount, 100);
    const ungrouped = errors(audit(doc, { groupCauses: false })).filter((f) =>
      [f.location, ...(f.related ?? [])].some((p) => p.table === table.title || p.table?.endsWith(table.title)),
    );
    expect(ungrouped.length).toBeGreaterThan(1);
    const grouped = errors(audit(doc)).filter((f) =>
      [f.location, ...(f.related ?? [])].some((p) => p.table?.endsWith(table.title) && p.row === '合计'),
    );
    expect(grouped).toHaveLength(1);
    const rules = new Set([grouped[0].rule, ...(grouped[0].also ?? []).map((a) => a.rule)]);
    for (const f of ungrouped) expect(rules).toContain(f.rule);
  });

  it('missing explanations are each their own cause, even when they point at the same section', () => {
    const doc = structuredClone(seed003);
    doc.procurement = { ...doc.procurement, total: undefined, goods: undefined, services: undefined, works: undefined };
    doc.performance = {
      ...doc.performance,
      projectCount: undefined,
      amount: undefined,
      text: undefined,
      targets: [],
      selfEvaluations: [],
    };
    const grouped = audit(doc).filter((f) => f.rule === 'other-matters');
    const ungrouped = audit(doc, { groupCauses: false }).filter((f) => f.rule === 'other-matters');
    expect(grouped.length).toBe(ungrouped.length);
  });
});

describe('same subject, same kind of quantity', () => {
  const gb = {
    tables: [
      {
        id: 'general-budget-expenditure',
        title: '一般公共预算支出情况表',
        rows: [
          {
            kind: 'total',
            label: '合计',
            cells: { total: '4651.67万元', basic: '4000.00万元', project: '651.67万元' },
          },
        ],
      },
    ],
  };
  const fact = (label: string, amount: string, subject: object = { kind: 'generalBudget' }, text = label) => ({
    ...gb,
    narrative: [
      {
        number: '九',
        title: '一般公共预算当年拨款情况说明',
        topic: 'generalBudget',
        facts: [{ subject, label, amount, text }],
        paragraphs: [{ text }],
      },
    ],
  });

  it('narrative-amount: 会议费, 委托业务费 and 上年结转 sentences are not compared with the total; the total itself is', () => {
    expect(
      testRule(rule('narrative-amount'), {
        valid: [
          { name: '会议费', doc: fact('一般公共预算拨款安排的会议费预算支出', '10万元') },
          { name: '委托业务费', doc: fact('一般公共预算安排委托业务费', '1368.02万元') },
          { name: '上年结转', doc: fact('上年结转结余的一般公共预算收入', '0万元') },
        ],
        invalid: [{ name: 'the total, misprinted', doc: fact('一般公共预算支出', '4651.87万元') }],
      }),
    ).toEqual([]);
  });

  it('narrative-amount: a class named after 其中 in a sentence about 项目支出 is that part of the class, not the class', () => {
    const doc = (text: string) => ({
      tables: [
        {
          id: 'general-budget-expenditure',
          title: '一般公共预算支出情况表',
          rows: [
            {
              code: '201',
              label: '一般公共服务支出',
              cells: { total: '1935.36万元', basic: '1517.95万元', project: '417.41万元' },
            },
          ],
        },
      ],
      narrative: [
        {
          number: '四',
          title: '一般公共预算拨款支出',
          topic: 'generalBudget',
          facts: [
            {
              subject: { kind: 'function', code: '201' },
              label: '一般公共服务支出',
              amount: '417.41万元',
              text: '一般公共服务支出417.41万元',
            },
          ],
          paragraphs: [{ text }],
        },
      ],
    });
    expect(
      testRule(rule('narrative-amount'), {
        valid: [{ doc: doc('项目支出 651.67 万元，其中：一般公共服务支出 417.41 万元，主要用于信访业务。') }],
        invalid: [{ name: 'the class itself', doc: doc('一般公共服务支出 417.41 万元，主要用于信访业务。') }],
      }),
    ).toEqual([]);
  });

  it('share: recomputed against the base its sentence names; a share of the 预算 is not one of a 决算 total', () => {
    const section = (facts: object[]) => ({
      kind: 'final_account',
      narrative: [{ number: '五', title: '支出决算情况说明', topic: 'expenditure', facts }],
    });
    const total = {
      subject: { kind: 'expenditure' },
      label: '本年支出合计',
      amount: '1000.00万元',
      text: '本年支出合计1000.00万元',
    };
    const budget = { subject: { kind: 'other' }, label: '年初预算', amount: '800.00万元', text: '年初预算800.00万元' };
    const basic = (text: string, share: string) => ({
      subject: { kind: 'basic' },
      label: '基本支出',
      amount: '400.00万元',
      share,
      text,
    });
    expect(
      testRule(rule('share'), {
        valid: [
          {
            name: 'share of the 年初预算 named, not of the 决算 total',
            doc: section([total, basic('基本支出400.00万元，占年初预算的50.00%', '50.00%')]),
          },
          {
            name: 'named base found before it',
            doc: section([budget, total, basic('基本支出400.00万元，占年初预算50.00%', '50.00%')]),
          },
          {
            name: 'the total before it',
            doc: section([total, basic('基本支出400.00万元，占本年支出合计的40.00%', '40.00%')]),
          },
        ],
        invalid: [
          {
            name: 'named base found, share wrong',
            doc: section([budget, total, basic('基本支出400.00万元，占年初预算40.00%', '40.00%')]),
          },
          {
            name: 'the total before it, share wrong',
            doc: section([total, basic('基本支出400.00万元，占本年支出合计的45.00%', '45.00%')]),
          },
        ],
      }),
    ).toEqual([]);
  });

  it('fiscal-year: a year after 比/较 is the basis of the comparison, not the figure’s year', () => {
    const doc = (text: string) => ({
      narrative: [
        {
          number: '一',
          title: '机关运行经费',
          topic: 'other',
          facts: [{ subject: { kind: 'operatingCosts' }, label: '年初预算', year: 2021, text }],
        },
      ],
    });
    expect(
      testRule(rule('fiscal-year'), {
        valid: [{ doc: doc('较2021年年初预算减少379.46万元，下降13.2%') }],
        invalid: [{ doc: doc('2021年机关运行经费预算379.46万元') }],
      }),
    ).toEqual([]);
  });
});

describe('places a person can follow', () => {
  it('a finding on a PDF names its page and box; the text report shows the page, not the internal line', () => {
    const doc = disclosureFrom({
      tables: [
        {
          id: 'general-budget-expenditure',
          title: '一般公共预算支出情况表',
          rows: [{ code: '2010301', cells: { total: '100.05万元', basic: '60.00万元', project: '40.00万元' } }],
        },
      ],
    });
    doc.source.format = 'pdf';
    const row = doc.tables[0].rows[0];
    row.at = { ...row.at, page: 7, box: [50, 100, 500, 112] };
    const f = audit(doc).find((x) => x.rule === 'row-identity')!;
    expect(f.location).toMatchObject({ page: 7, box: [50, 100, 500, 112] });
    expect(placeText(f.location)).toMatch(/^第7页 · /);
    expect(placeText(f.location)).not.toMatch(/行 ·|第\d+行/);
  });
});

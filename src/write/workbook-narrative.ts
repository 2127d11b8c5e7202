// The explanation sections of a model read from an input workbook, composed from its tables: every amount the
// standard explanation states (totals, sources, 基本/项目, classes with their shares, 项 items, 人员/公用经费) is
// taken from the table that holds it; changes and reasons come afterwards from the 变动原因 sheet. A table the
// workbook lacks gives no statement (nothing is invented).
import type { Amount, Disclosure, Fact, NarrativeSection, Subject, Table, TableId, TableRow } from '../model/schema.js';
import { minorOf, percent, shareMinor } from './numbers.js';
import { chineseNumber } from './phrases.js';
import { sectionTitle } from './workbook-sheets.js';

const AT = { line: 1, column: 1 };

function cell(row: TableRow | undefined, column: string): Amount | undefined {
  return row?.cells.find((c) => c.column === column)?.amount ?? undefined;
}

const minor = (a: Amount | undefined) => (a ? minorOf(a) : 0);

interface FactInput {
  subject: Subject;
  label: string;
  amount: Amount | undefined;
  /** the share's denominator */
  whole?: Amount;
  year?: number;
}

function fact(x: FactInput): Fact {
  const amount = x.amount ?? { minor: 0, scale: 2, unit: '万元' as const, text: '0.00' };
  const f: Fact = {
    subject: x.subject,
    label: x.label,
    amount,
    text: `${x.label}${amount.text}${amount.unit}`,
    at: AT,
  };
  if (x.year) f.year = x.year;
  if (x.whole) f.share = percent(shareMinor(minorOf(amount), minorOf(x.whole)));
  return f;
}

/** Composes the standard explanation sections from the tables (none when the workbook holds no table). */
export function composeNarrative(doc: Disclosure): NarrativeSection[] {
  const tables = new Map(
    doc.tables.filter((t) => t.status === 'present' || t.status === 'empty').map((t) => [t.id, t] as const),
  );
  // blank tables (the template as it comes) state nothing
  if (![...tables.values()].some((t) => t.rows.some((r) => r.cells.some((c) => c.amount)))) return [];
  const table = (id: TableId): Table | undefined => tables.get(id);
  const keyed = (id: TableId, key: string, side?: 'income' | 'expenditure') =>
    table(id)?.rows.find((r) => r.key === key && (!side || r.side === side));
  const totalRow = (id: TableId) => table(id)?.rows.find((r) => r.kind === 'total');
  const budget = doc.kind === 'budget';
  const gbId: TableId = budget ? 'general-budget-expenditure' : 'final-general-budget-expenditure';
  const gbTotal = totalRow(gbId);
  const gb = cell(gbTotal, 'total');
  const gbRows = (level: 'class' | 'item') =>
    (table(gbId)?.rows ?? []).filter((r) => r.classification?.level === level && minor(cell(r, 'total')) > 0);
  const namesOf = (code: string) =>
    [code.slice(0, 3), code.slice(0, 5), code].map(
      (c) => table(gbId)?.rows.find((r) => r.classification?.code === c)?.label ?? '',
    );
  const classFacts = (whole: Amount | undefined) =>
    gbRows('class').map((r) =>
      fact({
        subject: { kind: 'function', code: r.classification!.code, names: [r.label] },
        label: `${r.label}（类）`,
        amount: cell(r, 'total'),
        whole,
      }),
    );
  const itemFacts = () =>
    gbRows('item').map((r) => {
      const names = namesOf(r.classification!.code);
      return fact({
        subject: { kind: 'function', code: r.classification!.code, names },
        label: `${names[0]}（类）${names[1]}（款）${names[2]}（项）`,
        amount: cell(r, 'total'),
        year: doc.year,
      });
    });
  const basicTotal = totalRow(budget ? 'general-budget-basic-expenditure' : 'final-general-budget-basic-expenditure');
  const gfTotal = cell(totalRow(budget ? 'government-fund-expenditure' : 'final-government-fund'), 'total');
  const present = (...facts: Array<Fact | false | undefined>) => facts.filter((f): f is Fact => !!f);

  const sections: Array<[string, Fact[]]> = [];
  if (budget) {
    const total = cell(keyed('income-expenditure-summary', 'incomeTotal', 'income'), 'budget');
    const income = totalRow('income-summary');
    const expenditure = totalRow('expenditure-summary');
    const fiscal = keyed('fiscal-appropriation-summary', 'incomeTotal', 'income');
    const sources: Array<[string, string]> = [
      ['generalBudget', '一般公共预算'],
      ['governmentFund', '政府性基金预算'],
      ['stateCapital', '国有资本经营预算'],
      ['businessIncome', '事业收入'],
      ['otherIncome', '单位其他资金收入'],
    ];
    sections.push(
      [
        'summary',
        present(
          total && fact({ subject: { kind: 'total', key: 'incomeExpenditure' }, label: '收支总预算', amount: total }),
        ),
      ],
      [
        'income',
        present(
          total && fact({ subject: { kind: 'income', key: 'budget' }, label: '收入预算', amount: total }),
          ...sources
            .filter(([k]) => minor(cell(income, k)) > 0)
            .map(([key, label]) =>
              fact({ subject: { kind: 'fund', key }, label, amount: cell(income, key), whole: total }),
            ),
        ),
      ],
      [
        'expenditure',
        present(
          total && fact({ subject: { kind: 'expenditure', key: 'budget' }, label: '支出预算', amount: total }),
          expenditure &&
            fact({ subject: { kind: 'basic' }, label: '基本支出', amount: cell(expenditure, 'basic'), whole: total }),
          minor(cell(expenditure, 'project')) > 0 &&
            fact({
              subject: { kind: 'project' },
              label: '项目支出',
              amount: cell(expenditure, 'project'),
              whole: total,
            }),
        ),
      ],
      [
        'fiscal',
        present(
          fiscal &&
            fact({
              subject: { kind: 'fiscalAppropriation', key: 'total' },
              label: '财政拨款收支总预算',
              amount: cell(fiscal, 'total'),
            }),
          ...classFacts(undefined),
        ),
      ],
      [
        'generalBudget',
        present(
          gbTotal && fact({ subject: { kind: 'generalBudget' }, label: '一般公共预算拨款合计', amount: gb }),
          gbTotal && fact({ subject: { kind: 'basic' }, label: '基本支出', amount: cell(gbTotal, 'basic') }),
          minor(cell(gbTotal, 'project')) > 0 &&
            fact({ subject: { kind: 'project' }, label: '项目支出', amount: cell(gbTotal, 'project') }),
          ...classFacts(gb),
          ...itemFacts(),
        ),
      ],
    );
  } else {
    const summary = (key: string, side: 'income' | 'expenditure') =>
      cell(keyed('final-income-expenditure-summary', key, side), 'final');
    const currentIncome = summary('currentYearIncome', 'income');
    const income = totalRow('final-income');
    const expenditure = totalRow('final-expenditure');
    const spent = cell(expenditure, 'total');
    const fiscal = (key: string, side: 'income' | 'expenditure') =>
      cell(keyed('final-fiscal-appropriation-summary', key, side), 'total');
    sections.push(
      [
        'summary',
        present(
          summary('incomeTotal', 'income') &&
            fact({
              subject: { kind: 'total', key: 'income' },
              label: '收入总计',
              amount: summary('incomeTotal', 'income'),
            }),
          summary('expenditureTotal', 'expenditure') &&
            fact({
              subject: { kind: 'total', key: 'expenditure' },
              label: '支出总计',
              amount: summary('expenditureTotal', 'expenditure'),
            }),
        ),
      ],
      [
        'income',
        present(
          currentIncome &&
            fact({ subject: { kind: 'income', key: 'currentYear' }, label: '本年收入', amount: currentIncome }),
          income &&
            fact({
              subject: { kind: 'fund', key: 'fiscalAppropriation' },
              label: '财政拨款收入',
              amount: cell(income, 'fiscalAppropriation'),
              whole: currentIncome,
            }),
          ...(
            [
              ['businessIncome', '事业收入'],
              ['otherIncome', '其他收入'],
            ] as const
          )
            .filter(([k]) => minor(cell(income, k)) > 0)
            .map(([key, label]) =>
              fact({ subject: { kind: 'fund', key }, label, amount: cell(income, key), whole: currentIncome }),
            ),
        ),
      ],
      [
        'expenditure',
        present(
          expenditure &&
            fact({ subject: { kind: 'expenditure', key: 'currentYear' }, label: '本年支出', amount: spent }),
          expenditure &&
            fact({ subject: { kind: 'basic' }, label: '基本支出', amount: cell(expenditure, 'basic'), whole: spent }),
          expenditure &&
            fact({
              subject: { kind: 'project' },
              label: '项目支出',
              amount: cell(expenditure, 'project'),
              whole: spent,
            }),
        ),
      ],
      [
        'fiscal',
        present(
          fiscal('incomeTotal', 'income') &&
            fact({
              subject: { kind: 'fiscalAppropriation', key: 'incomeTotal' },
              label: '财政拨款收入总计',
              amount: fiscal('incomeTotal', 'income'),
            }),
          fiscal('expenditureTotal', 'expenditure') &&
            fact({
              subject: { kind: 'fiscalAppropriation', key: 'expenditureTotal' },
              label: '财政拨款支出总计',
              amount: fiscal('expenditureTotal', 'expenditure'),
            }),
        ),
      ],
      [
        'generalBudget',
        present(
          gbTotal &&
            fact({ subject: { kind: 'generalBudget' }, label: '一般公共预算财政拨款支出', amount: gb, whole: spent }),
          ...classFacts(gb),
          ...itemFacts(),
        ),
      ],
    );
  }
  sections.push([
    'basic',
    present(
      basicTotal &&
        fact({
          subject: { kind: 'basic' },
          label: budget ? '一般公共预算基本支出' : '一般公共预算财政拨款基本支出',
          amount: cell(basicTotal, 'total'),
        }),
      basicTotal && fact({ subject: { kind: 'personnel' }, label: '人员经费', amount: cell(basicTotal, 'personnel') }),
      basicTotal && fact({ subject: { kind: 'public' }, label: '公用经费', amount: cell(basicTotal, 'public') }),
    ),
  ]);
  if (budget) sections.push(['project', []]);
  sections.push(
    ['threePublic', []],
    [
      'governmentFund',
      present(
        minor(gfTotal) > 0 &&
          fact({ subject: { kind: 'fund', key: 'governmentFund' }, label: '政府性基金预算拨款', amount: gfTotal }),
      ),
    ],
    ['stateCapital', []],
    ['other', []],
  );
  return sections.map(([topic, facts], i) => ({
    number: chineseNumber(i + 1),
    title: sectionTitle(doc, topic),
    topic,
    facts,
    paragraphs: [],
    at: AT,
  }));
}

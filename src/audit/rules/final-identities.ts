// Narrative (决算): the final-account identities as the narrative states them — 收入总计 = 本年收入 + 使用非财政拨款结余 +
// 年初结转和结余; 支出总计 = 本年支出 + 结余分配 + 年末结转和结余; 本年收入 = its sources; 本年支出 = 基本 + 项目 + …;
// 财政拨款收入总计 = 年初结转和结余 + 本年收入. Declared below as data over the narrative's subjects.
import type { Rule } from '../types.js';
import type { Fact } from '../../model/schema.js';
import { compareSum, factPlace, sectionOfLine, uniqueFacts } from '../support.js';

/** A subject as kind[:key]; a part listed as "fund:*" means every fund fact of that section. */
interface Identity {
  name: string;
  total: string;
  parts: string[];
}

const IDENTITIES: Identity[] = [
  {
    name: '收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
    total: 'total:income',
    parts: ['income:currentYear', 'other:nonFiscalBalanceUsed', 'other:priorYearBalance'],
  },
  {
    name: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余',
    total: 'total:expenditure',
    parts: ['expenditure:currentYear', 'other:balanceDistribution', 'other:yearEndBalance'],
  },
  { name: '本年收入 = 各项收入', total: 'income:currentYear', parts: ['fund:*'] },
  {
    name: '本年支出 = 基本支出 + 项目支出 + 上缴上级 + 经营支出 + 对附属单位补助',
    total: 'expenditure:currentYear',
    parts: ['basic', 'project', 'other:remittanceToSuperior', 'other:operatingExpenditure', 'other:subsidiaryGrants'],
  },
  {
    name: '财政拨款收入总计 = 年初财政拨款结转和结余 + 财政拨款本年收入',
    total: 'fiscalAppropriation:incomeTotal',
    parts: ['other:fiscalPriorYearBalance', 'fiscalAppropriation:currentYearIncome'],
  },
  {
    name: '财政拨款支出总计 = 财政拨款本年支出 + 年末财政拨款结转和结余',
    total: 'fiscalAppropriation:expenditureTotal',
    parts: ['fiscalAppropriation:currentYearExpenditure', 'other:fiscalYearEndBalance'],
  },
];

function subjectOf(f: Fact): string {
  return f.subject.key ? `${f.subject.kind}:${f.subject.key}` : f.subject.kind;
}

export const rule: Rule = {
  meta: {
    id: 'final-identities',
    category: 'arithmetic',
    severity: 'error',
    docs: {
      description:
        'In a final account the totals the narrative states follow the final-account identities: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + ' +
        '年初结转和结余; 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余; 本年收入 = its sources; 本年支出 = 基本 + 项目 + 上缴上级 + 经营 + ' +
        '对附属单位补助; 财政拨款收入总计 = 年初结转和结余 + 本年收入.',
    },
    messages: ['finalIdentityMismatch'],
  },
  check({ doc, report }) {
    if (doc.kind !== 'final_account') return;
    // the first statement of each subject with an amount (later ones compare it with the budget)
    const facts = uniqueFacts(doc).filter(({ fact }) => fact.amount && !fact.budgetAmount);
    for (const identity of IDENTITIES) {
      const bySection = identity.parts.includes('fund:*');
      // a sum over a section's items takes the total stated in that section
      const total = facts.find(
        ({ fact, section }) =>
          subjectOf(fact) === identity.total &&
          (!bySection || facts.some((f) => f.section === section && f.fact.subject.kind === 'fund')),
      );
      if (!total) continue;
      const parts: Fact[] = [];
      for (const p of identity.parts) {
        if (p === 'fund:*') {
          // the income sources stated in the same section as the 本年收入
          parts.push(
            ...facts
              .filter(({ fact, section }) => section === total.section && fact.subject.kind === 'fund')
              .map(({ fact }) => fact),
          );
        } else {
          const f = facts.find(({ fact }) => subjectOf(fact) === p);
          if (f) parts.push(f.fact);
        }
      }
      // the identity needs its main part; the zero-valued extras may be left unsaid
      if (
        parts.length === 0 ||
        (!identity.parts[0].includes('*') && !facts.some(({ fact }) => subjectOf(fact) === identity.parts[0]))
      )
        continue;
      const c = compareSum(
        total.fact.amount!,
        parts.map((p) => p.amount!),
      );
      if (c.ok) continue;
      report({
        messageId: 'finalIdentityMismatch',
        data: { identity: identity.name, expected: c.expected, actual: c.actual },
        location: factPlace(total.section, total.fact),
        related: parts.map((p) => factPlace(sectionOfLine(doc, p.at.line), p)),
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

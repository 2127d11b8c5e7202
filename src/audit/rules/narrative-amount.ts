// Narrative against tables: every amount the 情况说明 states equals the table figure it names.
import type { Rule } from '../types.js';
import { fundCarryOver, resolveFigures, sameQuantity, type ResolvedFigure } from '../figures.js';
import type { Amount, Fact, TableRow } from '../../model/schema.js';
import {
  amountText,
  cellAmount,
  compareEqual,
  compareSum,
  factPlace,
  isSingleProject,
  partOfSpending,
  primaryColumn,
  uniqueFacts,
  type Comparison,
} from '../support.js';

/**
 * A table figure restated in the narrative with fewer decimals (北京 prints its tables to 0.000001 万元 and its text
 * to 0.01): the restated figures are rounded so that they add up to the rounded total, which moves one of them by
 * one last-digit step (211.856980 → 46.16 + 0.35 + 74.82 + 90.53 = 211.86, though 74.814680 alone rounds to 74.81),
 * as shares are adjusted to add up to 100%. So a coarser restatement may be one step of its last digit off.
 */
function compareRestated(found: Amount, table: Amount): Comparison {
  const c = compareEqual(found, table);
  if (c.ok || table.scale <= found.scale) return c;
  const step = 10 ** (c.scale - found.scale);
  const allowance = step + 0.5 * 10 ** (c.scale - table.scale);
  return {
    ...c,
    ok: c.gap <= allowance + 1e-9,
    allowance,
    tolerance: `±${(allowance / 10 ** c.scale).toFixed(c.scale).replace(/0+$/, '')} 万元`,
  };
}

/** "本年收入" names the current-year row, "总计" the total: a label that says which excludes the other. */
function namesRow(label: string, row: TableRow): boolean {
  const l = label.replace(/\s+/g, '');
  if (/本年|当年/.test(l) && row.key && /Total$/.test(row.key)) return false;
  if (/总计/.test(l) && row.key && /^currentYear/.test(row.key)) return false;
  return true;
}

/** A fund's income stated with that fund's 上年结转 (重庆): the current-year row plus the carry-over row. */
function withCarryOver(fact: Fact, figure: ResolvedFigure): boolean {
  if (fact.subject.kind !== 'fund' || !fact.subject.key || /本年|当年/.test(fact.label)) return false;
  const carry = fundCarryOver(figure.table, fact.subject.key);
  const column = carry ? primaryColumn(figure.table, carry) : undefined;
  const amount = carry && column ? cellAmount(carry, column) : null;
  return Boolean(amount && fact.amount && compareSum(fact.amount, [figure.amount, amount]).ok);
}

export const rule: Rule = {
  meta: {
    id: 'narrative-amount',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        'Every amount stated in the narrative (totals, funds, 基本/项目, classes, 人员/公用, 三公 items…) equals the table figure it names, ' +
        'compared only between the same subject and kind of quantity: a sentence about 会议费/培训费, 上年 or 上年结转, a 预算 figure in a ' +
        'final account, or the 项目支出 part of a class is not compared with the row total.',
    },
    messages: ['narrativeAmountMismatch'],
  },
  check({ doc, report }) {
    for (const { section, fact } of uniqueFacts(doc)) {
      if (!fact.amount || isSingleProject(fact)) continue;
      const figures = resolveFigures(doc, fact.subject, section?.topic).filter((f) => namesRow(fact.label, f.row));
      const figure = figures[0];
      if (!figure) continue;
      if (!sameQuantity(fact.label, figure.row.label, doc.kind, fact.subject.kind)) continue;
      if ((fact.subject.kind === 'function' || fact.subject.kind === 'economic') && partOfSpending(section, fact))
        continue;
      const c = compareRestated(fact.amount, figure.amount);
      if (c.ok) continue;
      // a total that may be the 本年 or the 总计 figure (收入预算, 支出预算): matching either states it
      if (
        figures
          .slice(1)
          .some(
            (f) =>
              sameQuantity(fact.label, f.row.label, doc.kind, fact.subject.kind) &&
              compareRestated(fact.amount!, f.amount).ok,
          )
      )
        continue;
      if (withCarryOver(fact, figure)) continue;
      // the same digits in the other unit is a 万元/元 slip, reported by money-unit-slip
      if (
        fact.amount.unit !== figure.amount.unit &&
        fact.amount.minor === figure.amount.minor &&
        fact.amount.scale === figure.amount.scale
      )
        continue;
      report({
        messageId: 'narrativeAmountMismatch',
        data: {
          label: fact.label,
          expected: c.expected,
          actual: amountText(fact.amount),
          table: figure.place.table ?? '',
        },
        location: factPlace(section, fact),
        related: [figure.place],
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

// Performance self-evaluations (决算 绩效自评表): 执行率 = 执行数 ÷ 预算数; 执行得分 = 分值 × 执行率 (at most the 分值);
// each indicator's score within its 分值; 总分 = Σ scores; 年度资金总额 = its sources.
import type { Rule } from '../types.js';
import type { Amount } from '../../model/schema.js';
import { parseDecimal } from '../../model/money.js';
import { checkPercent, compareSum, formatPercent, placeOf, wan } from '../support.js';

function points(text: string | undefined): { minor: number; scale: number } | null {
  if (!text) return null;
  return parseDecimal(text.replace(/分/g, '').trim());
}

function value(v: { minor: number; scale: number }): number {
  return v.minor / 10 ** v.scale;
}

export const rule: Rule = {
  meta: {
    id: 'self-evaluation',
    category: 'narrative',
    severity: 'warning',
    docs: {
      description:
        '绩效自评表: 执行率 = 全年执行数 ÷ 全年预算数; the funds score = 分值 × 执行率 (capped at the 分值); every indicator score ' +
        'lies within its 分值; 总分 = the sum of the scores; 年度资金总额 = 财政拨款 + 上年结转 + 其他资金 in each column.',
    },
    messages: [
      'executionRateMismatch',
      'executionScoreMismatch',
      'indicatorScoreExceedsWeight',
      'totalScoreMismatch',
      'fundSourcesMismatch',
    ],
  },
  check({ doc, report }) {
    for (const ev of doc.performance.selfEvaluations) {
      const where = placeOf(ev.at, `绩效自评表：${ev.project}`);
      const [total, ...sources] = ev.funds;
      let fundsScore: { minor: number; scale: number } | null = null;
      if (total) {
        if (total.executionRate && total.executed && total.fullYearBudget && total.fullYearBudget.minor !== 0) {
          const r = checkPercent(total.executionRate, wan(total.executed), wan(total.fullYearBudget));
          if (!r.ok) {
            const expected = formatPercent(r.computed, total.executionRate.scale);
            report({
              messageId: 'executionRateMismatch',
              data: { project: ev.project, expected, actual: total.executionRate.text },
              location: where,
              expected,
              actual: total.executionRate.text,
              tolerance: `±${r.allowance.toFixed(4)}%`,
            });
          }
        }
        const weight = points(total.weight);
        fundsScore = points(total.score);
        if (weight && fundsScore && total.executionRate) {
          const rate = Math.min(total.executionRate.minor / 10 ** total.executionRate.scale / 100, 1);
          const expected = value(weight) * rate;
          const allowance =
            0.5 * 10 ** -fundsScore.scale + value(weight) * 0.5 * 10 ** -(total.executionRate.scale + 2);
          if (Math.abs(expected - value(fundsScore)) > allowance + 1e-9) {
            const e = expected.toFixed(fundsScore.scale);
            report({
              messageId: 'executionScoreMismatch',
              data: { project: ev.project, expected: e, actual: total.score ?? '' },
              location: where,
              expected: e,
              actual: total.score,
              tolerance: `±${allowance.toFixed(3)} 分`,
            });
          }
        }
        if (sources.length) {
          for (const column of ['initialBudget', 'fullYearBudget', 'executed'] as const) {
            const t = total[column];
            const parts = sources.map((s) => s[column]).filter((a): a is Amount => Boolean(a));
            if (!t || parts.length === 0) continue;
            const c = compareSum(t, parts);
            if (!c.ok)
              report({
                messageId: 'fundSourcesMismatch',
                data: { project: ev.project, expected: c.expected, actual: c.actual },
                location: where,
                expected: c.expected,
                actual: c.actual,
                tolerance: c.tolerance,
              });
          }
        }
      }
      let sum = fundsScore ? value(fundsScore) : 0;
      let complete = true;
      let finest = fundsScore?.scale ?? 0;
      // scores are awarded in whole points unless printed with decimals; only decimal scores carry rounding
      let rounding = fundsScore && fundsScore.scale > 0 ? 0.5 * 10 ** -fundsScore.scale : 0;
      for (const ind of ev.indicators) {
        const w = points(ind.weight);
        const s = points(ind.score);
        if (!s) {
          if (w) complete = false;
          continue;
        }
        sum += value(s);
        if (s.scale > 0) rounding += 0.5 * 10 ** -s.scale;
        finest = Math.max(finest, s.scale);
        if (w && value(s) > value(w) + 1e-9) {
          report({
            messageId: 'indicatorScoreExceedsWeight',
            data: { project: ev.project, indicator: ind.name, expected: ind.weight ?? '', actual: ind.score ?? '' },
            location: placeOf(ind.at, `绩效自评表：${ev.project}`),
            expected: `≤ ${ind.weight}`,
            actual: ind.score,
          });
        }
      }
      const totalScore = points(ev.totalScore);
      if (totalScore && complete && ev.indicators.length) {
        const allowance = rounding + (totalScore.scale > 0 ? 0.5 * 10 ** -totalScore.scale : 0);
        if (Math.abs(sum - value(totalScore)) > allowance + 1e-9) {
          const e = sum.toFixed(Math.max(totalScore.scale, finest));
          report({
            messageId: 'totalScoreMismatch',
            data: { project: ev.project, expected: e, actual: ev.totalScore ?? '' },
            location: where,
            expected: e,
            actual: ev.totalScore,
            tolerance: `±${allowance.toFixed(3)} 分`,
          });
        }
      }
    }
  },
};

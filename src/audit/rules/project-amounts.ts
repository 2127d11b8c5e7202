// Narrative against tables: the project list (预算安排规模), the project table, the 绩效目标表 and the 项目支出
// total agree, and the stated number of performance-managed projects matches the list.
import type { Rule } from '../types.js';
import type { Amount } from '../../model/schema.js';
import { amountText, compareEqual, compareSum, grandTotalRow, cellAmount, placeOf, rowPlace } from '../support.js';
import { matchProject, projectTable, projectTableRows } from '../projects.js';
import { resolveFigure } from '../figures.js';

export const rule: Rule = {
  meta: {
    id: 'project-amounts',
    category: 'narrative',
    severity: 'error',
    docs: {
      description:
        "Each project's 预算安排规模 equals its row in the 项目支出表 and its 绩效目标表 年度资金总额; the projects add up to the " +
        '项目支出 total; the stated count and amount of performance-managed projects match the list.',
    },
    messages: ['projectAmountMismatch', 'projectsSumMismatch', 'projectCountMismatch', 'performanceAmountMismatch'],
  },
  check({ doc, report }) {
    const listed = doc.projects.filter((p) => p.amount);
    const rows = projectTableRows(doc);
    const targets = doc.performance.targets.map((t) => ({
      name: t.project,
      amount: t.totalFunds,
      place: placeOf(t.at, '预算绩效'),
      at: t.at,
    }));
    for (const p of listed) {
      const place = placeOf(p.at, '项目支出情况说明');
      for (const source of [rows, targets]) {
        const match = matchProject(p.name, source);
        if (!match?.amount) continue;
        const c = compareEqual(p.amount!, match.amount);
        if (c.ok) continue;
        report({
          messageId: 'projectAmountMismatch',
          data: {
            project: p.name,
            other: match.name,
            expected: amountText(match.amount),
            actual: amountText(p.amount!),
          },
          location: place,
          related: [match.place],
          expected: c.expected,
          actual: c.actual,
          tolerance: c.tolerance,
        });
      }
    }
    // the listed projects against the project total (the table's total, or the narrative's 项目支出)
    const table = projectTable(doc);
    const totalRow = table ? grandTotalRow(table) : undefined;
    const tableTotal = totalRow ? cellAmount(totalRow, 'total') : null;
    const projectFact = doc.narrative
      .flatMap((s) => s.facts.map((f) => ({ s, f })))
      .find(({ f }) => f.subject.kind === 'project' && f.amount);
    const total: { amount: Amount; place: ReturnType<typeof placeOf> } | undefined =
      tableTotal && table && totalRow
        ? { amount: tableTotal, place: rowPlace(table, totalRow) }
        : projectFact
          ? { amount: projectFact.f.amount!, place: placeOf(projectFact.f.at) }
          : undefined;
    if (listed.length && total) {
      const c = compareSum(
        total.amount,
        listed.map((p) => p.amount!),
      );
      if (!c.ok) {
        report({
          messageId: 'projectsSumMismatch',
          data: { count: listed.length, expected: c.actual, actual: c.expected },
          location: placeOf(listed[0].at, '项目支出情况说明'),
          related: [total.place],
          expected: c.actual,
          actual: c.expected,
          tolerance: c.tolerance,
        });
      }
    }
    // 预算绩效: "项目N个，涉及预算金额X万元"
    const perf = doc.performance;
    if (doc.kind === 'budget' && perf.projectCount) {
      const counts = [listed.length, new Set(rows.map((r) => r.name)).size].filter((n) => n > 0);
      const expected = counts[0];
      if (expected !== undefined && perf.projectCount.value !== expected) {
        report({
          messageId: 'projectCountMismatch',
          data: { expected, actual: perf.projectCount.value },
          location: placeOf(perf.projectCount.at ?? perf.text?.at, '预算绩效'),
          expected: String(expected),
          actual: String(perf.projectCount.value),
        });
      }
    }
    if (doc.kind === 'budget' && perf.amount) {
      const figure = resolveFigure(doc, { kind: 'project' }, 'generalBudget');
      const reference = figure?.amount ?? total?.amount;
      if (reference) {
        const c = compareEqual(perf.amount, reference);
        if (!c.ok) {
          report({
            messageId: 'performanceAmountMismatch',
            data: { expected: c.expected, actual: c.actual },
            location: placeOf(perf.amount.at ?? perf.text?.at, '预算绩效'),
            related: figure ? [figure.place] : total ? [total.place] : [],
            expected: c.expected,
            actual: c.actual,
            tolerance: c.tolerance,
          });
        }
      }
    }
  },
};

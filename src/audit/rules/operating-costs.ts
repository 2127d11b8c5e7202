// Narrative: 机关运行经费 is the 公用经费 of administrative units, so it cannot exceed the 公用经费; when every unit is
// administrative it equals it.
import type { Rule } from '../types.js';
import { amountText, compareEqual, exceeds, factPlace, sectionOfLine } from '../support.js';
import { resolveFigure } from '../figures.js';

export const rule: Rule = {
  meta: {
    id: 'operating-costs',
    category: 'narrative',
    severity: 'warning',
    docs: {
      description:
        '机关运行经费 does not exceed the 公用经费 of the basic expenditure; a unit with no 事业单位 (or whose operating costs ' +
        'are stated for the whole unit) states the same figure.',
    },
    messages: ['operatingCostsExceedPublic', 'operatingCostsDifferFromPublic'],
  },
  check({ doc, report }) {
    const fact = doc.operatingCosts.fact;
    if (!fact?.amount) return;
    const figure = resolveFigure(doc, { kind: 'public' }, 'basic');
    const publicFact = doc.narrative.flatMap((s) => s.facts).find((f) => f.subject.kind === 'public' && f.amount);
    const reference = figure?.amount ?? publicFact?.amount;
    if (!reference) return;
    const related = figure
      ? [figure.place]
      : publicFact
        ? [factPlace(sectionOfLine(doc, publicFact.at.line), publicFact)]
        : [];
    const location = factPlace(sectionOfLine(doc, fact.at.line), fact);
    if (exceeds(fact.amount, reference)) {
      report({
        messageId: 'operatingCostsExceedPublic',
        data: { expected: amountText(reference), actual: amountText(fact.amount) },
        location,
        related,
        expected: `≤ ${amountText(reference)}`,
        actual: amountText(fact.amount),
      });
      return;
    }
    const institutions = doc.operatingCosts.institutionUnits?.value ?? doc.overview.organisation.institutionUnits ?? 0;
    if (institutions > 0) return;
    const c = compareEqual(fact.amount, reference);
    if (!c.ok) {
      report({
        messageId: 'operatingCostsDifferFromPublic',
        data: { expected: c.expected, actual: c.actual },
        location,
        related,
        expected: c.expected,
        actual: c.actual,
        tolerance: c.tolerance,
      });
    }
  },
};

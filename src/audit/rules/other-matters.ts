// Completeness: the 其他重要事项 — 机关运行经费, 政府采购, 国有资产占用, 预算绩效 — are present.
import type { Rule } from '../types.js';
import type { Disclosure } from '../../model/schema.js';

const MATTERS: Array<{ name: string; present: (d: Disclosure) => boolean }> = [
  { name: '机关运行经费', present: (d) => Boolean(d.operatingCosts.fact) },
  {
    name: '政府采购',
    present: (d) =>
      Boolean(d.procurement.total || d.procurement.goods || d.procurement.services || d.procurement.works),
  },
  {
    name: '国有资产占用',
    present: (d) =>
      Boolean(
        d.assets.vehicles ||
        d.assets.buildingArea ||
        d.assets.fixedAssetsValue ||
        d.assets.vehicleCategories.length ||
        d.assets.furnitureValue ||
        d.assets.otherAssetsValue,
      ),
  },
  {
    name: '预算绩效',
    present: (d) =>
      Boolean(
        d.performance.projectCount ||
        d.performance.amount ||
        d.performance.text ||
        d.performance.targets.length ||
        d.performance.selfEvaluations.length,
      ),
  },
];

export const rule: Rule = {
  meta: {
    id: 'other-matters',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'The 其他重要事项 explain 机关运行经费, 政府采购, 国有资产占用 and 预算绩效 (财预〔2016〕143号, 财预〔2021〕29号).',
    },
    messages: ['otherMatterMissing'],
  },
  check({ doc, report }) {
    const section = doc.narrative.find((s) => s.topic === 'other') ?? doc.narrative[doc.narrative.length - 1];
    for (const m of MATTERS) {
      if (m.present(doc)) continue;
      report({
        messageId: 'otherMatterMissing',
        data: { matter: m.name },
        location: section
          ? { section: `${section.number}、${section.title}`, line: section.at.line }
          : { section: '情况说明' },
        expected: m.name,
        actual: '未说明',
      });
    }
  },
};

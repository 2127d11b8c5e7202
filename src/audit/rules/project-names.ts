// Names: a project is called the same in the project list, the project table and the 绩效目标表 (suffixes such as
// 项目/经费 aside).
import type { Rule } from '../types.js';
import { matchProject, projectCore, projectTableRows } from '../projects.js';
import { placeOf } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'project-names',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'A project has the same name (ignoring 项目/经费/费 suffixes) in the project list, the 项目支出表 and the 绩效目标表.',
    },
    messages: ['projectNameDiffers'],
  },
  check({ doc, report }) {
    const rows = projectTableRows(doc);
    const targets = doc.performance.targets.map((t) => ({
      name: t.project,
      amount: t.totalFunds,
      place: placeOf(t.at, '预算绩效'),
      at: t.at,
    }));
    for (const p of doc.projects) {
      const seen = new Set<string>();
      for (const source of [rows, targets]) {
        const match = matchProject(p.name, source);
        if (!match || projectCore(match.name) === projectCore(p.name) || seen.has(match.name)) continue;
        seen.add(match.name);
        report({
          messageId: 'projectNameDiffers',
          data: { expected: match.name, actual: p.name },
          location: placeOf(p.at, '项目支出情况说明'),
          related: [match.place],
          expected: match.name,
          actual: p.name,
        });
      }
    }
  },
};

// Completeness: the four parts every disclosure has (概况, 公开表/报表, 情况说明, 名词解释), found in the body.
import type { Rule } from '../types.js';

/** The parts required of every kind (财预〔2016〕143号, 财预〔2021〕29号), recognised by their title words. */
const REQUIRED_PARTS: Array<{ name: string; match: RegExp }> = [
  { name: '概况', match: /概况/ },
  { name: '公开表', match: /公开表|报表|预算表|决算表/ },
  { name: '情况说明', match: /说明/ },
  { name: '名词解释', match: /名词解释/ },
];

export const rule: Rule = {
  meta: {
    id: 'required-parts',
    category: 'completeness',
    severity: 'error',
    docs: { description: 'The document has the required parts: 概况, 公开表 (or 报表), 情况说明 and 名词解释.' },
    messages: ['partMissing'],
  },
  check({ doc, report }) {
    const titles = doc.parts.map((p) => p.title.replace(/\s+/g, ''));
    for (const part of REQUIRED_PARTS) {
      if (titles.some((t) => part.match.test(t))) continue;
      // a part shipped as an attachment (决算报表 见附件) is announced in the 目录
      const announced = doc.toc.some((e) => !e.tableId && part.match.test(e.title.replace(/\s+/g, '')) && /附件|附表/.test(e.title));
      if (announced) continue;
      report({ messageId: 'partMissing', data: { part: part.name }, location: { line: doc.title.at?.line ?? 1 }, expected: part.name, actual: '无' });
    }
  },
};

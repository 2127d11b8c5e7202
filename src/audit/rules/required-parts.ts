// Completeness: the four parts every disclosure has (概况, 公开表/报表, 情况说明, 名词解释), found in the body.
import type { Rule } from '../types.js';
// the parts and every name they are printed under: catalogue data
import { REQUIRED_PARTS } from '../../catalog/parts.js';

export const rule: Rule = {
  meta: {
    id: 'required-parts',
    category: 'completeness',
    severity: 'error',
    docs: {
      description:
        'The document has the required parts: 概况 (主要职能, 机构设置), 公开表 (or 报表), 情况说明 and 名词解释. Without 第X部分 ' +
        'headings, the 目录 entries and section titles stand for the parts; the 概况 and the 名词解释 may also be a section inside another part ' +
        '(北京: 第一部分 情况说明 › 一、部门情况说明).',
    },
    messages: ['partMissing'],
  },
  check({ doc, report }) {
    // templates without 第X部分 headings (Shanghai: 一、部门主要职能 … 五、部门预算表) name their parts in the 目录 only
    const named = doc.parts.filter((p) => p.title.trim());
    const headings = named.length
      ? named.map((p) => p.title)
      : [...doc.toc.filter((e) => !e.tableId).map((e) => e.title), ...doc.narrative.map((s) => s.title)];
    const titles = headings.map((t) => t.replace(/\s+/g, ''));
    // 北京: 第一部分 情况说明 › 一、部门情况说明 (职责, 机构设置) › … › 六、名词解释 — the 概况 and the 名词解释 may be a
    // first-level section inside another part; their own names are specific enough to be taken from a section title
    // (a section about money — 收支预算基本情况 — is not the 概况)
    const sections = doc.narrative
      .map((s) => s.title.replace(/\s+/g, ''))
      .filter((t) => !/预算|决算|收支|收入|支出|经费/.test(t));
    for (const part of REQUIRED_PARTS) {
      if (titles.some((t) => part.match.test(t))) continue;
      if ((part.id === 'overview' || part.id === 'glossary') && sections.some((t) => part.match.test(t))) continue;
      // the tables printed are the 公开表, whatever their part is called (重庆 prints them after the explanations)
      if (part.id === 'tables' && doc.tablesPresent.length > 0) continue;
      // a part shipped as an attachment (决算报表 见附件) is announced in the 目录
      const announced = doc.toc.some(
        (e) => !e.tableId && part.match.test(e.title.replace(/\s+/g, '')) && /附件|附表/.test(e.title),
      );
      if (announced) continue;
      report({
        messageId: 'partMissing',
        data: { part: part.name },
        location: { line: doc.title.at?.line ?? 1 },
        expected: part.name,
        actual: '无',
      });
    }
  },
};

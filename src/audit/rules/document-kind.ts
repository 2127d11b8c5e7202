// Names: the document calls itself one kind throughout — 部门 or 单位, 预算 or 决算 — in its title, parts, 目录 and sections.
import { KIND_WORD, otherKindWord, otherScopeWord, SCOPE_WORD } from '../../catalog/words.js';
import type { Rule } from '../types.js';
import { placeOf, sectionName } from '../support.js';

export const rule: Rule = {
  meta: {
    id: 'document-kind',
    category: 'names',
    severity: 'warning',
    docs: {
      description:
        'Headings name the document\'s own kind: a 单位预算 does not call its parts "部门预算…", a budget does not call a part "决算…". ' +
        "Table titles are not checked (the standard tables keep the template's wording).",
    },
    messages: ['scopeWordWrong', 'kindWordWrong'],
  },
  check({ doc, report }) {
    const ownScope = SCOPE_WORD[doc.scope];
    const otherScope = otherScopeWord(doc.scope);
    const ownKind = KIND_WORD[doc.kind];
    const otherKind = otherKindWord(doc.kind);
    const headings = [
      ...doc.parts.map((p) => ({ text: p.title, at: p.at, where: '正文' })),
      ...doc.toc.filter((e) => !e.tableId).map((e) => ({ text: e.title, at: e.at, where: '目录' })),
      ...doc.narrative.map((s) => ({ text: s.title, at: s.at, where: sectionName(s) })),
    ];
    for (const h of headings) {
      const t = h.text.replace(/\s+/g, '');
      const scope = t.match(new RegExp(`${otherScope}(预算|决算)`));
      if (scope)
        report({
          messageId: 'scopeWordWrong',
          data: { title: h.text, expected: `${ownScope}${scope[1]}`, actual: scope[0] },
          location: placeOf(h.at, h.where),
          expected: `${ownScope}${scope[1]}`,
          actual: scope[0],
        });
      const kind = t.match(new RegExp(`(部门|单位)${otherKind}(?!执行)`));
      if (kind && doc.kind === 'budget')
        report({
          messageId: 'kindWordWrong',
          data: { title: h.text, expected: `${kind[1]}${ownKind}`, actual: kind[0] },
          location: placeOf(h.at, h.where),
          expected: `${kind[1]}${ownKind}`,
          actual: kind[0],
        });
    }
  },
};

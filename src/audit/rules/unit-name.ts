// Names: the unit's name is the same wherever it appears (cover, 目录, 概况, table headers, narrative, signature).
// A shortened form (克州…, …政府办公室 for …人民政府办公室) is fine; another name is not.
import type { Rule } from '../types.js';
import { placeOf } from '../support.js';

function normalise(name: string): string {
  return name.normalize('NFKC').replace(/[\s"“”]/g, '');
}

/** True when every character of `short` appears in `long` in order (an abbreviation keeps the order of the full name). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (i < short.length && ch === short[i]) i++;
  return i === short.length;
}

/** Province-level prefixes a name may carry or drop ("新疆昌吉州…" for "昌吉回族自治州…"). */
const PROVINCE_PREFIX =
  /^(?:新疆维吾尔自治区|新疆|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|[\u4e00-\u9fa5]{2,3}省)/;

/** Shortened or prefixed forms of the same name: after dropping a province prefix, one is an ordered abbreviation of
 *  the other that starts with the same character (克州… for 克孜勒苏柯尔克孜自治州…; …政府办公室 for …人民政府办公室). */
export function sameUnit(a: string, b: string): boolean {
  const x = normalise(a).replace(PROVINCE_PREFIX, '');
  const y = normalise(b).replace(PROVINCE_PREFIX, '');
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && long.startsWith(short[0]) && isSubsequence(short, long);
}

/** Where a mention was found, in words (the model records a role key). */
const ROLE_ZH: Record<string, string> = {
  title: '封面标题',
  cover: '封面',
  toc: '目录',
  part: '部分标题',
  overview: '概况',
  'table-preparer': '表头编制单位',
  'table-row': '表中单位行',
  section: '说明标题',
  narrative: '说明正文',
  project: '项目承担单位',
  'performance-table': '绩效表',
  signature: '落款',
};

export const rule: Rule = {
  meta: {
    id: 'unit-name',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        "The unit's name is the same on the cover, in the 目录, the 概况, the table headers, the narrative and the signature, and a " +
        "project's 承担单位 that names the unit's own kind of body names it alike. " +
        "Abbreviations that keep the name's characters in order (克州人民政府办公室) pass; a different place or body does not.",
    },
    messages: ['unitNameDiffers'],
  },
  check({ doc, report }) {
    const name = doc.unit.name;
    if (!name) return;
    const reported = new Set<string>();
    for (const m of doc.unit.mentions) {
      if (sameUnit(m.name, name)) continue;
      const key = `${m.name}@${m.at?.line ?? ''}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'unitNameDiffers',
        data: { expected: name, actual: m.name, role: ROLE_ZH[m.role] ?? '文中' },
        location: placeOf(m.at, ROLE_ZH[m.role] ?? m.role),
        expected: name,
        actual: m.name,
      });
    }
    // a project's 承担单位 that names the unit's own kind of body (…政府办公室) under another place is the same drift
    const tail = normalise(name).slice(-4);
    for (const p of doc.projects) {
      const unit = p.responsibleUnit;
      if (!unit || !normalise(unit).endsWith(tail) || sameUnit(unit, name)) continue;
      const key = `${unit}@${p.at.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report({
        messageId: 'unitNameDiffers',
        data: { expected: name, actual: unit, role: ROLE_ZH.project },
        location: placeOf(p.at, ROLE_ZH.project),
        expected: name,
        actual: unit,
      });
    }
  },
};

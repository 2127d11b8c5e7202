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

/** Shortened or prefixed forms of the same name: one is an ordered abbreviation of the other, starting alike. */
export function sameUnit(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!isSubsequence(short, long)) return false;
  // a province prefix may be added in front ("新疆维吾尔自治区…"); otherwise the first character is kept
  return long.startsWith(short[0]) || long.endsWith(short.slice(-Math.min(short.length, 6))) && long.includes(short.slice(0, 2));
}

export const rule: Rule = {
  meta: {
    id: 'unit-name',
    category: 'names',
    severity: 'error',
    docs: {
      description:
        "The unit's name is the same on the cover, in the 目录, the 概况, the table headers, the narrative and the signature. " +
        'Abbreviations that keep the name\'s characters in order (克州人民政府办公室) pass; a different place or body does not.',
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
        data: { expected: name, actual: m.name, role: m.role },
        location: placeOf(m.at, m.role),
        expected: name,
        actual: m.name,
      });
    }
  },
};

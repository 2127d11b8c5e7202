// The misreadings found by checking every error of `check ../shared/corpus-wide` against its page
// (docs/corpus-review.md), each fixed as a rule for its template family: the figures expected here were read on the
// PDF page (pdftotext -layout -f P -l P), and the error the program used to report must be gone.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Disclosure } from '../../src/model/schema.js';
import { parseFile } from '../../src/extract/index.js';
import { audit, type Finding } from '../../src/audit/index.js';
import { sharedDir } from '../support/paths.js';

const parsed = new Map<string, Promise<Disclosure>>();
const parse = (name: string) => {
  let p = parsed.get(name);
  if (!p) parsed.set(name, (p = parseFile(resolve(sharedDir, 'corpus-wide', name))));
  return p;
};
const errors = (doc: Disclosure, rule: string): Finding[] => audit(doc).filter((f) => f.severity === 'error' && f.rule === rule);

describe('corpus-wide review: misreadings fixed per family', () => {
  it('西安 (w75): a 三公 table with column groups headed 2021年 | 2022年 | 增减变化情况 reads each group as its own row', async () => {
    const d = await parse('w75.pdf');
    const t = d.tables.find((x) => x.id === 'three-public')!;
    const row = (key: string) => Object.fromEntries((t.rows.find((r) => r.key === key)?.cells ?? []).map((c) => [c.column, c.amount?.text]));
    // p78 表13, row 合计: 2021年 346.73 | 117.49 …, 2022年 472.89 | 248.84 …, 增减 126.16 | 131.35 …
    expect(row('prior')).toMatchObject({ total: '117.49', reception: '40.49', vehicleOperation: '77.00' });
    expect(row('budget')).toMatchObject({ total: '248.84', reception: '38.84', vehicleOperation: '210.00' });
    expect(row('change')).toMatchObject({ total: '131.35', reception: '-1.65' });
    // p20: "当年一般公共预算“三公”经费预算支出 248.84 万元" is the 2022 group, not the 2021 one
    expect(errors(d, 'narrative-amount').filter((f) => /三公/.test(f.message))).toEqual([]);
  });
});

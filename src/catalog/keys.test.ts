// The declared key lists and the templates agree both ways: no template key undeclared (the types see to that) and
// no declared key that no template uses (a stale name would let an identity point at nothing).
import { describe, expect, it } from 'vitest';
import { COLUMN_KEYS, FIXED_ROW_KEYS, ROW_VARIANT_KEYS } from './keys.js';
import { TABLE_TEMPLATES } from './tables.js';

describe('catalogue keys', () => {
  it('lists exactly the column, fixed-row and row-variant keys the templates use', () => {
    const columns = new Set<string>();
    const rows = new Set<string>();
    const variants = new Set<string>();
    for (const t of TABLE_TEMPLATES) {
      for (const c of [...t.columns, ...(t.extraColumns ?? [])]) columns.add(c.key);
      for (const r of t.fixedRows ?? []) rows.add(r.key);
      for (const v of t.rowVariants ?? []) variants.add(v.key);
    }
    expect([...columns].sort()).toEqual([...COLUMN_KEYS].sort());
    expect([...rows].sort()).toEqual([...FIXED_ROW_KEYS].sort());
    expect([...variants].sort()).toEqual([...ROW_VARIANT_KEYS].sort());
  });
});

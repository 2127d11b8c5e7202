// Generated samples are consistent by construction: the auditor finds no error in 200 budgets and 200 final
// accounts (the final-account identities included), and every explanation section carries paragraphs.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { generateSample } from '../../src/write/sample.js';

describe.each(['budget', 'final_account'] as const)('200 generated %s samples', (kind) => {
  it('audit with zero errors', () => {
    const errors: string[] = [];
    for (let index = 0; index < 200; index++) {
      const doc = generateSample({ kind, seed: 'sample-audit', index });
      for (const f of audit(doc)) if (f.severity === 'error') errors.push(`#${index} ${f.rule}: ${f.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('give every explanation section its paragraphs, with the amounts its facts state', () => {
    for (let index = 0; index < 20; index++) {
      const doc = generateSample({ kind, seed: 'sample-text', index });
      for (const sec of doc.narrative) {
        expect(sec.paragraphs.length, `${sec.topic} of #${index}`).toBeGreaterThan(0);
        const text = sec.paragraphs.map((p) => p.text).join('\n');
        for (const f of sec.facts)
          if (f.amount && f.amount.minor > 0) expect(text, `${sec.topic} ${f.label}`).toContain(`${f.amount.text}万元`);
      }
    }
  });
});

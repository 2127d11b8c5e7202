import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { disclosureJsonSchema } from '../../src/model/json-schema.js';
import { DisclosureSchema } from '../../src/model/schema.js';
import { parseText } from '../../src/extract/index.js';
import { repoRoot, seedPath, SEEDS } from '../support/paths.js';

const committed = JSON.parse(readFileSync(resolve(repoRoot, 'schema/disclosure.schema.json'), 'utf8'));

describe('JSON Schema of the model', () => {
  it('the committed schema file matches the model (run `npm run schema` after changing it)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(disclosureJsonSchema())));
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
  it.each(SEEDS)('seed %s parses to a document valid against the schema file', (seed) => {
    const doc = parseText(readFileSync(seedPath(seed), 'utf8'), { file: `${seed}.txt` });
    const json = JSON.parse(JSON.stringify(doc));
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(() => DisclosureSchema.parse(json)).not.toThrow();
  });
});

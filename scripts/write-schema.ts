// Writes schema/disclosure.schema.json from the zod model (run: npm run schema); a test keeps it current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { disclosureJsonSchema } from '../src/model/json-schema.js';

const out = fileURLToPath(new URL('../schema/disclosure.schema.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(disclosureJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);

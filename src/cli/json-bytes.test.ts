// jsonBytes gives exactly JSON.stringify's bytes, for the seeds' models and for the members JSON.stringify drops.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseText } from '../extract/index.js';
import { jsonBytes } from './json-bytes.js';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

describe('jsonBytes', () => {
  it('is JSON.stringify as UTF-8, for every seed model, with and without the newline', () => {
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) {
      const doc = parseText(readFileSync(path.join(seeds, f), 'utf8'), { file: f });
      expect(jsonBytes(doc).equals(Buffer.from(JSON.stringify(doc)))).toBe(true);
      expect(jsonBytes(doc, true).toString('utf8')).toBe(`${JSON.stringify(doc)}\n`);
    }
  });

  it('leaves out what JSON.stringify leaves out, escapes keys, and grows past its buffer', () => {
    const odd = {
      a: undefined,
      'k"ey': '"引号"\n',
      f: () => 1,
      n: null,
      big: '预'.repeat(300_000),
      list: [undefined, 1],
    };
    expect(jsonBytes(odd).toString('utf8')).toBe(JSON.stringify(odd));
    expect(jsonBytes({}).toString('utf8')).toBe('{}');
    expect(jsonBytes({ a: undefined }).toString('utf8')).toBe('{}');
  });
});

// The fuzz harness's seed inputs: the seed texts, the corpus PDFs, and DOCX, XLSX and HTML made by the writer from
// generated samples (so every reader has inputs).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDisclosure } from '../../src/write/index.js';
import { generateSample } from '../../src/write/sample.js';

export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
}

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');

export async function fuzzInputs(options: { pdfs?: number } = {}): Promise<FuzzInput[]> {
  const inputs: FuzzInput[] = [];
  const seeds = path.join(shared, 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).sort()) if (/\.(txt|md)$/.test(f)) inputs.push({ name: f, bytes: new Uint8Array(readFileSync(path.join(seeds, f))) });
  const corpus = path.join(shared, 'corpus');
  if (existsSync(corpus)) {
    // the smallest PDFs first: a mutant is read whole
    const pdfs = readdirSync(corpus).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpus, f)).sort((a, b) => readFileSync(a).length - readFileSync(b).length);
    for (const f of pdfs.slice(0, options.pdfs ?? pdfs.length)) inputs.push({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) });
  }
  for (const [i, kind] of (['budget', 'final_account'] as const).entries()) {
    const sample = generateSample({ kind, seed: 'fuzz', index: i });
    for (const format of ['docx', 'xlsx', 'html'] as const) inputs.push({ name: `sample-${kind}.${format}`, bytes: new Uint8Array(await renderDisclosure(sample, format)) });
  }
  return inputs;
}

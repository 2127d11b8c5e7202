// The fuzz harness's seed inputs, each with its format: the seed texts (whole and in excerpts), the same text as
// Markdown and as comma-separated tables, models as JSON and YAML, the corpus PDFs, and DOCX, XLSX, HTML, PDF, the
// input workbook and Markdown made by the writer from generated samples (so every reader and every path of `check`
// has inputs, most of them small enough to be read in milliseconds).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { renderDisclosure } from '../../src/write/index.js';
import { generateSample } from '../../src/write/sample.js';
import { renderWorkbook } from '../../src/write/workbook.js';
import { parseText } from '../../src/extract/index.js';
import { smallDocx, smallHtml, smallPdf, smallXlsx } from './formats.js';

/** What an input is, for choosing the mix of mutants and for counting them. */
export type FuzzFormat =
  'text' | 'markdown' | 'csv' | 'html' | 'json' | 'yaml' | 'docx' | 'xlsx' | 'pdf' | 'corpus-pdf';

export interface FuzzInput {
  name: string;
  format: FuzzFormat;
  bytes: Uint8Array;
}

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A seed text's first `lines` lines from a part heading on (a cover, a part, its tables: small but still a disclosure). */
function excerpt(text: string, from: number, lines: number): string {
  const all = text.split('\n');
  const head = all.slice(0, 12);
  return [...head, ...all.slice(from, from + lines)].join('\n');
}

export async function fuzzInputs(options: { pdfs?: number } = {}): Promise<FuzzInput[]> {
  const inputs: FuzzInput[] = [];
  const seeds = path.join(shared, 'seeds');
  if (existsSync(seeds)) {
    for (const f of readdirSync(seeds).sort()) {
      if (!/\.(txt|md)$/.test(f)) continue;
      const text = readFileSync(path.join(seeds, f), 'utf8');
      const base = f.replace(/\.\w+$/, '');
      inputs.push({ name: f, format: 'text', bytes: utf8(text) });
      // excerpts: the cover with one stretch of the body (a few KB: mutants of these are read in a millisecond or two)
      const n = text.split('\n').length;
      for (let k = 0; k < 4; k++)
        inputs.push({
          name: `${base}-part${k}.txt`,
          format: 'text',
          bytes: utf8(excerpt(text, Math.floor((n * k) / 4), 60)),
        });
      // the same text with its tab tables written as comma-separated rows, and as a Markdown file
      inputs.push({
        name: `${base}.csv`,
        format: 'csv',
        bytes: utf8(excerpt(text, Math.floor(n / 3), 80).replace(/\t/g, ',')),
      });
      // small models: the excerpts parsed, as `parse --format json` writes them
      for (const k of [0, 2]) {
        try {
          const model = parseText(excerpt(text, Math.floor((n * k) / 4), 60), { file: `${base}-part${k}.txt` });
          inputs.push({ name: `${base}-part${k}.json`, format: 'json', bytes: utf8(JSON.stringify(model)) });
          inputs.push({
            name: `${base}-part${k}.yaml`,
            format: 'yaml',
            bytes: utf8(YAML.stringify(model, { aliasDuplicateObjects: false })),
          });
        } catch {
          // an excerpt too short to be read as a disclosure
        }
      }
      // small binary files of a stretch of the body each (tables included)
      for (let k = 0; k < 2; k++) {
        const lines = excerpt(text, Math.floor((n * (k + 1)) / 3), 70).split('\n');
        inputs.push({ name: `${base}-${k}.pdf`, format: 'pdf', bytes: smallPdf(lines) });
        inputs.push({ name: `${base}-${k}.docx`, format: 'docx', bytes: await smallDocx(lines) });
        inputs.push({ name: `${base}-${k}.xlsx`, format: 'xlsx', bytes: await smallXlsx(lines) });
        inputs.push({ name: `${base}-${k}.html`, format: 'html', bytes: smallHtml(lines) });
      }
      inputs.push({
        name: `${base}.md`,
        format: 'markdown',
        bytes: utf8(
          excerpt(text, Math.floor(n / 2), 80)
            .replace(/^(第.部分)/gm, '# $1')
            .replace(/\t/g, ' | '),
        ),
      });
    }
  }
  const corpus = path.join(shared, 'corpus');
  if (existsSync(corpus)) {
    // the smallest PDFs first: a mutant is read whole
    const pdfs = readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => path.join(corpus, f))
      .sort((a, b) => readFileSync(a).length - readFileSync(b).length);
    for (const f of pdfs.slice(0, options.pdfs ?? pdfs.length))
      inputs.push({ name: path.basename(f), format: 'corpus-pdf', bytes: new Uint8Array(readFileSync(f)) });
  }
  for (const [i, kind] of (['budget', 'final_account'] as const).entries()) {
    const sample = generateSample({ kind, seed: 'fuzz', index: i });
    // (the writer's PDF is left out: its embedded font makes every mutant take seconds; the small PDFs stand for it)
    for (const format of ['docx', 'xlsx', 'html', 'md'] as const) {
      inputs.push({
        name: `sample-${kind}.${format}`,
        format: format === 'md' ? 'markdown' : format,
        bytes: new Uint8Array(await renderDisclosure(sample, format)),
      });
    }
    // the input workbook (`budgetdoc template` filled in), read by check as a model
    inputs.push({ name: `workbook-${kind}.xlsx`, format: 'xlsx', bytes: new Uint8Array(await renderWorkbook(sample)) });
    inputs.push({ name: `model-${kind}.json`, format: 'json', bytes: utf8(JSON.stringify(sample, null, 1)) });
  }
  return inputs;
}

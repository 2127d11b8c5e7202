// Mutants of a reader's input for the fuzz harness and the hostile-input tests: byte flips, random runs, cuts,
// repeats and insertions, aimed half the time inside a PDF's streams or a zip's entries (where the decoders are)
// and, for texts, at the characters the text reader splits on; and structure-aware mutants (mutateInput) of zips,
// PDFs and models. Deterministic for a given seed.
import { constants as zlibConstants, deflateSync, inflateSync } from 'node:zlib';
import YAML from 'yaml';
import { readZip, writeZip, type ZipEntry } from './zip.js';

/** A small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets where the interesting bytes of a format begin: PDF stream bodies, zip entry data, text line starts. */
export function hotSpots(bytes: Uint8Array): number[] {
  const spots: number[] = [];
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (latin.startsWith('%PDF') || latin.slice(0, 1024).includes('%PDF-')) {
    for (let i = latin.indexOf('stream'); i >= 0 && spots.length < 5000; i = latin.indexOf('stream', i + 6))
      spots.push(i + 8);
  } else if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    for (let i = latin.indexOf('PK\x03\x04'); i >= 0 && spots.length < 5000; i = latin.indexOf('PK\x03\x04', i + 4)) {
      const nameLen = bytes[i + 26] | (bytes[i + 27] << 8);
      const extra = bytes[i + 28] | (bytes[i + 29] << 8);
      spots.push(i + 30 + nameLen + extra);
    }
  } else {
    for (let i = latin.indexOf('\n'); i >= 0 && spots.length < 20000; i = latin.indexOf('\n', i + 1)) spots.push(i + 1);
  }
  return spots.filter((s) => s < bytes.length);
}

const TEXT_PIECES = [
  '\t',
  '\n',
  '\n\n',
  '\r',
  '第一部分',
  '一、',
  '（一）',
  '1.',
  '表1：',
  '合计',
  '万元',
  '。',
  '，',
  '-',
  '#',
  '*',
  '<b>',
  '\u3000',
  '201',
  '2050101',
  '999999999999999999.99',
  '(',
  '）',
  '\ufeff',
  '\u0000',
];

/** One mutant of `input` (never the same array). `hot` are the offsets from hotSpots (computed once per input). */
export function mutate(input: Uint8Array, random: () => number, hot: number[] = []): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes: Uint8Array = new Uint8Array(input);
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds; r++) {
    const at =
      hot.length && random() < 0.5
        ? Math.min(bytes.length - 1, hot[pick(hot.length)] + pick(64))
        : pick(Math.max(1, bytes.length));
    switch (pick(7)) {
      case 0: // flip a few bits
        for (let i = 0; i < 1 + pick(8); i++) {
          const p = Math.min(bytes.length - 1, at + pick(16));
          if (p >= 0) bytes[p] ^= 1 << pick(8);
        }
        break;
      case 1: // a run of random bytes
        for (let i = 0, n = 1 + pick(64); i < n && at + i < bytes.length; i++) bytes[at + i] = pick(256);
        break;
      case 2: // cut the file short
        if (random() < 0.3) bytes = bytes.subarray(0, Math.max(1, at));
        break;
      case 3: {
        // repeat a chunk
        const len = 1 + pick(Math.min(4096, bytes.length - at));
        const out = new Uint8Array(bytes.length + len);
        out.set(bytes.subarray(0, at + len));
        out.set(bytes.subarray(at, at + len), at + len);
        out.set(bytes.subarray(at + len), at + 2 * len);
        bytes = out;
        break;
      }
      case 4: {
        // delete a chunk
        const len = 1 + pick(Math.min(256, bytes.length - at));
        const out = new Uint8Array(bytes.length - len);
        out.set(bytes.subarray(0, at));
        out.set(bytes.subarray(at + len), at);
        bytes = out.length ? out : bytes;
        break;
      }
      case 5: {
        // insert a text piece (tabs, headings, numbers, odd characters)
        const piece = new TextEncoder().encode(TEXT_PIECES[pick(TEXT_PIECES.length)]);
        const out = new Uint8Array(bytes.length + piece.length);
        out.set(bytes.subarray(0, at));
        out.set(piece, at);
        out.set(bytes.subarray(at), at + piece.length);
        bytes = out;
        break;
      }
      default: // interesting numbers in place (sizes, offsets)
        if (at + 4 <= bytes.length)
          new DataView(bytes.buffer, bytes.byteOffset).setUint32(
            at,
            [0, 0xffffffff, 0x7fffffff, 0x80000000, 1][pick(5)],
            true,
          );
    }
  }
  return bytes === input ? new Uint8Array(input) : bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// structure-aware mutations: inside a zip's XML entries, inside a PDF's inflated content streams, inside a model's
// JSON tree (so that the mutant is still a zip, a PDF or a valid model often enough to reach the readers and the audit)

const PDF_PIECES = [
  ' re f ',
  ' m ',
  ' l S ',
  ' Tj ',
  ' TJ ',
  ' Tf ',
  ' Tm ',
  ' BT ',
  ' ET ',
  ' q ',
  ' Q ',
  ' cm ',
  ' Do ',
  ' 1e308 ',
  ' -99999999 ',
  ' [ ',
  ' ] ',
  ' ( ',
  ' <',
  '> ',
  ' 0 0 0 0 re W n ',
  ' /F1 0 Tf ',
];
const XML_PIECES = [
  '<w:p>',
  '</w:p>',
  '<w:tbl>',
  '</w:tc>',
  '<w:gridSpan w:val="999999"/>',
  '<w:vMerge/>',
  '<c r="ZZZ1048577" t="s"><v>99999</v></c>',
  '<v>1e309</v>',
  '<row r="0">',
  '&amp;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  't="inlineStr"',
  'r="A1"',
  '<mergeCell ref="A1:XFD1048576"/>',
];

function insertPiece(bytes: Uint8Array, random: () => number, pieces: string[]): Uint8Array {
  const piece = new TextEncoder().encode(pieces[Math.floor(random() * pieces.length)]);
  const at = Math.floor(random() * (bytes.length + 1));
  const out = new Uint8Array(bytes.length + piece.length);
  out.set(bytes.subarray(0, at));
  out.set(piece, at);
  out.set(bytes.subarray(at), at + piece.length);
  return out;
}

const zipCache = new WeakMap<Uint8Array, ZipEntry[] | null>();

/** A zip with one XML entry mutated (text mutations and markup pieces), or an entry dropped or duplicated. */
function mutateZip(input: Uint8Array, random: () => number): Uint8Array {
  if (!zipCache.has(input)) zipCache.set(input, readZip(input));
  const entries = zipCache.get(input);
  if (!entries?.length) return mutate(input, random);
  const out = entries.slice();
  const xml = out
    .map((e, i) => [e, i] as const)
    .filter(([e]) =>
      /document\.xml$|sheet\d*\.xml$|sharedStrings\.xml$|workbook\.xml$|styles\.xml$|\.rels$/.test(e.name),
    );
  const choice = random();
  if (choice < 0.1) out.splice(Math.floor(random() * out.length), 1);
  else if (choice < 0.15) out.push(out[Math.floor(random() * out.length)]);
  else {
    // mostly the content: the document body, the sheets and their strings
    const pool =
      random() < 0.8 ? xml.filter(([e]) => /document\.xml$|sheet\d*\.xml$|sharedStrings\.xml$/.test(e.name)) : xml;
    const [entry, i] = (pool.length ? pool : xml)[Math.floor(random() * (pool.length || xml.length))] ?? [out[0], 0];
    let data = random() < 0.5 ? mutate(entry.data, random, hotSpots(entry.data)) : entry.data;
    for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) data = insertPiece(data, random, XML_PIECES);
    out[i] = { name: entry.name, data };
  }
  return writeZip(out);
}

/** A PDF with one flate content stream inflated, mutated (operators, numbers, cuts) and deflated again in place. */
function mutatePdf(input: Uint8Array, random: () => number, hot: number[]): Uint8Array {
  const latin = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const starts: number[] = [];
  for (let i = latin.indexOf('stream'); i >= 0 && starts.length < 2000; i = latin.indexOf('stream', i + 6))
    if (latin.slice(i - 3, i) !== 'end') starts.push(i);
  if (!starts.length) return mutate(input, random, hot);
  for (let tries = 0; tries < 8; tries++) {
    const s = starts[Math.floor(random() * starts.length)];
    const begin = s + (latin[s + 6] === '\r' ? 8 : 7);
    const end = latin.indexOf('endstream', begin);
    if (end < 0) continue;
    let decoded: Uint8Array;
    try {
      decoded = new Uint8Array(inflateSync(input.subarray(begin, end), { finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    } catch {
      continue;
    }
    // content streams (text and drawing operators), not fonts or images
    if (!/\b(BT|Tj|TJ|re|cm)\b/.test(Buffer.from(decoded.subarray(0, 4096)).toString('latin1'))) continue;
    let changed = mutate(decoded, random, hotSpots(decoded));
    for (let k = 0, n = Math.floor(random() * 3); k < n; k++) changed = insertPiece(changed, random, PDF_PIECES);
    const packed = deflateSync(changed);
    const out = new Uint8Array(begin + packed.length + input.length - end + 1);
    out.set(input.subarray(0, begin));
    out.set(packed, begin);
    out[begin + packed.length] = 0x0a;
    out.set(input.subarray(end), begin + packed.length + 1);
    return out;
  }
  return mutate(input, random, hot);
}

/** A model's JSON tree with a few values replaced by hostile ones (huge, negative, wrong type, deep, empty). */
function mutateModel(text: string, random: () => number, yaml: boolean): string {
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch {
    return text;
  }
  const odd = [
    null,
    0,
    -1,
    1e308,
    -0,
    'x',
    '',
    '=HYPERLINK("x")',
    '999999999999999999999.99',
    [],
    {},
    true,
    1.005,
    2 ** 53 + 1,
    '\u0000',
    '合计',
    { minor: 1, scale: 99, unit: '万元', text: '1' },
  ];
  const nodes: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (nodes.length > 20000 || !v || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      nodes.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(tree);
  for (let k = 0, n = 1 + Math.floor(random() * 4); k < n && nodes.length; k++) {
    const [parent, key] = nodes[Math.floor(random() * nodes.length)];
    const value = (parent as Record<string, unknown>)[key as string];
    const r = random();
    if (r < 0.15 && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (r < 0.25 && Array.isArray(parent)) parent.push(structuredClone(value));
    else if (r < 0.35 && !Array.isArray(parent)) delete parent[key];
    else if (typeof value === 'number')
      (parent as Record<string, unknown>)[key] = [
        value * 10 ** Math.floor(random() * 12),
        -value,
        value + 1,
        Math.floor(value / 7),
        odd[Math.floor(random() * odd.length)],
      ][Math.floor(random() * 5)];
    else if (typeof value === 'string' && random() < 0.5)
      (parent as Record<string, unknown>)[key as string] =
        value.slice(0, Math.floor(random() * value.length)) + TEXT_PIECES[Math.floor(random() * TEXT_PIECES.length)];
    else (parent as Record<string, unknown>)[key as string] = structuredClone(odd[Math.floor(random() * odd.length)]);
  }
  return yaml ? YAML.stringify(tree, { aliasDuplicateObjects: false }) : JSON.stringify(tree);
}

const modelCache = new WeakMap<Uint8Array, string>();

/** One mutant of a fuzz input: structure-aware for zips, PDFs and models most of the time, byte-level otherwise. */
export function mutateInput(
  input: { format: string; bytes: Uint8Array },
  random: () => number,
  hot: number[] = [],
): Uint8Array {
  const { format, bytes } = input;
  const structured = random() < 0.7;
  if (structured && (format === 'docx' || format === 'xlsx')) return mutateZip(bytes, random);
  if (structured && (format === 'pdf' || format === 'corpus-pdf')) return mutatePdf(bytes, random, hot);
  if (structured && (format === 'json' || format === 'yaml')) {
    // YAML models are mutated as their JSON tree (parsed once per input)
    if (!modelCache.has(bytes))
      modelCache.set(
        bytes,
        JSON.stringify(
          format === 'yaml' ? YAML.parse(new TextDecoder().decode(bytes)) : JSON.parse(new TextDecoder().decode(bytes)),
        ),
      );
    return new TextEncoder().encode(mutateModel(modelCache.get(bytes)!, random, format === 'yaml'));
  }
  return mutate(bytes, random, hot);
}

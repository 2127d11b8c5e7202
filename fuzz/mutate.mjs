// Mutators for the fuzz harness: byte-level (flips, overwrites, deletions, duplications, truncation, splices,
// inserted tokens the readers treat specially) and structure-aware for DOCX/XLSX (an XML entry mutated inside a
// valid zip, so the mutant gets past the zip layer). Deterministic from a seed.
import JSZip from 'jszip';

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (list) => list[Math.floor(next() * list.length)] };
}

const enc = new TextEncoder();
const TOKENS = {
  text: ['合计', '总计', '万元', '元', '%', '（类）', '其中：', '一、', '第一部分', '目录', '收支总表', '预算01表', '-', '—', '9'.repeat(40), '0.0000000001', '1e308', '\u202e', '\ufeff', '\t\t\t\t', '\n\n\n', '，'.repeat(500), '一'.repeat(5000), '2022年', '213 ', '2010301'],
  pdf: ['obj', 'endobj', 'stream', 'endstream', '/Length 999999999', '/FlateDecode', '/Filter /LZWDecode', 'xref', 'trailer', '<<', '>>', '/Type /Page', '/Kids [', '999999 0 R', '%%EOF', '/ToUnicode', 'BT /F1 12 Tf (a) Tj ET', '-1e99', '('.repeat(1000)],
  html: ['<table>', '</table>', '<tr>', '<td colspan="100000">', '<td rowspan="100000">', '<th>', '<!--', '<![CDATA[', '&#x0;', '&nbsp;'.repeat(1000), '<table>'.repeat(2000), '<script>', '<meta charset="gbk">', '<br>'.repeat(1000)],
  xml: ['<w:p>', '</w:p>', '<w:t>合计</w:t>', '<w:tbl>', '</w:tbl>', '<w:gridSpan w:val="99999"/>', '<w:vMerge/>', '<c r="XFD1048576"><v>1</v></c>', '<mergeCell ref="A1:XFD1048576"/>', '<v>1e308</v>', '&#0;', '<![CDATA[', '<!ENTITY a "aaaaaaaa">', '<row r="1048576">', '<sheetData>'],
};

function insertAt(bytes, at, piece) {
  const out = new Uint8Array(bytes.length + piece.length);
  out.set(bytes.subarray(0, at));
  out.set(piece, at);
  out.set(bytes.subarray(at), at + piece.length);
  return out;
}

/** One byte-level mutation of `bytes`; `other` is another input for splicing. */
export function mutateBytes(r, bytes, kind, other) {
  const n = bytes.length;
  if (n === 0) return enc.encode(r.pick(TOKENS.text));
  const at = () => r.int(0, n - 1);
  switch (r.int(0, 7)) {
    case 0: { // flip bits
      const out = bytes.slice();
      for (let i = r.int(1, 16); i > 0; i--) out[at()] ^= 1 << r.int(0, 7);
      return out;
    }
    case 1: { // overwrite a range with random bytes
      const out = bytes.slice();
      const start = at();
      for (let i = start, end = Math.min(n, start + r.int(1, 64)); i < end; i++) out[i] = r.int(0, 255);
      return out;
    }
    case 2: { // delete a range
      const start = at();
      const end = Math.min(n, start + r.int(1, Math.max(1, Math.floor(n / 20))));
      const out = new Uint8Array(n - (end - start));
      out.set(bytes.subarray(0, start));
      out.set(bytes.subarray(end), start);
      return out;
    }
    case 3: { // duplicate a range elsewhere
      const start = at();
      const piece = bytes.slice(start, Math.min(n, start + r.int(1, 4096)));
      return insertAt(bytes, at(), piece);
    }
    case 4: // truncate
      return bytes.slice(0, at());
    case 5: // splice with another input
      return other ? (() => {
        const cut = at();
        const from = r.int(0, other.length - 1);
        const out = new Uint8Array(cut + other.length - from);
        out.set(bytes.subarray(0, cut));
        out.set(other.subarray(from), cut);
        return out;
      })() : bytes.slice(0, at());
    default: { // insert tokens the readers care about
      let out = bytes;
      const tokens = TOKENS[kind === 'pdf' ? 'pdf' : kind === 'html' ? 'html' : 'text'];
      for (let i = r.int(1, 4); i > 0; i--) out = insertAt(out, r.int(0, out.length), enc.encode(r.pick(tokens)));
      return out;
    }
  }
}

const dec = new TextDecoder();

/**
 * A text mutant made at the character level (lines dropped, repeated or swapped, numbers and words replaced,
 * tokens inserted), so that it stays text and reaches the extractor; now and then a byte-level one.
 */
export function mutateText(r, bytes, other) {
  if (r.next() < 0.1) return mutateBytes(r, bytes, 'text', other);
  const lines = dec.decode(bytes).split('\n');
  const line = () => r.int(0, lines.length - 1);
  for (let i = r.int(1, 6); i > 0; i--) {
    switch (r.int(0, 6)) {
      case 0: lines.splice(line(), r.int(1, 20)); break;
      case 1: { const at = line(); lines.splice(line(), 0, ...lines.slice(at, at + r.int(1, 30))); break; }
      case 2: { const a = line(); const b = line(); [lines[a], lines[b]] = [lines[b], lines[a]]; break; }
      case 3: { const at = line(); lines[at] = (lines[at] ?? '').replace(/\d+(\.\d+)?/g, () => r.pick(['0', '0.00', '-1.5', '99999999999.99', '1e5', '12.345', '', '—', String(r.int(0, 1e6) / 100)])); break; }
      case 4: { const at = line(); const text = lines[at] ?? ''; const cut = r.int(0, text.length); lines[at] = text.slice(0, cut) + r.pick(TOKENS.text) + text.slice(cut); break; }
      case 5: { const at = line(); lines[at] = (lines[at] ?? '').replace(/\t/g, () => r.pick(['\t', '', '  ', '\t\t', ' | '])); break; }
      default: if (other) { const o = dec.decode(other).split('\n'); const from = r.int(0, o.length - 1); lines.splice(line(), r.int(0, 50), ...o.slice(from, from + r.int(1, 80))); }
    }
  }
  return enc.encode(lines.join('\n'));
}

/** A DOCX/XLSX mutant: one XML entry mutated as bytes inside an otherwise valid zip (or, sometimes, the zip itself). */
export async function mutateZip(r, bytes, other) {
  if (r.next() < 0.25) return mutateBytes(r, bytes, 'zip', other);
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.keys(zip.files).filter((f) => /\.xml$/.test(f) && !zip.files[f].dir);
  const name = r.pick(entries);
  let xml = await zip.file(name).async('uint8array');
  for (let i = r.int(1, 3); i > 0; i--) {
    xml = r.next() < 0.5 ? insertAt(xml, r.int(0, xml.length), enc.encode(r.pick(TOKENS.xml))) : mutateBytes(r, xml, 'text');
  }
  zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

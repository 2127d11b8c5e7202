// Mutants of a reader's input for the fuzz harness and the hostile-input tests: byte flips, random runs, cuts,
// repeats and insertions, aimed half the time inside a PDF's streams or a zip's entries (where the decoders are)
// and, for texts, at the characters the text reader splits on. Deterministic for a given seed.

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
    for (let i = latin.indexOf('stream'); i >= 0 && spots.length < 5000; i = latin.indexOf('stream', i + 6)) spots.push(i + 8);
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

const TEXT_PIECES = ['\t', '\n', '\n\n', '\r', '第一部分', '一、', '（一）', '1.', '表1：', '合计', '万元', '。', '，', '-', '#', '*', '<b>', '\u3000', '201', '2050101', '999999999999999999.99', '(', '）', '\ufeff', '\u0000'];

/** One mutant of `input` (never the same array). `hot` are the offsets from hotSpots (computed once per input). */
export function mutate(input: Uint8Array, random: () => number, hot: number[] = []): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes: Uint8Array = new Uint8Array(input);
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds; r++) {
    const at = hot.length && random() < 0.5 ? Math.min(bytes.length - 1, hot[pick(hot.length)] + pick(64)) : pick(Math.max(1, bytes.length));
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
        if (at + 4 <= bytes.length) new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, [0, 0xffffffff, 0x7fffffff, 0x80000000, 1][pick(5)], true);
    }
  }
  return bytes === input ? new Uint8Array(input) : bytes;
}

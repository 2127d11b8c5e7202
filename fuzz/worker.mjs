// Fuzz worker (a piscina thread): parses one mutant from its bytes as `parse` would, and says how it ended.
// "rejected" is a clean read error (what the CLI reports with exit code 2); anything else thrown is a crash.
import { extractDisclosure, parseText } from '../dist/extract/index.js';
import { detectFormat, readFileBlocks } from '../dist/read/detect.js';
import { ReadError } from '../dist/read/errors.js';
import { decodeText } from '../dist/read/text.js';

export default async function parseMutant({ name, bytes }) {
  const data = new Uint8Array(bytes);
  try {
    if (detectFormat(data) !== 'text') {
      const read = await readFileBlocks(name, data);
      extractDisclosure(read.blocks, { file: name, format: read.format, bytes: data.length, lines: read.lines });
    } else {
      parseText(decodeText(data, name), { file: name, bytes: data.length });
    }
    return { outcome: 'parsed' };
  } catch (err) {
    // the CLI treats these as the input's fault, reported with a message and exit code 2
    if (err instanceof ReadError || (err && typeof err === 'object' && err.exitCode === 2)) return { outcome: 'rejected', message: String(err.message).slice(0, 200) };
    const e = err instanceof Error ? err : new Error(String(err));
    return { outcome: 'crash', message: `${e.name}: ${e.message}`.slice(0, 300), stack: (e.stack ?? '').split('\n').slice(1, 6).join('\n') };
  }
}

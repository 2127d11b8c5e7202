// A PDF whose content streams inflate to gigabytes (one deflated run of 2 GB, or flate inside flate from a file of a
// few kilobytes) is stopped at the stream byte cap before pdfjs holds it, in a child process whose peak memory above
// its baseline stays under 300 MB; the corpus PDFs stay far below the caps.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusDir, repoRoot } from '../support/paths.js';
import { zeroBomb } from './support.js';
import { MAX_PDF_INFLATED_BYTES, MAX_PDF_STREAM_BYTES, pdfInflated } from '../../src/read/pdf-streams.js';

const dir = mkdtempSync(path.join(tmpdir(), 'budgetdoc-pdfbomb-'));

/** `megabytes` of zeros as a zlib stream (the raw deflate bomb with its header and checksum). */
function zlibZeros(megabytes: number): Buffer {
  const n = megabytes * 1024 * 1024;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), zeroBomb(megabytes), adler]);
}

/** A one-page PDF whose page content is `data` with the filters `filter`, with an exact cross-reference table. */
function onePage(data: Buffer, filter: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1'));
  });
  offsets.push(length);
  push(
    Buffer.concat([
      Buffer.from(`4 0 obj\n<< /Filter ${filter} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]),
  );
  const xref = `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  push(Buffer.from(`${xref}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function readInChild(file: string): { outcome: string; extraMb: number; seconds: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests/hostile/zip-bomb-child.ts'), file],
    { encoding: 'utf8', cwd: repoRoot, timeout: 240_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('PDF decompression bombs', () => {
  it.each([
    ['one flate stream of 2 GB', () => onePage(zlibZeros(2048), '/FlateDecode')],
    [
      'flate inside flate (2 GB from a few kilobytes)',
      () => onePage(deflateSync(zlibZeros(2048)), '[/FlateDecode /FlateDecode]'),
    ],
  ])(
    '%s is refused under 300 MB',
    (_, make) => {
      const bytes = make();
      const file = path.join(dir, 'bomb.pdf');
      writeFileSync(file, bytes);
      const r = readInChild(file);
      expect(r.outcome).toMatch(/^ReadError: PDF 解压后过大/);
      expect(r.extraMb).toBeLessThan(300);
    },
    300_000,
  );

  it('the corpus PDFs inflate far below the caps', async () => {
    for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.pdf'))) {
      const r = await pdfInflated(readFileSync(path.join(corpusDir, f)));
      expect(r.over, f).toBeNull();
      expect(r.largest, f).toBeLessThan(MAX_PDF_STREAM_BYTES / 4);
      expect(r.total, f).toBeLessThan(MAX_PDF_INFLATED_BYTES / 16);
    }
  });
});

// Writes a series of samples as one JSON file each, in this thread or split over worker threads (files only:
// every worker writes its own indices, so no ordering is needed and memory stays flat).
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DisclosureSchema, type DocumentKind } from '../model/schema.js';
import { generateSample } from './sample.js';

export type SampleKind = DocumentKind | 'mixed';

export interface SampleSeries {
  kind: SampleKind;
  seed: string;
  start: number;
  count: number;
  dir: string;
  validate?: boolean;
}

export function kindAt(kind: SampleKind, index: number): DocumentKind {
  return kind === 'mixed' ? (index % 2 === 0 ? 'budget' : 'final_account') : kind;
}

/** File name of the i-th sample; stable so that the same (kind, seed, index) always lands in the same file. */
export function sampleFileName(kind: DocumentKind, seed: string, index: number): string {
  const safeSeed = seed.replace(/[^0-9A-Za-z_-]/g, '_');
  return `sample-${kind}-${safeSeed}-${String(index).padStart(6, '0')}.json`;
}

/** Generates and writes indices [from, to) of the series; returns the bytes written. */
export function writeSampleRange(s: SampleSeries, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const kind = kindAt(s.kind, i);
    const doc = generateSample({ kind, seed: s.seed, index: i });
    if (s.validate) DisclosureSchema.parse(doc);
    const json = JSON.stringify(doc);
    bytes += json.length;
    const fd = openSync(join(s.dir, sampleFileName(kind, s.seed, i)), 'w');
    try {
      writeSync(fd, json);
    } finally {
      closeSync(fd);
    }
  }
  return bytes;
}

/** Writes the series with `jobs` threads (1 = this thread). */
export async function writeSampleSeries(s: SampleSeries, jobs: number): Promise<number> {
  if (jobs <= 1) return writeSampleRange(s, s.start, s.start + s.count);
  const per = Math.ceil(s.count / jobs);
  const parts: Array<Promise<number>> = [];
  for (let j = 0; j < jobs; j++) {
    const from = s.start + j * per;
    const to = Math.min(s.start + s.count, from + per);
    if (from >= to) break;
    parts.push(
      new Promise<number>((resolvePart, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { series: s, from, to } });
        worker.once('message', (bytes: number) => resolvePart(bytes));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`sample worker exited with code ${code}`));
        });
      }),
    );
  }
  return (await Promise.all(parts)).reduce((a, b) => a + b, 0);
}

// a worker thread started by writeSampleSeries runs its range and reports the bytes written
if (!isMainThread && (workerData as { series?: SampleSeries } | null)?.series) {
  const { series, from, to } = workerData as { series: SampleSeries; from: number; to: number };
  parentPort!.postMessage(writeSampleRange(series, from, to));
}

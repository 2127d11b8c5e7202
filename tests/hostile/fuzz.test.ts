// A few hundred fuzz mutants of every reader's inputs inside the test run (npm run fuzz runs 10⁵): none may crash
// (throw anything but a read error), hang past 30 s or exhaust a thread's memory.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the harness is plain JavaScript run from dist/ (no type declarations)
import { runFuzz } from '../../fuzz/harness.mjs';

interface FuzzStats {
  done: number;
  parsed: number;
  rejected: number;
  crashes: number;
  hangs: number;
  outOfMemory: number;
  peakRssMb: number;
  seconds: number;
  byFormat: Record<string, { mutants: number }>;
  distinct: Map<string, { outcome: string; format: string; message: string; file: string | null; count: number }>;
}

describe('fuzz: mutants of every reader input through parse', () => {
  it('300 mutants: no crash, no hang, no thread out of memory', { timeout: 900_000 }, async () => {
    const stats = (await runFuzz({
      count: 300,
      seed: 20261203,
      jobs: Math.min(2, os.availableParallelism()),
      timeoutMs: 30_000,
      out: path.resolve(import.meta.dirname, '../../test-artifacts/fuzz'),
    })) as FuzzStats;
    console.log(`fuzz: ${stats.done} mutants in ${stats.seconds.toFixed(0)} s, parsed ${stats.parsed}, rejected ${stats.rejected}, peak ${stats.peakRssMb.toFixed(0)} MB`);
    expect(stats.done).toBe(300);
    // every reader was exercised
    expect(Object.keys(stats.byFormat).sort()).toEqual(['docx', 'html', 'pdf', 'text', 'xlsx']);
    expect(stats.parsed).toBeGreaterThan(0);
    const bad = [...stats.distinct.values()].map((d) => `${d.outcome} ×${d.count} [${d.format}] ${d.message} (${d.file})`);
    expect(bad).toEqual([]);
  });
});

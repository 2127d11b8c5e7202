// A pool of worker threads (piscina) that parse, audit and prepare uploaded files, each within a time and memory
// budget, so that the portal's request thread keeps answering reads while a large or hostile upload is worked on.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ReadError } from '../read/errors.js';
import type { AnalysisReply, AnalysisTask } from './analysis-worker.js';
import type { PreparedDocument } from './documents.js';
import type { Finding } from './finding.js';

export interface AnalysisBudget {
  /** worker threads (default: half the cores, at least 1) */
  threads?: number;
  /** seconds one file may take (default 180; OCR has its own, shorter page and time limits) */
  seconds?: number;
  /** heap of one worker in MB (default 1536) */
  memoryMb?: number;
}

export interface Analysed {
  prepared: PreparedDocument;
  findings: Finding[];
}

export class AnalysisPool {
  readonly #pool: Piscina;
  readonly #seconds: number;

  constructor(budget: AnalysisBudget = {}) {
    this.#seconds = budget.seconds ?? 180;
    // from the TypeScript sources (tests, tsx) the worker loads them through tsx; compiled code loads the .js
    const fromSources = import.meta.url.endsWith('.ts');
    this.#pool = new Piscina({
      filename: new URL(fromSources ? './analysis-worker.ts' : './analysis-worker.js', import.meta.url).href,
      ...(fromSources ? { execArgv: ['--import', 'tsx'] } : {}),
      minThreads: 0,
      maxThreads: Math.max(1, budget.threads ?? Math.floor(availableParallelism() / 2)),
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb ?? 1536 },
    });
  }

  /** Parses, audits and prepares one file; a ReadError (naming `name`, never a path) when it cannot be read. */
  async analyse(name: string, bytes: Uint8Array, region?: string): Promise<Analysed> {
    const task: AnalysisTask = { name, bytes, region };
    let reply: AnalysisReply;
    try {
      reply = (await this.#pool.run(task, { signal: AbortSignal.timeout(this.#seconds * 1000) })) as AnalysisReply;
    } catch (err) {
      const e = err as { name?: string; code?: string; message?: string };
      if (e.name === 'AbortError' || e.name === 'TimeoutError') {
        throw new ReadError(
          name,
          `处理超时（超过 ${this.#seconds} 秒）(took longer than ${this.#seconds} s)`,
          'check that this is the disclosure file, or split it',
        );
      }
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message ?? '')) {
        throw new ReadError(
          name,
          '处理时超出内存限制 (ran out of its memory budget)',
          'check that this is the disclosure file, or split it',
        );
      }
      throw new ReadError(name, '读取时出错 (the reader failed)', 'check the file, or pass it in another format');
    }
    if (!reply.ok) {
      if (reply.read) throw new ReadError(name, reply.reason, reply.hint);
      throw new Error(reply.reason);
    }
    return { prepared: reply.prepared, findings: reply.findings };
  }

  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

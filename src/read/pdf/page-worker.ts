// Worker thread of the PDF reader: reads PDFs' pages (pages.ts) one file at a time, as the reader sends them, and
// posts the pages back, telling the reader which thread it is and when each page begins, so that the reader can time
// each page by this thread's CPU and terminate the thread at the limit. It is kept for the next file while idle.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ReadError } from '../errors.js';
import { readPages } from './pages.js';
import { pdfErrorText } from './text-layer.js';

/** A file to read. */
export interface PageWorkerTask {
  bytes: Uint8Array;
  file: string;
}

/** What the worker posts: its Linux thread id once, then per file each page's start and the pages or the refusal. */
export type PageWorkerMessage =
  | { kind: 'thread'; tid: number }
  | { kind: 'page'; page: number; of: number }
  | { kind: 'done'; result: Awaited<ReturnType<typeof readPages>> }
  | { kind: 'refused'; reason: string; hint?: string }
  | { kind: 'damaged'; cause: string };

/** This thread's id as the kernel knows it (/proc/self/task/<tid>), or 0 off Linux. */
function linuxThreadId(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    return Number(stat.slice(0, stat.indexOf(' '))) || 0;
  } catch {
    return 0;
  }
}

const port = parentPort;
if (port) {
  const post = (m: PageWorkerMessage) => port.postMessage(m);
  post({ kind: 'thread', tid: linuxThreadId() });
  const read = async ({ bytes, file }: PageWorkerTask) => {
    try {
      post({ kind: 'done', result: await readPages(bytes, file, (page, of) => post({ kind: 'page', page, of })) });
    } catch (err) {
      if (err instanceof ReadError) post({ kind: 'refused', reason: err.reason, hint: err.hint });
      else post({ kind: 'damaged', cause: pdfErrorText(err) });
    }
  };
  port.on('message', (task: PageWorkerTask) => void read(task));
}

// Worker thread of the PDF reader: reads one PDF's pages (pages.ts) and posts them back, telling the reader when each
// page begins and which thread it is, so that the reader can time each page by this thread's CPU and terminate it.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ReadError } from '../errors.js';
import { readPages } from './pages.js';
import { pdfErrorText } from './text-layer.js';

/** What the worker posts: its Linux thread id, each page's start, then the pages or the reason they cannot be read. */
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
  const { bytes, file } = workerData as { bytes: Uint8Array; file: string };
  const post = (m: PageWorkerMessage) => port.postMessage(m);
  post({ kind: 'thread', tid: linuxThreadId() });
  try {
    post({ kind: 'done', result: await readPages(bytes, file, (page, of) => post({ kind: 'page', page, of })) });
  } catch (err) {
    if (err instanceof ReadError) post({ kind: 'refused', reason: err.reason, hint: err.hint });
    else post({ kind: 'damaged', cause: pdfErrorText(err) });
  }
}

// What the web app is built from: the store, the write token, and the parse/audit stages for uploads.
import type { Store } from '../store/database.js';
import type { Analysed } from '../store/analysis-pool.js';
import type { Analysis } from '../store/import-files.js';

export interface AppOptions {
  store: Store;
  /** token for import, upload, publish and delete; without one, writes are refused */
  token?: string;
  analysis: Analysis;
  /** parses, audits and prepares uploads off the request thread (`serve` passes an AnalysisPool); without it
   *  uploads are analysed on the request thread with `analysis` (tests) */
  uploads?: { analyse(name: string, bytes: Uint8Array): Promise<Analysed> };
  /** largest accepted upload in bytes (default 20 MiB) */
  uploadLimit?: number;
  /** seconds a public GET response may be served from the cache (default 0: off; `serve` uses 30) */
  cacheSeconds?: number;
}

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

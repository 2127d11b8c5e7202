// A document's stored source file for the page-region view: a light look-up (status, format, content hash) that
// render caches key on, and the bytes themselves only when a page has to be rendered.
import { gunzipSync } from 'node:zlib';
import type { Store } from './database.js';

export interface SourceFileInfo {
  id: number;
  status: string;
  file: string;
  format: string;
  /** the content hash of the source bytes: a rendered page stays valid as long as it is the same */
  hash: string;
}

export async function sourceFileInfo(store: Store, id: number): Promise<SourceFileInfo | undefined> {
  const row = await store.db
    .selectFrom('documents')
    .select(['id', 'status', 'source_file', 'source_format', 'content_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, status: row.status, file: row.source_file, format: row.source_format, hash: row.content_hash }
    : undefined;
}

/** The source file as received (stored gzip-compressed). */
export async function sourceFileBytes(store: Store, id: number): Promise<Uint8Array | undefined> {
  const row = await store.db.selectFrom('documents').select('source_bytes').where('id', '=', id).executeTakeFirst();
  return row ? new Uint8Array(gunzipSync(row.source_bytes)) : undefined;
}

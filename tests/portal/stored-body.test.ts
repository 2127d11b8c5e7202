// Page bodies rendered at import (src/web/stored-body.ts): a document page built from the stored body is the page
// rendered from the model, byte for byte (findings with their markers and anchors, PDF source links, tables,
// treemap); a body rendered by other code is never shown; a body goes with its document.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/index.js';
import { defaultAnalysis } from '../../src/store/analysis.js';
import { openStore, type Store } from '../../src/store/database.js';
import { deleteDocument, storeDocument } from '../../src/store/documents.js';
import { importFile } from '../../src/store/import-files.js';
import { createApp } from '../../src/web/app.js';
import { STORED_BODY_MODULE } from '../../src/web/stored-body.js';
import { generateSample } from '../../src/write/sample.js';
import { repoRoot, seedsDir } from './support/corpus.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const FILES = [
  path.join(seedsDir, '000_6d5137b5af398648.txt'),
  path.join(seedsDir, '003_783022c0c0399fdf.txt'),
  // PDFs: figures and findings link to their page regions (the document's id is filled in when the page is read)
  path.join(corpus, '002.pdf'),
  path.join(corpus, '035.pdf'),
];

describe('page bodies stored at import', () => {
  let withBodies: Store;
  let without: Store;
  const ids: number[] = [];

  beforeAll(async () => {
    withBodies = await openStore({ data: 'memory:', bodies: STORED_BODY_MODULE });
    without = await openStore({ data: 'memory:' });
    for (const store of [withBodies, without]) {
      for (const file of FILES) {
        const imported = await importFile(store, file, defaultAnalysis);
        expect(imported.outcome, imported.error).toBe('imported');
        if (store === withBodies) ids.push(imported.id!);
      }
      // a generated final account with a broken cell: findings on a table row, a sample's full explanations
      const model = generateSample({ kind: 'final_account', seed: 'bodies', index: 3 });
      const cell = model.tables
        .filter((t) => t.status === 'present')
        .flatMap((t) => t.rows)
        .flatMap((r) => r.cells)
        .find((c) => c.amount && c.amount.minor > 0)!;
      cell.amount = { ...cell.amount!, minor: cell.amount!.minor + 700, text: '' };
      const stored = await storeDocument(store, {
        model,
        findings: audit(model),
        source: { file: 'bodies.json', bytes: new TextEncoder().encode(JSON.stringify(model)) },
      });
      if (store === withBodies) ids.push(stored.id);
    }
  }, 300_000);
  afterAll(async () => {
    await withBodies?.close();
    await without?.close();
  });

  const page = async (store: Store, id: number) => {
    const res = await createApp({ store, analysis: defaultAnalysis }).request(`/documents/${id}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const bodies = async (store: Store) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from document_bodies`.execute(store.db)).rows[0].n);

  it('stores a body for every document imported with a renderer, none without', async () => {
    expect(await bodies(withBodies)).toBe(ids.length);
    expect(await bodies(without)).toBe(0);
  });

  it('builds the same page from the stored body as from the model', async () => {
    let findings = 0;
    let sourceLinks = 0;
    for (const id of ids) {
      const stored = await page(withBodies, id);
      expect(stored).toBe(await page(without, id));
      // no placeholder is left over
      expect(stored.includes('\u0001')).toBe(false);
      findings += (stored.match(/<tr id="finding-\d+"/g) ?? []).length;
      sourceLinks += (stored.match(new RegExp(`href="/documents/${id}/source/page/`, 'g')) ?? []).length;
    }
    // the comparison covers findings and source links, not only pages without them
    expect(findings).toBeGreaterThan(3);
    expect(sourceLinks).toBeGreaterThan(10);
  });

  it('reads the stored body, and ignores one rendered by other code', async () => {
    const id = ids[0];
    const live = await page(without, id);
    await sql`update document_bodies set tail = tail || '<p id="probe"></p>' where document_id = ${id}`.execute(
      withBodies.db,
    );
    expect(await page(withBodies, id)).toContain('<p id="probe"></p>');
    await sql`update document_bodies set renderer = 'other code' where document_id = ${id}`.execute(withBodies.db);
    expect(await page(withBodies, id)).toBe(live);
  });

  it('deletes the body with its document', async () => {
    const id = ids[ids.length - 1];
    expect(await deleteDocument(withBodies, id)).toBe(true);
    expect(await bodies(withBodies)).toBe(ids.length - 1);
  });
});

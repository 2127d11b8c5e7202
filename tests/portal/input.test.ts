// The one input reader (src/write/input.ts) behind `check`/`parse`, `import` and upload: an input workbook gives the
// same model on all three paths (before, import and upload read it as a published workbook), a model uploaded is
// stored as it is, and a file in no readable format is refused with the same Chinese reason everywhere.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../../src/cli/read-model.js';
import type { Disclosure } from '../../src/model/schema.js';
import { defaultAnalysis } from '../../src/store/analysis.js';
import type { Store } from '../../src/store/database.js';
import { importFiles } from '../../src/store/import-files.js';
import { getDocument } from '../../src/store/queries.js';
import { createApp } from '../../src/web/app.js';
import { renderWorkbook } from '../../src/write/workbook.js';
import { generateSample } from '../../src/write/sample.js';
import { modelBytes } from './support/fixtures.js';
import { openTestStore } from './support/stores.js';

const TOKEN = 'input-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
const work = mkdtempSync(path.join(tmpdir(), 'budgetdoc-input-'));

/** The model without the name it was read under (a path for check and import, the upload's own name there). */
const unnamed = (doc: Disclosure) => ({ ...doc, source: { ...doc.source, file: '' } });

describe('one input reader for check, import and upload', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  const upload = (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    return app.request('/api/documents', { method: 'POST', body: form, headers: auth });
  };

  beforeAll(async () => {
    store = await openTestStore('pglite');
    app = createApp({ store, token: TOKEN, analysis: defaultAnalysis });
  });
  afterAll(async () => {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('an input workbook: import and upload store the model check and parse read from it', async () => {
    const sample = generateSample({ kind: 'final_account', seed: 'one-input', index: 1 });
    const bytes = new Uint8Array(await renderWorkbook(sample));
    const file = path.join(work, '填报.xlsx');
    writeFileSync(file, bytes);
    const checked = await readModel(file);
    // read as an input workbook: the unit and the particulars come from its sheets (a published reading of the
    // table sheets has no 主要职能)
    expect(checked.unit.name).toBe(sample.unit.name);
    expect(sample.overview.functions.length).toBeGreaterThan(0);
    expect(checked.overview.functions.map((f) => f.text)).toEqual(sample.overview.functions.map((f) => f.text));

    const imported = await importFiles(store, [file], defaultAnalysis);
    expect(imported.results[0].outcome, imported.results[0].error).toBe('imported');
    const stored = await getDocument(store, imported.results[0].id!);
    expect(unnamed(stored!.model)).toEqual(unnamed(checked));

    // the same bytes uploaded to this store would be "already known": uploaded into a fresh store instead
    const other = await openTestStore('pglite');
    try {
      const uploadApp = createApp({ store: other, token: TOKEN, analysis: defaultAnalysis });
      const form = new FormData();
      form.set('file', new File([bytes], '填报.xlsx'));
      const res = await uploadApp.request('/api/documents', { method: 'POST', body: form, headers: auth });
      expect(res.status).toBe(201);
      const uploaded = await getDocument(other, (await res.json()).id);
      expect(uploaded!.model.source.file).toBe('填报.xlsx');
      expect(unnamed(uploaded!.model)).toEqual(unnamed(checked));
    } finally {
      await other.close();
    }
  });

  it('a model JSON uploaded is stored as it is', async () => {
    const sample = generateSample({ kind: 'budget', seed: 'one-input-model', index: 2 });
    const res = await upload('模型.json', new Uint8Array(modelBytes(sample)));
    expect(res.status).toBe(201);
    const stored = await getDocument(store, (await res.json()).id);
    expect(stored!.model).toEqual(sample);
  });

  it('a file in no readable format: the same Chinese reason from check, import and upload', async () => {
    // a PNG header: binary, neither PDF, zip nor text
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const reason = '无法识别的文件格式，不是 PDF、Word (.docx)、Excel (.xlsx)、网页 (.html)、UTF-8 文本 (.txt/.md) 或 budgetdoc 模型 (.json/.yaml) — 请提供以上格式之一的预算或决算公开文件';
    const file = path.join(work, '图片.png');
    writeFileSync(file, bytes);

    const cli = await readModel(file).then(() => '', (err: Error) => err.message);
    expect(cli).toBe(`${file}: ${reason}`);

    const imported = await importFiles(store, [file], defaultAnalysis);
    expect(imported.results[0].outcome).toBe('failed');
    expect(imported.results[0].error).toBe(`${file}: ${reason}`);

    for (const name of ['图片.png', '图片.txt']) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(415);
      expect((await res.json()).error.message).toBe(`${name}：${reason}`);
    }
  });
});

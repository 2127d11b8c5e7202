// The portal served on a loopback port over the small test corpus, and Debian's Chromium (playwright-core, never a
// downloaded browser) to read it. Shared by the browser tests; screenshots go to test-artifacts/portal/.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/tools.js';
import type { Disclosure } from '../../../src/model/schema.js';
import { defaultAnalysis } from '../../../src/store/analysis.js';
import type { Store } from '../../../src/store/database.js';
import { createApp } from '../../../src/web/app.js';
import { importCorpus, repoRoot, writeModelFiles } from './corpus.js';
import { openTestStore } from './stores.js';

export const ARTIFACTS = path.join(repoRoot, 'test-artifacts/portal');

export interface Portal {
  base: string;
  store: Store;
  browser: Browser;
  close(): Promise<void>;
}

/** `extra`: more models (file name → model) imported after the usual corpus. */
export async function startPortal(
  token = 'browser-test-token',
  extra: Record<string, Disclosure> = {},
): Promise<Portal> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const corpus = writeModelFiles();
  for (const [name, doc] of Object.entries(extra)) writeFileSync(path.join(corpus.dir, name), JSON.stringify(doc));
  const store = await openTestStore('pglite');
  await importCorpus(store, corpus.dir);
  const app = createApp({ store, token, analysis: defaultAnalysis });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    base,
    store,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      corpus.cleanup();
    },
  };
}

// readModel, the CLI's one reader of any input: a path that is not a disclosure-sized file is refused with the same
// clear error as parse, and the size is judged before the file is read (a huge file never enters memory).
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { readModel } from '../../src/cli/read-model.js';
import { MAX_INPUT_BYTES } from '../../src/extract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-read-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(path: string): Promise<UserError> {
  const err = await readModel(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).exitCode).toBe(2);
  return err as UserError;
}

describe('readModel refuses what is not a disclosure file', () => {
  it('a missing file: says so and what to do', async () => {
    const err = await refusal(join(dir, 'missing.json'));
    expect(err.message).toMatch(/文件不存在.*check the path/);
  });

  it('a directory', async () => {
    expect((await refusal(dir)).message).toMatch(/这是一个目录/);
  });

  it('a file over the size limit, judged from its size alone (a sparse file: its bytes are never read)', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES * 50);
    const rssBefore = process.memoryUsage().rss;
    const err = await refusal(huge);
    expect(err.message).toMatch(/文件过大/);
    // reading the 1 GB file whole would have raised the resident size by about that much
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(MAX_INPUT_BYTES * 10);
  });
});

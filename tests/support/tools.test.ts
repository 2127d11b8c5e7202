// The system-tool helper: a present tool runs the test; a missing one fails it under CI and skips it elsewhere.
import { describe, expect, it } from 'vitest';
import { missingReason, toolVerdict } from './tools.js';

describe('system tools', () => {
  it('a missing tool fails under CI and skips elsewhere; a present one runs', () => {
    expect(toolVerdict(undefined, true)).toBe('run');
    expect(toolVerdict(undefined, false)).toBe('run');
    expect(toolVerdict('tesseract not found', true)).toBe('fail');
    expect(toolVerdict('tesseract not found', false)).toBe('skip');
  });

  it('under CI every tool the tests need is installed (.ci/apt-packages.txt)', (ctx) => {
    if (!process.env.CI) ctx.skip('only checked under CI');
    for (const tool of ['tesseract', 'poppler', 'chromium', 'soffice'] as const)
      expect(missingReason(tool)).toBeUndefined();
  });

  it('a missing tool is named with the Debian packages that bring it', () => {
    const reason = missingReason('soffice');
    if (reason) expect(reason).toContain('libreoffice-writer-nogui');
    else expect(reason).toBeUndefined();
  });
});

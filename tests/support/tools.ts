// The system tools some tests need (tesseract OCR, poppler's pdftotext/pdftoppm, Chromium, LibreOffice), detected in one place.
// CI installs them all (.ci/apt-packages.txt), so there a missing tool fails the test that needs it, as a missing
// PostgreSQL does; on a developer's machine the test is skipped and the reason printed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: playwright-core drives it, never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

export type Tool = 'tesseract' | 'poppler' | 'chromium' | 'soffice';

interface ToolInfo {
  /** what is missing, in words */
  what: string;
  /** the Debian packages that bring it */
  packages: string;
  present(): boolean;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const TOOLS: Record<Tool, ToolInfo> = {
  tesseract: {
    what: 'tesseract OCR with the chi_sim language',
    packages: 'tesseract-ocr tesseract-ocr-chi-sim',
    present: () =>
      (spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? '').split(/\s+/).includes('chi_sim'),
  },
  poppler: {
    what: "poppler's pdftotext and pdftoppm",
    packages: 'poppler-utils',
    present: () => ['pdftotext', 'pdftoppm'].every((c) => spawnSync(c, ['-v'], { stdio: 'ignore' }).status === 0),
  },
  chromium: { what: `Chromium at ${CHROMIUM}`, packages: 'chromium', present: () => existsSync(CHROMIUM) },
  soffice: { what: 'LibreOffice (soffice)', packages: 'libreoffice-writer-nogui', present: () => onPath('soffice') },
};

const found = new Map<Tool, boolean>();
const warned = new Set<Tool>();

/** Whether the tool is installed (probed once per test file). */
export function hasTool(tool: Tool): boolean {
  let present = found.get(tool);
  if (present === undefined) {
    present = TOOLS[tool].present();
    found.set(tool, present);
  }
  return present;
}

/** Why the tool is missing, with what installs it; undefined when it is there. */
export function missingReason(tool: Tool): string | undefined {
  if (hasTool(tool)) return undefined;
  const t = TOOLS[tool];
  return `${t.what} not found (Debian: apt-get install ${t.packages}; listed in .ci/apt-packages.txt)`;
}

/** Whether this run must have every tool: under CI a missing tool is a failure, not a skip. */
export const toolsRequired = (): boolean => Boolean(process.env.CI);

/** What a test that needs a tool does: run it, fail (CI without the tool) or skip (elsewhere without it). */
export function toolVerdict(missing: string | undefined, ci: boolean): 'run' | 'fail' | 'skip' {
  if (!missing) return 'run';
  return ci ? 'fail' : 'skip';
}

/**
 * For `describe.skipIf(skipWithout(…))` around tests that start the tools in their hooks: true (the reason printed)
 * when one is missing outside CI; under CI a missing tool fails the file at once with the reason.
 */
export function skipWithout(...tools: Tool[]): boolean {
  const reasons = tools.map(missingReason).filter((r): r is string => r !== undefined);
  const verdict = toolVerdict(reasons.length ? reasons.join('; ') : undefined, toolsRequired());
  if (verdict === 'fail') throw new Error(`${reasons.join('; ')}: CI must have it`);
  if (verdict === 'skip') console.warn(`skipped: ${reasons.join('; ')}`);
  return verdict === 'skip';
}

interface SkippableContext {
  skip(note?: string): never;
}

/**
 * At the start of a test (or in a beforeEach) that needs the tool: returns when it is installed; else fails the test
 * under CI, and elsewhere skips it with the reason printed once per file.
 */
export function needTool(ctx: SkippableContext, tool: Tool): void {
  const reason = missingReason(tool);
  const verdict = toolVerdict(reason, toolsRequired());
  if (verdict === 'run') return;
  if (verdict === 'fail') throw new Error(`${reason}: CI must have it`);
  if (!warned.has(tool)) {
    warned.add(tool);
    console.warn(`skipped: ${reason}`);
  }
  ctx.skip(reason);
}

/** Debian's Chromium, headless, with nothing fetched from the network: the one launch the browser tests share. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

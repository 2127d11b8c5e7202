// The inputs of parse/check: files, folders (walked, sorted) and globs (tinyglobby), each with the relative name
// its output takes under --out; a path that does not exist is kept, so that its reader reports it like any bad file.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UserError } from './errors.js';

export interface InputFile {
  /** the path to read, as given or found */
  path: string;
  /** the name its output takes under --out: the path inside a folder or below a glob's fixed part, else the base name */
  name: string;
}

/** Extensions a folder contributes: every format the readers take. */
export const DISCLOSURE_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx', '.xlsx', '.html', '.htm'];
/** check also audits models (JSON/YAML as parse and sample write them). */
export const MODEL_EXTENSIONS = ['.json', '.yaml', '.yml'];

function walk(dir: string, base: string, extensions: Set<string>, out: InputFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const s = statSync(full);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch {
        continue; // a dangling link is no input
      }
    }
    if (isDir) walk(full, base, extensions, out);
    else if (isFile && extensions.has(path.extname(e.name).toLowerCase()))
      out.push({ path: full, name: path.relative(base, full) });
  }
}

/** The part of a glob before its first pattern segment ("reports/2024/**\/*.pdf" → "reports/2024"). */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

/**
 * Expands the command's arguments in order: a folder gives its files with one of `extensions` (recursively, sorted by
 * name), a glob its matches (sorted), a file itself whatever its extension. A folder without such files or a glob
 * matching nothing is a usage error (exit 2) naming it; so is no argument at all.
 */
export async function expandInputs(args: string[], extensions: string[]): Promise<InputFile[]> {
  const wanted = new Set(extensions);
  const files: InputFile[] = [];
  for (const arg of args) {
    let info;
    try {
      info = statSync(arg);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      const found: InputFile[] = [];
      try {
        walk(arg, arg, wanted, found);
      } catch (err) {
        throw new UserError(`无法读取目录 ${arg}: ${(err as Error).message} — 请检查权限`, 2);
      }
      if (!found.length)
        throw new UserError(
          `目录 ${arg} 中没有可读取的文件 (no ${extensions.join(' ')} files in this directory) — 请检查路径`,
          2,
        );
      files.push(...found);
    } else if (!info && isDynamicPattern(arg)) {
      const matches = await glob(arg, { onlyFiles: true, expandDirectories: false, dot: false });
      if (!matches.length)
        throw new UserError(`没有与 ${arg} 匹配的文件 (the pattern matches no file) — 请检查路径或模式`, 2);
      const base = globBase(arg);
      matches.sort();
      for (const m of matches) files.push({ path: m, name: path.relative(base, m) });
    } else {
      // a file, or a path that does not exist: its reader names the problem with the other bad files
      files.push({ path: arg, name: path.basename(arg) });
    }
  }
  return files;
}

// The audit configuration file (budgetdoc.config.json): turn rules off or re-grade them. Documented in docs/audit.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RULES } from './rules/index.js';
import type { RuleSetting } from './index.js';

export const CONFIG_FILE_NAME = 'budgetdoc.config.json';

const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    audit: z
      .object({
        rules: z.record(z.string(), z.enum(['off', 'error', 'warning', 'info'])).optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ConfigError';
  }
}

export interface AuditConfig {
  file?: string;
  rules: Record<string, RuleSetting>;
}

/** Parses a configuration text; rule ids must exist. */
export function parseConfig(text: string, file: string): AuditConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, `不是有效的 JSON（${err instanceof Error ? err.message : String(err)}）`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      file,
      `配置格式错误：${issue.path.join('.') || '(根)'} ${issue.message}；规则级别只能是 off、error、warning、info`,
    );
  }
  const rules = parsed.data.audit?.rules ?? {};
  const known = new Set(RULES.map((r) => r.meta.id));
  const unknown = Object.keys(rules).filter((id) => !known.has(id));
  if (unknown.length)
    throw new ConfigError(file, `未知的规则：${unknown.join(', ')}（用 budgetdoc check --list-rules 查看全部规则）`);
  return { file, rules };
}

/** Loads the given file, or budgetdoc.config.json in `cwd` when it exists; no file means no changes. */
export function loadConfig(explicit: string | undefined, cwd: string = process.cwd()): AuditConfig {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError(explicit, '配置文件不存在');
    return { rules: {} };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, `无法读取（${err instanceof Error ? err.message : String(err)}）`);
  }
  return parseConfig(text, explicit ?? CONFIG_FILE_NAME);
}

// Loading a disclosure model from text: JSON (as `parse --format json` and `sample` write it) or the same tree as
// YAML, validated against the schema; one error type with a one-line message naming the file and the field.
import { parse as parseYaml } from 'yaml';
import { DisclosureSchema, type Disclosure } from './schema.js';

export class ModelLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export { modelSyntax, type ModelSyntax } from './syntax.js';
import { modelSyntax, type ModelSyntax } from './syntax.js';

/** Parses and validates a model; throws ModelLoadError with one line naming the file and the first bad field. */
export function loadModelText(
  text: string,
  file: string,
  syntax: ModelSyntax = modelSyntax(file, text) ?? 'json',
): Disclosure {
  let data: unknown;
  try {
    data = syntax === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 1000 });
  } catch (err) {
    const first = String((err as Error).message).split('\n')[0];
    throw new ModelLoadError(
      `${file} 不是有效的 ${syntax === 'json' ? 'JSON' : 'YAML'}: ${first} — 请提供 budgetdoc parse --format json 的输出或同结构的 YAML`,
    );
  }
  const parsed = DisclosureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelLoadError(
      `${file} 不符合数据模型: ${issue.path.join('.') || '(根)'}: ${issue.message} — 见 schema/disclosure.schema.json`,
    );
  }
  return parsed.data;
}

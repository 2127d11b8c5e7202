// Which syntax a model file holds (JSON or YAML) or none: apart from load.ts so that callers who only ask need not
// load the YAML parser and the schema.
export type ModelSyntax = 'json' | 'yaml';

/**
 * Which syntax a file holds, or null when it is neither (a disclosure text): `.json`/`.yaml`/`.yml` by extension;
 * otherwise by content — JSON starts with `{`, YAML with a `schemaVersion:` key (a `---` line may precede it).
 */
export function modelSyntax(file: string, text: string): ModelSyntax | null {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (/^(?:---[^\n]*\n\s*)?(?:#[^\n]*\n\s*)*schemaVersion\s*:/.test(head)) return 'yaml';
  return null;
}

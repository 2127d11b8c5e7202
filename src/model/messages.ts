// Message templates with {name} placeholders, typed: the names a template uses are read from its literal type, so a
// caller that leaves one out or passes one the template does not use fails to compile. Used by the parse warnings'
// message table (extract/warning-messages.zh-CN.ts) and the auditor's (audit/messages.zh-CN.ts).

/** The placeholder names of a template literal type: '“{table}”中“{row}”' → 'table' | 'row'. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The values a template needs: exactly its placeholders (none: an empty object). */
export type MessageData<S extends string> = [Placeholders<S>] extends [never]
  ? Record<string, never>
  : { [P in Placeholders<S>]: string | number };

/** Fills a template's {placeholders}; an unknown placeholder is left visible so a missing value is noticed. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

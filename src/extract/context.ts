// What every extractor knows about the document being read, and where it reports what it could not read.
import type { DocumentKind, DocumentScope, ParseWarning, Place } from '../model/schema.js';
import type { WarningCode } from '../model/warnings.js';

export interface ExtractContext {
  file: string;
  kind: DocumentKind;
  scope: DocumentScope;
  year: number;
  /** the unit's name as established from the title/signature */
  unitName: string;
  warnings: ParseWarning[];
}

export function warn(ctx: ExtractContext, code: WarningCode, message: string, at?: Place): void {
  ctx.warnings.push(at ? { code, message, at } : { code, message });
}

// What every extractor knows about the document being read, and where it reports what it could not read.
import type { DocumentKind, DocumentScope, ParseWarning, Place } from '../model/schema.js';
import { fillTemplate, type MessageData } from '../model/messages.js';
import { WARNING_MESSAGES, type WarningMessageId } from './warning-messages.zh-CN.js';

export interface ExtractContext {
  file: string;
  kind: DocumentKind;
  scope: DocumentScope;
  year: number;
  /** the unit's name as established from the title/signature */
  unitName: string;
  warnings: ParseWarning[];
}

/** Reports a parse warning: its code and wording come from the message table, the values from the caller. */
export function warn<K extends WarningMessageId>(
  ctx: ExtractContext,
  id: K,
  data: MessageData<(typeof WARNING_MESSAGES)[K]['text']>,
  at?: Place,
): void {
  const { code, text } = WARNING_MESSAGES[id];
  const message = fillTemplate(text, data);
  ctx.warnings.push(at ? { code, message, at } : { code, message });
}

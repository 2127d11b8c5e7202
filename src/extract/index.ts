// Entry point of parsing: input file or text → blocks (read) → the disclosure model (extract).
import type { Disclosure } from '../model/schema.js';

export interface ParseOptions {
  /** file name recorded in the model's source */
  file: string;
  bytes?: number;
}

/** Parses the text of a disclosure (text/Markdown converted from PDF, as in ../shared/seeds). */
export function parseText(text: string, options: ParseOptions): Disclosure {
  void text;
  void options;
  throw new Error('not implemented yet');
}

/** Reads and parses a file; throws ReadError (clear message, exit code 2) when it cannot be read. */
export async function parseFile(path: string): Promise<Disclosure> {
  void path;
  throw new Error('not implemented yet');
}

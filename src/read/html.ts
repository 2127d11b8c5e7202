// The HTML reader (to be completed): refuses the format with a clear reason for now.
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';

export async function readHtml(bytes: Uint8Array, file: string): Promise<ReadResult> {
  void bytes;
  throw new ReadError(file, '暂不支持 HTML 格式 (HTML not yet supported)', 'convert it to PDF or text');
}

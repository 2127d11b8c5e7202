// The XLSX reader (to be completed): refuses the format with a clear reason for now.
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';

export async function readXlsx(bytes: Uint8Array, file: string): Promise<ReadResult> {
  void bytes;
  throw new ReadError(file, '暂不支持 XLSX 格式 (XLSX not yet supported)', 'convert it to PDF or text');
}

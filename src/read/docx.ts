// The DOCX reader: mammoth turns the document into HTML (headings by Word style, tables with merged cells as
// colspan/rowspan), which the HTML reader turns into blocks. Places are line numbers of that rendering.
import type { ReadResult } from './blocks.js';
import { ReadError } from './errors.js';
import { readHtmlString } from './html.js';

export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    // images are dropped: disclosures carry no figures the model needs, and inlining them would only cost memory
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new ReadError(
      file,
      `Word 文件已损坏或无法读取 (damaged DOCX: ${String((err as Error)?.message ?? err).split('\n')[0]})`,
      'open and save it again in Word or WPS, or pass a PDF',
    );
  }
  // one element per line, so that places (line numbers) point at paragraphs and table rows
  const lined = html.replace(/(<\/(?:p|h[1-6]|tr|li|table)>)/g, '$1\n');
  return readHtmlString(lined, 'docx', bytes.length);
}

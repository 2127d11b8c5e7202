// The writer's entry point: a disclosure model → one output format (pure: model in, bytes out).
import type { Disclosure } from '../model/schema.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';
import { renderText } from './text.js';
import { renderXlsx } from './xlsx.js';

export const RENDER_FORMATS = ['html', 'docx', 'pdf', 'xlsx', 'md'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export const FORMAT_EXTENSIONS: Record<RenderFormat, string> = {
  html: '.html',
  docx: '.docx',
  pdf: '.pdf',
  xlsx: '.xlsx',
  md: '.md',
};

/** Renders a disclosure in one format. Text formats come back as UTF-8 bytes too, ready to write. */
export async function renderDisclosure(doc: Disclosure, format: RenderFormat): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'md':
      return Buffer.from(renderText(doc), 'utf8');
    case 'docx':
      return renderDocx(doc);
    case 'pdf':
      return renderPdf(doc);
    case 'xlsx':
      return renderXlsx(doc);
  }
}

export { renderDocx, renderHtml, renderPdf, renderText, renderXlsx };
export { generateSample } from './sample.js';

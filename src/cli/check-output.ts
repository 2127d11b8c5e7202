// Where `budgetdoc check` sends each document's result: how one document's report is rendered (in the worker that
// audited it: renderCheck), and sinks that receive the rendered reports in input order as each document finishes,
// and the end of the run. The format sinks write text, JSON, JSON lines or HTML to stdout or one file per
// document; other sinks (a summary over all documents, say) plug in beside them.
import { findingsJson, formatText, htmlSection, htmlStart, HTML_END, type DocumentFindings } from '../audit/report.js';
import { writeOut, type OutDir } from './batch.js';
import type { InputFile } from './inputs.js';
import type { CheckResult } from './tasks.js';

export type CheckFormat = 'text' | 'json' | 'ndjson' | 'html';

/** How a document's report is rendered: its format, and whether it goes to stdout (a JSON object of its own when
 *  `single`, else an element of the array) or to a file of its own (--out). */
export interface CheckRender {
  format: CheckFormat;
  pretty: boolean;
  to: 'stdout' | 'out';
  single: boolean;
}

export interface CheckSink {
  /** a document read, audited and rendered, in input order (`input` names it for --out) */
  document(result: CheckResult, input: InputFile): void | Promise<void>;
  /** after the last document (unreadable files were reported on stderr already) */
  end(): void | Promise<void>;
}

function json(d: DocumentFindings, pretty: boolean): string {
  return JSON.stringify(findingsJson(d), null, pretty ? 2 : undefined);
}

/** One document's report, without the separators the stdout sink puts between documents. */
export function renderCheck(d: DocumentFindings, r: CheckRender): string {
  if (r.to === 'out') {
    if (r.format === 'text') return formatText([d]);
    if (r.format === 'html') return `${htmlStart()}${htmlSection(d)}${HTML_END}`;
    return `${json(d, r.pretty)}\n`;
  }
  if (r.format === 'text') return formatText([d]);
  if (r.format === 'ndjson') return `${json(d, false)}\n`;
  if (r.format === 'html') return htmlSection(d);
  if (r.single) return `${json(d, r.pretty)}\n`;
  return r.pretty ? `  ${json(d, true).replace(/\n/g, '\n  ')}` : json(d, false);
}

/**
 * The report on stdout, written as each document finishes: text (one block per document), json (the object for a
 * single input, an array for several), ndjson (one object per line) or html (one page, a section per document).
 */
export function stdoutSink(format: CheckFormat, options: { pretty: boolean; single: boolean }): CheckSink {
  let written = 0;
  return {
    async document(d) {
      let before = '';
      if (format === 'text') before = written ? '\n' : '';
      else if (format === 'html') before = written ? '\n' : htmlStart();
      else if (format === 'json' && !options.single) before = written ? ',\n' : '[\n';
      written++;
      if (before) await writeOut(before);
      await writeOut(d.bytes);
    },
    async end() {
      if (!written) return;
      if (format === 'html') await writeOut(HTML_END);
      else if (format === 'json' && !options.single) await writeOut('\n]\n');
    },
  };
}

/** --out DIR: one report per document, NAME.check.txt / .json / .html. */
export function outDirSink(format: CheckFormat, out: OutDir): CheckSink {
  const suffix = format === 'text' ? '.check.txt' : format === 'html' ? '.check.html' : '.check.json';
  return {
    document(d, input) {
      out.write(input.name, suffix, d.bytes);
    },
    end() {
      process.stderr.write(`已写入 ${out.written} 个文件到 ${out.dir}\n`);
    },
  };
}

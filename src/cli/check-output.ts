// Where `budgetdoc check` sends each document's result: sinks that receive the DocumentFindings in input order as
// each document finishes, and the end of the run. The format sinks write text, JSON, JSON lines or HTML to stdout or
// one file per document; other sinks (a summary over all documents, say) plug in beside them.
import { findingsJson, formatText, htmlSection, htmlStart, HTML_END, type DocumentFindings } from '../audit/report.js';
import { writeOut, type OutDir } from './batch.js';
import type { InputFile } from './inputs.js';

export type CheckFormat = 'text' | 'json' | 'ndjson' | 'html';

export interface CheckSink {
  /** a document read and audited, in input order (`input` names it for --out) */
  document(result: DocumentFindings, input: InputFile): void | Promise<void>;
  /** after the last document (unreadable files were reported on stderr already) */
  end(): void | Promise<void>;
}

function json(d: DocumentFindings, pretty: boolean): string {
  return JSON.stringify(findingsJson(d), null, pretty ? 2 : undefined);
}

/**
 * The report on stdout, written as each document finishes: text (one block per document), json (the object for a
 * single input, an array for several), ndjson (one object per line) or html (one page, a section per document).
 */
export function stdoutSink(format: CheckFormat, options: { pretty: boolean; single: boolean }): CheckSink {
  let written = 0;
  return {
    async document(d) {
      let text: string;
      if (format === 'text') text = `${written ? '\n' : ''}${formatText([d])}`;
      else if (format === 'ndjson') text = `${json(d, false)}\n`;
      else if (format === 'html') text = `${written ? '\n' : htmlStart()}${htmlSection(d)}`;
      else if (options.single) text = `${json(d, options.pretty)}\n`;
      else
        text = `${written ? ',\n' : '[\n'}${options.pretty ? `  ${json(d, true).replace(/\n/g, '\n  ')}` : json(d, false)}`;
      written++;
      await writeOut(text);
    },
    async end() {
      if (!written) return;
      if (format === 'html') await writeOut(HTML_END);
      else if (format === 'json' && !options.single) await writeOut('\n]\n');
    },
  };
}

/** --out DIR: one report per document, NAME.check.txt / .json / .html. */
export function outDirSink(format: CheckFormat, out: OutDir, options: { pretty: boolean }): CheckSink {
  return {
    document(d, input) {
      const name = input.name;
      if (format === 'text') out.write(name, '.check.txt', formatText([d]));
      else if (format === 'html') out.write(name, '.check.html', `${htmlStart()}${htmlSection(d)}${HTML_END}`);
      else out.write(name, '.check.json', `${json(d, options.pretty)}\n`);
    },
    end() {
      process.stderr.write(`已写入 ${out.written} 个文件到 ${out.dir}\n`);
    },
  };
}

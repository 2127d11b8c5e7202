// Audit reports: findings of one or more documents as text (grouped by severity), JSON, or a self-contained HTML page.
import { SEVERITY_WORD } from '../catalog/words.js';
import type { Finding, FindingPlace, Severity } from './types.js';
import { readingSectionLines, type TableReading } from './reading-confidence.js';
import type { SummaryRow } from './summary.js';

export interface DocumentFindings {
  file: string;
  /** what the document is, for headings ("克孜勒苏…办公室 2022年单位预算") */
  title?: string;
  findings: Finding[];
  /** the reading self-check of each table, reported apart from the findings (src/audit/reading-confidence.ts) */
  readingConfidence?: TableReading[];
  /** the batch-review row of check --summary (src/audit/summary.ts) */
  summary?: SummaryRow;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];

export function placeText(p: FindingPlace): string {
  const parts: string[] = [];
  // a PDF's lines are the reader's internal rendering: a person follows the page
  if (p.page !== undefined) parts.push(`第${p.page}页`);
  else if (p.line !== undefined) parts.push(`第${p.line}行`);
  if (p.section) parts.push(p.section);
  if (p.table) parts.push(`表“${p.table}”`);
  if (p.row) parts.push(`行“${p.row}”`);
  return parts.join(' · ') || '全文';
}

function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function formatText(docs: DocumentFindings[]): string {
  const out: string[] = [];
  for (const d of docs) {
    const c = counts(d.findings);
    out.push(`${d.file}${d.title ? `（${d.title}）` : ''}`);
    out.push(`  错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`);
    for (const sev of ORDER) {
      const list = d.findings.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push('', `  ${SEVERITY_WORD[sev]}：`);
      for (const f of list) {
        out.push(`    ${placeText(f.location)}  ${f.message}  [${f.rule}]`);
        const detail: string[] = [];
        if (f.expected !== undefined) detail.push(`应为 ${f.expected}`);
        if (f.actual !== undefined) detail.push(`实为 ${f.actual}`);
        if (f.tolerance !== undefined) detail.push(`允许误差 ${f.tolerance}`);
        if (detail.length) out.push(`      ${detail.join('；')}`);
        const related = f.related ?? [];
        if (f.also?.length)
          out.push(
            `      ${f.rule === 'reading-doubt' ? '未作为错误报告' : '同一原因'}：${f.also
              .slice(0, 3)
              .map((a) => `${a.message} [${a.rule}]`)
              .join('；')}${f.also.length > 3 ? `；另有 ${f.also.length - 3} 项` : ''}`,
          );
        for (const r of related.slice(0, 3)) out.push(`      对照：${placeText(r)}`);
        if (related.length > 3) out.push(`      对照：另有 ${related.length - 3} 处（见 --format json）`);
      }
    }
    if (d.readingConfidence) out.push('', ...readingSectionLines(d.readingConfidence));
    out.push('');
  }
  return out.join('\n');
}

/** The JSON object of one document's findings (the element of `check --format json`, the line of ndjson). */
export function findingsJson(d: DocumentFindings): object {
  return {
    file: d.file,
    findings: d.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      location: f.location,
      related: f.related ?? [],
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      tolerance: f.tolerance ?? null,
      also: f.also ?? [],
    })),
    ...(d.readingConfidence ? { readingConfidence: d.readingConfidence } : {}),
  };
}

/** One document: its object; several: an array of them (indented unless `pretty` is false). */
export function formatJson(docs: DocumentFindings[], single: boolean, pretty = true): string {
  const objects = docs.map(findingsJson);
  return `${JSON.stringify(single && objects.length === 1 ? objects[0] : objects, null, pretty ? 2 : undefined)}\n`;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One document's section of the HTML report. */
export function htmlSection(d: DocumentFindings): string {
  const e = escapeHtml;
  const c = counts(d.findings);
  const rows = d.findings
    .map(
      (f) => `<tr class="${f.severity}">
<td>${e(SEVERITY_WORD[f.severity])}</td>
<td>${e(placeText(f.location))}${(f.related ?? []).map((r) => `<div class="rel">对照：${e(placeText(r))}</div>`).join('')}</td>
<td>${e(f.message)}</td>
<td>${f.expected !== undefined ? e(f.expected) : ''}</td>
<td>${f.actual !== undefined ? e(f.actual) : ''}</td>
<td>${f.tolerance !== undefined ? e(f.tolerance) : ''}</td>
<td><code>${e(f.rule)}</code></td>
</tr>`,
    )
    .join('\n');
  return `<section>
<h2>${e(d.title ?? d.file)}</h2>
<p class="file">${e(d.file)}</p>
<p class="summary">错误 <b>${c.error}</b> 项，警告 <b>${c.warning}</b> 项，提示 <b>${c.info}</b> 项</p>
${
  d.findings.length
    ? `<table>
<thead><tr><th>级别</th><th>位置</th><th>问题</th><th>应为</th><th>实为</th><th>允许误差</th><th>规则</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>未发现问题。</p>'
}
</section>`;
}

/** The HTML report up to its first section (a report is htmlStart, the sections joined by newlines, HTML_END). */
export function htmlStart(generatedAt: Date = new Date()): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>预决算公开审核报告</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td:first-child{white-space:nowrap}
tr.error td:first-child{color:#b00020;font-weight:bold}
tr.warning td:first-child{color:#a15c00}
tr.info td:first-child{color:#555}
.rel{color:#666;font-size:.85em}.file{color:#666;font-size:.85em}
</style>
</head>
<body>
<h1>预决算公开审核报告</h1>
<p>生成时间：${e(generatedAt.toISOString().slice(0, 19).replace('T', ' '))} UTC；四舍五入造成的差额（每个数不超过末位半个单位）不计为错误，允许误差列出了每项比较所用的容差。</p>
`;
}

export const HTML_END = '\n</body>\n</html>\n';

/** A self-contained page (inline style, no scripts) a reviewer can send on. */
export function formatHtml(docs: DocumentFindings[], generatedAt: Date = new Date()): string {
  return `${htmlStart(generatedAt)}${docs.map(htmlSection).join('\n')}${HTML_END}`;
}

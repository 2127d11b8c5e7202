// The heavy part of a document's page: its findings, its explanations and its tables, and the function treemap,
// rendered from the model and the stored findings. The importer stores it with the document (stored-body.ts), so
// that a page view reads it instead of decoding the model; it is rendered here when no stored body fits.
import type { Disclosure, Table } from '../model/schema.js';
import { ruleExplanation, ruleTitle } from '../audit/rule-titles.zh-CN.js';
import type { FindingRecord } from '../store/queries.js';
import { chartSection } from './charts.js';
import { functionTree, SEVERITY_LABEL } from './data.js';
import { findingNode, type FindingNode } from './finding-node.js';
import { h, type Markup } from './html.js';
import { findingRegion, placeRegion, sourceLink } from './source-region.js';
import { cellText, pairSides, tableSides, type SideLayout } from './table-layout.js';

/** A stored finding with the node of the model it points at (src/web/finding-node.ts), looked up once per page. */
type PlacedFinding = FindingRecord & { node?: FindingNode };

/**
 * Findings about a row: pointing at this row of this table by id and index, or (a finding on the table or on no
 * table) at the row's source line. Lines count only when the table's rows have their own.
 */
function findingsFor(
  findings: PlacedFinding[],
  table: Table,
  row: Table['rows'][number],
  positioned: boolean,
): PlacedFinding[] {
  return findings.filter((f) => {
    if (f.node) {
      if (f.node.table !== table) return false;
      if (f.node.row) return f.node.row === row;
    } else if (f.table_id) return false;
    return positioned && f.line !== null && f.line === row.at.line && (f.node !== undefined || !f.section);
  });
}

/** A finding's rule as a reader sees it: the Chinese title, its explanation on hover and the id for reference. */
function ruleCell(rule: string): Markup {
  return h`<span class="rule">${ruleTitle(rule)}</span> <code class="muted">${rule}</code><br><span class="muted rule-why">${ruleExplanation(rule) ?? ''}</span>`;
}

function marks(items: PlacedFinding[]): Markup {
  return h`${items.map((f) => h`<a class="mark" href="#finding-${f.id}" title="${SEVERITY_LABEL[f.severity] ?? f.severity}：${f.message}">⚑${SEVERITY_LABEL[f.severity] ?? ''}</a>`)}`;
}

/** Findings of a row noted for the findings list; the row's kind and its worst finding as class names. */
function rowMarks(
  findings: PlacedFinding[],
  table: Table,
  row: Table['rows'][number],
  positioned: boolean,
  marked: Map<number, string>,
): { here: PlacedFinding[]; cls: string; anchor?: string } {
  const here = findingsFor(findings, table, row, positioned);
  const anchor = here.length ? `row-${here[0].id}` : undefined;
  if (anchor) here.forEach((f) => marked.set(f.id, anchor));
  const worst = here.find((f) => f.severity === 'error') ?? here.find((f) => f.severity === 'warning') ?? here[0];
  const cls = [
    row.kind === 'leaf' || row.kind === 'organisation' ? '' : row.kind,
    here.length ? `has-finding finding-${worst.severity}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { here, cls, anchor };
}

function rowLabel(row: Table['rows'][number], here: PlacedFinding[], documentId: number | undefined): Markup {
  return h`${row.label}${row.project ? h` <span class="muted">${row.project}</span>` : ''}${marks(here)}${sourceLink(documentId, placeRegion(row.at), true)}`;
}

/** A two-sided table (收支总表) as printed: income rows and their columns on the left, expenditure on the right. */
function renderTwoSided(
  table: Table,
  sides: SideLayout[],
  findings: PlacedFinding[],
  marked: Map<number, string>,
  documentId: number | undefined,
  positioned: boolean,
): Markup {
  const width = (s: SideLayout) => s.columns.length + 1 + (s.codes ? 1 : 0);
  const half = (s: SideLayout, row: Table['rows'][number] | undefined) => {
    if (!row)
      return h`${s.codes ? h`<td></td>` : ''}<td class="blank"></td>${s.columns.map(() => h`<td class="num"></td>`)}`;
    const { here, cls, anchor } = rowMarks(findings, table, row, positioned, marked);
    const c = cls ? h` class="${cls}"` : '';
    return h`${s.codes ? h`<td${c}>${row.classification?.code ?? row.orgCode ?? ''}</td>` : ''}<td${c}${anchor ? h` id="${anchor}"` : ''}>${rowLabel(row, here, documentId)}</td>${s.columns.map((col) => h`<td class="num${cls ? ` ${cls}` : ''}">${cellText(row, col)}</td>`)}`;
  };
  return h`<table class="data two-sided" data-table="${table.id}"><thead><tr>${sides.map((s) => h`<th colspan="${width(s)}" class="side">${s.side === 'income' ? '收入' : '支出'}</th>`)}</tr>
<tr>${sides.map((s) => h`${s.codes ? h`<th>编码</th>` : ''}<th>项目</th>${s.columns.map((col) => h`<th>${col.label}</th>`)}`)}</tr></thead><tbody>
${pairSides(table).map((line) => h`<tr>${half(sides[0], line.income)}${half(sides[1], line.expenditure)}</tr>`)}
</tbody></table>`;
}

function renderTable(
  table: Table,
  findings: PlacedFinding[],
  marked: Map<number, string>,
  documentId: number | undefined,
): Markup {
  if (table.status !== 'present') {
    const why =
      table.status === 'empty'
        ? (table.emptyStatement?.text ?? '本表无数据')
        : table.status === 'attachment'
          ? '见附表（不在本文本中）'
          : '目录列出但正文缺失';
    return h`<h3 id="table-${table.id}">${table.title}</h3><p class="muted">${why}</p>`;
  }
  const positioned = new Set(table.rows.map((r) => r.at.line)).size > 1;
  const tableLevel = findings.filter(
    (f) => f.node?.table === table && !f.node.row && (f.line === null || !table.rows.some((r) => r.at.line === f.line)),
  );
  tableLevel.forEach((f) => marked.set(f.id, `table-${table.id}`));
  const sides = tableSides(table);
  const grid = sides
    ? renderTwoSided(table, sides, findings, marked, documentId, positioned)
    : h`<table class="data" data-table="${table.id}"><thead><tr><th>编码</th><th>项目</th>${table.columns.map((col) => h`<th>${col.label}</th>`)}</tr></thead><tbody>
${table.rows.map((row) => {
  const { here, cls, anchor } = rowMarks(findings, table, row, positioned, marked);
  return h`<tr class="${cls}"${anchor ? h` id="${anchor}"` : ''}><td>${row.classification?.code ?? row.orgCode ?? ''}</td><td>${rowLabel(row, here, documentId)}</td>${table.columns.map((col) => h`<td class="num">${cellText(row, col)}</td>`)}</tr>`;
})}
</tbody></table>`;
  return h`<h3 id="table-${table.id}">${table.number ? `${table.number} ` : ''}${table.title} <span class="muted">（单位：${table.unit ?? '万元'}）</span>${marks(tableLevel)}${sourceLink(documentId, placeRegion(table.at))}</h3>
<div class="table-scroll">${grid}</div>`;
}

function renderNarrative(doc: Disclosure, findings: PlacedFinding[], marked: Map<number, string>): Markup {
  const lines = [...doc.overview.functions, ...doc.narrative.flatMap((s) => s.paragraphs)].map((p) => p.at?.line);
  const positioned = new Set(lines).size > 1;
  const para = (text: string, line: number | undefined) => {
    const here =
      line === undefined || !positioned
        ? []
        : findings.filter((f) => !marked.has(f.id) && f.line === line && !f.table_id);
    here.forEach((f) => marked.set(f.id, `para-${here[0].id}`));
    return h`<p class="para${here.length ? ` has-finding finding-${here[0].severity}` : ''}"${here.length ? h` id="para-${here[0].id}"` : ''}>${text}${marks(here)}</p>`;
  };
  return h`${doc.overview.functions.length ? h`<h3>主要职能</h3>${doc.overview.functions.map((p) => para(p.text, p.at?.line))}` : ''}
${doc.narrative.map((s) => {
  const sectionFindings = findings.filter(
    (f) =>
      !marked.has(f.id) &&
      f.section !== null &&
      (f.section === s.number || f.section === s.title || f.section === s.topic),
  );
  sectionFindings.forEach((f) => marked.set(f.id, `section-${s.number}`));
  return h`<h3 id="section-${s.number}">${s.number}、${s.title}${marks(sectionFindings)}</h3>${s.paragraphs.map((p) => para(p.text, p.at?.line))}`;
})}`;
}

export interface DocumentBody {
  /** the treemap of spending by function (the page's first chart), when the model classifies spending */
  treeChart?: Markup;
  /** findings, explanations and tables */
  tail: Markup;
}

/**
 * The body of a document's page from its model and its findings (in the page's order: errors first, then by line);
 * `pdfId` is the document's id when its source is a PDF (figures and findings then link to the page region).
 */
export function renderDocumentBody(doc: Disclosure, stored: FindingRecord[], pdfId: number | undefined): DocumentBody {
  const findings: PlacedFinding[] = stored.map((f) => {
    const node = findingNode(doc, f);
    return node ? { ...f, node } : f;
  });
  const marked = new Map<number, string>();
  const tablesHtml = doc.tables.map((t) => renderTable(t, findings, marked, pdfId));
  const narrativeHtml = renderNarrative(doc, findings, marked);
  const tree = functionTree(doc);
  const treeChart = tree
    ? chartSection('chart-function', `支出功能分类（类→款→项，点击下钻）· ${tree.table}`, {
        type: 'functionTree',
        tree: tree.tree,
      })
    : undefined;
  const tail = h`<div class="screen-only">
<h2 id="findings">审核发现（${findings.length}）</h2>
${
  findings.length === 0
    ? h`<p class="muted">未发现问题。</p>`
    : h`<div class="table-scroll"><table class="data" id="findings-table"><thead><tr><th>级别</th><th>规则</th><th>说明</th><th>位置</th></tr></thead><tbody>
${findings.map((fd) => h`<tr id="finding-${fd.id}" class="finding-${fd.severity}"><td><span class="badge b-${fd.severity}">${SEVERITY_LABEL[fd.severity] ?? fd.severity}</span></td><td>${ruleCell(fd.rule)}</td><td>${fd.message}</td><td>${[fd.node ? `表“${fd.node.table.title}”` : fd.table_id ? `表“${(fd.detail?.location as { table?: string } | undefined)?.table ?? fd.table_id}”` : '', fd.row_label ? `行“${fd.row_label}”` : '', fd.section ? `“${fd.section}”` : '', fd.line ? `第 ${fd.line} 行` : ''].filter(Boolean).join('，')}${marked.has(fd.id) ? h` <a href="#${marked.get(fd.id)}">定位</a>` : ''}${pdfId === undefined ? '' : sourceLink(pdfId, findingRegion(doc, fd, fd.node))}</td></tr>`)}
</tbody></table></div>`
}
</div>
<h2>说明</h2>
<section class="card">${narrativeHtml}</section>
<h2>公开表格</h2>
${tablesHtml}`;
  return { ...(treeChart ? { treeChart } : {}), tail };
}

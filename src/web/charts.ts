// A chart on a page: the ECharts box (drawn by /static/charts.js) and, behind it, the same numbers as a table, read
// by screen readers and shown when there is no JavaScript or on paper.
import { h, jsonScript, type Markup } from './html.js';

/** A value as drawn (number) and as printed (the portal's formatter). */
export interface Point {
  value: number | null;
  text: string;
}

export interface TreePoint extends Point {
  name: string;
  children?: TreePoint[];
}

export type ChartData =
  | {
      type: 'bars';
      horizontal?: boolean;
      unit?: string;
      categories: string[];
      series: Array<{ name: string; data: Point[] }>;
    }
  | { type: 'pie'; items: Array<Point & { name: string }> }
  | { type: 'functionTree'; tree: TreePoint[] };

function dataTable(title: string, data: ChartData): Markup {
  const caption = h`<caption>${title}（数据表）</caption>`;
  if (data.type === 'bars') {
    return h`<table class="data chart-data">${caption}<thead><tr><th>项目</th>${data.series.map((s) => h`<th>${s.name}</th>`)}</tr></thead><tbody>
${data.categories.map((cat, i) => h`<tr><th scope="row">${cat}</th>${data.series.map((s) => h`<td class="num">${s.data[i]?.text ?? '—'}</td>`)}</tr>`)}</tbody></table>`;
  }
  if (data.type === 'pie') {
    return h`<table class="data chart-data">${caption}<thead><tr><th>项目</th><th>金额</th></tr></thead><tbody>
${data.items.map((p) => h`<tr><th scope="row">${p.name}</th><td class="num">${p.text}</td></tr>`)}</tbody></table>`;
  }
  // 类 and 款 of the treemap (the 项 are in the tables of the page)
  const rows: Markup[] = [];
  for (const node of data.tree) {
    rows.push(h`<tr><th scope="row">${node.name}</th><td class="num">${node.text}</td></tr>`);
    for (const child of node.children ?? [])
      rows.push(h`<tr><th scope="row" class="sub">${child.name}</th><td class="num">${child.text}</td></tr>`);
  }
  return h`<table class="data chart-data">${caption}<thead><tr><th>功能分类</th><th>金额</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The chart box with its data and the data table; `height` in pixels for long bar lists. */
export function chartSection(id: string, title: string, data: ChartData, height?: number): Markup {
  return h`<section class="card chart-card"><h3>${title}</h3><div class="chart" id="${id}" data-chart="${id}-data" role="img" aria-label="${title}（数据见下表）"${height ? h` style="height:${height}px"` : ''}></div>${jsonScript(`${id}-data`, data)}
<div class="chart-table">${dataTable(title, data)}</div></section>`;
}

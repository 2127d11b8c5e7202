// The page shell shared by every page: Chinese navigation, styles, and the chart scripts when a page has charts.
import { h, Markup } from './html.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f5f7fa;line-height:1.6}
header{background:#123a63;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .brand{font-weight:700;font-size:1.15rem}
main{max-width:1200px;margin:0 auto;padding:1rem 1.2rem 3rem}
a{color:#0b5cad}h1{font-size:1.5rem;margin:.6rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #d9e2ec;padding-bottom:.2rem}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.8rem}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:.8rem}
.layout{display:grid;grid-template-columns:220px 1fr;gap:1rem}@media(max-width:800px){.layout{grid-template-columns:1fr}}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}form.search label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid #9fb3c8;border-radius:4px}button{background:#0b5cad;color:#fff;border-color:#0b5cad;cursor:pointer}
button.danger{background:#b42318;border-color:#b42318}
table.data{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}table.data th,table.data td{border:1px solid #d9e2ec;padding:.25rem .45rem;vertical-align:top}
table.data th{background:#eef2f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.subtotal td,td.subtotal{font-weight:600;background:#fafbfc}tr.total td,td.total{font-weight:700;background:#f0f4f8}
.table-scroll{overflow-x:auto}table.two-sided th.side{text-align:center}table.two-sided td.blank{background:#fcfcfd}
tr.has-finding td,td.has-finding{background:#fff4e5}.finding-error{border-left:4px solid #b42318}.finding-warning{border-left:4px solid #d97706}.finding-info{border-left:4px solid #2563eb}
.badge{display:inline-block;border-radius:10px;padding:0 .5rem;font-size:.8rem;margin-right:.25rem}.b-error{background:#fde8e7;color:#b42318}.b-warning{background:#fff4e5;color:#92400e}.b-info{background:#e8f0fe;color:#1e40af}
.facets h3{font-size:.95rem;margin:.8rem 0 .2rem}.facets ul{list-style:none;padding:0;margin:0}.facets li{font-size:.9rem}
.muted{color:#627d98;font-size:.9rem}.snippet{margin:.25rem 0 0;font-size:.9rem;color:#334e68}.snippet mark{background:#fff3a3;color:inherit;padding:0 .1em}.chart{width:100%;height:360px;display:none}.js .chart{display:block}
.chart-data caption{text-align:left;font-size:.85rem;color:#486581}.chart-data th.sub{padding-left:1.4rem;font-weight:400}
.chart-table{overflow-x:auto}.js .chart-card .chart-table{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
code{overflow-wrap:anywhere}.rule-why{font-size:.8rem}@media(max-width:480px){main{padding:.6rem .6rem 2rem}.card{padding:.6rem}}
.figures dl{display:grid;grid-template-columns:auto auto;gap:.15rem 1rem;margin:0}.figures dt{color:#486581}.figures dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
p.para{margin:.4rem 0}p.para.has-finding{background:#fff4e5;padding:.2rem .4rem}
.mark{color:#b42318;font-weight:700;text-decoration:none;margin-left:.3rem}
.downloads a{margin-right:.6rem}.notice{background:#fff4e5;border:1px solid #f0b429;padding:.6rem 1rem;border-radius:6px}
.pager a{margin-right:.8rem}
@page{size:A4;margin:14mm 12mm}
@media print{.screen-only{display:none!important}body{background:#fff;color:#000;font-size:10.5pt}header,form.search,.downloads,.pager,.mark,.source-link,.facets,#draft-notice form,nav{display:none!important}
main{max-width:none;padding:0}.card{border:none;padding:0;margin:.4rem 0}.grid,.charts{display:block}
.js .chart,.chart{display:none!important}.js .chart-card .chart-table{position:static;width:100%;height:auto;overflow:visible;clip-path:none;white-space:normal}
.table-scroll{overflow:visible}table.data{font-size:8.5pt;width:100%}table.data th,table.data td{padding:.1rem .25rem;border-color:#999}
tr{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}h2{border-bottom:1px solid #999}}
`;

export interface PageOptions {
  title: string;
  body: Markup;
  /** include ECharts and the chart script */
  charts?: boolean;
}

export function page(options: PageOptions): string {
  return h`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${options.title} · 预算决算公开平台</title><style>${new Markup(STYLE)}</style></head>
<body><header><a class="brand" href="/">预算决算公开平台</a><nav>
<a href="/">检索</a> · <a href="/rankings">排行</a> · <a href="/compare">对比</a> · <a href="/audit">审核概览</a> · <a href="/upload">上传</a> · <a href="/api/openapi.json">API</a> · <a href="/api/export/datapackage.json">数据包</a>
</nav></header>
<main>${options.body}</main>
${options.charts ? h`<script src="/static/echarts.min.js"></script><script src="/static/charts.js"></script>` : ''}
</body></html>`.value;
}

export function downloadLinks(base: string, label = '下载数据'): Markup {
  const sep = base.includes('?') ? '&' : '?';
  return h`<p class="downloads muted">${label}：<a href="${base}${sep}format=csv">CSV</a><a href="${base}${sep}format=xlsx">XLSX</a><a href="${base}${sep}format=json">JSON</a></p>`;
}

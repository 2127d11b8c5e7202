// Server-rendered pages in Chinese (they work without JavaScript; charts are drawn on top): search, a unit's
// document, compare, rankings, the audit dashboard and the reviewers' upload.
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ruleExplanation, ruleTitle } from '../audit/rule-titles.zh-CN.js';
import { deleteDocument, publishDocument } from '../store/documents.js';
import { FIGURES, FIGURE_KEYS, PER_HEAD, figureLabel, figureValue, type PerHead } from '../store/figures.js';
import {
  aggregateFacts,
  auditSummary,
  documentDimensions,
  documentFigures,
  documentPageData,
  rankings,
  searchDocuments,
  unitDocuments,
  type DocumentSummary,
  type FigureRecord,
} from '../store/queries.js';
import type { SnippetPart } from '../store/search-text.js';
import { compareIds, documentFilter } from './api.js';
import { DEFAULT_UPLOAD_LIMIT, type AppOptions } from './context.js';
import { chartSection, type ChartData } from './charts.js';
import {
  compareBaseline,
  compareOrder,
  compareRows,
  decimalText,
  FUNCTION_TABLES,
  isExecutionPair,
  KIND_LABEL,
  perHead,
  SCOPE_LABEL,
  SEVERITY_LABEL,
  THREE_PUBLIC_ITEMS,
  type CompareRow,
  type CompareUnit,
  type DrillRow,
} from './data.js';
import { h, query, type Markup } from './html.js';
import {
  formBody,
  hasToken,
  HttpError,
  optionalInt,
  optionalText,
  pathId,
  publicMessage,
  requireToken,
  setSession,
  tokenFirst,
} from './http.js';
import { downloadLinks, page } from './layout.js';
import {
  formatChange,
  formatCount,
  formatPercent,
  formatPercentChange,
  formatPerHead,
  formatWan,
  formatWanUnit,
} from './format.js';
import { renderDocumentBody } from './document-body.js';
import { BODY_RENDERER, storedBody } from './stored-body.js';
import { hasPdfSource } from './source-region.js';
import { receiveUpload } from './upload.js';

const PAGE_SIZE = 20;

/** Regions and years for the forms' selects change only with imports: kept for a few seconds per store. */
const dimensionCache = new WeakMap<object, { at: number; value: Promise<{ regions: string[]; years: number[] }> }>();
function dimensions(options: AppOptions): Promise<{ regions: string[]; years: number[] }> {
  const cached = dimensionCache.get(options.store);
  if (cached && Date.now() - cached.at < 5000) return cached.value;
  const value = documentDimensions(options.store);
  dimensionCache.set(options.store, { at: Date.now(), value });
  value.catch(() => dimensionCache.delete(options.store));
  return value;
}

function docLabel(d: Pick<DocumentSummary, 'year' | 'kind' | 'scope'>): string {
  return `${d.year}年${SCOPE_LABEL[d.scope] ?? ''}${KIND_LABEL[d.kind] ?? d.kind}`;
}

function badges(d: Pick<DocumentSummary, 'error_count' | 'warning_count' | 'info_count'>): Markup {
  return h`${d.error_count ? h`<span class="badge b-error">错误 ${d.error_count}</span>` : ''}${d.warning_count ? h`<span class="badge b-warning">警告 ${d.warning_count}</span>` : ''}${d.info_count ? h`<span class="badge b-info">提示 ${d.info_count}</span>` : ''}`;
}

/** A per-head chart point: 万元 per person given, 元 per person drawn and printed. */
function perHeadPoint(wanPerPerson: string | null): { value: number | null; text: string } {
  return {
    value: wanPerPerson === null ? null : Math.round(Number(wanPerPerson) * 10000),
    text: formatPerHead(wanPerPerson),
  };
}

/** A chart point: the number ECharts scales by and the text it prints (the portal's one formatter). */
function point(
  value: string | number | null | undefined,
  format: (v: string | number | null | undefined) => string = formatWanUnit,
): { value: number | null; text: string } {
  const n = value === null || value === undefined || value === '' ? null : Number(value);
  return { value: n !== null && Number.isFinite(n) ? n : null, text: format(value) };
}

/** A search result's passage, the matched words highlighted. */
function snippetLine(snippet: SnippetPart[] | undefined) {
  return snippet ? h`<p class="snippet">${snippet.map((p) => (p.match ? h`<mark>${p.text}</mark>` : p.text))}</p>` : '';
}

// ── home: search with facets ────────────────────────────────────────────────────────────────────────────

async function home(c: Context, options: AppOptions): Promise<Response> {
  const filter = documentFilter(c);
  const pageNo = optionalInt(c, 'page', [1, 100000]) ?? 1;
  // independent reads in parallel: on a server they take separate connections
  const [result, dims] = await Promise.all([
    searchDocuments(options.store, filter, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
    dimensions(options),
  ]);
  const params = {
    q: filter.q,
    unit: filter.unit,
    region: filter.region,
    year: filter.year,
    kind: filter.kind,
    scope: filter.scope,
  };
  const facetList = (
    title: string,
    name: keyof typeof params,
    facets: Array<{ value: string; count: number }>,
    label: (v: string) => string = (v) => v,
  ) =>
    h`<h3>${title}</h3><ul>${facets.map((f) => h`<li><a href="/${query({ ...params, [name]: f.value, page: undefined })}">${label(f.value)}</a> <span class="muted">${f.count}</span></li>`)}</ul>`;
  const option = (value: string | number, text: string, selected: unknown) =>
    h`<option value="${value}"${selected == value ? h` selected` : ''}>${text}</option>`;
  const body = h`
<h1>预算决算公开文件检索</h1>
<form class="search card" method="get" action="/" role="search">
  <label>全文<input type="search" name="q" value="${filter.q ?? ''}" placeholder="如：公务接待费、项目名称"></label>
  <label>单位名称<input name="unit" value="${filter.unit ?? ''}" placeholder="单位名称中的字"></label>
  <label>地区<select name="region"><option value="">全部</option>${dims.regions.map((r) => option(r, r, filter.region))}</select></label>
  <label>年度<select name="year"><option value="">全部</option>${dims.years.map((y) => option(y, String(y), filter.year))}</select></label>
  <label>类型<select name="kind"><option value="">全部</option>${option('budget', KIND_WORD.budget, filter.kind)}${option('final_account', KIND_WORD.final_account, filter.kind)}</select></label>
  <label>范围<select name="scope"><option value="">全部</option>${option('department', SCOPE_WORD.department, filter.scope)}${option('unit', SCOPE_WORD.unit, filter.scope)}</select></label>
  <button type="submit">检索</button>
</form>
<div class="layout">
<aside class="facets card">
  <p><strong>共 ${result.total} 份文件</strong></p>
  ${facetList('地区', 'region', result.facets.region)}
  ${facetList('年度', 'year', result.facets.year)}
  ${facetList('类型', 'kind', result.facets.kind, (v) => KIND_LABEL[v] ?? v)}
  ${facetList('范围', 'scope', result.facets.scope, (v) => SCOPE_LABEL[v] ?? v)}
  ${Object.values(params).some((v) => v !== undefined) ? h`<p><a href="/">清除筛选</a></p>` : ''}
</aside>
<section>
  ${result.items.length === 0 ? h`<p class="card">没有找到符合条件的文件。</p>` : ''}
  <table class="data" id="results"><thead><tr><th>单位</th><th>地区</th><th>文件</th><th>审核</th></tr></thead><tbody>
  ${result.items.map((d) => h`<tr><td><a href="/documents/${d.id}">${d.unit_name}</a>${snippetLine(d.snippet)}</td><td>${d.region}</td><td>${docLabel(d)}</td><td>${badges(d)}</td></tr>`)}
  </tbody></table>
  <p class="pager">${pageNo > 1 ? h`<a href="/${query({ ...params, page: pageNo - 1 })}">上一页</a>` : ''}${pageNo * PAGE_SIZE < result.total ? h`<a href="/${query({ ...params, page: pageNo + 1 })}">下一页</a>` : ''}<span class="muted">第 ${pageNo} 页</span></p>
  ${downloadLinks(`/api/documents${query({ ...params, limit: 500 })}`, '下载检索结果')}
</section></div>`;
  return c.html(page({ title: '检索', body }));
}

// ── a document (a unit's page) ──────────────────────────────────────────────────────────────────────────

async function documentPage(c: Context, options: AppOptions): Promise<Response> {
  const id = pathId(c);
  // the document, its findings and its unit's versions in one statement
  const data = await documentPageData(options.store, id, BODY_RENDERER);
  const reviewer = hasToken(c, options.token);
  if (!data || (data.record.status === 'draft' && !reviewer))
    throw new HttpError(404, `没有编号为 ${id} 的文件`, 'not_found');
  const { record, versions, source } = data;
  // findings, explanations and tables: stored with the document when it was imported, else rendered from its model
  const pageBody =
    'body' in source
      ? storedBody(source.body, id, source.findingIds)
      : renderDocumentBody(source.model, source.findings, hasPdfSource(record) ? id : undefined);
  const sameKind = versions
    .filter((v) => v.kind === record.kind && v.scope === record.scope && v.status === 'current')
    .sort((a, b) => a.year - b.year);
  const f = record.figures;
  const charts: Markup[] = pageBody.treeChart ? [pageBody.treeChart] : [];
  if (f.basicExpenditure !== undefined || f.projectExpenditure !== undefined) {
    charts.push(
      chartSection('chart-basic-project', '基本支出与项目支出', {
        type: 'pie',
        items: [
          { name: '基本支出', ...point(f.basicExpenditure ?? 0) },
          { name: '项目支出', ...point(f.projectExpenditure ?? 0) },
        ],
      }),
    );
  }
  if (sameKind.some((v) => v.figures.threePublic)) {
    charts.push(
      chartSection('chart-three-public', `“三公”经费逐年（${KIND_LABEL[record.kind]}）`, {
        type: 'bars',
        categories: sameKind.map((v) => `${v.year}`),
        series: THREE_PUBLIC_ITEMS.map(([key, name]) => ({
          name,
          data: sameKind.map((v) => point(v.figures.threePublic?.[key])),
        })),
      }),
    );
  }
  const perHeadKeys = ['expenditureTotal', 'basicExpenditure', 'personnel', 'publicFunds', 'threePublic.total'];
  const perHeadRows = perHeadKeys
    .map((key) => ({
      key,
      label: figureLabel(key),
      actual: perHead(decimalText(figureValue(f, key)), record.staff_actual),
      authorized: perHead(decimalText(figureValue(f, key)), record.staff_authorized),
    }))
    .filter((r) => r.actual !== null || r.authorized !== null);
  if (perHeadRows.length) {
    charts.push(
      chartSection('chart-per-head', '人均金额（元/人）', {
        type: 'bars',
        horizontal: true,
        unit: '元/人',
        categories: perHeadRows.map((r) => r.label),
        series: [
          { name: '按实有人数', data: perHeadRows.map((r) => perHeadPoint(r.actual)) },
          { name: '按编制数', data: perHeadRows.map((r) => perHeadPoint(r.authorized)) },
        ],
      }),
    );
  }
  // the same year's budget and final account of this unit: the 执行率 view
  const sameYear = (kind: string) =>
    versions.find(
      (v) => v.year === record.year && v.scope === record.scope && v.kind === kind && v.status === 'current',
    );
  const executionPair =
    sameYear('budget') && sameYear('final_account') ? [sameYear('budget')!, sameYear('final_account')!] : undefined;
  const current =
    record.status === 'superseded'
      ? versions.find(
          (v) => v.year === record.year && v.kind === record.kind && v.scope === record.scope && v.status === 'current',
        )
      : undefined;
  const body = h`
<p class="muted"><a href="/">检索</a> › <a href="/${query({ unit: record.unit_name })}">${record.unit_name}</a></p>
<h1>${record.title}</h1>
<p id="unit-line">${record.unit_name} · ${record.region} · ${docLabel(record)}${record.doc_date ? ` · ${record.doc_date}` : ''} ${badges(record)}</p>
${c.req.query('known') === '1' ? h`<p class="notice" id="already-known">上传的文件与已保存的这份文件内容完全相同，未重复保存${record.status === 'draft' ? '（仍是草稿，发布后公开）' : record.status === 'current' ? '（已公开）' : '（历史版本）'}。</p>` : ''}
${record.status === 'superseded' ? h`<p class="notice">这是历史版本，已被更新的版本取代。${current ? h`<a href="/documents/${current.id}">查看现行版本</a>` : ''}</p>` : ''}
${
  record.status === 'draft'
    ? h`<div class="notice" id="draft-notice"><p>这是待审核的草稿，尚未公开。请查看下方的审核结果后发布。</p>
<form method="post" action="/documents/${id}/publish" style="display:inline"><button type="submit" id="publish">发布</button></form>
<form method="post" action="/documents/${id}/delete" style="display:inline"><button type="submit" class="danger">删除</button></form></div>`
    : ''
}
<div class="grid screen-only">
<section class="card figures" id="key-figures"><h2 style="margin-top:0">关键数字（万元）</h2><dl>
${FIGURES.map((fig) => {
  const v = decimalText(figureValue(f, fig.key));
  return v === null ? '' : h`<dt>${fig.label}</dt><dd>${formatWan(v)}</dd>`;
})}
${record.staff_actual ? h`<dt>实有人数</dt><dd>${formatCount(record.staff_actual)} 人</dd>` : ''}${record.staff_authorized ? h`<dt>编制数</dt><dd>${formatCount(record.staff_authorized)} 人</dd>` : ''}
${perHeadRows.map((r) => h`<dt>人均${r.label}（按${r.actual !== null ? '实有人数' : '编制数'}）</dt><dd>${formatPerHead(r.actual ?? r.authorized)}</dd>`)}
</dl></section>
<section class="card"><h2 style="margin-top:0">本单位的全部文件</h2><ul>
${versions.map((v) => h`<li>${v.id === id ? h`<strong>${docLabel(v)}</strong>` : h`<a href="/documents/${v.id}">${docLabel(v)}</a>`}${v.status === 'superseded' ? h` <span class="muted">（历史版本）</span>` : ''} ${badges(v)}</li>`)}
</ul>
${executionPair ? h`<p><a id="execution-link" href="/compare${query({ ids: `${executionPair[0].id},${executionPair[1].id}` })}">${record.year}年预算执行情况（执行率）</a></p>` : ''}
<p><a href="/compare${query({
    ids: versions
      .filter((v) => v.status === 'current')
      .map((v) => v.id)
      .slice(0, 10)
      .join(','),
  })}">对比本单位各年度</a> · <a href="/compare${query({ ids: String(id) })}">与其他单位对比</a></p>
<p class="downloads muted">下载：<a href="/api/documents/${id}/model">模型 JSON</a><a href="/api/documents/${id}/source">原始文件</a></p>
${downloadLinks(`/api/documents/${id}/facts`, '表格数据')}${downloadLinks(`/api/documents/${id}/findings`, '审核发现')}
</section></div>
${charts.length ? h`<h2 class="screen-only">图表</h2><div class="charts screen-only">${charts}</div>` : ''}
${pageBody.tail}`;
  return c.html(page({ title: record.unit_name, body, charts: charts.length > 0 }));
}

// ── compare ─────────────────────────────────────────────────────────────────────────────────────────────

/** 款 (under a 类) or 项 (under a 款) of the documents' function tables, for drilling into a compare row. */
async function drillRows(options: AppOptions, docs: FigureRecord[], code: string): Promise<DrillRow[]> {
  const level = code.length === 3 ? 'section' : 'item';
  const perDoc = await Promise.all(
    docs.map((d) =>
      aggregateFacts(options.store, {
        document: d.id,
        status: 'any',
        system: 'function',
        codePrefix: code,
        level,
        rows: 'all',
        column: 'total',
        groupBy: ['table', 'code', 'label'],
      }),
    ),
  );
  const byCode = new Map<string, { label: string; values: Array<string | null> }>();
  perDoc.forEach((rows, i) => {
    // one table per document: the first that classifies spending by function (as the treemap does)
    const table = FUNCTION_TABLES.find((t) => rows.some((r) => r.table === t));
    for (const r of rows) {
      if (r.table !== table || typeof r.code !== 'string') continue;
      const entry = byCode.get(r.code) ?? { label: String(r.label ?? '').trim(), values: docs.map(() => null) };
      entry.values[i] = r.amount_wan;
      byCode.set(r.code, entry);
    }
  });
  return [...byCode.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, e]) => ({ code: c, label: e.label, values: e.values }));
}

function compareValue(unit: CompareUnit, v: string | null): string {
  return unit === 'count' ? formatCount(v) : unit === 'perHead' ? formatPerHead(v) : formatWan(v);
}

async function comparePage(c: Context, options: AppOptions): Promise<Response> {
  const asked = compareIds(c);
  const docs = compareOrder(await documentFigures(options.store, asked));
  const ids = docs.map((d) => d.id);
  const add = optionalText(c, 'add');
  const drill = optionalText(c, 'drill');
  if (drill !== undefined && !/^\d{3}(\d{2})?$/.test(drill))
    throw new HttpError(400, `下钻的科目编码“${drill}”应为 3 位（类）或 5 位（款）数字`, 'bad_parameter');
  const candidates = add ? (await searchDocuments(options.store, { unit: add }, { limit: 20 })).items : [];
  // a 款 drilled into shows its class's 款 and its own 项
  const drilled = drill
    ? [
        ...(drill.length === 5 ? await drillRows(options, docs, drill.slice(0, 3)) : []),
        ...(await drillRows(options, docs, drill)),
      ].sort((a, b) => a.code.localeCompare(b.code))
    : [];
  const rows = compareRows(docs, drill ? { code: drill, rows: drilled } : undefined);
  const execution = isExecutionPair(docs);
  const baseline = compareBaseline(docs);
  const chartFigures = ['expenditureTotal', 'basicExpenditure', 'projectExpenditure', 'threePublic.total'];
  const chart: ChartData = {
    type: 'bars',
    categories: chartFigures.map(figureLabel),
    series: docs.map((d) => ({
      name: `${d.unit_name} ${docLabel(d)}`,
      data: chartFigures.map((k) => point(figureValue(d.figures, k))),
    })),
  };
  const link = (extra: Record<string, string | undefined>) => `/compare${query({ ids: ids.join(','), ...extra })}`;
  const labelCell = (r: CompareRow) => {
    const indent = r.depth ? h` style="padding-left:${r.depth * 1.2 + 0.45}rem"` : '';
    // a 类 opens its 款, a 款 its 项
    const canDrill = r.code !== undefined && (r.code.length === 3 || r.code.length === 5);
    const open = drill !== undefined && r.code !== undefined && drill.startsWith(r.code);
    return h`<td${indent}>${canDrill ? h`<a href="${link({ drill: open ? (r.code!.length === 5 ? r.code!.slice(0, 3) : undefined) : r.code })}" class="drill" aria-expanded="${open ? 'true' : 'false'}">${open ? '▾' : '▸'} ${r.label}</a>` : r.label}</td>`;
  };
  const table = execution
    ? h`<table class="data" id="execution-table"><caption>${docs[0].unit_name} ${docs[0].year}年预算执行情况（执行率 = 决算数 ÷ 预算数）</caption><thead><tr><th>指标</th><th>预算数</th><th>决算数</th><th>执行率</th><th>差异（决算 − 预算）</th></tr></thead><tbody>
${rows.map((r) => h`<tr class="depth-${r.depth}">${labelCell(r)}<td class="num">${compareValue(r.unit, r.values[0])}</td><td class="num">${compareValue(r.unit, r.values[1])}</td><td class="num">${formatPercent(r.ratios[0])}</td><td class="num">${r.unit === 'count' ? formatCount(r.changes[0]) : r.unit === 'perHead' ? formatPerHead(r.changes[0]) : formatChange(r.changes[0])}</td></tr>`)}
</tbody></table>`
    : h`<table class="data" id="compare-table"><thead><tr><th>指标（金额：万元）</th>
${docs.map((d, i) => h`<th><a href="/documents/${d.id}">${d.unit_name}</a><br>${docLabel(d)} <a class="muted" href="/compare${query({ ids: ids.filter((x) => x !== d.id).join(','), drill })}">移除</a></th>${i > 0 ? h`<th>增减额</th><th>增减率</th>` : ''}`)}
</tr></thead><tbody>
${rows.map((r) => h`<tr class="depth-${r.depth}">${labelCell(r)}${r.values.map((v, i) => h`<td class="num">${compareValue(r.unit, v)}</td>${i > 0 ? h`<td class="num">${r.unit === 'count' ? formatCount(r.changes[i - 1]) : r.unit === 'perHead' ? formatPerHead(r.changes[i - 1]) : formatChange(r.changes[i - 1])}</td><td class="num">${formatPercentChange(r.changeRates[i - 1])}</td>` : ''}`)}</tr>`)}
</tbody></table>`;
  const body = h`
<h1>${execution ? '预算执行情况' : '对比'}</h1>
<form class="search card" method="get" action="/compare">
  <input type="hidden" name="ids" value="${ids.join(',')}">
  <label>加入单位（按名称查找）<input name="add" value="${add ?? ''}" placeholder="单位名称"></label><button type="submit">查找</button>
</form>
${candidates.length ? h`<ul class="card" id="candidates">${candidates.map((d) => h`<li><a href="/compare${query({ ids: [...ids, d.id].join(',') })}">${d.unit_name} ${docLabel(d)}</a></li>`)}</ul>` : add ? h`<p class="card">没有名称包含“${add}”的文件。</p>` : ''}
${docs.length < 2 ? h`<p class="card">请至少选择两个文件进行对比（当前 ${docs.length} 个）。</p>` : ''}
${
  docs.length
    ? h`<div class="table-scroll">${table}</div>
<p class="muted">${execution ? '执行率 = 决算数 ÷ 预算数；差异 = 决算数 − 预算数。' : baseline === 'previous' ? '同一单位的文件按年度从早到晚排列；增减额 = 本列 − 前一列，增减率 = 增减额 ÷ 前一列。' : '增减额 = 该文件 − 第一个文件，增减率 = 增减额 ÷ 第一个文件。'}金额单位万元，人均为元/人；点击功能分类可下钻到款、项。</p>
${docs.length >= 2 ? downloadLinks(`/api/compare${query({ ids: ids.join(','), drill })}`, '下载对比') : ''}
${docs.length >= 2 ? chartSection('chart-compare', '主要数字', chart) : ''}`
    : ''
}`;
  return c.html(page({ title: execution ? '预算执行情况' : '对比', body, charts: docs.length >= 2 }));
}

// ── rankings ────────────────────────────────────────────────────────────────────────────────────────────

async function rankingsPage(c: Context, options: AppOptions): Promise<Response> {
  const figure = optionalText(c, 'figure') ?? 'threePublic.total';
  if (!FIGURE_KEYS.has(figure)) throw new HttpError(400, `未知的指标“${figure}”`, 'bad_parameter');
  const per = optionalText(c, 'per', ['actual', 'authorized']) as PerHead | undefined;
  const dims = await dimensions(options);
  // one kind and one year unless the reader asks for all (the form sends an empty value for 全部): ranking a
  // budget against a final account, or one year against another, compares unlike figures
  const asked = documentFilter(c);
  const filter = {
    ...asked,
    kind: c.req.query('kind') === undefined ? 'budget' : asked.kind,
    year: c.req.query('year') === undefined ? dims.years[0] : asked.year,
  };
  const rows = await rankings(options.store, { ...filter, figure, per, limit: 100 });
  const params = { figure, per, region: filter.region, year: filter.year, kind: filter.kind, scope: filter.scope };
  const sel = (value: unknown, current: unknown) => (value == current ? h` selected` : '');
  const top = rows.slice(0, 20);
  const chart: ChartData = {
    type: 'bars',
    horizontal: true,
    unit: per ? '元/人' : '万元',
    categories: top.map((r) => `${r.unit_name}（${r.year}）`),
    series: [
      {
        name: figureLabel(figure) + (per ? '（人均）' : ''),
        data: top.map((r) => (per ? perHeadPoint(r.per_head) : point(r.value))),
      },
    ],
  };
  const body = h`
<h1>排行：${figureLabel(figure)}${per ? `（人均，按${PER_HEAD[per]}）` : ''}<span class="muted" id="ranking-scope"> · ${filter.year ? `${filter.year}年` : '全部年度'} · ${filter.kind ? KIND_LABEL[filter.kind] : '预算与决算'}</span></h1>
<form class="search card" method="get" action="/rankings">
  <label>指标<select name="figure">${FIGURES.map((f) => h`<option value="${f.key}"${sel(f.key, figure)}>${f.label}</option>`)}</select></label>
  <label>人均<select name="per"><option value="">总额</option><option value="actual"${sel('actual', per)}>按实有人数</option><option value="authorized"${sel('authorized', per)}>按编制数</option></select></label>
  <label>地区<select name="region"><option value="">全部</option>${dims.regions.map((r) => h`<option${sel(r, filter.region)}>${r}</option>`)}</select></label>
  <label>年度<select name="year"><option value="">全部</option>${dims.years.map((y) => h`<option${sel(y, filter.year)}>${y}</option>`)}</select></label>
  <label>类型<select name="kind"><option value="">全部</option><option value="budget"${sel('budget', filter.kind)}>预算</option><option value="final_account"${sel('final_account', filter.kind)}>决算</option></select></label>
  <button type="submit">排行</button>
</form>
${rows.length ? chartSection('chart-ranking', `前 ${top.length} 名`, chart, 560) : h`<p class="card">没有数据。</p>`}
<table class="data" id="ranking-table"><thead><tr><th>名次</th><th>单位</th><th>地区</th><th>文件</th><th>${figureLabel(figure)}（万元）</th>${per ? h`<th>${PER_HEAD[per]}</th><th>人均（元/人）</th>` : ''}</tr></thead><tbody>
${rows.map((r) => h`<tr><td>${r.rank}</td><td><a href="/documents/${r.id}">${r.unit_name}</a></td><td>${r.region}</td><td>${docLabel(r)}</td><td class="num">${formatWan(r.value)}</td>${per ? h`<td class="num">${formatCount(r.staff)}</td><td class="num">${formatPerHead(r.per_head)}</td>` : ''}</tr>`)}
</tbody></table>
${downloadLinks(`/api/rankings${query(params)}`, '下载排行')}`;
  return c.html(page({ title: '排行', body, charts: rows.length > 0 }));
}

// ── audit dashboard ─────────────────────────────────────────────────────────────────────────────────────

async function auditPage(c: Context, options: AppOptions): Promise<Response> {
  const filter = { ...documentFilter(c), q: undefined };
  const summary = await auditSummary(options.store, filter);
  const dims = await dimensions(options);
  const sel = (value: unknown, current: unknown) => (value == current ? h` selected` : '');
  const params = { region: filter.region, year: filter.year, kind: filter.kind };
  const chart: ChartData = {
    type: 'bars',
    unit: '条',
    categories: summary.byRule.slice(0, 15).map((r) => ruleTitle(r.rule)),
    series: [
      { name: '发现数', data: summary.byRule.slice(0, 15).map((r) => ({ value: r.count, text: `${r.count} 条` })) },
    ],
  };
  const body = h`
<h1>审核概览${filter.region ? ` · ${filter.region}` : ''}${filter.year ? ` · ${filter.year}年` : ''}</h1>
<form class="search card" method="get" action="/audit">
  <label>地区<select name="region"><option value="">全部</option>${dims.regions.map((r) => h`<option${sel(r, filter.region)}>${r}</option>`)}</select></label>
  <label>年度<select name="year"><option value="">全部</option>${dims.years.map((y) => h`<option${sel(y, filter.year)}>${y}</option>`)}</select></label>
  <label>类型<select name="kind"><option value="">全部</option><option value="budget"${sel('budget', filter.kind)}>预算</option><option value="final_account"${sel('final_account', filter.kind)}>决算</option></select></label>
  <button type="submit">查看</button>
</form>
<div class="grid">
<section class="card"><h3>文件</h3><p><strong>${summary.documents}</strong> 份，其中 <strong>${summary.withErrors}</strong> 份有错误</p>
<p>${summary.bySeverity.map((s) => h`<span class="badge b-${s.value}">${SEVERITY_LABEL[s.value]} ${s.count}</span>`)}</p></section>
${summary.byRule.length ? chartSection('chart-audit', '发现最多的规则', chart) : ''}
</div>
<h2>按规则</h2>
<table class="data" id="rules-table"><thead><tr><th>规则</th><th>说明</th><th>级别</th><th>发现数</th><th>涉及文件</th></tr></thead><tbody>
${summary.byRule.map((r) => h`<tr><td><a href="/api/findings${query({ ...params, rule: r.rule, format: 'csv' })}">${ruleTitle(r.rule)}</a> <code class="muted">${r.rule}</code></td><td>${ruleExplanation(r.rule) ?? ''}</td><td>${SEVERITY_LABEL[r.severity] ?? r.severity}</td><td class="num">${r.count}</td><td class="num">${r.documents}</td></tr>`)}
</tbody></table>
${downloadLinks(`/api/findings${query(params)}`, '下载全部发现')}
<h2>问题最多的文件</h2>
<table class="data"><thead><tr><th>单位</th><th>文件</th><th>审核</th></tr></thead><tbody>
${summary.worst.map((d) => h`<tr><td><a href="/documents/${d.id}#findings">${d.unit_name}</a></td><td>${docLabel(d)}</td><td>${badges(d)}</td></tr>`)}
</tbody></table>`;
  return c.html(page({ title: '审核概览', body, charts: summary.byRule.length > 0 }));
}

// ── upload for reviewers ────────────────────────────────────────────────────────────────────────────────

/** The upload page: a reviewer signs in with the token first (a small form), then sends the file, so that the
 * token is checked before a file's body is read. */
function uploadForm(options: AppOptions, c: Context, error?: string, status?: 400 | 401 | 403): Response {
  const limit = options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;
  const signedIn = hasToken(c, options.token);
  const form = signedIn
    ? h`<form class="card" method="post" action="/upload" enctype="multipart/form-data">
  <p><label>文件（PDF、Word .docx、Excel .xlsx、网页 .html、文本 .txt/.md 或 budgetdoc 模型 .json/.yaml，不超过 ${Math.round(limit / 1024 / 1024)} MB）<br><input type="file" name="file" required accept=".pdf,.docx,.xlsx,.html,.htm,.txt,.md,.json,.yaml,.yml"></label></p>
  <p><button type="submit">上传并审核</button></p>
</form>`
    : h`<form class="card" method="post" action="/upload/session" id="sign-in">
  <p><label>令牌<br><input type="password" name="token" autocomplete="current-password" required></label></p>
  <p><button type="submit">登录后上传</button></p>
</form>`;
  const body = h`
<h1>上传文件（审核人员）</h1>
${error ? h`<p class="notice" id="upload-error">${error}</p>` : ''}
${options.token ? '' : h`<p class="notice">服务器未配置令牌（BUDGETDOC_TOKEN 或 --token），上传已关闭。</p>`}
${form}
<p class="muted">上传后先以草稿保存并显示解析结果与审核报告，确认后再发布。</p>`;
  return c.html(page({ title: '上传', body }), status ?? (error ? 400 : 200));
}

/** A small form body of a reviewer action (publish, delete, sign-in): at most 16 KiB. */
const smallForm = bodyLimit({
  maxSize: 16 * 1024,
  onError: () => {
    throw new HttpError(413, '请求体过大', 'too_large');
  },
});

/** The token of a small form, when the request is one (publish and delete also take the headers or the session). */
async function formToken(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(?:application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  const form = await formBody(c);
  return typeof form.token === 'string' && form.token ? form.token : undefined;
}

export function registerPages(app: Hono, options: AppOptions): void {
  const limit = options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;
  app.get('/', (c) => home(c, options));
  app.get('/documents/:id', (c) => documentPage(c, options));
  app.get('/units/:name', async (c) => {
    const versions = await unitDocuments(options.store, c.req.param('name'));
    const latest = versions.find((v) => v.status === 'current') ?? versions[0];
    if (!latest) throw new HttpError(404, `没有单位“${c.req.param('name')}”的文件`, 'not_found');
    return c.redirect(`/documents/${latest.id}`);
  });
  app.get('/compare', (c) => comparePage(c, options));
  app.get('/rankings', (c) => rankingsPage(c, options));
  app.get('/audit', (c) => auditPage(c, options));
  app.get('/upload', (c) => uploadForm(options, c));
  app.post('/upload/session', smallForm, async (c) => {
    const token = await formToken(c);
    if (!token) return uploadForm(options, c, '请输入令牌。', 400);
    try {
      requireToken(c, options.token, token);
    } catch (err) {
      if (err instanceof HttpError) return uploadForm(options, c, err.message, err.status === 401 ? 401 : 403);
      throw err;
    }
    setSession(c, token);
    return c.redirect('/upload', 303);
  });
  app.post(
    '/upload',
    tokenFirst(options.token),
    bodyLimit({
      maxSize: limit + 64 * 1024,
      onError: () => {
        throw new HttpError(413, `文件过大：上限 ${limit} 字节`, 'too_large');
      },
    }),
    async (c) => {
      const form = await formBody(c);
      const file = form.file;
      if (!(file instanceof File) || file.size === 0) return uploadForm(options, c, '请选择要上传的文件。');
      let outcome;
      try {
        outcome = await receiveUpload({ ...options, uploadLimit: limit }, file, true);
      } catch (err) {
        if (err instanceof HttpError && err.status !== 401 && err.status !== 403)
          return uploadForm(options, c, publicMessage(err.message));
        throw err;
      }
      // the same bytes were stored before: say so on the document's page rather than silently showing it
      return c.redirect(`/documents/${outcome.id}${outcome.outcome === 'unchanged' ? '?known=1' : ''}`, 303);
    },
  );
  app.post('/documents/:id/publish', smallForm, async (c) => {
    requireToken(c, options.token, await formToken(c));
    const result = await publishDocument(options.store, pathId(c));
    if (!result) throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.redirect(`/documents/${result.id}`, 303);
  });
  app.post('/documents/:id/delete', smallForm, async (c) => {
    requireToken(c, options.token, await formToken(c));
    if (!(await deleteDocument(options.store, pathId(c))))
      throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.redirect('/', 303);
  });
}

// The JSON REST API (described by /api/openapi.json, generated from the routes' own query schemas): documents,
// figures, facts, findings, rankings, compare, search and the Fiscal Data Package export; tabular answers also as
// CSV and XLSX (?format=csv|xlsx).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Env, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteDocument, publishDocument } from '../store/documents.js';
import { FIGURES, PER_HEAD } from '../store/figures.js';
import {
  aggregateFacts,
  auditSummary,
  documentFigures,
  documentFindings,
  FACT_DIMENSIONS,
  filteredFigures,
  getDocument,
  getSource,
  listFacts,
  listFindings,
  rankings,
  searchDocuments,
  unitDocuments,
  type DocumentFilter,
  type FactQuery,
  type FigureRecord,
} from '../store/queries.js';
import { DEFAULT_UPLOAD_LIMIT, type AppOptions } from './context.js';
import { ruleTitle } from '../audit/rule-titles.zh-CN.js';
import {
  compareBaseline,
  compareOrder,
  compareRows,
  decimalText,
  DIMENSION_LABEL,
  DIMENSION_VALUES,
  isExecutionPair,
  KIND_LABEL,
  LEVEL_LABEL,
  ROW_KIND_LABEL,
  SCOPE_LABEL,
  SEVERITY_LABEL,
  STATUS_LABEL,
  SYSTEM_LABEL,
  YES_NO,
} from './data.js';
import { dataPackage, exportCsv } from './export.js';
import { sendTable, type Column } from './downloads.js';
import { badQuery, DocumentFilterQuery, parseQuery, type FactsQuery as FactsQuerySchema } from './api-schemas.js';
import { formBody, HttpError, idList, pathId, requireToken, tokenFirst } from './http.js';
import { openApiDocument, ROUTES } from './openapi.js';
import type { z } from '@hono/zod-openapi';
import { receiveUpload } from './upload.js';
import { figureValue } from '../store/figures.js';

/** The listing filters of a request (the pages' search form), checked by the API's own schema. */
export function documentFilter(c: Context): DocumentFilter {
  return filterOf(parseQuery(c, DocumentFilterQuery));
}

/** The store's filter from any validated query that holds the filters. */
function filterOf(q: Partial<z.output<typeof DocumentFilterQuery>>): DocumentFilter {
  return { q: q.q, unit: q.unit, region: q.region, year: q.year, kind: q.kind, scope: q.scope };
}

export const SUMMARY_COLUMNS: Column[] = [
  { key: 'id', label: '编号' },
  { key: 'unit_name', label: '单位' },
  { key: 'region', label: '地区' },
  { key: 'year', label: '年度' },
  { key: 'kind', label: '类型', values: KIND_LABEL },
  { key: 'scope', label: '范围', values: SCOPE_LABEL },
  { key: 'title', label: '标题' },
  { key: 'status', label: '状态', values: STATUS_LABEL },
  { key: 'error_count', label: '错误数' },
  { key: 'warning_count', label: '警告数' },
  { key: 'info_count', label: '提示数' },
];

export const FINDING_COLUMNS: Column[] = [
  { key: 'document_id', label: '文件编号' },
  { key: 'rule', label: '规则编号' },
  { key: 'rule_title', label: '规则' },
  { key: 'severity', label: '级别', values: SEVERITY_LABEL },
  { key: 'message', label: '说明' },
  { key: 'section', label: '部分' },
  { key: 'table_id', label: '表' },
  { key: 'row_label', label: '行' },
  { key: 'line', label: '行号' },
];

export const FACT_COLUMNS: Column[] = [
  { key: 'document_id', label: '文件编号' },
  { key: 'unit_name', label: '单位' },
  { key: 'year', label: '年度' },
  { key: 'kind', label: '类型', values: KIND_LABEL },
  { key: 'table_id', label: '表' },
  { key: 'row_no', label: '行序' },
  { key: 'row_label', label: '行名称' },
  { key: 'row_code', label: '科目编码' },
  { key: 'code_system', label: '分类', values: SYSTEM_LABEL },
  { key: 'row_level', label: '级次', values: LEVEL_LABEL },
  { key: 'row_kind', label: '行类型', values: ROW_KIND_LABEL },
  { key: 'is_leaf', label: '末级', values: YES_NO },
  { key: 'column_key', label: '栏目' },
  { key: 'money_unit', label: '单位（货币）' },
  { key: 'amount', label: '金额' },
  { key: 'amount_wan', label: '金额（万元）' },
];

/** Findings with their rule's Chinese title beside the id. */
function withRuleTitles(findings: Array<{ rule: string }>): Array<Record<string, unknown>> {
  return findings.map((f) => ({ ...f, rule_title: ruleTitle(f.rule) }));
}

export function figureColumns(): Column[] {
  return [
    ...SUMMARY_COLUMNS.slice(0, 6),
    ...FIGURES.map((f) => ({ key: f.key, label: `${f.label}（万元）` })),
    { key: 'staff_actual', label: '实有人数' },
    { key: 'staff_authorized', label: '编制数' },
  ];
}

export function figureRows(records: FigureRecord[]): Array<Record<string, unknown>> {
  return records.map((r) => {
    const row: Record<string, unknown> = {
      id: r.id,
      unit_name: r.unit_name,
      region: r.region,
      year: r.year,
      kind: r.kind,
      scope: r.scope,
    };
    for (const f of FIGURES) row[f.key] = decimalText(figureValue(r.figures, f.key));
    row.staff_actual = r.staff_actual;
    row.staff_authorized = r.staff_authorized;
    return row;
  });
}

function factQuery(q: z.output<typeof FactsQuerySchema>): FactQuery {
  return {
    ...filterOf(q),
    document: q.document,
    table: q.table,
    column: q.column,
    code: q.code,
    codePrefix: q.codePrefix,
    system: q.system,
    level: q.level,
    rows: q.rows,
    groupBy: (q.groupBy ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    limit: q.limit,
  };
}

export function compareIds(c: Context): number[] {
  return idList(c.req.query('ids'));
}

export function registerApi(app: Hono, options: AppOptions): void {
  const { store } = options;
  const limit = options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;
  // the routes below validate their query with the schemas the document describes; a bad one is a 400 (badQuery)
  const api = new OpenAPIHono<Env>({ defaultHook: badQuery });
  let described: Record<string, unknown> | undefined;

  app.get('/api/openapi.json', (c) => c.json((described ??= openApiDocument(api))));

  api.openapi(ROUTES.meta, (c) =>
    c.json({ figures: FIGURES, perHead: PER_HEAD, dimensions: Object.keys(FACT_DIMENSIONS), engine: store.engine }),
  );

  const listDocuments = async (
    c: Context,
    q: { limit?: number; offset?: number; format?: 'json' | 'csv' | 'xlsx' } & Partial<
      z.output<typeof DocumentFilterQuery>
    >,
  ) => {
    const result = await searchDocuments(store, filterOf(q), { limit: q.limit, offset: q.offset });
    if (q.format)
      return sendTable(
        c,
        q.format,
        {
          name: 'documents',
          columns: SUMMARY_COLUMNS,
          rows: result.items as unknown as Array<Record<string, unknown>>,
        },
        result,
      );
    return c.json(result);
  };
  api.openapi(ROUTES.documents, (c) => listDocuments(c, c.req.valid('query')));
  api.openapi(ROUTES.search, (c) => listDocuments(c, c.req.valid('query')));

  const upload = {
    ...ROUTES.upload,
    // the token before the body: without it not a byte of up to 20 MiB is read
    middleware: [
      tokenFirst(options.token),
      bodyLimit({
        maxSize: limit + 64 * 1024,
        onError: () => {
          throw new HttpError(413, `文件过大：上限 ${limit} 字节`, 'too_large');
        },
      }),
    ],
  };
  api.openapi(upload, async (c) => {
    const body = await formBody(c);
    const file = body.file;
    if (!(file instanceof File)) throw new HttpError(400, '请以 multipart/form-data 的 file 字段上传文件', 'no_file');
    const publish = c.req.valid('query').publish === true;
    const outcome = await receiveUpload({ ...options, uploadLimit: limit }, file, !publish);
    const message =
      outcome.outcome === 'unchanged' ? `文件已存在：与编号 ${outcome.id} 的文件内容完全相同，未重复保存。` : undefined;
    return c.json(
      { id: outcome.id, outcome: outcome.outcome, message, superseded: outcome.superseded, findings: outcome.findings },
      outcome.outcome === 'unchanged' ? 200 : 201,
    );
  });

  api.openapi(ROUTES.document, async (c) => {
    const record = await getDocument(store, pathId(c));
    if (!record || record.status === 'draft')
      throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    const { model, ...rest } = record;
    const versions = await unitDocuments(store, record.unit_name);
    return c.json({ ...rest, warnings: model.warnings.length, versions: versions.map(({ figures: _f, ...v }) => v) });
  });

  const readable = async (c: Context) => {
    const id = pathId(c);
    const record = await getDocument(store, id);
    if (!record || record.status === 'draft') throw new HttpError(404, `没有编号为 ${id} 的文件`, 'not_found');
    return record;
  };

  api.openapi(ROUTES.model, async (c) => {
    const record = await readable(c);
    return c.json(record.model, 200, { 'content-disposition': `attachment; filename="document-${record.id}.json"` });
  });

  api.openapi(ROUTES.source, async (c) => {
    const record = await readable(c);
    const source = await getSource(store, record.id);
    const ext = source!.file.match(/\.[a-z0-9]+$/i)?.[0] ?? '';
    const type =
      ext === '.pdf' ? 'application/pdf' : ext === '.json' ? 'application/json' : 'text/plain; charset=utf-8';
    return c.body(source!.bytes as unknown as ArrayBuffer, 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="document-${record.id}${ext}"; filename*=UTF-8''${encodeURIComponent(source!.file)}`,
    });
  });

  api.openapi(ROUTES.findings, async (c) => {
    const record = await readable(c);
    const findings = await documentFindings(store, record.id);
    return sendTable(c, c.req.valid('query').format ?? 'json', {
      name: `findings-${record.id}`,
      columns: FINDING_COLUMNS,
      rows: withRuleTitles(findings),
    });
  });

  api.openapi(ROUTES.facts, async (c) => {
    const record = await readable(c);
    const facts = await listFacts(store, { document: record.id, status: 'any', limit: 100000 });
    return sendTable(c, c.req.valid('query').format ?? 'json', {
      name: `facts-${record.id}`,
      columns: FACT_COLUMNS,
      rows: facts as unknown as Array<Record<string, unknown>>,
    });
  });

  api.openapi(ROUTES.publish, async (c) => {
    requireToken(c, options.token);
    const result = await publishDocument(store, pathId(c));
    if (!result) throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.json(result);
  });

  api.openapi(ROUTES.deleteDocument, async (c) => {
    requireToken(c, options.token);
    if (!(await deleteDocument(store, pathId(c))))
      throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.json({ deleted: Number(c.req.param('id')) });
  });

  api.openapi(ROUTES.figures, async (c) => {
    const q = c.req.valid('query');
    const ids = idList(q.ids);
    const records = ids.length ? await documentFigures(store, ids) : await filteredFigures(store, filterOf(q), q.limit);
    const rows = figureRows(records);
    return sendTable(c, q.format ?? 'json', { name: 'figures', columns: figureColumns(), rows });
  });

  api.openapi(ROUTES.allFacts, async (c) => {
    const q = c.req.valid('query');
    const query = factQuery(q);
    const format = q.format ?? 'json';
    if (q.detail) {
      const facts = await listFacts(store, query);
      return sendTable(c, format, {
        name: 'facts',
        columns: FACT_COLUMNS,
        rows: facts as unknown as Array<Record<string, unknown>>,
      });
    }
    const rows = await aggregateFacts(store, query);
    const columns: Column[] = [
      ...(query.groupBy ?? []).map((g) => ({ key: g, label: DIMENSION_LABEL[g] ?? g, values: DIMENSION_VALUES[g] })),
      { key: 'amount_wan', label: '合计（万元）' },
      { key: 'cells', label: '单元格数' },
      { key: 'documents', label: '文件数' },
    ];
    return sendTable(c, format, { name: 'facts-aggregate', columns, rows });
  });

  api.openapi(ROUTES.allFindings, async (c) => {
    const q = c.req.valid('query');
    const filter = { ...filterOf(q), rule: q.rule, severity: q.severity };
    const rows = await listFindings(store, filter, q.limit);
    const columns: Column[] = [
      FINDING_COLUMNS[0],
      { key: 'unit_name', label: '单位' },
      { key: 'region', label: '地区' },
      { key: 'year', label: '年度' },
      ...FINDING_COLUMNS.slice(1),
    ];
    return sendTable(c, q.format ?? 'json', { name: 'findings', columns, rows: withRuleTitles(rows) });
  });

  api.openapi(ROUTES.audit, async (c) => {
    const q = c.req.valid('query');
    const summary = await auditSummary(store, filterOf(q));
    const format = q.format;
    if (format && format !== 'json') {
      return sendTable(c, format, {
        name: 'audit',
        columns: [
          { key: 'rule', label: '规则' },
          { key: 'severity', label: '级别', values: SEVERITY_LABEL },
          { key: 'count', label: '发现数' },
          { key: 'documents', label: '涉及文件数' },
        ],
        rows: summary.byRule,
      });
    }
    return c.json(summary);
  });

  api.openapi(ROUTES.rankings, async (c) => {
    const q = c.req.valid('query');
    const per = q.per;
    const rows = await rankings(store, {
      ...filterOf(q),
      figure: q.figure ?? 'threePublic.total',
      per,
      order: q.order,
      limit: q.limit,
    });
    const columns: Column[] = [
      { key: 'rank', label: '名次' },
      ...SUMMARY_COLUMNS.slice(0, 6),
      { key: 'value', label: '数值（万元）' },
      { key: 'staff', label: per ? PER_HEAD[per] : '人数' },
      { key: 'per_head', label: '人均（万元/人）' },
    ];
    return sendTable(c, q.format ?? 'json', {
      name: 'rankings',
      columns,
      rows: rows as unknown as Array<Record<string, unknown>>,
    });
  });

  api.openapi(ROUTES.compare, async (c) => {
    const q = c.req.valid('query');
    const ids = idList(q.ids);
    if (ids.length < 2) throw new HttpError(400, '对比至少需要两个文件：ids=1,2', 'bad_parameter');
    const found = await documentFigures(store, ids);
    if (found.length !== ids.length) {
      const missing = ids.filter((id) => !found.some((d) => d.id === id));
      throw new HttpError(404, `没有编号为 ${missing.join('、')} 的文件`, 'not_found');
    }
    // the order the page shows: a unit's documents oldest first; changes from the previous column or the first
    const docs = compareOrder(found);
    const rows = compareRows(docs);
    const baseline = compareBaseline(docs);
    const format = q.format ?? 'json';
    if (format === 'json')
      return c.json({
        documents: docs.map(({ figures: _f, ...d }) => d),
        baseline,
        execution: isExecutionPair(docs),
        rows,
      });
    // the header names the documents
    const names = docs.map((d) => `${d.unit_name} ${d.year}${KIND_LABEL[d.kind] ?? d.kind} #${d.id}`);
    const columns: Column[] = [
      { key: 'label', label: '指标' },
      { key: 'unit', label: '单位' },
    ];
    docs.forEach((d, i) => {
      columns.push({ key: `value_${d.id}`, label: names[i] });
      if (i > 0)
        columns.push(
          { key: `change_${d.id}`, label: `增减额 #${d.id}` },
          { key: `change_rate_${d.id}`, label: `增减率% #${d.id}` },
          { key: `ratio_${d.id}`, label: `比率% #${d.id}` },
        );
    });
    const unitLabel = { wan: '万元', count: '人', perHead: '万元/人' } as const;
    const flat = rows.map((r) => {
      const row: Record<string, unknown> = { label: r.label, unit: unitLabel[r.unit] };
      r.values.forEach((v, i) => {
        row[`value_${docs[i].id}`] = v;
        if (i > 0) {
          row[`change_${docs[i].id}`] = r.changes[i - 1];
          row[`change_rate_${docs[i].id}`] = r.changeRates[i - 1];
          row[`ratio_${docs[i].id}`] = r.ratios[i - 1];
        }
      });
      return row;
    });
    return sendTable(c, format, { name: 'compare', columns, rows: flat });
  });

  api.openapi(ROUTES.dataPackage, (c) => c.json(dataPackage()));
  api.get('/api/export/:resource{[a-z]+\\.csv}', async (c) => exportCsv(c, store, c.req.param('resource')));
  app.route('/', api);
}

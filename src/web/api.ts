// The JSON REST API (described by /api/openapi.json): documents, figures, facts, findings, rankings, compare,
// search and the Fiscal Data Package export; tabular answers also as CSV and XLSX (?format=csv|xlsx).
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteDocument, publishDocument } from '../store/documents.js';
import { FIGURES, FIGURE_KEYS, PER_HEAD, type PerHead } from '../store/figures.js';
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
import { requestedFormat, sendTable, type Column } from './downloads.js';
import { formBody, HttpError, idList, optionalInt, optionalText, pathId, requireToken, tokenFirst } from './http.js';
import { openApiDocument } from './openapi.js';
import { receiveUpload } from './upload.js';
import { figureValue } from '../store/figures.js';

export function documentFilter(c: Context): DocumentFilter {
  return {
    q: optionalText(c, 'q'),
    unit: optionalText(c, 'unit'),
    region: optionalText(c, 'region'),
    year: optionalInt(c, 'year', [1990, 2100]),
    kind: optionalText(c, 'kind', ['budget', 'final_account']),
    scope: optionalText(c, 'scope', ['department', 'unit']),
  };
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
    const row: Record<string, unknown> = { id: r.id, unit_name: r.unit_name, region: r.region, year: r.year, kind: r.kind, scope: r.scope };
    for (const f of FIGURES) row[f.key] = decimalText(figureValue(r.figures, f.key));
    row.staff_actual = r.staff_actual;
    row.staff_authorized = r.staff_authorized;
    return row;
  });
}

function factQuery(c: Context): FactQuery {
  const groupBy = (c.req.query('groupBy') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const g of groupBy) {
    if (!(g in FACT_DIMENSIONS)) throw new HttpError(400, `未知的分组维度“${g}”，可用：${Object.keys(FACT_DIMENSIONS).join('、')}`, 'bad_parameter');
  }
  return {
    ...documentFilter(c),
    document: optionalInt(c, 'document', [1, 2147483647]),
    table: optionalText(c, 'table'),
    column: optionalText(c, 'column'),
    code: optionalText(c, 'code'),
    codePrefix: optionalText(c, 'codePrefix'),
    system: optionalText(c, 'system', ['function', 'economic', 'key', 'organisation']),
    level: optionalText(c, 'level', ['class', 'section', 'item']),
    rows: optionalText(c, 'rows', ['leaf', 'subtotal', 'all']) as FactQuery['rows'],
    groupBy,
    limit: optionalInt(c, 'limit', [1, 100000]),
  };
}

export function compareIds(c: Context): number[] {
  return idList(c.req.query('ids'));
}

export function registerApi(app: Hono, options: AppOptions): void {
  const { store } = options;
  const limit = options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/meta', (c) =>
    c.json({ figures: FIGURES, perHead: PER_HEAD, dimensions: Object.keys(FACT_DIMENSIONS), engine: store.engine }),
  );

  const listDocuments = async (c: Context) => {
    const format = requestedFormat(c);
    const result = await searchDocuments(store, documentFilter(c), { limit: optionalInt(c, 'limit', [1, 500]), offset: optionalInt(c, 'offset', [0, 10000000]) });
    if (format) return sendTable(c, format, { name: 'documents', columns: SUMMARY_COLUMNS, rows: result.items as unknown as Array<Record<string, unknown>> }, result);
    return c.json(result);
  };
  app.get('/api/documents', listDocuments);
  app.get('/api/search', listDocuments);

  app.post(
    '/api/documents',
    // the token before the body: without it not a byte of up to 20 MiB is read
    tokenFirst(options.token),
    bodyLimit({ maxSize: limit + 64 * 1024, onError: () => { throw new HttpError(413, `文件过大：上限 ${limit} 字节`, 'too_large'); } }),
    async (c) => {
      const body = await formBody(c);
      const file = body.file;
      if (!(file instanceof File)) throw new HttpError(400, '请以 multipart/form-data 的 file 字段上传文件', 'no_file');
      const publish = c.req.query('publish') === 'true' || c.req.query('publish') === '1';
      const outcome = await receiveUpload({ ...options, uploadLimit: limit }, file, !publish);
      const message = outcome.outcome === 'unchanged' ? `文件已存在：与编号 ${outcome.id} 的文件内容完全相同，未重复保存。` : undefined;
      return c.json({ id: outcome.id, outcome: outcome.outcome, message, superseded: outcome.superseded, findings: outcome.findings }, outcome.outcome === 'unchanged' ? 200 : 201);
    },
  );

  app.get('/api/documents/:id', async (c) => {
    const record = await getDocument(store, pathId(c));
    if (!record || record.status === 'draft') throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
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

  app.get('/api/documents/:id/model', async (c) => {
    const record = await readable(c);
    return c.json(record.model, 200, { 'content-disposition': `attachment; filename="document-${record.id}.json"` });
  });

  app.get('/api/documents/:id/source', async (c) => {
    const record = await readable(c);
    const source = await getSource(store, record.id);
    const ext = source!.file.match(/\.[a-z0-9]+$/i)?.[0] ?? '';
    const type = ext === '.pdf' ? 'application/pdf' : ext === '.json' ? 'application/json' : 'text/plain; charset=utf-8';
    return c.body(source!.bytes as unknown as ArrayBuffer, 200, {
      'content-type': type,
      'content-disposition': `attachment; filename="document-${record.id}${ext}"; filename*=UTF-8''${encodeURIComponent(source!.file)}`,
    });
  });

  app.get('/api/documents/:id/findings', async (c) => {
    const record = await readable(c);
    const findings = await documentFindings(store, record.id);
    return sendTable(c, requestedFormat(c) ?? 'json', { name: `findings-${record.id}`, columns: FINDING_COLUMNS, rows: withRuleTitles(findings) });
  });

  app.get('/api/documents/:id/facts', async (c) => {
    const record = await readable(c);
    const facts = await listFacts(store, { document: record.id, status: 'any', limit: 100000 });
    return sendTable(c, requestedFormat(c) ?? 'json', { name: `facts-${record.id}`, columns: FACT_COLUMNS, rows: facts as unknown as Array<Record<string, unknown>> });
  });

  app.post('/api/documents/:id/publish', async (c) => {
    requireToken(c, options.token);
    const result = await publishDocument(store, pathId(c));
    if (!result) throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.json(result);
  });

  app.delete('/api/documents/:id', async (c) => {
    requireToken(c, options.token);
    if (!(await deleteDocument(store, pathId(c)))) throw new HttpError(404, `没有编号为 ${c.req.param('id')} 的文件`, 'not_found');
    return c.json({ deleted: Number(c.req.param('id')) });
  });

  app.get('/api/figures', async (c) => {
    const ids = idList(c.req.query('ids'));
    const records = ids.length ? await documentFigures(store, ids) : await filteredFigures(store, documentFilter(c), optionalInt(c, 'limit', [1, 100000]));
    const rows = figureRows(records);
    return sendTable(c, requestedFormat(c) ?? 'json', { name: 'figures', columns: figureColumns(), rows });
  });

  app.get('/api/facts', async (c) => {
    const query = factQuery(c);
    const format = requestedFormat(c) ?? 'json';
    if (c.req.query('detail') === '1' || c.req.query('detail') === 'true') {
      const facts = await listFacts(store, query);
      return sendTable(c, format, { name: 'facts', columns: FACT_COLUMNS, rows: facts as unknown as Array<Record<string, unknown>> });
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

  app.get('/api/findings', async (c) => {
    const filter = {
      ...documentFilter(c),
      rule: optionalText(c, 'rule'),
      severity: optionalText(c, 'severity', ['error', 'warning', 'info']),
    };
    const rows = await listFindings(store, filter, optionalInt(c, 'limit', [1, 100000]));
    const columns: Column[] = [FINDING_COLUMNS[0], { key: 'unit_name', label: '单位' }, { key: 'region', label: '地区' }, { key: 'year', label: '年度' }, ...FINDING_COLUMNS.slice(1)];
    return sendTable(c, requestedFormat(c) ?? 'json', { name: 'findings', columns, rows: withRuleTitles(rows) });
  });

  app.get('/api/audit', async (c) => {
    const summary = await auditSummary(store, documentFilter(c));
    const format = requestedFormat(c);
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

  app.get('/api/rankings', async (c) => {
    const figure = optionalText(c, 'figure') ?? 'threePublic.total';
    if (!FIGURE_KEYS.has(figure)) throw new HttpError(400, `未知的指标“${figure}”，可用：${[...FIGURE_KEYS].join('、')}`, 'bad_parameter');
    const per = optionalText(c, 'per', ['actual', 'authorized']) as PerHead | undefined;
    const rows = await rankings(store, {
      ...documentFilter(c),
      figure,
      per,
      order: optionalText(c, 'order', ['asc', 'desc']) as 'asc' | 'desc' | undefined,
      limit: optionalInt(c, 'limit', [1, 10000]),
    });
    const columns: Column[] = [
      { key: 'rank', label: '名次' },
      ...SUMMARY_COLUMNS.slice(0, 6),
      { key: 'value', label: '数值（万元）' },
      { key: 'staff', label: per ? PER_HEAD[per] : '人数' },
      { key: 'per_head', label: '人均（万元/人）' },
    ];
    return sendTable(c, requestedFormat(c) ?? 'json', { name: 'rankings', columns, rows: rows as unknown as Array<Record<string, unknown>> });
  });

  app.get('/api/compare', async (c) => {
    const ids = compareIds(c);
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
    const format = requestedFormat(c) ?? 'json';
    if (format === 'json') return c.json({ documents: docs.map(({ figures: _f, ...d }) => d), baseline, execution: isExecutionPair(docs), rows });
    // the header names the documents
    const names = docs.map((d) => `${d.unit_name} ${d.year}${KIND_LABEL[d.kind] ?? d.kind} #${d.id}`);
    const columns: Column[] = [{ key: 'label', label: '指标' }, { key: 'unit', label: '单位' }];
    docs.forEach((d, i) => {
      columns.push({ key: `value_${d.id}`, label: names[i] });
      if (i > 0) columns.push({ key: `change_${d.id}`, label: `增减额 #${d.id}` }, { key: `change_rate_${d.id}`, label: `增减率% #${d.id}` }, { key: `ratio_${d.id}`, label: `比率% #${d.id}` });
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

  app.get('/api/export/datapackage.json', (c) => c.json(dataPackage()));
  app.get('/api/export/:resource{[a-z]+\\.csv}', async (c) => exportCsv(c, store, c.req.param('resource')));
}

// The REST API's routes as OpenAPI route definitions (@hono/zod-openapi): each names its query schema from
// api-schemas.ts, which the route validates with, so /api/openapi.json is generated from what is enforced.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  AuditQuery,
  CompareQuery,
  DocumentListQuery,
  FactsQuery,
  FiguresQuery,
  FindingsQuery,
  FormatQuery,
  intParam,
  RankingsQuery,
  SearchQuery,
  textParam,
  UploadQuery,
} from './api-schemas.js';

const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string().openapi({ description: '中文说明' }) }) })
  .openapi('Error');
// checked by the handlers (src/web/http.ts pathId): a number that is no document's is a 404, not a bad parameter
const IdParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: '文件编号', type: 'integer' }),
});

const json = (description: string, schema: z.ZodType = z.object({}).passthrough()) => ({
  description,
  content: { 'application/json': { schema } },
});
const table = (description: string) => ({
  description,
  content: {
    'application/json': { schema: z.array(z.object({}).passthrough()) },
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
});
/** An object as JSON, or its rows as CSV or XLSX (?format=). */
const objectOrTable = (description: string) => ({
  ...table(description),
  content: { ...table(description).content, 'application/json': { schema: z.object({}).passthrough() } },
});
const errors = { 400: json('参数错误', ErrorBody), 404: json('不存在', ErrorBody) } as const;
const secured = { security: [{ token: [] }] };
const writeErrors = { 401: json('缺少令牌', ErrorBody), 403: json('令牌不正确或未配置', ErrorBody) } as const;

export const ROUTES = {
  documents: createRoute({
    method: 'get',
    path: '/api/documents',
    summary: '检索文件（含分面计数）',
    request: { query: DocumentListQuery },
    responses: {
      200: objectOrTable(
        '{ total, items, facets }：有 q 时每项带 snippet（匹配处前后的原文片段，match=true 的片段为命中词）',
      ),
      ...errors,
    },
  }),
  search: createRoute({
    method: 'get',
    path: '/api/search',
    summary: '检索（同 /api/documents）',
    request: { query: SearchQuery },
    responses: { 200: objectOrTable('{ total, items, facets }'), ...errors },
  }),
  upload: createRoute({
    method: 'post',
    path: '/api/documents',
    summary: '上传文件（解析并审核，存为草稿；publish=true 时直接发布）',
    // the body (multipart, file) is read by the handler after the token and size checks: described in the document
    // (UPLOAD_BODY), not validated by the router
    request: { query: UploadQuery },
    ...secured,
    responses: {
      201: json(
        '{ id, outcome, findings }',
        z.object({
          id: z.number().int(),
          outcome: z.string(),
          message: z.string().optional(),
          superseded: z.number().int().optional(),
          findings: z.array(z.object({}).passthrough()),
        }),
      ),
      200: json('同样内容的文件已存在（outcome=unchanged）'),
      400: json('参数错误', ErrorBody),
      413: json('文件过大', ErrorBody),
      415: json('类型不支持', ErrorBody),
      422: json('无法解析', ErrorBody),
      ...writeErrors,
    },
  }),
  document: createRoute({
    method: 'get',
    path: '/api/documents/{id}',
    summary: '文件信息、关键数字与该单位的全部版本',
    request: { params: IdParams },
    responses: { 200: json('文件'), ...errors },
  }),
  deleteDocument: createRoute({
    method: 'delete',
    path: '/api/documents/{id}',
    summary: '删除文件',
    request: { params: IdParams },
    ...secured,
    responses: { 200: json('{ deleted }'), 404: json('不存在', ErrorBody), ...writeErrors },
  }),
  model: createRoute({
    method: 'get',
    path: '/api/documents/{id}/model',
    summary: '完整模型（JSON）',
    request: { params: IdParams },
    responses: { 200: json('Disclosure'), 404: json('不存在', ErrorBody) },
  }),
  source: createRoute({
    method: 'get',
    path: '/api/documents/{id}/source',
    summary: '原始文件',
    request: { params: IdParams },
    responses: { 200: { description: '原始文件' }, 404: json('不存在', ErrorBody) },
  }),
  findings: createRoute({
    method: 'get',
    path: '/api/documents/{id}/findings',
    summary: '审核发现',
    request: { query: FormatQuery, params: IdParams },
    responses: { 200: table('发现列表'), ...errors },
  }),
  facts: createRoute({
    method: 'get',
    path: '/api/documents/{id}/facts',
    summary: '表格数据（每个金额单元格一行）',
    request: { query: FormatQuery, params: IdParams },
    responses: { 200: table('事实列表'), ...errors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/api/documents/{id}/publish',
    summary: '发布草稿',
    request: { params: IdParams },
    ...secured,
    responses: { 200: json('{ id, outcome }'), 404: json('不存在', ErrorBody), ...writeErrors },
  }),
  figures: createRoute({
    method: 'get',
    path: '/api/figures',
    summary: '关键数字',
    request: { query: FiguresQuery },
    responses: { 200: table('每个文件一行'), ...errors },
  }),
  allFacts: createRoute({
    method: 'get',
    path: '/api/facts',
    summary: '表格数据按任意维度汇总（默认只加末级行，不重复计算小计）',
    request: { query: FactsQuery },
    responses: { 200: table('{ …维度, amount_wan, cells, documents }'), ...errors },
  }),
  allFindings: createRoute({
    method: 'get',
    path: '/api/findings',
    summary: '审核发现（按地区、年度、规则、级别筛选）',
    request: { query: FindingsQuery },
    responses: { 200: table('发现列表'), ...errors },
  }),
  audit: createRoute({
    method: 'get',
    path: '/api/audit',
    summary: '审核概览（地区、年度）',
    request: { query: AuditQuery },
    responses: {
      200: objectOrTable('{ documents, withErrors, bySeverity, byRule, worst }；csv/xlsx 为 byRule'),
      ...errors,
    },
  }),
  rankings: createRoute({
    method: 'get',
    path: '/api/rankings',
    summary: '按关键数字排行',
    request: { query: RankingsQuery },
    responses: { 200: table('排行'), ...errors },
  }),
  compare: createRoute({
    method: 'get',
    path: '/api/compare',
    summary: '对比两个或多个文件（差额与比率相对第一个文件）',
    request: { query: CompareQuery },
    responses: { 200: table('{ documents, rows }'), ...errors },
  }),
  meta: createRoute({
    method: 'get',
    path: '/api/meta',
    summary: '可用指标与维度',
    responses: { 200: json('元数据') },
  }),
  dataPackage: createRoute({
    method: 'get',
    path: '/api/export/datapackage.json',
    summary: 'Fiscal Data Package 描述文件',
    responses: { 200: json('datapackage.json') },
  }),
};

/**
 * Routes served outside the OpenAPI router, described here with the same kind of schemas: the PDF page image
 * (src/web/source-region.ts checks box/pad/dpi itself) and the export CSVs (a path pattern the router matches).
 */
function describeOthers(api: OpenAPIHono): void {
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/documents/{id}/source/page/{file}',
    summary:
      '原始 PDF 的一页（poppler 渲染）：.png 为整页或 box 周围的局部，.svg 为整页（或加 pad 时的局部）并以红框标出 box；同一页的 HTML 视图在 /documents/{id}/source/page/{页码}',
    request: {
      params: IdParams.extend({
        file: z
          .string()
          .regex(/^\d+\.(png|svg)$/)
          .openapi({
            param: { name: 'file', in: 'path' },
            description: '页码加扩展名，如 24.png、24.svg（页码 1–1000）',
          }),
      }),
      query: z.object({
        box: textParam('区域 x0,y0,x1,y1：PDF 点（1/72 英寸），原点在页面左上角，与模型中 at.page/at.box 相同'),
        pad: z
          .number()
          .min(0)
          .max(2000)
          .optional()
          .openapi({ description: '区域四周留白（点，0–2000）；PNG 默认 24，SVG 只在给出时裁切' }),
        dpi: intParam('分辨率 36–200，默认 100', [36, 200]),
      }),
    },
    responses: {
      200: {
        description: '页面图像',
        content: {
          'image/png': { schema: z.string().openapi({ format: 'binary' }) },
          'image/svg+xml': { schema: z.string() },
        },
      },
      400: json('参数错误（box、pad、dpi、页码）', ErrorBody),
      404: json('文件不存在、原始文件不是 PDF（not_pdf）或没有该页（page_not_found）', ErrorBody),
      422: json('原始 PDF 无法渲染或渲染超时', ErrorBody),
    },
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/export/{resource}',
    summary: '数据包中的 CSV 资源',
    request: {
      params: z.object({
        resource: z
          .enum(['documents.csv', 'facts.csv', 'findings.csv'])
          .openapi({ param: { name: 'resource', in: 'path' } }),
      }),
    },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } },
  });
}

const UPLOAD_BODY = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { file: { type: 'string' as const, format: 'binary' } },
        required: ['file'],
      },
    },
  },
};

/** The OpenAPI 3.1 document of the routes registered on `api`, served at /api/openapi.json (made once). */
export function openApiDocument(api: OpenAPIHono): Record<string, unknown> {
  describeOthers(api);
  api.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  const doc = api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'budgetdoc 预算决算公开 API',
      version: '1',
      description:
        '读取公开；上传、发布、删除需要令牌（服务器以 BUDGETDOC_TOKEN 或 --token 配置）。金额均为精确的十进制字符串，单位万元。',
    },
  });
  const upload = doc.paths?.['/api/documents']?.post;
  if (upload) upload.requestBody = UPLOAD_BODY;
  return doc as unknown as Record<string, unknown>;
}

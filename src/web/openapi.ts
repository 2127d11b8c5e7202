// The OpenAPI 3.1 description of the REST API, served at /api/openapi.json.
import { FIGURES } from '../store/figures.js';
import { FACT_DIMENSIONS } from '../store/queries.js';

type Param = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown> };

const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Param => ({ name, in: 'query', description, schema });
const idParam: Param = { name: 'id', in: 'path', required: true, description: '文件编号', schema: { type: 'integer' } };
const format = q('format', '返回格式：json（默认）、csv（UTF-8 带 BOM）、xlsx', { type: 'string', enum: ['json', 'csv', 'xlsx'] });
const documentFilters: Param[] = [
  q('q', '全文检索：单位名称、标题、说明文字（中文按字串匹配，空格分隔多个词）'),
  q('unit', '单位名称（包含）'),
  q('region', '地区（省级）'),
  q('year', '年度', { type: 'integer' }),
  q('kind', '类型', { type: 'string', enum: ['budget', 'final_account'] }),
  q('scope', '范围', { type: 'string', enum: ['department', 'unit'] }),
];

const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const table = (description: string) => ({
  description,
  content: {
    'application/json': { schema: { type: 'array', items: { type: 'object' } } },
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
  },
});
const errors = { '400': json('参数错误 { error: { code, message } }'), '404': json('不存在') };
const secured = { security: [{ token: [] }], responses: { '401': json('缺少令牌'), '403': json('令牌不正确或未配置') } };

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'budgetdoc 预算决算公开 API',
      version: '1',
      description: '读取公开；上传、发布、删除需要令牌（服务器以 BUDGETDOC_TOKEN 或 --token 配置）。金额均为精确的十进制字符串，单位万元。',
    },
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/api/documents': {
        get: { summary: '检索文件（含分面计数）', parameters: [...documentFilters, q('limit', '每页条数', { type: 'integer' }), q('offset', '偏移', { type: 'integer' }), format], responses: { '200': json('{ total, items, facets }：有 q 时每项带 snippet（匹配处前后的原文片段，match=true 的片段为命中词）'), ...errors } },
        post: {
          summary: '上传文件（解析并审核，存为草稿；publish=true 时直接发布）',
          parameters: [q('publish', '是否直接发布', { type: 'boolean' })],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          ...secured,
          responses: { '201': json('{ id, outcome, findings }'), '413': json('文件过大'), '415': json('类型不支持'), '422': json('无法解析'), ...secured.responses },
        },
      },
      '/api/search': { get: { summary: '检索（同 /api/documents）', parameters: [...documentFilters, format], responses: { '200': json('{ total, items, facets }') } } },
      '/api/documents/{id}': {
        get: { summary: '文件信息、关键数字与该单位的全部版本', parameters: [idParam], responses: { '200': json('文件'), ...errors } },
        delete: { summary: '删除文件', parameters: [idParam], ...secured, responses: { '200': json('{ deleted }'), ...secured.responses } },
      },
      '/api/documents/{id}/model': { get: { summary: '完整模型（JSON）', parameters: [idParam], responses: { '200': json('Disclosure') } } },
      '/api/documents/{id}/source': { get: { summary: '原始文件', parameters: [idParam], responses: { '200': { description: '原始文件' } } } },
      '/api/documents/{id}/source/page/{file}': {
        get: {
          summary: '原始 PDF 的一页（poppler 渲染）：.png 为整页或 box 周围的局部，.svg 为整页（或加 pad 时的局部）并以红框标出 box；同一页的 HTML 视图在 /documents/{id}/source/page/{页码}',
          parameters: [
            idParam,
            { name: 'file', in: 'path', required: true, description: '页码加扩展名，如 24.png、24.svg（页码 1–1000）', schema: { type: 'string', pattern: '^\\d+\\.(png|svg)$' } },
            q('box', '区域 x0,y0,x1,y1：PDF 点（1/72 英寸），原点在页面左上角，与模型中 at.page/at.box 相同'),
            q('pad', '区域四周留白（点，0–2000）；PNG 默认 24，SVG 只在给出时裁切', { type: 'number' }),
            q('dpi', '分辨率 36–200，默认 100', { type: 'integer' }),
          ],
          responses: {
            '200': { description: '页面图像', content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string' } } } },
            '400': json('参数错误（box、pad、dpi、页码）'),
            '404': json('文件不存在、原始文件不是 PDF（not_pdf）或没有该页（page_not_found）'),
            '422': json('原始 PDF 无法渲染或渲染超时'),
          },
        },
      },
      '/api/documents/{id}/findings': { get: { summary: '审核发现', parameters: [idParam, format], responses: { '200': table('发现列表') } } },
      '/api/documents/{id}/facts': { get: { summary: '表格数据（每个金额单元格一行）', parameters: [idParam, format], responses: { '200': table('事实列表') } } },
      '/api/documents/{id}/publish': { post: { summary: '发布草稿', parameters: [idParam], ...secured, responses: { '200': json('{ id, outcome }'), ...secured.responses } } },
      '/api/figures': { get: { summary: '关键数字', parameters: [q('ids', '文件编号，逗号分隔'), ...documentFilters, format], responses: { '200': table('每个文件一行') } } },
      '/api/facts': {
        get: {
          summary: '表格数据按任意维度汇总（默认只加末级行，不重复计算小计）',
          parameters: [
            ...documentFilters,
            q('document', '文件编号', { type: 'integer' }),
            q('table', '表编号（如 general-budget-expenditure）'),
            q('column', '栏目（如 total、basic、project）'),
            q('code', '科目编码'),
            q('codePrefix', '科目编码前缀'),
            q('system', '分类', { type: 'string', enum: ['function', 'economic', 'key', 'organisation'] }),
            q('level', '级次', { type: 'string', enum: ['class', 'section', 'item'] }),
            q('rows', '行：leaf 末级（默认）、subtotal 合计/小计、all 全部', { type: 'string', enum: ['leaf', 'subtotal', 'all'] }),
            q('groupBy', `分组维度，逗号分隔：${Object.keys(FACT_DIMENSIONS).join(', ')}`),
            q('detail', '为 1 时返回明细而非汇总'),
            format,
          ],
          responses: { '200': table('{ …维度, amount_wan, cells, documents }'), ...errors },
        },
      },
      '/api/findings': { get: { summary: '审核发现（按地区、年度、规则、级别筛选）', parameters: [...documentFilters.slice(1), q('rule', '规则'), q('severity', '级别', { type: 'string', enum: ['error', 'warning', 'info'] }), format], responses: { '200': table('发现列表') } } },
      '/api/audit': { get: { summary: '审核概览（地区、年度）', parameters: [...documentFilters.slice(1), format], responses: { '200': json('{ documents, withErrors, bySeverity, byRule, worst }') } } },
      '/api/rankings': {
        get: {
          summary: '按关键数字排行',
          parameters: [
            q('figure', '指标', { type: 'string', enum: FIGURES.map((f) => f.key) }),
            q('per', '人均：actual 按实有人数，authorized 按编制数', { type: 'string', enum: ['actual', 'authorized'] }),
            q('order', '排序', { type: 'string', enum: ['desc', 'asc'] }),
            ...documentFilters.slice(1),
            format,
          ],
          responses: { '200': table('排行'), ...errors },
        },
      },
      '/api/compare': { get: { summary: '对比两个或多个文件（差额与比率相对第一个文件）', parameters: [q('ids', '文件编号，逗号分隔，2–10 个'), format], responses: { '200': table('{ documents, rows }'), ...errors } } },
      '/api/meta': { get: { summary: '可用指标与维度', responses: { '200': json('元数据') } } },
      '/api/export/datapackage.json': { get: { summary: 'Fiscal Data Package 描述文件', responses: { '200': json('datapackage.json') } } },
      '/api/export/{resource}': {
        get: {
          summary: '数据包中的 CSV 资源',
          parameters: [{ name: 'resource', in: 'path', required: true, description: 'documents.csv、facts.csv、findings.csv', schema: { type: 'string' } }],
          responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } },
        },
      },
    },
  };
}

// The API's query parameters as zod schemas: the routes validate with them (src/web/api.ts, the pages' filters too)
// and the OpenAPI document is generated from them (src/web/openapi.ts), so the two cannot disagree. A bad parameter
// is one Chinese message with status 400, through the central error mapping (HttpError).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { FIGURES } from '../store/figures.js';
import { FACT_DIMENSIONS } from '../store/queries.js';
import { HttpError } from './http.js';

/** A query value as the handlers see it: trimmed, and an empty one absent. */
const given = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);

/** Each schema's message says what is wrong with the value; `queryMessage` names the parameter and the value. */
export function intParam(description: string, [min, max]: [number, number]) {
  const wrong = `超出范围 ${min}–${max}`;
  return z
    .preprocess(
      (v) => {
        const t = given(v);
        return typeof t === 'string' && /^-?\d+$/.test(t) ? Number(t) : t;
      },
      z
        .number({ error: '应为整数' })
        .int({ error: '应为整数' })
        .min(min, { error: wrong })
        .max(max, { error: wrong })
        .optional(),
    )
    .openapi({ type: 'integer', minimum: min, maximum: max, description });
}

export function textParam(description: string) {
  return z.preprocess(given, z.string().max(200, { error: '过长' }).optional()).openapi({ description });
}

export function oneOfParam<const T extends readonly [string, ...string[]]>(description: string, values: T) {
  return z
    .preprocess(given, z.enum(values, { error: `只能是 ${values.join('、')}` }).optional())
    .openapi({ description });
}

/** `true`/`1` → true, `false`/`0` → false. */
export function flagParam(description: string) {
  return z
    .preprocess(
      (v) => {
        const t = given(v);
        return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : t;
      },
      z.boolean({ error: '只能是 true、false、1、0' }).optional(),
    )
    .openapi({ type: 'boolean', description });
}

/** Document numbers, comma-separated (the handler splits them: src/web/http.ts idList). */
const idsParam = (description: string) =>
  z
    .preprocess(
      given,
      z
        .string()
        .regex(/^\d{1,9}(?:[,，\s]+\d{1,9})*$/, { error: '应为逗号分隔的文件编号' })
        .optional(),
    )
    .openapi({ description });

export const formatParam = oneOfParam('返回格式：json（默认）、csv（UTF-8 带 BOM）、xlsx', ['json', 'csv', 'xlsx']);

export const KINDS = ['budget', 'final_account'] as const;
export const SCOPES = ['department', 'unit'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** The filters every listing takes (the pages' search form too). */
export const DocumentFilterQuery = z.object({
  q: textParam('全文检索：单位名称、标题、说明文字（中文按字串匹配，空格分隔多个词）'),
  unit: textParam('单位名称（包含）'),
  region: textParam('地区（省级）'),
  year: intParam('年度', [1990, 2100]),
  kind: oneOfParam('类型', KINDS),
  scope: oneOfParam('范围', SCOPES),
});
const { q: _q, ...filtersWithoutText } = DocumentFilterQuery.shape;

export const DocumentListQuery = DocumentFilterQuery.extend({
  limit: intParam('每页条数', [1, 500]),
  offset: intParam('偏移', [0, 10000000]),
  format: formatParam,
});

export const SearchQuery = DocumentFilterQuery.extend({ format: formatParam });

export const FormatQuery = z.object({ format: formatParam });

export const UploadQuery = z.object({ publish: flagParam('是否直接发布') });

export const FiguresQuery = z.object({
  ids: idsParam('文件编号，逗号分隔'),
  ...DocumentFilterQuery.shape,
  limit: intParam('条数', [1, 100000]),
  format: formatParam,
});

const dimensions = Object.keys(FACT_DIMENSIONS);

export const FactsQuery = DocumentFilterQuery.extend({
  document: intParam('文件编号', [1, 2147483647]),
  table: textParam('表编号（如 general-budget-expenditure）'),
  column: textParam('栏目（如 total、basic、project）'),
  code: textParam('科目编码'),
  codePrefix: textParam('科目编码前缀'),
  system: oneOfParam('分类', ['function', 'economic', 'key', 'organisation']),
  level: oneOfParam('级次', ['class', 'section', 'item']),
  rows: oneOfParam('行：leaf 末级（默认）、subtotal 合计/小计、all 全部', ['leaf', 'subtotal', 'all']),
  groupBy: z
    .preprocess(
      given,
      z
        .string()
        .max(200, { error: '过长' })
        .superRefine((v, ctx) => {
          const unknown = v
            .split(',')
            .map((s) => s.trim())
            .find((g) => g && !(g in FACT_DIMENSIONS));
          if (unknown !== undefined)
            ctx.addIssue({ code: 'custom', message: `含未知的分组维度“${unknown}”，可用：${dimensions.join('、')}` });
        })
        .optional(),
    )
    .openapi({ description: `分组维度，逗号分隔：${dimensions.join(', ')}` }),
  detail: flagParam('为 1 或 true 时返回明细而非汇总'),
  limit: intParam('条数', [1, 100000]),
  format: formatParam,
});

export const FindingsQuery = z.object({
  ...filtersWithoutText,
  rule: textParam('规则'),
  severity: oneOfParam('级别', SEVERITIES),
  limit: intParam('条数', [1, 100000]),
  format: formatParam,
});

export const AuditQuery = z.object({ ...filtersWithoutText, format: formatParam });

const figureKeys = FIGURES.map((f) => f.key) as [string, ...string[]];

export const RankingsQuery = z.object({
  figure: oneOfParam('指标（默认 threePublic.total）', figureKeys),
  per: oneOfParam('人均：actual 按实有人数，authorized 按编制数', ['actual', 'authorized']),
  order: oneOfParam('排序', ['desc', 'asc']),
  ...filtersWithoutText,
  limit: intParam('条数', [1, 10000]),
  format: formatParam,
});

export const CompareQuery = z.object({ ids: idsParam('文件编号，逗号分隔，2–10 个'), format: formatParam });

/** The one message of a bad query: the parameter, what is wrong, and the value given (short values only). */
export function queryMessage(error: z.ZodError, query: Record<string, string>): string {
  const issue = error.issues[0];
  const name = String(issue.path[0] ?? '');
  const raw = query[name]?.trim();
  const shown = raw && raw.length <= 40 && issue.code !== 'custom' ? `，收到“${raw}”` : '';
  return `参数 ${name} ${issue.message}${shown}`;
}

/** The route validator's hook: a bad query becomes the 400 the central error mapping answers with. */
export function badQuery(result: { success: boolean; error?: unknown; target?: string }, c: Context): void {
  if (!result.success && result.error instanceof z.ZodError)
    throw new HttpError(400, queryMessage(result.error, c.req.query()), 'bad_parameter');
}

/** Parses a request's query with a schema outside the API routes (the pages): same values, same 400. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new HttpError(400, queryMessage(result.error, c.req.query()), 'bad_parameter');
  return result.data;
}

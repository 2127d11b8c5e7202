// The whole corpus as a Fiscal Data Package: datapackage.json describing three CSV resources (documents, facts,
// findings) with a model whose measure is the exact amount in 万元. CSV files stream in batches of documents.
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { sql } from 'kysely';
import type { Store } from '../store/database.js';
import { csvField } from './downloads.js';
import { HttpError } from './http.js';

interface Field {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'year';
  title: string;
}

const RESOURCES: Record<
  string,
  { title: string; fields: Field[]; batchSql: (ids: number[]) => ReturnType<typeof sql> }
> = {
  'documents.csv': {
    title: '文件',
    fields: [
      { name: 'document_id', type: 'integer', title: '文件编号' },
      { name: 'unit_name', type: 'string', title: '单位' },
      { name: 'unit_code', type: 'string', title: '单位编码' },
      { name: 'region', type: 'string', title: '地区' },
      { name: 'fiscal_year', type: 'year', title: '年度' },
      { name: 'kind', type: 'string', title: '类型（budget 预算 / final_account 决算）' },
      { name: 'scope', type: 'string', title: '范围（department 部门 / unit 单位）' },
      { name: 'title', type: 'string', title: '标题' },
      { name: 'doc_date', type: 'string', title: '日期' },
      { name: 'errors', type: 'integer', title: '错误数' },
      { name: 'warnings', type: 'integer', title: '警告数' },
    ],
    batchSql: (
      ids,
    ) => sql`select id as document_id, unit_name, unit_code, region, year as fiscal_year, kind, scope, title, doc_date,
      error_count as errors, warning_count as warnings from documents where id in (${sql.join(ids)}) order by id`,
  },
  'facts.csv': {
    title: '表格数据（每个金额单元格一行）',
    fields: [
      { name: 'document_id', type: 'integer', title: '文件编号' },
      { name: 'fiscal_year', type: 'year', title: '年度' },
      { name: 'table_id', type: 'string', title: '表' },
      { name: 'row_no', type: 'integer', title: '行序' },
      { name: 'row_label', type: 'string', title: '行名称' },
      { name: 'row_code', type: 'string', title: '科目编码' },
      { name: 'code_system', type: 'string', title: '分类（function 功能 / economic 经济）' },
      { name: 'row_level', type: 'string', title: '级次（class 类 / section 款 / item 项）' },
      { name: 'is_leaf', type: 'boolean', title: '末级行（合计与小计为 false，汇总时只加末级行）' },
      { name: 'column_key', type: 'string', title: '栏目' },
      { name: 'amount_wan', type: 'number', title: '金额（万元）' },
    ],
    batchSql: (
      ids,
    ) => sql`select f.document_id, d.year as fiscal_year, f.table_id, f.row_no, f.row_label, f.row_code, f.code_system, f.row_level,
      f.is_leaf, f.column_key, f.amount_wan::text as amount_wan
      from facts f join documents d on d.id = f.document_id where f.document_id in (${sql.join(ids)})
      order by f.document_id, f.table_id, f.row_no, f.column_key`,
  },
  'findings.csv': {
    title: '审核发现',
    fields: [
      { name: 'document_id', type: 'integer', title: '文件编号' },
      { name: 'rule', type: 'string', title: '规则' },
      { name: 'severity', type: 'string', title: '级别' },
      { name: 'message', type: 'string', title: '说明' },
      { name: 'table_id', type: 'string', title: '表' },
      { name: 'row_label', type: 'string', title: '行' },
      { name: 'line', type: 'integer', title: '行号' },
    ],
    batchSql: (ids) => sql`select document_id, rule, severity, message, table_id, row_label, line from findings
      where document_id in (${sql.join(ids)}) order by document_id, id`,
  },
};

export function dataPackage(): unknown {
  return {
    profile: 'fiscal-data-package',
    name: 'budgetdoc-corpus',
    title: '部门/单位预算与决算公开数据',
    description:
      'Current (published, not superseded) documents imported into budgetdoc, with every amount cell of their tables.',
    resources: Object.entries(RESOURCES).map(([path, r]) => ({
      name: path.replace('.csv', ''),
      path,
      title: r.title,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
      schema: { fields: r.fields, ...(path === 'documents.csv' ? { primaryKey: ['document_id'] } : {}) },
    })),
    model: {
      measures: { amount: { source: 'amount_wan', currency: 'CNY', factor: 10000, title: '金额（万元）' } },
      dimensions: {
        document: {
          dimensionType: 'other',
          primaryKey: ['document_id'],
          attributes: { document_id: { source: 'document_id' } },
        },
        date: {
          dimensionType: 'datetime',
          primaryKey: ['fiscal_year'],
          attributes: { fiscal_year: { source: 'fiscal_year' } },
        },
        classification: {
          dimensionType: 'classification',
          primaryKey: ['row_code'],
          attributes: {
            row_code: { source: 'row_code' },
            row_label: { source: 'row_label', labelfor: 'row_code' },
            code_system: { source: 'code_system' },
          },
        },
        table: {
          dimensionType: 'other',
          primaryKey: ['table_id', 'column_key'],
          attributes: { table_id: { source: 'table_id' }, column_key: { source: 'column_key' } },
        },
      },
    },
  };
}

/** Streams one resource of the package for all current documents, a batch of documents per query. */
export async function exportCsv(c: Context, store: Store, resource: string): Promise<Response> {
  const spec = RESOURCES[resource];
  if (!spec) throw new HttpError(404, `没有资源 ${resource}，可用：${Object.keys(RESOURCES).join('、')}`, 'not_found');
  const ids = (
    await store.db.selectFrom('documents').select('id').where('status', '=', 'current').orderBy('id').execute()
  ).map((r) => r.id);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="${resource}"`);
  return stream(c, async (out) => {
    const names = spec.fields.map((f) => f.name);
    await out.write('\ufeff' + names.join(',') + '\r\n');
    for (let i = 0; i < ids.length; i += 200) {
      const result = await spec.batchSql(ids.slice(i, i + 200)).execute(store.db);
      let chunk = '';
      for (const row of result.rows as Array<Record<string, unknown>>)
        chunk += names.map((n) => csvField(row[n])).join(',') + '\r\n';
      await out.write(chunk);
    }
  });
}

// The Chinese summary `budgetdoc parse` prints for a document: what it is, its tables, key figures and warnings.
import { KIND_WORD, SCOPE_WORD } from '../catalog/words.js';
import type { Disclosure } from '../model/schema.js';
import { standardTableIds, tableTemplate } from '../catalog/tables.js';

const STATUS_ZH = { present: '有', empty: '空表', absent: '缺失', attachment: '见附表' } as const;

function fmt(v: number | undefined): string {
  return v === undefined ? '—' : v.toFixed(2);
}

/** A short readable summary in Chinese: what the document is, its tables and key figures, its warnings. */
export function summarise(doc: Disclosure): string {
  const f = doc.figures;
  const lines: string[] = [];
  lines.push(`${doc.unit.name} ${doc.year}年${SCOPE_WORD[doc.scope]}${KIND_WORD[doc.kind]}公开`);
  lines.push(`  文件: ${doc.source.file}${doc.date ? `  日期: ${doc.date.iso}` : ''}`);
  const status = new Map(doc.tables.map((t) => [t.id, t.status]));
  const tableLine = standardTableIds(doc.kind)
    .map(
      (id) => `${tableTemplate(id).title}:${STATUS_ZH[status.get(id) ?? 'absent']}${status.has(id) ? '' : '(未列出)'}`,
    )
    .join('  ');
  // a 部门整体预算绩效目标申报表 published on its own has no standard tables to list
  lines.push(doc.form ? `  ${doc.title.text}（单独公开的表，不含公开表）` : `  公开表: ${tableLine}`);
  lines.push(
    `  收入总计 ${fmt(f.incomeTotal)}  支出总计 ${fmt(f.expenditureTotal)}  基本支出 ${fmt(f.basicExpenditure)}  项目支出 ${fmt(f.projectExpenditure)} (万元)`,
  );
  if (f.threePublic)
    lines.push(
      `  "三公"经费 ${fmt(f.threePublic.total)}  机关运行经费 ${fmt(f.operatingCosts)}  政府采购 ${fmt(f.procurementTotal)} (万元)`,
    );
  if (f.functionClasses) {
    lines.push(
      `  按功能分类(类): ${Object.entries(f.functionClasses)
        .map(([k, v]) => `${k}:${fmt(v)}`)
        .join('  ')}`,
    );
  }
  lines.push(
    `  说明 ${doc.narrative.length} 节, 事实 ${doc.narrative.reduce((n, s) => n + s.facts.length, 0)} 条; 项目 ${doc.projects.length} 个; 绩效目标表 ${doc.performance.targets.length} 张; 绩效自评表 ${doc.performance.selfEvaluations.length} 张; 名词解释 ${doc.glossary.length} 条`,
  );
  if (doc.warnings.length) {
    lines.push(`  读取提示 ${doc.warnings.length} 条:`);
    for (const w of doc.warnings.slice(0, 10)) lines.push(`    - ${w.at ? `第${w.at.line}行 ` : ''}${w.message}`);
    if (doc.warnings.length > 10) lines.push(`    … 另有 ${doc.warnings.length - 10} 条 (用 --format json 查看全部)`);
  }
  return lines.join('\n');
}

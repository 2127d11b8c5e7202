// Compares a parsed Disclosure with the hand-written seed expectations (tests/fixtures/seeds). Every comparison returns
// a list of readable problems naming the seed line, so a failing test says exactly what the document says instead.
// Everything that depends on where the model keeps a fact is here, in one place; the expectations stay model-free.
import type { Amount, Count, Disclosure, Fact, Indicator, Percent, TableRow } from '../../src/model/schema.js';
import { formatExact, toHalfWidth } from '../../src/model/money.js';
import type {
  ExpectedFact,
  ExpectedIndicator,
  ExpectedPerformanceTarget,
  ExpectedRow,
  ExpectedSeed,
  ExpectedSelfEvaluation,
  ExpectedTable,
} from '../fixtures/seeds/types.js';

/** Text compared the way a reader does: half-width, no spaces, one kind of quotes. */
export function norm(s: string | undefined): string {
  return toHalfWidth(s ?? '')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[“”＂"]/g, '"')
    .replace(/[‘’]/g, "'");
}

const dec = (v: Amount | Percent | undefined | null): string | undefined => (v ? formatExact(v) : undefined);
const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

function eq(problems: string[], where: string, field: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) problems.push(`${where}: ${field} is ${show(actual)}, the document says ${show(expected)}`);
}

/** An amount in 万元 compared with its printed decimal text (printed precision kept: "2441.00" ≠ "2441"). */
function amountEq(
  problems: string[],
  where: string,
  field: string,
  actual: Amount | undefined,
  expected: string | undefined,
): void {
  if (expected === undefined) return;
  if (!actual) return void problems.push(`${where}: ${field} missing, the document says ${expected}`);
  if (formatExact(actual) !== expected)
    problems.push(`${where}: ${field} is ${formatExact(actual)}, the document says ${expected}`);
  if (actual.unit !== '万元') problems.push(`${where}: ${field} unit is ${actual.unit}, the document prints 万元`);
}

function percentEq(
  problems: string[],
  where: string,
  field: string,
  actual: Percent | undefined,
  expected: string | undefined,
): void {
  if (expected === undefined) return;
  if (!actual) return void problems.push(`${where}: ${field} missing, the document says ${expected}%`);
  if (formatExact(actual) !== expected)
    problems.push(`${where}: ${field} is ${formatExact(actual)}%, the document says ${expected}%`);
}

function countEq(
  problems: string[],
  where: string,
  field: string,
  actual: Count | undefined,
  expected: string | undefined,
  signed = false,
): void {
  if (expected === undefined) return;
  if (!actual) return void problems.push(`${where}: ${field} missing, the document says ${expected}`);
  const want = Number(expected);
  // a change may be kept signed (-11) or as its size with the word (减少 11 人)
  const ok = actual.value === want || (signed && want < 0 && actual.value === -want && /减少|下降/.test(actual.text));
  if (!ok) problems.push(`${where}: ${field} is ${actual.value} (${actual.text}), the document says ${expected}`);
}

const linesOf = (at: { line: number; endLine?: number } | undefined): [number, number] =>
  at ? [at.line, at.endLine ?? at.line] : [0, 0];

// ── meta ────────────────────────────────────────────────────────────────────────────────────────────────────────

export function compareMeta(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  const x = e.document;
  eq(p, 'document', 'kind', d.kind, x.kind);
  eq(p, 'document', 'scope', d.scope, x.scope);
  eq(p, 'document', 'year', d.year, x.year);
  eq(p, 'document', 'unit name', norm(d.unit.name), norm(x.unit));
  eq(p, 'document', 'title line', d.title.at?.line, x.titleLine);
  if (x.unitCode !== undefined) eq(p, 'document', 'unit code', d.unit.code, x.unitCode);
  eq(p, 'document', 'signature date', d.date?.iso, x.date);
  for (const v of x.nameVariants) {
    const found = d.unit.mentions.filter((m) => norm(m.name) === norm(v.name));
    if (!found.length)
      p.push(`line ${v.lines[0]}: the unit is also called "${v.name}" (${v.role}); no mention records it`);
    else if (!found.some((m) => m.at && v.lines.some((l) => l >= m.at!.line && l <= (m.at!.endLine ?? m.at!.line)))) {
      p.push(
        `line ${v.lines[0]}: mention "${v.name}" recorded at lines ${found.map((m) => m.at?.line).join(',')}, printed at ${v.lines.join(',')}`,
      );
    }
  }
  if (x.subordinateUnits) {
    const got = d.unit.subordinateUnits.map((u) => norm(u.name)).join(' | ');
    const where = x.subordinateUnits.length
      ? `lines ${x.subordinateUnits[0].line}–${x.subordinateUnits[x.subordinateUnits.length - 1].line}`
      : 'none listed';
    eq(p, 'subordinate units', `names (${where})`, got, x.subordinateUnits.map((u) => norm(u.name)).join(' | '));
  }
  const o = d.overview.organisation;
  if (e.organisation.internalDivisions)
    eq(
      p,
      'organisation',
      'internal divisions',
      o.internalDivisions.map(norm).join(' | '),
      e.organisation.internalDivisions.map(norm).join(' | '),
    );
  for (const k of [
    'internalDivisionCount',
    'subordinateUnitCount',
    'administrativeUnits',
    'institutionUnits',
  ] as const) {
    if (e.organisation[k] !== undefined) eq(p, 'organisation', k, o[k], e.organisation[k]);
  }
  const s = d.overview.staff;
  const w = `line ${e.staff.line} staff`;
  countEq(p, w, '编制数', s.authorized, e.staff.authorized);
  countEq(p, w, '实有人数', s.actual, e.staff.actual);
  countEq(p, w, '在职', s.active, e.staff.active);
  countEq(p, w, '在职 change', s.activeChange, e.staff.activeChange, true);
  countEq(p, w, '退休', s.retired, e.staff.retired);
  countEq(p, w, '退休 change', s.retiredChange, e.staff.retiredChange, true);
  countEq(p, w, '离休', s.retiredBefore1949, e.staff.retiredBefore1949);
  countEq(p, w, '离休 change', s.retiredBefore1949Change, e.staff.retiredBefore1949Change, true);
  return p;
}

/** The document's outline: 第X部分 parts, the 目录's tables, the explanation sections, the listed functions. */
export function compareOutline(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  const partNo = (s: string) => norm(s).replace(/^第/, '').replace(/部分$/, '');
  eq(
    p,
    'parts',
    'numbers and lines',
    d.parts.map((x) => `${partNo(x.number)}@${x.at?.line}`).join(' '),
    e.parts.map((x) => `${x.number}@${x.line}`).join(' '),
  );
  for (const x of e.parts) {
    const m = d.parts.find((pt) => partNo(pt.number) === x.number);
    if (m) eq(p, `part ${x.number} (line ${x.line})`, 'title', norm(m.title), norm(x.title));
  }
  eq(
    p,
    '目录',
    'tables',
    d.toc
      .filter((t) => t.tableId)
      .map((t) => t.tableId)
      .join(' '),
    e.tocTables.join(' '),
  );
  eq(
    p,
    '情况说明',
    'sections',
    d.narrative.map((s) => `${s.number}@${s.at.line}`).join(' '),
    e.sections.map((s) => `${s.number}@${s.line}`).join(' '),
  );
  eq(p, '主要职能', 'count', d.overview.functions.length, e.functions.count);
  eq(p, '主要职能', 'first line', d.overview.functions[0]?.at?.line, e.functions.firstLine);
  return p;
}

// ── tables ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** A model row's label without the organisation code prefix "[002002]". */
const rowLabel = (r: TableRow): string => norm(r.label).replace(/^\[\d+\]/, '');

function cellsOf(r: TableRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of r.cells) if (c.amount) out[c.column] = formatExact(c.amount);
  return out;
}

function compareRow(p: string[], t: string, m: TableRow, x: ExpectedRow): void {
  const w = `${t} line ${x.line}${x.side ? ` (${x.side})` : ''} ${x.label || x.code || ''}`;
  eq(p, w, 'code', m.classification?.code, x.code);
  if (x.code && m.classification) {
    const level = x.code.length === 3 ? 'class' : x.code.length === 5 ? 'section' : 'item';
    eq(p, w, 'classification level', m.classification.level, level);
    eq(p, w, 'classification system', m.classification.system, /basic-expenditure/.test(t) ? 'economic' : 'function');
  }
  if (x.key !== undefined) eq(p, w, 'key', m.key, x.key);
  if (x.orgCode !== undefined) eq(p, w, 'orgCode', m.orgCode, x.orgCode);
  if (x.kind !== undefined) eq(p, w, 'kind', m.kind, x.kind);
  if (x.project !== undefined) eq(p, w, 'project', norm(m.project), norm(x.project));
  if (x.label) eq(p, w, 'label', rowLabel(m), norm(x.label));
  const got = cellsOf(m);
  for (const [col, v] of Object.entries(x.cells)) {
    if (got[col] === undefined) p.push(`${w}: cell ${col} missing, the document prints ${v}`);
    else if (got[col] !== v) p.push(`${w}: cell ${col} is ${got[col]}, the document prints ${v}`);
  }
  for (const [col, v] of Object.entries(got)) {
    if (x.cells[col] === undefined) p.push(`${w}: cell ${col} = ${v}, but that cell is empty in the document`);
  }
}

export function compareTable(d: Disclosure, x: ExpectedTable): string[] {
  const p: string[] = [];
  const t = d.tables.find((tb) => tb.id === x.id);
  const name = `${x.id} (line ${x.line})`;
  if (!t) return [`${name}: table not found in the model`];
  eq(p, name, 'status', t.status, x.status);
  eq(p, name, 'title', norm(t.title), norm(x.title));
  eq(p, name, 'title line', t.at?.line, x.line);
  if (x.number !== undefined) eq(p, name, 'number', norm(t.number).replace(/^表/, '').replace(/:$/, ''), x.number);
  if (x.preparer) {
    eq(p, name, 'preparer', norm(t.preparer?.name), norm(x.preparer.name));
    eq(p, name, 'preparer code', t.preparer?.code, x.preparer.code);
    const [a, b] = linesOf(t.preparer?.at);
    if (t.preparer?.at && !(x.preparer.line >= a && x.preparer.line <= b + 1))
      p.push(`${name}: preparer placed at line ${a}, printed at line ${x.preparer.line}`);
  }
  if (x.unit !== undefined) eq(p, name, 'unit', t.unit, x.unit);
  eq(p, name, 'year', t.year, x.year);
  if (x.status === 'empty') {
    const filled = t.rows.filter((r) => r.cells.some((c) => c.amount));
    for (const r of filled) p.push(`${name}: the table is empty in the document, but line ${r.at.line} has amounts`);
    if (x.emptyStatementLine !== undefined)
      eq(p, name, 'empty statement line', t.emptyStatement?.at?.line, x.emptyStatementLine);
    return p;
  }
  // rows aligned by (line, side); then the order of the matched rows must follow the document's
  const used = new Set<TableRow>();
  const matched: TableRow[] = [];
  for (const xr of x.rows) {
    const m = t.rows.find(
      (r) => !used.has(r) && r.at.line === xr.line && (xr.side === undefined || r.side === xr.side),
    );
    if (!m) {
      p.push(`${name} line ${xr.line}${xr.side ? ` (${xr.side})` : ''}: row "${xr.label || xr.code}" missing`);
      continue;
    }
    used.add(m);
    matched.push(m);
    compareRow(p, x.id, m, xr);
  }
  for (const r of t.rows) {
    if (!used.has(r))
      p.push(
        `${name} line ${r.at.line}: extra row "${r.label}" ${JSON.stringify(cellsOf(r))} that is not a row of the document`,
      );
  }
  for (const side of [undefined, 'income', 'expenditure'] as const) {
    const order = t.rows.filter((r) => used.has(r) && (side === undefined || r.side === side));
    const want = matched.filter((r) => side === undefined || r.side === side);
    if (side === undefined && t.rows.some((r) => r.side)) continue;
    if (order.some((r, i) => r !== want[i]))
      p.push(`${name}: rows${side ? ` on the ${side} side` : ''} are not in document order`);
  }
  return p;
}

export function compareTableStatuses(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  const present = new Set(e.tables.map((t) => t.id));
  for (const id of e.absentTables)
    eq(p, id, 'status (announced in the 目录, not in the body)', d.tables.find((t) => t.id === id)?.status, 'absent');
  for (const id of e.attachmentTables)
    eq(p, id, 'status (见附表)', d.tables.find((t) => t.id === id)?.status, 'attachment');
  for (const t of d.tables) {
    if ((t.status === 'present' || t.status === 'empty') && !present.has(t.id))
      p.push(`${t.id}: read as ${t.status} at line ${t.at?.line}, but the body has no such table`);
    if (t.status === 'absent' && !e.absentTables.includes(t.id))
      p.push(`${t.id}: reported absent (line ${t.at?.line}), but the 目录 does not announce it or the body has it`);
    if (t.status === 'attachment' && !e.attachmentTables.includes(t.id))
      p.push(`${t.id}: reported as an attachment (line ${t.at?.line}), but the document does not say so`);
  }
  eq(p, 'tablesPresent', 'ids', [...d.tablesPresent].sort().join(','), [...present].sort().join(','));
  return p;
}

// ── narrative facts ─────────────────────────────────────────────────────────────────────────────────────────────

/** Subjects the model may name either way: 一般公共预算拨款 as a fund or as the generalBudget total, and so on. */
function subjectMatches(m: Fact['subject'], x: ExpectedFact['subject']): boolean {
  const alias = (k: string, key?: string) =>
    k === 'fund' && key === 'generalBudget'
      ? 'generalBudget'
      : k === 'fund' && key === 'fiscalAppropriation'
        ? 'fiscalAppropriation'
        : k;
  if (alias(m.kind, m.key) !== alias(x.kind, x.key)) return false;
  if (x.kind === 'threePublic' && m.key !== x.key) return false;
  if (x.kind === 'fund' && x.key && x.key !== 'generalBudget' && x.key !== 'fiscalAppropriation' && m.key !== x.key)
    return false;
  if ((x.kind === 'function' || x.kind === 'economic') && x.code && m.code && m.code !== x.code) return false;
  if ((x.kind === 'function' || x.kind === 'economic') && !x.code && x.names && m.names?.length) {
    if (stripMarks(m.names[m.names.length - 1]) !== stripMarks(x.names[x.names.length - 1])) return false;
  }
  return true;
}

/** A printed classification name without its (类)/(201) markers. */
const stripMarks = (s: string) => norm(s).replace(/\((类|款|项|\d+)\)/g, '');

function nearLine(f: Fact, line: number): boolean {
  const [a, b] = linesOf(f.at);
  return (line >= a && line <= b) || Math.abs(a - line) <= 2;
}

function compareFact(p: string[], m: Fact, x: ExpectedFact): void {
  const w = `line ${x.line} ${x.label}`;
  if (x.subject.code) eq(p, w, 'subject code', m.subject.code, x.subject.code);
  if (x.subject.kind === 'function' && x.subject.names && !m.subject.code && !m.subject.names?.length)
    p.push(`${w}: no classification code or names`);
  amountEq(p, w, 'amount', m.amount, x.amount);
  eq(p, w, 'year', m.year, x.year);
  percentEq(p, w, 'share', m.share, x.share);
  // what the sentence does not print must not be there either
  if (x.share === undefined && m.share) p.push(`${w}: share ${formatExact(m.share)}% that the sentence does not print`);
  if (!x.change && m.change)
    p.push(`${w}: change ${m.change.word} ${dec(m.change.amount) ?? ''} that the sentence does not print`);
  if (x.reasonStartsWith === undefined && m.reason)
    p.push(`${w}: reason ${show(m.reason.text)} that the sentence does not print`);
  if (x.budgetAmount === undefined && m.budgetAmount)
    p.push(`${w}: budget amount ${formatExact(m.budgetAmount)} that the sentence does not print`);
  if (x.amount === undefined && m.amount)
    p.push(`${w}: amount ${formatExact(m.amount)} that the sentence does not print`);
  if (x.change) {
    if (!m.change)
      p.push(
        `${w}: change missing, the document says ${x.change.direction} ${x.change.amount ?? ''} ${x.change.percent ?? ''}%`,
      );
    else {
      eq(p, w, 'change direction', m.change.direction, x.change.direction);
      if (x.change.basis !== undefined) eq(p, w, 'change basis', m.change.basis, x.change.basis);
      amountEq(p, w, 'change amount', m.change.amount, x.change.amount);
      percentEq(p, w, 'change percent', m.change.percent, x.change.percent);
    }
  }
  if (x.reasonStartsWith !== undefined && !norm(m.reason?.text).startsWith(norm(x.reasonStartsWith))) {
    p.push(`${w}: reason is ${show(m.reason?.text)}, the document's reason starts ${show(x.reasonStartsWith)}`);
  }
  amountEq(p, w, 'budget amount', m.budgetAmount, x.budgetAmount);
  percentEq(p, w, 'variance rate', m.varianceRate, x.varianceRate);
}

/** Matches each expected fact to one model fact from `pool` (same subject, near the line, same amount preferred);
 *  with `complete`, a fact with an amount that matches nothing expected is reported too (the document does not state it). */
export function compareFacts(pool: Fact[], expected: ExpectedFact[], complete = false): string[] {
  const p: string[] = [];
  const used = new Set<Fact>();
  for (const x of expected) {
    const near = pool.filter((f) => !used.has(f) && nearLine(f, x.line) && subjectMatches(f.subject, x.subject));
    const rank = (f: Fact) =>
      (x.amount !== undefined && dec(f.amount) === x.amount ? 0 : 4) +
      (linesOf(f.at)[0] === x.line ? 0 : 2) +
      (norm(f.label).includes(norm(x.label)) ? 0 : 1) +
      (x.change && !f.change ? 8 : 0);
    const m = near.sort((a, b) => rank(a) - rank(b))[0];
    if (!m) {
      const sameLine = pool
        .filter((f) => nearLine(f, x.line))
        .map(
          (f) => `${f.label}=${dec(f.amount) ?? '-'} [${f.subject.kind}${f.subject.key ? '/' + f.subject.key : ''}]`,
        );
      p.push(
        `line ${x.line} ${x.label} (${x.subject.kind}${x.subject.key ? '/' + x.subject.key : ''}${x.amount ? ' ' + x.amount : ''}): no such fact; near that line the model has ${sameLine.length ? sameLine.join(', ') : 'nothing'}`,
      );
      continue;
    }
    used.add(m);
    compareFact(p, m, x);
  }
  if (complete) {
    for (const f of pool) {
      if (!used.has(f) && f.amount)
        p.push(
          `line ${f.at.line}: extra fact ${f.label} = ${formatExact(f.amount)} [${f.subject.kind}${f.subject.key ? '/' + f.subject.key : ''}] that the reading does not have`,
        );
    }
  }
  return p;
}

export function sectionFacts(d: Disclosure, number: string): Fact[] {
  return d.narrative.filter((s) => s.number === number).flatMap((s) => s.facts);
}

// ── projects, 三公, 机关运行经费, procurement, assets ─────────────────────────────────────────────────────────────

export function compareProjects(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  eq(p, 'projects', 'count', d.projects.length, e.projects.length);
  e.projects.forEach((x, i) => {
    const m = d.projects.find((pr) => norm(pr.name) === norm(x.name)) ?? d.projects[i];
    const w = `line ${x.line} project ${x.name}`;
    if (!m) return void p.push(`${w}: missing`);
    eq(p, w, 'name', norm(m.name), norm(x.name));
    amountEq(p, w, 'amount', m.amount, x.amount);
    eq(p, w, 'responsible unit', norm(m.responsibleUnit), norm(x.responsibleUnit));
    if (!norm(m.policyBasis).startsWith(norm(x.policyBasisStartsWith)))
      p.push(`${w}: 政策依据 is ${show(m.policyBasis)}, the document's starts ${show(x.policyBasisStartsWith)}`);
    if (!norm(m.allocation).startsWith(norm(x.allocationStartsWith)))
      p.push(`${w}: 资金分配 is ${show(m.allocation)}, the document's starts ${show(x.allocationStartsWith)}`);
    eq(p, w, '执行时间', norm(m.period), norm(x.period));
    eq(p, w, 'line', m.at.line, x.line);
  });
  return p;
}

export function compareThreePublic(d: Disclosure, e: ExpectedSeed): string[] {
  const section = e.threePublic.items[0]?.section;
  const items = d.threePublic.items.length ? d.threePublic.items : section ? sectionFacts(d, section) : [];
  const p = compareFacts(items, e.threePublic.items, true);
  const tp = d.threePublic;
  countEq(p, '三公', '因公出国(境)团组', tp.overseasGroups, e.threePublic.overseasGroups);
  countEq(p, '三公', '因公出国(境)人次', tp.overseasPeople, e.threePublic.overseasPeople);
  countEq(p, '三公', '公务用车购置数', tp.vehiclesPurchased, e.threePublic.vehiclesPurchased);
  countEq(p, '三公', '公务用车保有量', tp.vehiclesHeld, e.threePublic.vehiclesHeld);
  countEq(p, '三公', '公务接待批次', tp.receptionBatches, e.threePublic.receptionBatches);
  countEq(p, '三公', '公务接待人次', tp.receptionPeople, e.threePublic.receptionPeople);
  return p;
}

export function compareOperatingCosts(d: Disclosure, e: ExpectedSeed): string[] {
  const x = e.operatingCosts;
  if (!x) return [];
  const pool = [...(d.operatingCosts.fact ? [d.operatingCosts.fact] : []), ...sectionFacts(d, x.fact.section)];
  const p = compareFacts(
    pool.filter((f) => f.subject.kind === 'operatingCosts'),
    [x.fact],
  );
  countEq(p, '机关运行经费', '行政单位', d.operatingCosts.administrativeUnits, x.administrativeUnits);
  countEq(p, '机关运行经费', '事业单位', d.operatingCosts.institutionUnits, x.institutionUnits);
  return p;
}

export function compareProcurement(d: Disclosure, e: ExpectedSeed): string[] {
  const x = e.procurement;
  if (!x) return [];
  const p: string[] = [];
  const m = d.procurement;
  const w = `line ${x.line} 政府采购`;
  amountEq(p, w, 'total', m.total, x.total);
  amountEq(p, w, 'goods', m.goods, x.goods);
  amountEq(p, w, 'works', m.works, x.works);
  amountEq(p, w, 'services', m.services, x.services);
  amountEq(p, w, 'SME', m.sme, x.sme);
  percentEq(p, w, 'SME share', m.smeShare, x.smeShare);
  amountEq(p, w, 'small/micro', m.smallMicro, x.smallMicro);
  percentEq(p, w, 'small/micro share', m.smallMicroShare, x.smallMicroShare);
  eq(p, w, 'SME basis', m.smeBasis, x.smeBasis);
  return p;
}

/** "2022年12月31日" and "2022-12-31" are the same day. */
const dayOf = (s: string | undefined) => {
  const t = norm(s);
  const m = /^(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})日?$/.exec(t);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : t;
};

export function compareAssets(d: Disclosure, e: ExpectedSeed): string[] {
  const x = e.assets;
  if (!x) return [];
  const p: string[] = [];
  const m = d.assets;
  const w = `line ${x.line} 国有资产`;
  eq(p, w, 'as of', dayOf(m.asOf), dayOf(x.asOf));
  amountEq(p, w, 'fixed assets value', m.fixedAssetsValue, x.fixedAssetsValue);
  countEq(p, w, 'building m²', m.buildingArea, x.buildingArea);
  amountEq(p, w, 'building value', m.buildingValue, x.buildingValue);
  countEq(p, w, 'vehicles', m.vehicles, x.vehicles);
  amountEq(p, w, 'vehicles value', m.vehiclesValue, x.vehiclesValue);
  for (const c of x.vehicleCategories) {
    const mc = m.vehicleCategories.find((v) => norm(v.name) === norm(c.name));
    if (!mc) {
      p.push(`${w}: vehicle category ${c.name} (${c.count}) missing`);
      continue;
    }
    countEq(p, w, `${c.name} count`, mc.count, c.count);
    amountEq(p, w, `${c.name} value`, mc.value, c.value);
  }
  eq(p, w, 'vehicle categories', m.vehicleCategories.length, x.vehicleCategories.length);
  amountEq(p, w, 'furniture value', m.furnitureValue, x.furnitureValue);
  amountEq(p, w, 'other assets value', m.otherAssetsValue, x.otherAssetsValue);
  countEq(p, w, 'equipment ≥50万', m.equipmentOver50, x.equipmentOver50);
  countEq(p, w, 'equipment ≥100万', m.equipmentOver100, x.equipmentOver100);
  return p;
}

// ── performance ─────────────────────────────────────────────────────────────────────────────────────────────────

const digits = (s: string) => norm(s).replace(/[^\d.]/g, '');
const score = (s: string | undefined) => norm(s).replace(/分$/, '');

function compareIndicators(p: string[], where: string, model: Indicator[], expected: ExpectedIndicator[]): void {
  const used = new Set<Indicator>();
  for (const x of expected) {
    const m = model.find((i) => !used.has(i) && i.at.line === x.line);
    const w = `${where} line ${x.line} ${x.name}`;
    if (!m) {
      p.push(`${w}: indicator missing`);
      continue;
    }
    used.add(m);
    eq(p, w, '一级指标', norm(m.level1), norm(x.level1));
    eq(p, w, '二级指标', norm(m.level2), norm(x.level2));
    if (x.garbled) {
      const head = norm(x.name).slice(0, 4);
      if (!norm(m.name).startsWith(head))
        p.push(`${w}: 三级指标 is ${show(m.name)}, the document's starts ${show(head)}`);
    } else eq(p, w, '三级指标', norm(m.name), norm(x.name));
    if (x.targetUncertain) {
      if (!digits(m.target).includes(digits(x.target)))
        p.push(`${w}: 指标值 is ${show(m.target)}, the document says ${show(x.target)}`);
    } else eq(p, w, '指标值', norm(m.target), norm(x.target));
    if (x.actual !== undefined) eq(p, w, '实际完成值', norm(m.actual), norm(x.actual));
    if (x.weight !== undefined) eq(p, w, '分值', score(m.weight), x.weight);
    if (x.score !== undefined) eq(p, w, '得分', score(m.score), x.score);
    if (x.actual !== undefined)
      eq(
        p,
        w,
        '偏差原因',
        norm(m.deviationReason) || undefined,
        x.deviationReason === undefined ? undefined : norm(x.deviationReason),
      );
  }
  for (const m of model) {
    if (!used.has(m) && (norm(m.name) || norm(m.target)))
      p.push(`${where} line ${m.at.line}: extra indicator ${show(m.name)} ${show(m.target)}`);
  }
}

export function compareTarget(d: Disclosure, x: ExpectedPerformanceTarget, index: number): string[] {
  const p: string[] = [];
  const m = d.performance.targets.find((t) => norm(t.project) === norm(x.project)) ?? d.performance.targets[index];
  const w = `绩效目标表 line ${x.line} ${x.project}`;
  if (!m) return [`${w}: missing`];
  if (x.garbled) {
    if (!norm(m.project).endsWith(norm(x.project).slice(-4))) p.push(`${w}: project is ${show(m.project)}`);
    if (!norm(m.unit).endsWith(norm(x.unit).slice(-7)))
      p.push(`${w}: unit is ${show(m.unit)}, the document says ${x.unit}`);
  } else {
    eq(p, w, 'project', norm(m.project), norm(x.project));
    eq(p, w, 'unit', norm(m.unit), norm(x.unit));
  }
  amountEq(p, w, '年度资金总额', m.totalFunds, x.totalFunds);
  amountEq(p, w, '财政拨款', m.fiscalFunds, x.fiscalFunds);
  amountEq(p, w, '其他资金', m.otherFunds, x.otherFunds);
  if (x.otherFunds === undefined && m.otherFunds)
    p.push(`${w}: 其他资金 is ${formatExact(m.otherFunds)}, but no amount is printed`);
  if (x.goalStartsWith && !norm(m.goal).startsWith(norm(x.goalStartsWith)))
    p.push(`${w}: goal is ${show(m.goal?.slice(0, 30))}, the document's starts ${show(x.goalStartsWith)}`);
  compareIndicators(p, w, m.indicators, x.indicators);
  return p;
}

export function compareSelfEvaluation(d: Disclosure, x: ExpectedSelfEvaluation, index: number): string[] {
  const p: string[] = [];
  const m =
    d.performance.selfEvaluations.find((s) => norm(s.project) === norm(x.project)) ??
    d.performance.selfEvaluations[index];
  const w = `自评表 line ${x.line} ${x.project}`;
  if (!m) return [`${w}: missing`];
  eq(p, w, 'project', norm(m.project), norm(x.project));
  eq(p, w, '主管部门', norm(m.department), norm(x.department));
  eq(p, w, '实施单位', norm(m.implementingUnit), norm(x.implementingUnit));
  eq(p, w, 'fund lines', m.funds.length, x.funds.length);
  x.funds.forEach((xf, i) => {
    const mf = m.funds[i];
    const fw = `${w} ${xf.label}`;
    if (!mf) return void p.push(`${fw}: missing`);
    if (!norm(mf.label).includes(norm(xf.label))) p.push(`${fw}: label is ${show(mf.label)}`);
    amountEq(p, fw, '年初预算数', mf.initialBudget, xf.initialBudget);
    amountEq(p, fw, '全年预算数', mf.fullYearBudget, xf.fullYearBudget);
    amountEq(p, fw, '全年执行数', mf.executed, xf.executed);
    if (xf.weight !== undefined) eq(p, fw, '分值', score(mf.weight), xf.weight);
    percentEq(p, fw, '执行率', mf.executionRate, xf.executionRate);
    if (xf.score !== undefined) eq(p, fw, '得分', score(mf.score), xf.score);
  });
  if (!norm(m.goal).startsWith(norm(x.goalStartsWith)))
    p.push(`${w}: 预期目标 is ${show(m.goal?.slice(0, 30))}, the document's starts ${show(x.goalStartsWith)}`);
  if (!norm(m.result).startsWith(norm(x.resultStartsWith)))
    p.push(`${w}: 实际完成情况 is ${show(m.result?.slice(0, 30))}, the document's starts ${show(x.resultStartsWith)}`);
  compareIndicators(p, w, m.indicators, x.indicators);
  eq(p, w, '总分 分值', score(m.totalWeight), x.totalWeight);
  eq(p, w, '总分 得分', score(m.totalScore), x.totalScore);
  return p;
}

export function comparePerformanceSummary(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  const x = e.performance;
  const w = `line ${x.line} 预算绩效`;
  countEq(p, w, 'project count', d.performance.projectCount, x.projectCount);
  amountEq(p, w, 'amount', d.performance.amount, x.amount);
  amountEq(p, w, '全年预算数', d.performance.budgetAmount, x.budgetAmount);
  amountEq(p, w, '全年执行数', d.performance.executedAmount, x.executedAmount);
  eq(p, w, '绩效目标表 count', d.performance.targets.length, x.targets.length);
  eq(p, w, '自评表 count', d.performance.selfEvaluations.length, x.selfEvaluations.length);
  return p;
}

export function compareGlossary(d: Disclosure, e: ExpectedSeed): string[] {
  const p: string[] = [];
  eq(
    p,
    '名词解释',
    'terms',
    d.glossary.map((g) => norm(g.term)).join(' | '),
    e.glossary.map((g) => norm(g.term)).join(' | '),
  );
  for (const x of e.glossary) {
    const m = d.glossary.find((g) => norm(g.term) === norm(x.term));
    if (!m) continue;
    if (!norm(m.definition).startsWith(norm(x.startsWith)))
      p.push(
        `名词解释 ${x.term}: definition is ${show(m.definition.slice(0, 30))}, the document's starts ${show(x.startsWith)}`,
      );
    if (x.endsWith && !norm(m.definition).endsWith(norm(x.endsWith)))
      p.push(
        `名词解释 ${x.term}: definition ends ${show(m.definition.slice(-20))}, the document's ends ${show(x.endsWith)}`,
      );
  }
  return p;
}

// ── figures ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Figures are JSON numbers; the document's decimal text must be the same number. */
export function compareFigures(figures: Disclosure['figures'] | Record<string, unknown>, e: ExpectedSeed): string[] {
  const p: string[] = [];
  const f = figures as Record<string, unknown>;
  const x = e.figures as Record<string, unknown>;
  for (const [k, v] of Object.entries(x)) {
    if (typeof v === 'string') {
      if (f[k] !== Number(v)) p.push(`figures.${k} is ${show(f[k])}, the document says ${v}`);
    } else if (v && typeof v === 'object') {
      const sub = (f[k] ?? {}) as Record<string, unknown>;
      for (const [k2, v2] of Object.entries(v as Record<string, string>)) {
        if (sub[k2] !== Number(v2)) p.push(`figures.${k}.${k2} is ${show(sub[k2])}, the document says ${v2}`);
      }
      if (k === 'functionClasses') {
        for (const k2 of Object.keys(sub))
          if (!(k2 in v))
            p.push(`figures.functionClasses.${k2} = ${show(sub[k2])}, a class the document does not fund`);
      }
    }
  }
  return p;
}

/** How many expected things a seed holds: cells, facts, indicators (for the report). */
export function expectationCounts(e: ExpectedSeed): { cells: number; rows: number; facts: number; indicators: number } {
  const rows = e.tables.reduce((n, t) => n + t.rows.length, 0);
  const cells = e.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + Object.keys(r.cells).length, 0), 0);
  const facts = e.facts.length + e.threePublic.items.length + (e.operatingCosts ? 1 : 0);
  const indicators =
    e.performance.targets.reduce((n, t) => n + t.indicators.length, 0) +
    e.performance.selfEvaluations.reduce((n, s) => n + s.indicators.length, 0);
  return { cells, rows, facts, indicators };
}

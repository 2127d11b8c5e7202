// Reading doubts (读取存疑): a finding is an error of the document only when every figure it uses was read with
// certainty. Findings that lean on a table the reading self-check does not trust, or on a part of the document the
// reader did not recognise, are held back and reported once per table (or once per unrecognised part) as a doubt.
import type { Disclosure } from '../model/schema.js';
import { formatMessage } from './messages.zh-CN.js';
import { readingConfidence, type TableReading } from './reading-confidence.js';
import type { Finding, FindingPlace } from './types.js';

/** The rule id doubts are reported under (not a rule of the catalogue: it judges the reading, not the document). */
export const READING_DOUBT = 'reading-doubt';

/** Why a table's figures are not certain, or undefined when they are. */
export function tableDoubt(t: TableReading): string | undefined {
  if (t.cells.amounts === 0) return formatMessage('doubtNothingRead');
  if (t.cells.unparsed) return formatMessage('doubtUnparsed', { count: t.cells.unparsed });
  if (t.rows.outOfShape) return formatMessage('doubtOutOfShape', { count: t.rows.outOfShape });
  const failed = t.identities.checked - t.identities.held;
  const misread = t.suspects.find((s) => s.kind !== 'unparsed');
  if (misread) return formatMessage('doubtSuspect', { reason: misread.reason });
  // finance software prints sums that hold: a table where many fail was read in the wrong shape (columns taken
  // for others, 其中 columns summed into totals, 项 rows taken for 类), whereas a misprint breaks a few sums
  if (failed >= 12 || (failed >= 3 && failed > 0.2 * t.identities.checked)) {
    return formatMessage('doubtManyFailed', { failed, checked: t.identities.checked });
  }
  return undefined;
}

/** Rules whose findings say a part or explanation is missing, which an unrecognised narrative cannot support. */
const NEEDS_NARRATIVE = new Set([
  'required-parts',
  'other-matters',
  'three-public-explained',
  'items-explained',
  'final-three-public-counts',
  'change-reason',
]);
/** Rules whose findings say a table is missing or empty, which an unread set of tables cannot support. */
const NEEDS_TABLES = new Set([
  'required-tables',
  'toc-table-absent',
  'empty-table-statement',
  'fund-table-consistency',
]);

/**
 * What a "missing" finding says is missing, and the words that show the text does speak of it: a finding whose
 * subject the document's text names under any of these words is a part the reader did not recognise, not a defect.
 */
const CHANGE_WORDS = /增|减|持平|相同|相等|一致|无变化|不变|下降|上升|等于|小于|大于|低于|高于|0\.00|为0|为零/;
const MENTIONS: Array<{ rule: string; message: RegExp; words: RegExp; near?: RegExp }> = [
  { rule: 'other-matters', message: /机关运行经费/, words: /机关运行经费|运行经费/ },
  { rule: 'other-matters', message: /政府采购/, words: /政府采购|采购预算|采购金额|采购支出/ },
  {
    rule: 'other-matters',
    message: /国有资产/,
    words: /国有资产|资产占用|固定资产|公务用车\d*辆|车辆\d+辆|保有量|房屋/,
  },
  { rule: 'other-matters', message: /预算绩效/, words: /绩效/ },
  { rule: 'three-public-explained', message: /缺少“三公”/, words: /三公/ },
  { rule: 'three-public-explained', message: /未说明因公出国\(境\)费(。|$)/, words: /出国|出境|出\(境\)/ },
  {
    rule: 'three-public-explained',
    message: /未说明公务用车购置费(。|$)/,
    words: /车辆购置|用车购置|购置费|购置及运行/,
  },
  {
    rule: 'three-public-explained',
    message: /未说明公务用车运行费(。|$)/,
    words: /用车运行|运行维护|运行费|购置及运行/,
  },
  { rule: 'three-public-explained', message: /未说明公务接待费(。|$)/, words: /公务接待|接待费/ },
  // a change stated in a sentence naming the item, including 持平, 相同 and 0.00
  { rule: 'three-public-explained', message: /因公出国\(境\)费的增减/, words: /出国|出境/, near: CHANGE_WORDS },
  { rule: 'three-public-explained', message: /公务用车购置费的增减/, words: /购置/, near: CHANGE_WORDS },
  { rule: 'three-public-explained', message: /公务用车运行费的增减/, words: /运行/, near: CHANGE_WORDS },
  { rule: 'three-public-explained', message: /公务接待费的增减/, words: /接待/, near: CHANGE_WORDS },
  {
    rule: 'three-public-explained',
    message: /增减变化的原因/,
    words: /三公|出国|购置|运行|接待/,
    near: /原因|主要是|主要用于|由于|因为|是因/,
  },
  { rule: 'final-three-public-counts', message: /团组/, words: /团组|个团|\d+批/ },
  { rule: 'final-three-public-counts', message: /出国\(境\)人次/, words: /出国|出境/, near: /人次|人/ },
  { rule: 'final-three-public-counts', message: /购置数/, words: /购置/, near: /辆/ },
  { rule: 'final-three-public-counts', message: /保有量/, words: /保有|共有车辆|实有车辆|车辆\d+辆/ },
  { rule: 'final-three-public-counts', message: /接待批次/, words: /接待/, near: /批次|批|\d+次/ },
  { rule: 'final-three-public-counts', message: /接待人次/, words: /接待/, near: /人次|人/ },
  { rule: 'required-parts', message: /概况/, words: /主要职能|机构设置|职能|概况/ },
  { rule: 'required-parts', message: /情况说明/, words: /情况说明|编制说明|预算说明|决算说明/ },
  { rule: 'required-parts', message: /名词解释/, words: /名词解释|术语解释/ },
];

/** The sentences of every text the model kept: narrative, overview, glossary, 目录, table titles. */
function sentencesOf(doc: Disclosure): string[] {
  const texts: string[] = [
    doc.title.text,
    ...doc.toc.map((e) => e.title),
    ...doc.parts.map((p) => p.title),
    ...doc.tables.map((t) => t.title),
  ];
  texts.push(
    ...doc.overview.functions.map((p) => p.text),
    doc.overview.organisation.text ?? '',
    ...doc.glossary.map((g) => `${g.term}${g.definition}`),
  );
  for (const s of doc.narrative) texts.push(s.title, ...s.paragraphs.map((p) => p.text), ...s.facts.map((f) => f.text));
  return texts.flatMap((t) => t.replace(/\s+/g, '').split(/[。；;！!？?\n]/)).filter(Boolean);
}

/** The text names what the finding says is missing: the reader failed to recognise it. */
function mentioned(f: Finding, sentences: () => string[], doc: Disclosure): boolean {
  if (f.rule === 'required-parts' && /公开表/.test(f.message)) return doc.tables.some((t) => t.status === 'present');
  const m = MENTIONS.find((x) => x.rule === f.rule && x.message.test(f.message));
  if (!m) return false;
  return sentences().some((s) => m.words.test(s) && (!m.near || m.near.test(s)));
}

interface Doubt {
  key: string;
  reason: string;
  place: FindingPlace;
  held: Finding[];
}

function places(f: Finding): FindingPlace[] {
  return [f.location, ...(f.related ?? [])];
}

export interface DoubtResult {
  findings: Finding[];
  tables: TableReading[];
}

/**
 * Turns the errors and warnings that rest on uncertain readings into one doubt per table or unrecognised part;
 * a document from which no table, or no 情况说明, was read gets a doubt saying so (never "all consistent").
 */
export function applyReadingDoubts(
  doc: Disclosure,
  findings: Finding[],
  tables: TableReading[] = readingConfidence(doc),
  options: { onlyHolding?: boolean } = {},
): Finding[] {
  const doubts = new Map<string, Doubt>();
  const doubtOf = (key: string, reason: string, place: FindingPlace): Doubt => {
    let d = doubts.get(key);
    if (!d) doubts.set(key, (d = { key, reason, place, held: [] }));
    return d;
  };
  const byName = new Map<string, Doubt>();
  for (const t of tables) {
    const reason = tableDoubt(t);
    if (!reason) continue;
    const model = doc.tables.find(
      (m) => m.status === 'present' && m.id === t.id && (m.title === t.table || t.table.endsWith(m.title)),
    );
    const place: FindingPlace = { tableId: t.id, table: t.table };
    if (model?.at) {
      place.line = model.at.line;
      if (model.at.page !== undefined) place.page = model.at.page;
    }
    byName.set(t.table, doubtOf(`table:${t.table}`, reason, place));
  }
  // rows other tables print but this one lacks: a row left unread when the table's own sums fail too, or a row read
  // under another code when this table prints the missing amount on a row the others lack (the amounts swap)
  const absent = findings.filter((f) => f.rule === 'cross-table-agreement' && f.location.table && !f.location.row);
  for (const f of absent) {
    const t = tables.find((x) => x.table === f.location.table);
    if (!t || byName.has(t.table)) continue;
    const swapped = findings.some(
      (g) =>
        g !== f &&
        g.rule === 'cross-table-agreement' &&
        g.location.table === t.table &&
        g.location.row &&
        g.actual === f.expected,
    );
    const failing = t.identities.held < t.identities.checked;
    if (!swapped && !failing) continue;
    const model = doc.tables.find((m) => m.status === 'present' && m.id === t.id);
    const place: FindingPlace = {
      tableId: t.id,
      table: t.table,
      ...(model?.at ? { line: model.at.line, ...(model.at.page !== undefined ? { page: model.at.page } : {}) } : {}),
    };
    byName.set(
      t.table,
      doubtOf(`table:${t.table}`, formatMessage(swapped ? 'doubtRowsSwapped' : 'doubtRowsUnread'), place),
    );
  }
  const read = tables.filter((t) => t.cells.amounts > 0);
  const noTables = !doc.form && read.length === 0;
  const noNarrative = !doc.form && doc.narrative.length === 0;
  const noParts = !doc.form && doc.parts.filter((p) => p.title.trim()).length <= 1 && doc.narrative.length === 0;
  if (noTables)
    doubtOf(
      'tables',
      formatMessage('doubtNoTables', { count: doc.tables.filter((t) => t.status === 'present').length }),
      { section: '公开表' },
    );
  if (noNarrative) doubtOf('narrative', formatMessage('doubtNoNarrative'), { section: '情况说明' });

  let cache: string[] | undefined;
  const sentences = () => (cache ??= sentencesOf(doc));
  const kept: Finding[] = [];
  for (const f of findings) {
    if (f.severity === 'info') {
      kept.push(f);
      continue;
    }
    const onTable = places(f)
      .map((p) => (p.table ? byName.get(p.table) : undefined))
      .find((d) => d !== undefined);
    let doubt = onTable;
    if (!doubt && noTables && NEEDS_TABLES.has(f.rule)) doubt = doubts.get('tables');
    if (
      !doubt &&
      (noNarrative || (noParts && f.rule === 'required-parts')) &&
      NEEDS_NARRATIVE.has(f.rule) &&
      !places(f).some((p) => p.table)
    )
      doubt = doubtOf('narrative', formatMessage('doubtNoNarrative'), { section: '情况说明' });
    // an empty fund table may be explained in the 情况说明 the reader did not recognise
    if (!doubt && noNarrative && f.rule === 'empty-table-statement')
      doubt = doubtOf('narrative', formatMessage('doubtNoNarrative'), { section: '情况说明' });
    if (!doubt && NEEDS_NARRATIVE.has(f.rule) && mentioned(f, sentences, doc))
      doubt = doubtOf('unrecognised', formatMessage('doubtUnrecognised'), { section: '情况说明' });
    if (doubt) doubt.held.push(f);
    else kept.push(f);
  }
  for (const d of doubts.values()) {
    // with a subset of rules run, a doubt that holds none of their findings is not news
    if (options.onlyHolding && !d.held.length) continue;
    const where = d.place.page !== undefined ? `（第${d.place.page}页）` : '';
    const subject = d.place.table ? `“${d.place.table}”${where}` : '';
    const message = formatMessage(d.held.length ? 'readingDoubtHeld' : 'readingDoubt', {
      subject,
      reason: d.reason,
      count: d.held.length,
    });
    const doubt: Finding = { rule: READING_DOUBT, severity: 'warning', message, location: d.place };
    if (d.held.length) {
      doubt.related = d.held.map((h) => h.location);
      doubt.also = d.held.map((h) => ({
        rule: h.rule,
        severity: h.severity,
        message: h.message,
        location: h.location,
      }));
    }
    kept.push(doubt);
  }
  return kept;
}

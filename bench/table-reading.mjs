// Table-reading measure: parse + check every PDF of ../shared/corpus-wide and ../shared/corpus (from dist; run
// `npm run build` first) and print, per document, the standard tables found against those whose titles the pages
// print, the declared sums that hold (the reading confidence's identities: row identities, hierarchy and fixed-row
// sums), and the errors by rule; then totals. Run: node bench/table-reading.mjs [--json out.json] [FILE|DIR…]
// A title counts as printed when one of the first lines of a page (pdftotext -layout) is recognised as a standard
// table title; a table counts as found when it was read with at least one amount, or read as empty by its statement.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../dist/extract/index.js';
import { audit } from '../dist/audit/index.js';
import { readingConfidence } from '../dist/audit/reading-confidence.js';
import { recogniseTableTitle } from '../dist/catalog/tables.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const inputs = args.length ? args : [resolve(root, '../shared/corpus-wide'), resolve(root, '../shared/corpus')];
const files = inputs.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => resolve(p, f))
    : [resolve(p)],
);

/** standard table ids whose title a page prints among its first lines (目录 pages and sentences left out) */
function printedTables(file, kind) {
  let raw;
  try {
    raw = execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return new Set();
  }
  const ids = new Set();
  for (const page of raw.split('\f')) {
    const lines = page
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.slice(0, 3).some((l) => /^目\s*录$/.test(l.replace(/\s+/g, '')))) continue;
    for (const line of lines.slice(0, 5)) {
      const t = line.replace(/\s+/g, '');
      if (t.length > 50 || /[。，；：:]|\.{3}|…|·{3}/.test(t)) continue;
      const tpl = recogniseTableTitle(t, kind);
      if (tpl) ids.add(tpl.id);
    }
  }
  return ids;
}

const results = [];
for (const file of files) {
  const name = basename(file);
  const start = Date.now();
  let doc;
  try {
    doc = await parseFile(file);
  } catch (err) {
    results.push({
      name,
      refused: String(err?.message ?? err)
        .split('\n')[0]
        .slice(0, 80),
    });
    console.log(`${name.padEnd(8)} refused: ${results.at(-1).refused}`);
    continue;
  }
  const findings = audit(doc);
  const reading = readingConfidence(doc);
  const expected = printedTables(file, doc.kind);
  const found = new Set(
    doc.tables
      .filter(
        (t) => t.status === 'empty' || (t.status === 'present' && t.rows.some((r) => r.cells.some((c) => c.amount))),
      )
      .map((t) => t.id),
  );
  const missing = [...expected].filter((id) => !found.has(id));
  const held = reading.reduce((n, t) => n + t.identities.held, 0);
  const checked = reading.reduce((n, t) => n + t.identities.checked, 0);
  const errors = findings.filter((f) => f.severity === 'error');
  const byRule = {};
  for (const f of errors) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const badTables = reading
    .filter((t) => t.identities.held < t.identities.checked)
    .map((t) => `${t.id}:${t.identities.held}/${t.identities.checked}`);
  const r = {
    name,
    kind: doc.kind,
    found: found.size,
    expected: expected.size,
    missing,
    held,
    checked,
    errors: errors.length,
    byRule,
    badTables,
    seconds: (Date.now() - start) / 1000,
  };
  results.push(r);
  const rules = Object.entries(byRule)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `${name.padEnd(8)} tables ${String(found.size).padStart(2)}/${String(expected.size).padEnd(2)} sums ${String(held).padStart(4)}/${String(checked).padEnd(4)} errors ${String(errors.length).padStart(3)}` +
      (missing.length ? `  missing: ${missing.join(' ')}` : '') +
      (badTables.length ? `  sums failing: ${badTables.join(' ')}` : '') +
      (rules ? `  [${rules}]` : ''),
  );
}

const read = results.filter((r) => !r.refused);
const sum = (k) => read.reduce((n, r) => n + r[k], 0);
const errorsSorted = read.map((r) => r.errors).sort((a, b) => a - b);
const median = errorsSorted.length ? errorsSorted[Math.floor((errorsSorted.length - 1) / 2)] : 0;
const byRule = {};
for (const r of read) for (const [k, v] of Object.entries(r.byRule)) byRule[k] = (byRule[k] ?? 0) + v;
const held = sum('held');
const checked = sum('checked');
const expectedMissing = read.reduce((n, r) => n + r.missing.length, 0);
console.log('');
console.log(`documents read ${read.length}, refused ${results.length - read.length}`);
console.log(`standard tables printed ${sum('expected')}, not found ${expectedMissing}; tables found ${sum('found')}`);
console.log(`declared sums held ${held}/${checked} (${checked ? ((100 * held) / checked).toFixed(2) : '—'}%)`);
console.log(`errors ${sum('errors')}, median per document ${median}`);
console.log(
  `errors by rule: ${Object.entries(byRule)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));

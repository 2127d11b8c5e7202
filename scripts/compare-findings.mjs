#!/usr/bin/env node
// Compares two folders written by `budgetdoc check --format json --out DIR` and reports every difference outside
// the findings' location fields (location, related, and the location of each folded finding). Used to show that a
// change of how findings point at things (ids instead of titles) changes no finding: same files, same findings in the
// same order, same rule, severity, message, expected, actual, tolerance, same reading confidence.
//
//   node scripts/compare-findings.mjs BEFORE_DIR AFTER_DIR [--locations]
//
// Exit code 0 when nothing differs, 1 when something does, 2 on bad arguments. With --locations the location
// fields that changed are also counted by field name (informational: they are allowed to change).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const showLocations = args.includes('--locations');
const [beforeDir, afterDir] = args.filter((a) => !a.startsWith('--'));
if (!beforeDir || !afterDir) {
  console.error('用法：node scripts/compare-findings.mjs 之前的目录 之后的目录 [--locations]');
  process.exit(2);
}
for (const dir of [beforeDir, afterDir]) {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`不是目录：${dir}（请给出 check --format json --out 写出的目录）`);
    process.exit(2);
  }
}

const LOCATION_FIELDS = new Set(['location', 'related']);

/** A finding without its location fields (folded findings too), as a canonical JSON string. */
function withoutLocations(finding) {
  const out = {};
  for (const [k, v] of Object.entries(finding)) {
    if (LOCATION_FIELDS.has(k)) continue;
    out[k] = k === 'also' && Array.isArray(v) ? v.map(withoutLocations) : v;
  }
  return canonical(out);
}

function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** The location fields that differ between two findings, by dotted name (location.tableId, related[0].row …). */
function locationChanges(a, b, into) {
  const places = (f) => {
    const out = { location: f.location ?? {} };
    (f.related ?? []).forEach((r, i) => (out[`related[${i}]`] = r));
    (f.also ?? []).forEach((x, i) => (out[`also[${i}].location`] = x.location ?? {}));
    return out;
  };
  const pa = places(a);
  const pb = places(b);
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const x = pa[name] ?? {};
    const y = pb[name] ?? {};
    for (const field of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (canonical(x[field]) !== canonical(y[field])) {
        const key = `${name.replace(/\[\d+\]/g, '[]')}.${field}`;
        into.set(key, (into.get(key) ?? 0) + 1);
      }
    }
  }
}

function files(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

const before = files(beforeDir);
const after = files(afterDir);
const differences = [];
for (const f of before) if (!after.includes(f)) differences.push(`${f}: 只在之前的目录中`);
for (const f of after) if (!before.includes(f)) differences.push(`${f}: 只在之后的目录中`);

let compared = 0;
let findings = 0;
const changedLocations = new Map();
for (const f of before.filter((x) => after.includes(x))) {
  const a = JSON.parse(readFileSync(path.join(beforeDir, f), 'utf8'));
  const b = JSON.parse(readFileSync(path.join(afterDir, f), 'utf8'));
  compared++;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'findings') continue;
    if (canonical(a[key]) !== canonical(b[key])) differences.push(`${f}: 字段 ${key} 不同`);
  }
  const fa = a.findings ?? [];
  const fb = b.findings ?? [];
  findings += fa.length;
  if (fa.length !== fb.length) differences.push(`${f}: 发现数 ${fa.length} → ${fb.length}`);
  const n = Math.min(fa.length, fb.length);
  for (let i = 0; i < n; i++) {
    if (withoutLocations(fa[i]) !== withoutLocations(fb[i])) {
      differences.push(
        `${f}: 第 ${i + 1} 条发现不同（${fa[i].rule} → ${fb[i].rule}）：${fa[i].message} → ${fb[i].message}`,
      );
    } else if (showLocations) locationChanges(fa[i], fb[i], changedLocations);
  }
}

console.log(`比较了 ${compared} 个文件、${findings} 条发现（${beforeDir} → ${afterDir}）`);
if (showLocations) {
  const list = [...changedLocations].sort((x, y) => y[1] - x[1]);
  console.log(
    list.length ? `位置字段的变化（允许）：${list.map(([k, c]) => `${k} ×${c}`).join('，')}` : '位置字段无变化',
  );
}
if (differences.length) {
  console.log(`位置以外的不同：${differences.length} 处`);
  for (const d of differences.slice(0, 200)) console.log(`  ${d}`);
  process.exit(1);
}
console.log('位置以外没有不同');

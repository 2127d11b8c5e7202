// `budgetdoc check` on a model (JSON as parse/sample write it, or YAML) audits the model itself instead of reading
// the JSON text as if it were a published disclosure.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { formatExact } from '../../src/model/money.js';
import { generateSample } from '../../src/write/sample.js';
import { repoRoot } from '../support/paths.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-check-model-'));

describe('budgetdoc check on a model', () => {
  const budget = generateSample({ kind: 'budget', seed: 'check-model', index: 0 });
  const final = generateSample({ kind: 'final_account', seed: 'check-model', index: 1 });

  it('a consistent sample model in JSON and in YAML: the unit named in the title, no errors, exit 0', () => {
    const json = join(dir, 'budget.json');
    writeFileSync(json, JSON.stringify(budget));
    const yaml = join(dir, 'final.yaml');
    writeFileSync(yaml, stringifyYaml(final));
    const r = run('check', json, yaml);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${budget.unit.name} ${budget.year}年`);
    expect(r.stdout).toContain(`${final.unit.name} ${final.year}年`);
    expect(r.stdout).not.toContain('schemaVersion');
    expect(r.stdout.match(/错误 0 项/g)).toHaveLength(2);
  });

  it('a model whose 收支总表 total is changed: an error, exit 1', () => {
    const doc = structuredClone(budget);
    const summary = doc.tables.find((t) => t.id === 'income-expenditure-summary')!;
    const total = summary.rows.find((r) => r.kind === 'total' && r.cells.some((c) => c.amount))!;
    const cell = total.cells.find((c) => c.amount)!;
    const minor = cell.amount!.minor + 10 ** cell.amount!.scale * 100; // 100 more in the printed unit
    cell.amount = { ...cell.amount!, minor, text: formatExact({ minor, scale: cell.amount!.scale }) };
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = run('check', file, '--format', 'json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });

  it('a JSON file that is not a model: one line naming the file and the field, exit 2', () => {
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, kind: 'budget' }));
    const r = run('check', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('other.json');
    expect(r.stderr).toContain('不符合数据模型');
  });
});

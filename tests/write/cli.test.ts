// The writer's commands as a user runs them: sample, render (with its refusal; JSON, YAML and workbook input;
// prior-year figures from --previous), template.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { repoRoot, seedPath } from '../support/paths.js';
import { stringify as stringifyYaml } from 'yaml';
import { DisclosureSchema, type Disclosure, type Fact } from '../../src/model/schema.js';
import { generateSample } from '../../src/write/sample.js';
import { renderWorkbook } from '../../src/write/workbook.js';

const bin = resolve(repoRoot, 'bin/budgetdoc.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-writer-cli-'));

describe('budgetdoc sample', () => {
  it('writes N valid model files, the same for the same seed', () => {
    const a = join(dir, 'a'),
      b = join(dir, 'b');
    expect(run('sample', '--kind', 'mixed', '--count', '6', '--seed', '3', '--out', a).status).toBe(0);
    expect(run('sample', '--kind', 'mixed', '--count', '6', '--seed', '3', '--out', b).status).toBe(0);
    const files = readdirSync(a).sort();
    expect(files).toHaveLength(6);
    expect(files.filter((f) => f.includes('final_account'))).toHaveLength(3);
    for (const f of files) {
      const text = readFileSync(join(a, f), 'utf8');
      expect(text).toBe(readFileSync(join(b, f), 'utf8'));
      DisclosureSchema.parse(JSON.parse(text));
    }
  });

  it('writes the same files with worker threads (--jobs 2) as in one thread', () => {
    const one = join(dir, 'j1'),
      two = join(dir, 'j2');
    expect(
      run('sample', '--kind', 'final_account', '--count', '5', '--seed', '8', '--out', one, '--jobs', '1').status,
    ).toBe(0);
    expect(
      run('sample', '--kind', 'final_account', '--count', '5', '--seed', '8', '--out', two, '--jobs', '2').status,
    ).toBe(0);
    const files = readdirSync(one).sort();
    expect(readdirSync(two).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(two, f), 'utf8')).toBe(readFileSync(join(one, f), 'utf8'));
  });

  it('streams JSON lines to stdout with --out -', () => {
    const r = run('sample', '--count', '3', '--seed', '9', '--out', '-');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(JSON.parse(l).schemaVersion).toBe(1);
  });

  it('writes every line into a pipe that drains slower than it is filled', () => {
    // `| cat > file`: the pipe takes a large line in parts; the old writer lost the rest of each part
    const out = join(dir, 'piped.jsonl');
    const bin = resolve(repoRoot, 'bin/budgetdoc.js');
    const r = spawnSync('sh', ['-c', `node "${bin}" sample --count 60 --seed 9 --out - | cat > "${out}"`], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(60);
    for (const l of lines) expect(JSON.parse(l).schemaVersion).toBe(1);
  });

  it('refuses a bad count with one line and exit 2', () => {
    const r = run('sample', '--count', 'many', '--out', join(dir, 'x'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--count');
  });
});

describe('budgetdoc render', () => {
  it('renders a sample model in every format', () => {
    const out = join(dir, 'r');
    expect(run('sample', '--count', '1', '--seed', '11', '--out', out).status).toBe(0);
    const model = join(out, readdirSync(out)[0]);
    for (const to of ['html', 'md', 'docx', 'pdf', 'xlsx']) {
      const file = join(dir, `rendered.${to}`);
      const r = run('render', model, '--to', to, '--out', file);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
    }
    expect(readFileSync(join(dir, 'rendered.md'), 'utf8')).toMatch(/^# 示例/);
    // the auditor finds no error in what was rendered
    const check = run('check', join(dir, 'rendered.md'));
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/错误 0 项/);
  });

  it('refuses a document with audit errors (exit 1, findings listed, nothing written) unless --force', () => {
    const file = join(dir, 'seed000.html');
    const r = run('render', seedPath('000'), '--to', 'html', '--out', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/审核发现 \d+ 个错误/);
    expect(r.stderr).toMatch(/- \[[a-z-]+\] /);
    expect(existsSync(file)).toBe(false);
    const forced = run('render', seedPath('000'), '--to', 'html', '--out', file, '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('新疆巴州人民政府办公室');
  });

  it('applies the audit configuration as check does: an error re-graded to a warning no longer refuses', () => {
    const work = mkdtempSync(join(tmpdir(), 'budgetdoc-render-config-'));
    // seed 000 announces tables in its 目录 that its body lacks (toc-table-absent, an error by default)
    writeFileSync(
      join(work, 'budgetdoc.config.json'),
      JSON.stringify({ audit: { rules: { 'toc-table-absent': 'warning' } } }),
    );
    const r = spawnSync(
      process.execPath,
      [bin, 'render', seedPath('000'), '--to', 'md', '--out', join(work, 'out.md')],
      { encoding: 'utf8', cwd: work, timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(work, 'out.md'))).toBe(true);
  });

  it('names a model file that does not follow the schema in one line, exit 2', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, kind: 'budget' }));
    const r = run('render', bad, '--to', 'md', '--out', join(dir, 'bad.md'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.json');
    expect(existsSync(join(dir, 'bad.md'))).toBe(false);
  });
});

describe('budgetdoc template', () => {
  it('writes a blank workbook with the standard tables of the kind and no amounts', async () => {
    const file = join(dir, 'final.xlsx');
    expect(run('template', '--kind', 'final_account', '--out', file).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('基本信息');
    expect(names.some((n) => n.includes('收入支出决算总表'))).toBe(true);
    expect(names.some((n) => n.includes('三公'))).toBe(true);
    let numbers = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number') numbers++;
        }),
      );
    expect(numbers).toBe(0);
  });
});

describe('budgetdoc render: inputs', () => {
  const doc = generateSample({ kind: 'budget', seed: 'render-input', index: 3 });
  const json = join(dir, 'input.json');
  writeFileSync(json, JSON.stringify(doc));
  const expected = join(dir, 'input-json.md');

  beforeAll(() => {
    const r = run('render', json, '--to', 'md', '--out', expected);
    expect(r.status, r.stderr).toBe(0);
  });

  it('reads the model as YAML, by extension and by content, giving the same document as the JSON', () => {
    const yaml = join(dir, 'input.yaml');
    const bare = join(dir, 'input-yaml-without-extension');
    writeFileSync(yaml, stringifyYaml(doc));
    writeFileSync(bare, stringifyYaml(doc));
    for (const file of [yaml, bare]) {
      const out = `${file}.md`;
      const r = run('render', file, '--to', 'md', '--out', out);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(expected, 'utf8'));
    }
  });

  it('names a YAML file that is not valid YAML in one line, exit 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'schemaVersion: 1\nkind: [budget\n');
    const r = run('render', bad, '--to', 'md', '--out', join(dir, 'bad-yaml.md'));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad\.yaml 不是有效的 YAML/);
  });

  it('renders a filled input workbook, and names a bad cell by sheet and address (exit 2, nothing written)', async () => {
    const book = join(dir, 'input.xlsx');
    writeFileSync(book, await renderWorkbook(doc));
    const out = join(dir, 'input-xlsx.md');
    const r = run('render', book, '--to', 'md', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    for (const p of doc.projects) expect(md).toContain(`项目名称：${p.name}`);
    const item = doc.narrative.flatMap((s) => s.facts).find((f) => f.subject.kind === 'function' && f.reason)!;
    expect(md).toContain(`主要原因是：${item.reason!.text}`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet('项目')!.getCell('C5').value = '12,3x';
    const bad = join(dir, 'bad-input.xlsx');
    await wb.xlsx.writeFile(bad);
    const refused = run('render', bad, '--to', 'md', '--out', join(dir, 'bad-input.md'));
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe('budgetdoc: 项目!C5: 预算安排规模「12,3x」不是数字 — 请填写数字，如 12.30');
    expect(existsSync(join(dir, 'bad-input.md'))).toBe(false);
  });
});

/** The amount a statement had the year before: its amount less its change (the generator's own figures). */
function priorMinor(f: Fact): number {
  const c = f.change!;
  const delta = c.direction === 'flat' || !c.amount ? 0 : c.amount.minor * (c.direction === 'decrease' ? -1 : 1);
  return f.amount!.minor - delta;
}

/** Every statement that compares with the previous year: narrative facts, 三公 items, 机关运行经费. */
function comparing(d: Disclosure): Fact[] {
  // a generated sample shares the 机关运行经费 fact between its section and operatingCosts: each fact once
  return [
    ...new Set([
      ...d.narrative.flatMap((s) => s.facts),
      ...d.threePublic.items,
      ...(d.operatingCosts.fact ? [d.operatingCosts.fact] : []),
    ]),
  ].filter((f) => f.change);
}

/** The previous year's model of a sample: the year before, every compared statement at its prior-year amount. */
function previousYearOf(d: Disclosure): Disclosure {
  const prev = structuredClone(d);
  prev.year = d.year - 1;
  for (const f of comparing(prev)) {
    const minor = priorMinor(f);
    f.amount = { minor, scale: 2, unit: '万元', text: (minor / 100).toFixed(2) };
    delete f.change;
  }
  const s = prev.overview.staff;
  for (const [now, change] of [
    ['active', 'activeChange'],
    ['retired', 'retiredChange'],
    ['retiredBefore1949', 'retiredBefore1949Change'],
  ] as const) {
    s[now] = { ...s[now]!, value: s[now]!.value - s[change]!.value };
    delete s[change];
  }
  return prev;
}

/** The sample without its prior-year figures: no changes, no staff changes (the reasons stay). */
function withoutPriorYear(d: Disclosure): Disclosure {
  const out = structuredClone(d);
  for (const f of comparing(out)) delete f.change;
  const s = out.overview.staff;
  delete s.activeChange;
  delete s.retiredChange;
  delete s.retiredBefore1949Change;
  return out;
}

describe('budgetdoc render --previous', () => {
  it.each(['budget', 'final_account'] as const)(
    '%s: prior-year figures from the previous year give the changes and rates the sample states',
    (kind) => {
      const doc = generateSample({ kind, seed: 'previous', index: 1 });
      const full = join(dir, `prev-${kind}-full.json`),
        stripped = join(dir, `prev-${kind}-stripped.json`),
        prev = join(dir, `prev-${kind}-last-year.json`);
      writeFileSync(full, JSON.stringify(doc));
      writeFileSync(stripped, JSON.stringify(withoutPriorYear(doc)));
      writeFileSync(prev, JSON.stringify(previousYearOf(doc)));
      const outFull = join(dir, `prev-${kind}-full.md`),
        outStripped = join(dir, `prev-${kind}-stripped.md`),
        outFilled = join(dir, `prev-${kind}-filled.md`);
      for (const [input, out, extra] of [
        [full, outFull, []],
        [stripped, outStripped, ['--force']],
        [stripped, outFilled, ['--previous', prev]],
      ] as const) {
        const r = run('render', input, '--to', 'md', '--out', out, ...extra);
        expect(r.status, r.stderr).toBe(0);
        if (extra[0] === '--previous') expect(r.stderr).not.toContain('注意');
      }
      const filled = readFileSync(outFilled, 'utf8');
      const stated = comparing(doc).filter((f) => f.change!.direction !== 'flat');
      expect(stated.length).toBeGreaterThan(3);
      // the change amounts and rates the generator derived, e.g. "减少148.44万元，下降21.57%"
      for (const f of stated) {
        const clause = `${f.change!.word}${f.change!.amount!.text}万元${f.change!.percent ? `，${f.change!.rateWord}${f.change!.percent.text}` : ''}`;
        expect(filled, f.label).toContain(clause);
      }
      // without --previous the budget's 三公 items lack their changes, which the auditor reports (hence --force above)
      expect(readFileSync(outStripped, 'utf8')).not.toMatch(/比上年(预算|决算)?(增加|减少)\d/);
      expect(filled).toBe(readFileSync(outFull, 'utf8'));
    },
  );

  it("keeps the input's own prior-year figures, and warns when the previous file is not the unit's year before", () => {
    const doc = generateSample({ kind: 'budget', seed: 'previous', index: 2 });
    const other = previousYearOf(doc);
    other.year = doc.year;
    other.unit.name = '示例另一个单位';
    // last year's figures all differ from the ones the input's changes imply
    for (const f of [
      ...other.narrative.flatMap((s) => s.facts),
      ...other.threePublic.items,
      other.operatingCosts.fact!,
    ])
      f.amount = { minor: 1, scale: 2, unit: '万元', text: '0.01' };
    const input = join(dir, 'own.json'),
      prev = join(dir, 'own-prev.json');
    writeFileSync(input, JSON.stringify(doc));
    writeFileSync(prev, JSON.stringify(other));
    const a = join(dir, 'own.md'),
      b = join(dir, 'own-prev.md');
    expect(run('render', input, '--to', 'md', '--out', a).status).toBe(0);
    const r = run('render', input, '--to', 'md', '--out', b, '--previous', prev);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('示例另一个单位');
    expect(r.stderr).toContain(`的年度是 ${doc.year}，不是 ${doc.year - 1}`);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });
});

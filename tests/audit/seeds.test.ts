// The auditor on the four seeds: the real defects the issue names are reported where the seed text shows them, and
// rounding gaps (≤ half a unit of the last printed digit per figure) are never errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/index.js';
import { audit, RULES, type Finding } from '../../src/audit/index.js';
import type { Disclosure } from '../../src/model/schema.js';
import { parseDecimal } from '../../src/model/money.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const SEEDS = {
  '000': '000_6d5137b5af398648.txt',
  '001': '001_ba949e3fb87b641f.txt',
  '003': '003_783022c0c0399fdf.txt',
  '004': '004_9028ece1c81ee275.txt',
} as const;
type SeedId = keyof typeof SEEDS;

const text: Record<string, string[]> = {};
const docs: Record<string, Disclosure> = {};
const findings: Record<string, Finding[]> = {};

beforeAll(() => {
  for (const [id, file] of Object.entries(SEEDS)) {
    const source = readFileSync(path.join(seedsDir, file), 'utf8');
    text[id] = source.split('\n');
    docs[id] = parseText(source, { file });
    findings[id] = audit(docs[id]);
  }
});

/** The seed's own line (1-based), compacted, to check a finding against what is printed there. */
function line(seed: SeedId, n: number | undefined): string {
  expect(n, 'finding has a line').toBeDefined();
  return (text[seed][n! - 1] ?? '').replace(/\s+/g, '');
}

function byRule(seed: SeedId, rule: string): Finding[] {
  return findings[seed].filter((f) => f.rule === rule);
}

describe('Done-when defects are reported', () => {
  it('000: the tables listed in the 目录 but absent from the body (收入总体, 支出总体, 一般公共预算支出, 基本支出)', () => {
    const absent = byRule('000', 'toc-table-absent');
    const lines = absent.map((f) => line('000', f.location.line));
    for (const title of [
      '部门收入总体情况表',
      '部门支出总体情况表',
      '一般公共预算支出情况表',
      '一般公共预算基本支出情况表',
    ]) {
      expect(
        lines.some((l) => l.includes(title)),
        title,
      ).toBe(true);
    }
    // the tables the body does print are not reported
    expect(lines.some((l) => l.includes('部门收支总体情况表'))).toBe(false);
    expect(absent.every((f) => f.severity === 'error')).toBe(true);
  });

  it('001: the tables listed in the 目录 but absent (收入总体情况表, 项目支出情况表)', () => {
    const lines = byRule('001', 'toc-table-absent').map((f) => line('001', f.location.line));
    expect(lines.some((l) => l.includes('单位收入总体情况表'))).toBe(true);
    expect(lines.some((l) => l.includes('一般公共预算项目支出情况表'))).toBe(true);
    expect(lines).toHaveLength(2);
  });

  it('001: the unit name drifting between 乌尔禾区, 乌鲁木齐区 and 乌鲁木齐市', () => {
    const drift = byRule('001', 'unit-name');
    expect(drift.length).toBeGreaterThanOrEqual(3);
    const names = new Set(drift.map((f) => f.actual));
    expect([...names].some((n) => n?.includes('乌鲁木齐区'))).toBe(true);
    expect([...names].some((n) => n?.includes('乌鲁木齐市'))).toBe(true);
    for (const f of drift) {
      expect(f.severity).toBe('error');
      // the wrong name is printed on the line the finding points to (a project's 承担单位: within its entry)
      const span = f.location.section === '项目承担单位' ? 10 : 1;
      const printed = Array.from({ length: span }, (_, i) => line('001', f.location.line! + i)).join('');
      expect(printed).toContain(f.actual!.replace(/\s+/g, ''));
    }
    expect(drift.some((f) => f.location.section === '项目承担单位' && f.actual === '乌鲁木齐区人民政府办公室')).toBe(
      true,
    );
    // the abbreviation 乌尔禾区政府办公室 of the unit's own name is not a finding
    expect([...names].some((n) => n?.startsWith('乌尔禾区'))).toBe(false);
  });

  it('003: "2021年预算数" in a 2022 budget', () => {
    const year = byRule('003', 'fiscal-year');
    expect(year.length).toBeGreaterThanOrEqual(1);
    const f = year.find((x) => x.actual === '2021年')!;
    expect(f).toBeDefined();
    expect(f.severity).toBe('error');
    expect(line('003', f.location.line)).toContain('2021年预算数');
  });

  it('003: the code/name pair "234 抗疫特别国债还本支出"', () => {
    const pairs = byRule('003', 'classification-code').filter(
      (f) => f.actual?.replace(/\s+/g, '') === '234抗疫特别国债还本支出',
    );
    expect(pairs.length).toBeGreaterThanOrEqual(1);
    for (const f of pairs) {
      expect(f.severity).toBe('error');
      expect(f.expected).toContain('抗疫特别国债安排的支出');
      expect(line('003', f.location.line)).toContain('234抗疫特别国债还本支出');
    }
  });

  it('003: "收入预算包括:一般公共服务" (income described by a function class)', () => {
    const income = byRule('003', 'income-by-fund');
    expect(income).toHaveLength(1);
    expect(income[0].actual).toBe('一般公共服务');
    expect(line('003', income[0].location.line)).toContain('收入预算包括:一般公共服务');
  });

  it('003: "国有资金经营预算" instead of 国有资本', () => {
    const words = byRule('003', 'category-word');
    expect(words).toHaveLength(1);
    expect(line('003', words[0].location.line)).toContain('国有资金经营预算');
  });

  it('001: rates that do not follow from the change (16.7% for 60.08 on 388.35; 4.4% for 1.13 on 26.17)', () => {
    const rates = byRule('001', 'change-arithmetic');
    const printed = rates.map((f) => f.actual);
    expect(printed).toContain('16.7%');
    expect(printed).toContain('4.4%');
    for (const f of rates) expect(line('001', f.location.line)).toContain(f.actual!);
  });
});

describe('rounding is not an error', () => {
  it("003's 基本支出表 has 0.01 gaps (301 and 303 against their 款) and the auditor does not call them errors", () => {
    const table = docs['003'].tables.find((t) => t.id === 'general-budget-basic-expenditure')!;
    expect(table.status).toBe('present');
    const cents = (code: string) => {
      const row = table.rows.find((r) => r.classification?.code === code)!;
      const d = parseDecimal(row.cells.find((c) => c.column === 'total')!.amount!.text)!;
      return d.minor * 10 ** (2 - d.scale);
    };
    const childrenCents = (code: string) =>
      table.rows
        .filter((r) => r.classification && r.classification.code.length === 5 && r.classification.code.startsWith(code))
        .reduce((s, r) => {
          const d = parseDecimal(r.cells.find((c) => c.column === 'total')!.amount!.text)!;
          return s + d.minor * 10 ** (2 - d.scale);
        }, 0);
    // the gaps are really there in the printed figures (1089.40 vs 1089.39; 72.65 vs 72.64)
    expect(cents('301') - childrenCents('301')).toBe(1);
    expect(cents('303') - childrenCents('303')).toBe(1);
    const tableFindings = findings['003'].filter((f) => f.location.table?.includes('基本支出'));
    expect(tableFindings).toEqual([]);
  });

  it('no seed has an arithmetic or cross-table error whose gap is within n × half a unit of the last printed digit', () => {
    const arithmetic = new Set(
      RULES.filter((r) => r.meta.category === 'arithmetic' || r.meta.category === 'cross-table').map((r) => r.meta.id),
    );
    for (const seed of Object.keys(SEEDS) as SeedId[]) {
      for (const f of findings[seed]) {
        if (!arithmetic.has(f.rule) || f.severity !== 'error') continue;
        expect(f.tolerance, `${seed} ${f.message}`).toBeDefined();
        const expected = Number(f.expected!.replace(/[^\d.-]/g, ''));
        const actual = Number(f.actual!.replace(/[^\d.-]/g, ''));
        const tolerance = Number(f.tolerance!.replace(/[^\d.]/g, ''));
        expect(Math.abs(expected - actual), `${seed} ${f.message}`).toBeGreaterThan(tolerance);
      }
    }
  });

  it("004's function-class shares are adjusted to add up to 100% (其他支出 1.35% for 18.55 ÷ 1363.45 = 1.3605%): not an error", () => {
    const line99 = text['004'].findIndex((l) => /其他支出/.test(l) && /1\.35%/.test(l)) + 1;
    expect(line99).toBeGreaterThan(0);
    expect(findings['004'].filter((f) => f.location.line === line99)).toEqual([]);
  });

  it('every finding states the place it was found', () => {
    for (const seed of Object.keys(SEEDS) as SeedId[]) {
      for (const f of findings[seed]) {
        const p = f.location;
        expect(
          p.line !== undefined || p.section !== undefined || p.table !== undefined,
          `${seed} ${f.rule}: ${f.message}`,
        ).toBe(true);
        expect(f.message).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

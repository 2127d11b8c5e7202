// Provenance of narrative facts read from PDFs: each fact carries the page and box of the line its sentence starts on,
// also when its paragraph began on the previous page; text input keeps line/column only.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFile, parseText } from '../../src/extract/index.js';
import type { Disclosure, Fact } from '../../src/model/schema.js';
import { corpusPath } from './support.js';
import { seedPath } from '../support/paths.js';

function allFacts(d: Disclosure): Fact[] {
  return [
    ...d.narrative.flatMap((s) => s.facts),
    ...d.threePublic.items,
    ...(d.operatingCosts.fact ? [d.operatingCosts.fact] : []),
  ];
}

function factWith(d: Disclosure, label: RegExp, amount: string): Fact {
  const f = allFacts(d).find((x) => label.test(x.label) && x.amount?.text === amount);
  if (!f) throw new Error(`no fact ${label} ${amount}`);
  return f;
}

/**
 * The fact's box covers the printed line whose top and bottom (PDF points from the top of the page) were read with
 * poppler's `pdftotext -bbox-layout` on that page; 3 pt of slack between the two readers' font metrics.
 */
function expectLine(f: Fact, page: number, top: number, bottom: number): void {
  expect(f.at.page).toBe(page);
  const box = f.at.box!;
  expect(box).toBeDefined();
  expect(box[1]).toBeGreaterThan(top - 3);
  expect(box[1]).toBeLessThan(top + 3);
  expect(box[3]).toBeGreaterThan(bottom - 3);
  expect(box[0]).toBeLessThan(box[2]);
}

describe('narrative facts from a PDF carry page and box', () => {
  let d032: Disclosure;
  let d021: Disclosure;
  beforeAll(async () => {
    [d032, d021] = await Promise.all([parseFile(corpusPath('032.pdf')), parseFile(corpusPath('021.pdf'))]);
  }, 60_000);

  it('032: a paragraph starting at the foot of page 23 (printed page 21) and running onto page 24', () => {
    // p23, last text line: "国家信访局 2024 年度财政拨款基本支出 10234.37 万元，其" (y 749.8–766.1)
    expectLine(factWith(d032, /财政拨款基本支出/, '10234.37'), 23, 749.8, 766.1);
    // p24, first line: "中：人员经费 7967.72 万元，主要包括：…" (y 67.8–84.1): same paragraph, next page
    expectLine(factWith(d032, /^人员经费$/, '7967.72'), 24, 67.8, 84.1);
    // p24, sixth line: "他对个人和家庭的补助支出；公用经费 2266.65 万元，主要包括："
    expect(factWith(d032, /^公用经费$/, '2266.65').at.page).toBe(24);
  });

  it('021: facts on the pages where their sentences are printed', () => {
    // p23: "苏州市审计局2026年度收入、支出预算总计4,651.67万元" (y 174.7–190.7)
    expectLine(factWith(d021, /收入、支出预算总计/, '4,651.67'), 23, 174.7, 190.7);
    // p25: "基本支出4,312.17万元，占92.7%" (y 549.0–565.0)
    expectLine(factWith(d021, /^基本支出$/, '4,312.17'), 25, 549.0, 565.0);
    // p29: "…0%；公务接待费支出10万元，占“三公”经费的100%" (y 237.2–253.2), a 三公 item
    const reception = d021.threePublic.items.find((x) => /公务接待费支出$/.test(x.label) && x.amount?.text === '10');
    expect(reception).toBeDefined();
    expectLine(reception!, 29, 237.2, 253.2);
  });

  it('032: performance self-evaluation tables carry the page of their 项目名称 row', () => {
    // pages where pdftotext shows "<project>项目绩效自评表" and its 项目名称 row
    const pages = Object.fromEntries(d032.performance.selfEvaluations.map((e) => [e.project, e.at.page]));
    expect(pages).toEqual({ 信访干部培训专项: 30, 信访研究宣传立法专项: 32, 资产运行维护: 34, 信息化运行维护: 35 });
    for (const e of d032.performance.selfEvaluations) expect(e.at.box).toHaveLength(4);
  });

  it('every fact of both PDFs has a page and a box', () => {
    for (const d of [d021, d032]) {
      const facts = allFacts(d);
      expect(facts.length).toBeGreaterThan(30);
      for (const f of facts) {
        expect(f.at.page, f.text).toBeGreaterThan(0);
        expect(f.at.box, f.text).toHaveLength(4);
      }
    }
  });
});

describe('text input keeps line and column only', () => {
  it('a seed text: facts have lines, no page or box', () => {
    const file = seedPath('000');
    const d = parseText(readFileSync(file, 'utf8'), { file });
    const facts = allFacts(d);
    expect(facts.length).toBeGreaterThan(10);
    for (const f of facts) {
      expect(f.at.line).toBeGreaterThan(0);
      expect('page' in f.at).toBe(false);
      expect('box' in f.at).toBe(false);
    }
  });
});

// Search terms: which pieces of Chinese text are indexed and what a query word looks up.
import { describe, expect, it } from 'vitest';
import { MAX_GRAM, MAX_PHRASE, queryTerms, searchTerms } from './rows.js';

describe('searchTerms', () => {
  it('indexes every run of one to six Chinese characters, longer runs from each position, and Latin words', () => {
    expect(MAX_GRAM).toBe(6);
    expect(MAX_PHRASE).toBe(16);
    const terms = searchTerms('一般公共服务支出,ABC 12');
    for (const t of ['一', '出', '一般', '支出', '一般公共服务', '般公共服务支', '公共服务支出', 'abc', '12'])
      expect(terms).toContain(t);
    // where more than six characters follow: the rest of the run (up to MAX_PHRASE characters)
    expect(terms).toContain('一般公共服务支出');
    expect(terms).toContain('般公共服务支出');
    // 8 characters: 8 + 7 + 6 + 5 + 4 + 3 pieces, 2 longer ones, and two Latin words
    expect(terms).toHaveLength(37);
    expect(terms).not.toContain('一般公共服务支');
  });

  it('cuts the longer terms at MAX_PHRASE characters', () => {
    const run = '一二三四五六七八九十甲乙丙丁戊己庚辛';
    const long = searchTerms(run).filter((t) => t.length > MAX_GRAM);
    expect(long).toContain('一二三四五六七八九十甲乙丙丁戊己');
    expect(long).toContain('四五六七八九十甲乙丙丁戊己庚辛');
    expect(long.every((t) => t.length <= MAX_PHRASE)).toBe(true);
    // from each of the 12 positions followed by more than six characters
    expect(long).toHaveLength(run.length - MAX_GRAM);
  });

  it('does not join runs separated by punctuation', () => {
    expect(searchTerms('审计，监督')).not.toContain('计监');
  });
});

describe('queryTerms', () => {
  it('looks up a Chinese word of up to six characters as one exact term', () => {
    expect(queryTerms('一般公共服务')).toEqual({ terms: ['一般公共服务'], prefixes: [], exact: true });
    expect(queryTerms('费')).toEqual({ terms: ['费'], prefixes: [], exact: true });
    expect(queryTerms('ABC')).toEqual({ terms: ['abc'], prefixes: [], exact: true });
  });

  it('looks up a Chinese word of seven to MAX_PHRASE characters as the prefix of terms, exactly', () => {
    expect(queryTerms('社会保障和就业')).toEqual({ terms: [], prefixes: ['社会保障和就业'], exact: true });
    expect(queryTerms('公务用车运行维护费')).toEqual({ terms: [], prefixes: ['公务用车运行维护费'], exact: true });
  });

  it('asks for the text to confirm still longer and mixed words', () => {
    const long = '一二三四五六七八九十甲乙丙丁戊己庚辛';
    const { terms, prefixes, exact } = queryTerms(long);
    expect(terms).toEqual([]);
    expect(prefixes).toContain('一二三四五六七八九十甲乙丙丁戊己');
    expect(prefixes).toContain('三四五六七八九十甲乙丙丁戊己庚辛');
    expect(exact).toBe(false);
    expect(queryTerms('2024年')).toEqual({ terms: ['2024', '年'], prefixes: [], exact: false });
    expect(queryTerms('——')).toEqual({ terms: [], prefixes: [], exact: false });
  });
});

describe('factRows', () => {
  it('makes rows with exactly the facts table columns of the DDL, less the document id and year', async () => {
    const { DDL } = await import('./schema.js');
    const { factRows } = await import('./rows.js');
    const { generateSample } = await import('../write/sample.js');
    const ddl = DDL.find((s) => /create table if not exists facts \(/.test(s))!;
    const columns = [...ddl.matchAll(/^\s+(\w+) (?:integer|text|boolean|numeric)/gm)].map((m) => m[1]);
    const rows = factRows(generateSample({ kind: 'budget', seed: 1, index: 0 }));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]).sort()).toEqual(columns.filter((c) => c !== 'document_id' && c !== 'year').sort());
  });
});

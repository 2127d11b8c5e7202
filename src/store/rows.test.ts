// Search terms: which pieces of Chinese text are indexed and what a query word looks up.
import { describe, expect, it } from 'vitest';
import { MAX_GRAM, queryTerms, searchTerms } from './rows.js';

describe('searchTerms', () => {
  it('indexes every run of one to six Chinese characters and Latin words', () => {
    expect(MAX_GRAM).toBe(6);
    const terms = searchTerms('一般公共服务支出,ABC 12');
    for (const t of ['一', '出', '一般', '支出', '一般公共服务', '般公共服务支', '公共服务支出', 'abc', '12']) expect(terms).toContain(t);
    // 8 characters: 8 + 7 + 6 + 5 + 4 + 3 pieces, and two Latin words
    expect(terms).toHaveLength(35);
    expect(terms).not.toContain('一般公共服务支');
  });

  it('does not join runs separated by punctuation', () => {
    expect(searchTerms('审计，监督')).not.toContain('计监');
  });
});

describe('queryTerms', () => {
  it('looks up a Chinese word of up to six characters as one exact term', () => {
    expect(queryTerms('一般公共服务')).toEqual({ terms: ['一般公共服务'], exact: true });
    expect(queryTerms('费')).toEqual({ terms: ['费'], exact: true });
    expect(queryTerms('ABC')).toEqual({ terms: ['abc'], exact: true });
  });

  it('asks for the text to confirm longer and mixed words', () => {
    expect(queryTerms('社会保障和就业')).toEqual({ terms: ['社会保障和就', '会保障和就业'], exact: false });
    expect(queryTerms('2024年')).toEqual({ terms: ['2024', '年'], exact: false });
    expect(queryTerms('——')).toEqual({ terms: [], exact: false });
  });
});

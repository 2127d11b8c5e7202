// Search terms: which pieces of Chinese text are indexed and what a query word looks up.
import { describe, expect, it } from 'vitest';
import { queryTerms, searchTerms } from './rows.js';

describe('searchTerms', () => {
  it('indexes every run of one to four Chinese characters and Latin words', () => {
    const terms = searchTerms('审计监督,ABC 12');
    for (const t of ['审', '计', '监', '督', '审计', '计监', '监督', '审计监', '计监督', '审计监督', 'abc', '12']) expect(terms).toContain(t);
    expect(terms).toHaveLength(12);
  });

  it('does not join runs separated by punctuation', () => {
    expect(searchTerms('审计，监督')).not.toContain('计监');
  });
});

describe('queryTerms', () => {
  it('looks up a short Chinese word as one exact term', () => {
    expect(queryTerms('人员经费')).toEqual({ terms: ['人员经费'], exact: true });
    expect(queryTerms('费')).toEqual({ terms: ['费'], exact: true });
    expect(queryTerms('ABC')).toEqual({ terms: ['abc'], exact: true });
  });

  it('asks for the text to confirm longer and mixed words', () => {
    expect(queryTerms('一般公共服务')).toEqual({ terms: ['一般公共', '般公共服', '公共服务'], exact: false });
    expect(queryTerms('2024年')).toEqual({ terms: ['2024', '年'], exact: false });
    expect(queryTerms('——')).toEqual({ terms: [], exact: false });
  });
});

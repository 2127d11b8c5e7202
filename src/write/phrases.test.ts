// The writer's arithmetic and wording against figures printed in seed 000 (read from the document).
import { describe, expect, it } from 'vitest';
import { amount, rateMinor, roundDiv, shareMinor, text2 } from './numbers.js';
import { changeClause, chineseNumber, makeChange, varianceMinor } from './phrases.js';

describe('numbers', () => {
  it('rounds half away from zero', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(4, 3)).toBe(1);
    expect(roundDiv(-4, 3)).toBe(-1);
  });

  it('recomputes the shares and rates seed 000 prints', () => {
    // 一般公共服务支出（类）1901.34 万元，占 77.89% of 2441
    expect(shareMinor(190134, 244100)).toBe(7789);
    // 一般公共预算 2441 万元 … 增加 78.28 万元，增长 3.31%
    expect(rateMinor(244100, 7828)).toBe(331);
    // 基本支出 2014 万元 … 减少 9.17 万元，下降 0.45%
    expect(rateMinor(201400, -917)).toBe(-45);
    // 项目支出 427 万元 … 增加 87.45 万元，增长 25.75%
    expect(rateMinor(42700, 8745)).toBe(2575);
    // a new item (previous year 0) has no rate
    expect(rateMinor(1000, 1000)).toBeNull();
  });

  it('prints two decimals exactly', () => {
    expect(text2(244100)).toBe('2441.00');
    expect(text2(5)).toBe('0.05');
    expect(text2(-917)).toBe('-9.17');
    expect(amount(42700)).toEqual({ minor: 42700, scale: 2, unit: '万元', text: '427.00' });
  });
});

describe('phrases', () => {
  it('words a change from the figures', () => {
    expect(changeClause(makeChange(244100, 244100 - 7828, '上年预算'))).toBe('比上年预算增加78.28万元，增长3.31%');
    expect(changeClause(makeChange(201400, 201400 + 917, '上年预算'))).toBe('比上年预算减少9.17万元，下降0.45%');
    // no change, as the templates print it
    expect(changeClause(makeChange(10000, 10000, '上年'))).toBe('比上年增加0.00万元，增长0.00%');
    expect(changeClause(makeChange(0, 0, '上年'))).toBe('比上年增加0.00万元');
  });

  it('computes 预决算差异率 = (决算 − 预算) / 预算 (seed 004: 1206.34 → 1363.45 is 13.02%)', () => {
    expect(varianceMinor(136345, 120634)).toBe(1302);
    expect(varianceMinor(499, 500)).toBe(-20);
    expect(varianceMinor(100, 0)).toBeNull();
  });

  it('numbers sections in Chinese', () => {
    expect([1, 9, 10, 11, 20, 21].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十一']);
  });
});

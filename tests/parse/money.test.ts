import { describe, expect, it } from 'vitest';
import {
  diffExact,
  formatExact,
  makeAmount,
  parseDecimal,
  roundingTolerance,
  sumExact,
  toJsonNumber,
} from '../../src/model/money.js';

describe('exact money from printed decimals', () => {
  it.each([
    ['2441.00', 244100, 2],
    ['2441', 2441, 0],
    ['1, 089. 40', 108940, 2],
    ['1346. 16', 134616, 2],
    ['29 5', 295, 0],
    ['1,488.29', 148829, 2],
    ['-0.20', -20, 2],
    ['０.５', 5, 1],
  ])('%s → %i × 10^-%i', (text, minor, scale) => {
    expect(parseDecimal(text)).toEqual({ minor, scale });
  });

  it.each(['', '—', 'abc', '1.2.3', '12万'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('keeps the published unit, precision and text', () => {
    expect(makeAmount('389.5', '万元')).toEqual({ minor: 3895, scale: 1, unit: '万元', text: '389.5' });
  });

  it('adds across precisions without floats', () => {
    // 0.1 + 0.2 in binary floats is 0.30000000000000004
    expect(
      formatExact(
        sumExact([
          { minor: 1, scale: 1 },
          { minor: 2, scale: 1 },
        ]),
      ),
    ).toBe('0.3');
    expect(
      formatExact(
        sumExact([
          { minor: 2441, scale: 0 },
          { minor: 1, scale: 2 },
        ]),
      ),
    ).toBe('2441.01');
    expect(formatExact(diffExact({ minor: 2014, scale: 0 }, { minor: 201400, scale: 2 }))).toBe('0.00');
    expect(toJsonNumber({ minor: 190134, scale: 2 })).toBe(1901.34);
  });

  it('derives rounding tolerance from printed precision', () => {
    // three figures printed to 0.01 compared at 0.01: each may be off by 0.005
    expect(roundingTolerance([2, 2, 2], 2)).toBe(1.5);
    // a figure printed in whole 万元 compared at 0.01 may be off by 0.5 万元 = 50 units
    expect(roundingTolerance([0], 2)).toBe(50);
  });
});

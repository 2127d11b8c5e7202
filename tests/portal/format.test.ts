// The portal's number formatter: rounding on exact decimals, units, signs and the absent mark.
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatPercent,
  formatPercentChange,
  formatPerHead,
  formatWan,
  formatWanUnit,
} from '../../src/web/format.js';

describe('number formatter', () => {
  it('prints 万元 with two decimals, rounding half away from zero on the exact decimal', () => {
    expect(formatWan('2441')).toBe('2441.00');
    expect(formatWan(13733.8)).toBe('13733.80');
    expect(formatWan(0.2)).toBe('0.20');
    expect(formatWan('1.005')).toBe('1.01'); // 1.005 as a double is 1.00499…: the decimal text decides
    expect(formatWan(1.005)).toBe('1.01');
    expect(formatWan('-2.345')).toBe('-2.35');
    expect(formatWan('-0.001')).toBe('0.00');
    expect(formatWanUnit('98')).toBe('98.00 万元');
  });
  it('prints per-head amounts in 元 per person', () => {
    expect(formatPerHead('12.6477')).toBe('126477 元/人');
    expect(formatPerHead('0.00005')).toBe('1 元/人');
  });
  it('prints percentages and signed changes with two decimals', () => {
    expect(formatPercent('1850')).toBe('1850.00%');
    expect(formatPercent('99.995')).toBe('100.00%');
    expect(formatChange('12.3')).toBe('+12.30');
    expect(formatChange('-4')).toBe('-4.00');
    expect(formatChange('0')).toBe('0.00');
    expect(formatPercentChange('-3.456')).toBe('-3.46%');
  });
  it('prints — for what is absent', () => {
    for (const f of [formatWan, formatWanUnit, formatPerHead, formatPercent, formatChange, formatPercentChange]) {
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
      expect(f('')).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
  });
});

// The 三公 names agree with the glossary (the standard term or one of its printed forms, full- and half-width alike;
// the total is the glossary's threePublic)
// and each item's economic 款 is one the economic classification lists under a name of the same spending.
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary.js';
import { lookupEconomic } from './codes.js';
import { THREE_PUBLIC_ECONOMIC_CODE, THREE_PUBLIC_ITEM_KEYS, THREE_PUBLIC_NAME } from './three-public.js';

const fold = (s: string) => s.normalize('NFKC').replace(/费用$/, '费');

describe('三公 items', () => {
  it('are named as the glossary names them', () => {
    for (const [key, name] of Object.entries(THREE_PUBLIC_NAME)) {
      const entry = GLOSSARY.find((g) => g.id === (key === 'total' ? 'threePublic' : key));
      expect(entry, key).toBeDefined();
      expect([entry!.zh, ...(entry!.variants ?? [])].map(fold), key).toContain(fold(name));
    }
  });

  it('link each item to an economic 款 of the same spending', () => {
    expect(Object.keys(THREE_PUBLIC_ECONOMIC_CODE).sort()).toEqual([...THREE_PUBLIC_ITEM_KEYS].sort());
    const words = {
      overseas: '出国',
      reception: '接待',
      vehicleOperation: '公务用车运行',
      vehiclePurchase: '公务用车购置',
    };
    for (const [key, code] of Object.entries(THREE_PUBLIC_ECONOMIC_CODE)) {
      const entry = lookupEconomic(code);
      expect(entry?.name, code).toContain(words[key as keyof typeof words]);
    }
  });
});

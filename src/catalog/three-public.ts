// The 三公 items, declared once: each item's key (the 三公 table's column and Subject.key), its standard name and
// the economic 款 that books the same spending. The auditor's messages, the input workbook's rows and the portal's
// chart all name the items with these words.
import type { ColumnKey } from './keys.js';

/** the 三公 keys: the total, the four items and the 车辆 subtotal some templates print */
export type ThreePublicKey = Extract<
  ColumnKey,
  'total' | 'overseas' | 'vehicle' | 'vehiclePurchase' | 'vehicleOperation' | 'reception'
>;
/** the four items a 三公 total is the sum of, in the order documents state them */
export type ThreePublicItem = Exclude<ThreePublicKey, 'total' | 'vehicle'>;

export const THREE_PUBLIC_ITEM_KEYS: readonly ThreePublicItem[] = [
  'overseas',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
];

/** the standard names (the parentheses as the auditor has always printed them) */
export const THREE_PUBLIC_NAME: Readonly<Record<ThreePublicKey, string>> = {
  total: '“三公”经费',
  overseas: '因公出国(境)费',
  vehicle: '公务用车购置及运行费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行费',
  reception: '公务接待费',
};

/** the economic 款 (部门预算支出经济分类) that books each item's spending */
export const THREE_PUBLIC_ECONOMIC_CODE: Readonly<Record<ThreePublicItem, string>> = {
  overseas: '30212',
  reception: '30217',
  vehicleOperation: '30231',
  vehiclePurchase: '31013',
};

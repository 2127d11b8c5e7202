// The parts every disclosure has (财预〔2016〕143号, 财预〔2021〕29号) and the titles templates print them under, as data:
// the completeness rules and the reader's outline recognise a part by any of its names.

export type RequiredPartId = 'overview' | 'tables' | 'explanation' | 'glossary';

export interface PartName {
  id: RequiredPartId;
  /** the standard name, as findings print it */
  name: string;
  /** title words that name the part (matched after removing spaces) */
  match: RegExp;
}

export const REQUIRED_PARTS: PartName[] = [
  // 概况; 上海 一、部门主要职能 / 二、机构设置; 重庆 一、单位基本情况; 北京 一、部门情况说明; 主要职责 / 职能职责
  {
    id: 'overview',
    name: '概况',
    match: /概况|主要职能|机构设置|基本情况|部门职责|主要职责|职能职责|^(?:部门|单位)情况说明$/,
  },
  { id: 'tables', name: '公开表', match: /公开表|报表|预算表|决算表/ },
  { id: 'explanation', name: '情况说明', match: /说明|(预算|决算)情况$/ },
  { id: 'glossary', name: '名词解释', match: /名词解释/ },
];

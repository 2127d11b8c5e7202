// The fixed-form statements of the explanations: project descriptions, 三公 counts, 机关运行经费 unit counts,
// 政府采购, 国有资产占用 and the 预算绩效 summary.
import { makeAmount } from '../../model/money.js';
import type { Amount, Count, Disclosure, Fact, Place, Project } from '../../model/schema.js';
import { NUMBER, tidy } from '../text-utils.js';
import { type Paragraph, placeOf, withoutOrdinal } from './segment.js';

const N = `(?:${NUMBER})`;
// patterns compiled once (a RegExp built per call is never optimised by the engine)
const MONEY_IN_VALUE = new RegExp(`(${N})\\s*(万元|元|万)`);
const FIXED_ASSETS = new RegExp(`固定资产(?:原值|总额|价值)\\s*(?:为)?\\s*(${N})\\s*(万元|元)`);
const BUILDINGS = new RegExp(`房屋\\s*(${N})\\s*平方米(?:\\s*[，,]?\\s*价值\\s*(${N})\\s*(万元|元))?`);
const VEHICLES = new RegExp(`车辆\\s*(\\d+)\\s*[辆台](?:\\s*[，,]?\\s*价值\\s*(${N})\\s*(万元|元))?`);
const FURNITURE = new RegExp(`(?:办公)?家具(?:价值)?\\s*(${N})\\s*(万元|元)`);
/** one vehicle category after 其中: "越野车 2 辆，价值 40 万元" (matchAll copies it, so one instance serves) */
const VEHICLE_ITEM = new RegExp(
  `([^\\s\\d，,；;：:、。]+?)\\s*(\\d+)\\s*辆(?:\\s*[，,]?\\s*价值\\s*(${N})\\s*(万元|元))?`,
  'g',
);
const OTHER_ASSETS = new RegExp(`其他资产(?:价值)?\\s*(${N})\\s*(万元|元)`);
const PERFORMANCE_AMOUNT = new RegExp(`涉及(?:预算)?金额\\s*(${N})\\s*(万元|元)`);
const PERFORMANCE_BUDGET = new RegExp(`全年预算数\\s*(?:为)?\\s*(${N})\\s*(万元|元)`);
const PERFORMANCE_EXECUTED = new RegExp(`全年执行数\\s*(?:为)?\\s*(${N})\\s*(万元|元)`);

function count(value: string, unit: string, text: string, at?: Place): Count {
  const c: Count = { value: Number(value), unit, text: tidy(text) };
  if (at) c.at = at;
  return c;
}

function amount(text: string, unit: string, at: Place): Amount | undefined {
  return makeAmount(text, unit === '元' ? '元' : '万元', at) ?? undefined;
}

const PROJECT_FIELDS: Array<[RegExp, keyof Project | 'name']> = [
  [/项目名称/, 'name'],
  [/(?:设立的)?政策依据/, 'policyBasis'],
  [/预算安排规模/, 'amount'],
  [/项目承担单位/, 'responsibleUnit'],
  [/资金分配情况/, 'allocation'],
  [/资金执行时间/, 'period'],
];
const FIELD_LABEL = /(项目名称|设立的政策依据|政策依据|预算安排规模|项目承担单位|资金分配情况|资金执行时间)\s*[:：]/g;

/** 项目名称 / 设立的政策依据 / 预算安排规模 / 项目承担单位 / 资金分配情况 / 资金执行时间 blocks → projects. */
export function readProjects(paragraphs: Paragraph[]): Project[] {
  const projects: Project[] = [];
  let current: Project | undefined;
  for (const p of paragraphs) {
    // the converter may have joined several fields into one paragraph: cut at every field label
    const text = withoutOrdinal(p.text);
    const shift = p.text.length - text.length;
    const marks = [...text.matchAll(FIELD_LABEL)];
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i];
      const value = text
        .slice((m.index ?? 0) + m[0].length, i + 1 < marks.length ? marks[i + 1].index : text.length)
        .trim()
        .replace(/^\d{1,2}\s*[、.．](?!\d)\s*$/, '')
        .replace(/\s*\d{1,2}\s*[、.．]\s*$/, '')
        .replace(/[。；;，,]+$/, '')
        .trim();
      const field = PROJECT_FIELDS.find(([re]) => re.test(m[1]))![1];
      const valueAt = placeOf(p, shift + (m.index ?? 0) + m[0].length);
      if (field === 'name') {
        current = { name: value, at: placeOf(p, shift + (m.index ?? 0)) };
        projects.push(current);
        continue;
      }
      if (!current || !value) continue;
      if (field === 'amount') {
        const money = MONEY_IN_VALUE.exec(value);
        const a = money ? amount(money[1], money[2] === '元' ? '元' : '万元', valueAt) : undefined;
        if (a) current.amount = a;
      } else if (
        field === 'policyBasis' ||
        field === 'responsibleUnit' ||
        field === 'allocation' ||
        field === 'period'
      ) {
        current[field] = value;
      }
    }
  }
  return projects;
}

/** 决算 三公 counts: 团组/人次, 购置数/保有量, 批次/人次. */
export function readThreePublicCounts(paragraphs: Paragraph[]): Omit<Disclosure['threePublic'], 'items'> {
  const out: Omit<Disclosure['threePublic'], 'items'> = {};
  for (const p of paragraphs) {
    const t = p.text;
    let m: RegExpExecArray | null;
    if (!out.overseasGroups && (m = /团组\s*(\d+)\s*个/.exec(t)))
      out.overseasGroups = count(m[1], '个', m[0], placeOf(p, m.index));
    if (!out.overseasPeople && (m = /因公出国[(（]境[)）](?:人员)?\s*(\d+)\s*人次/.exec(t)))
      out.overseasPeople = count(m[1], '人次', m[0], placeOf(p, m.index));
    if (!out.vehiclesPurchased && (m = /购置数\s*(?:为)?\s*(\d+)\s*辆/.exec(t)))
      out.vehiclesPurchased = count(m[1], '辆', m[0], placeOf(p, m.index));
    if (!out.vehiclesHeld && (m = /保有量\s*(?:为)?\s*(\d+)\s*辆/.exec(t)))
      out.vehiclesHeld = count(m[1], '辆', m[0], placeOf(p, m.index));
    if (!out.receptionBatches && (m = /接待\s*(\d+)\s*批次/.exec(t)))
      out.receptionBatches = count(m[1], '批次', m[0], placeOf(p, m.index));
    if (!out.receptionPeople && (m = /批次\s*[，,、]?\s*(?:共)?\s*(?:接待)?\s*(\d+)\s*人次/.exec(t)))
      out.receptionPeople = count(m[1], '人次', m[0], placeOf(p, m.index));
  }
  return out;
}

/** "本级及下属 1 家行政单位和 5 家事业单位" → the two counts as printed. */
export function readOperatingUnits(paragraphs: Paragraph[]): Omit<Disclosure['operatingCosts'], 'fact'> {
  const out: Omit<Disclosure['operatingCosts'], 'fact'> = {};
  for (const p of paragraphs) {
    const a = /(\d+)\s*家行政单位/.exec(p.text);
    const b = /(\d+)\s*家事业单位/.exec(p.text);
    if (a && !out.administrativeUnits) out.administrativeUnits = count(a[1], '家', a[0], placeOf(p, a.index));
    if (b && !out.institutionUnits) out.institutionUnits = count(b[1], '家', b[0], placeOf(p, b.index));
  }
  return out;
}

/** 政府采购 from the facts of its subsection (subject procurement, keyed total/goods/works/services/sme/smallMicro). */
export function procurementOf(facts: Fact[]): Disclosure['procurement'] {
  const out: Disclosure['procurement'] = {};
  for (const f of facts) {
    if (f.subject.kind !== 'procurement' || !f.amount) continue;
    const key = f.subject.key;
    if (key === 'total' && !out.total) out.total = f.amount;
    else if (key === 'goods' && !out.goods) out.goods = f.amount;
    else if (key === 'works' && !out.works) out.works = f.amount;
    else if (key === 'services' && !out.services) out.services = f.amount;
    else if (key === 'sme' && !out.sme) {
      out.sme = f.amount;
      if (f.share) out.smeShare = f.share;
      if (/授予/.test(f.label)) out.smeBasis = 'awarded';
      else if (/预留/.test(f.label)) out.smeBasis = 'reserved';
    } else if (key === 'smallMicro' && !out.smallMicro) {
      out.smallMicro = f.amount;
      if (f.share) out.smallMicroShare = f.share;
      if (!out.smeBasis && /授予/.test(f.label)) out.smeBasis = 'awarded';
      else if (!out.smeBasis && /预留/.test(f.label)) out.smeBasis = 'reserved';
    }
    out.at ??= f.at;
  }
  return out;
}

/** 国有资产占用: as-of date, 固定资产原值, 房屋, 车辆 (with categories), 家具, 其他资产, 50万/100万 equipment. */
export function readAssets(paragraphs: Paragraph[]): Disclosure['assets'] {
  const out: Disclosure['assets'] = { vehicleCategories: [] };
  for (const p of paragraphs) {
    const t = p.text;
    const at = p.at;
    let m: RegExpExecArray | null;
    if (!out.asOf && (m = /截[至止]\s*(\d{4}\s*年\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日|年?底|年?末))/.exec(t))) {
      out.asOf = m[1].replace(/\s+/g, '');
      out.at ??= at;
    }
    if (!out.fixedAssetsValue && (m = FIXED_ASSETS.exec(t))) {
      out.fixedAssetsValue = amount(m[1], m[2], at);
    }
    if (!out.buildingArea && (m = BUILDINGS.exec(t))) {
      out.buildingArea = count(m[1].replace(/\s/g, ''), '平方米', `${m[1]}平方米`, at);
      if (m[2]) out.buildingValue = amount(m[2], m[3], at);
    }
    if (!out.vehicles && (m = VEHICLES.exec(t))) {
      out.vehicles = count(m[1], '辆', `${m[1]}辆`, at);
      if (m[2]) out.vehiclesValue = amount(m[2], m[3], at);
      const rest = t.slice((m.index ?? 0) + m[0].length);
      const among = /其中\s*[:：]?/.exec(rest);
      if (among) {
        const list = rest.slice((among.index ?? 0) + among[0].length);
        for (const c of list.matchAll(VEHICLE_ITEM)) {
          const name = c[1].replace(/^(?:其中|以及|和)/, '');
          if (/保有|购置/.test(name)) continue;
          const value = c[3] ? amount(c[3], c[4], at) : undefined;
          const category: (typeof out.vehicleCategories)[number] = { name, count: count(c[2], '辆', `${c[2]}辆`, at) };
          if (value) category.value = value;
          out.vehicleCategories.push(category);
        }
      }
    }
    // "无车辆" / "没有公务用车" states a count of none
    if (!out.vehicles && (m = /(?:无|没有)(?:公务用?)?车辆?(?![购运])/.exec(t)) && /车/.test(m[0])) {
      out.vehicles = count('0', '辆', m[0], at);
      out.at ??= at;
    }
    if (!out.furnitureValue && (m = FURNITURE.exec(t))) out.furnitureValue = amount(m[1], m[2], at);
    if (!out.otherAssetsValue && (m = OTHER_ASSETS.exec(t))) out.otherAssetsValue = amount(m[1], m[2], at);
    // holdings only: the sentence on planned purchases (安排购置…) repeats the pattern
    if (/安排购置|拟购置/.test(t)) continue;
    if (
      !out.equipmentOver50 &&
      (m =
        /50\s*万元(?:（含）|\(含\))?以上的?(?:大型)?(?:专用)?设备[^0-9]{0,10}?(\d+)\s*(台\s*[（(]\s*套\s*[)）]|台|套)/.exec(
          t,
        ))
    ) {
      out.equipmentOver50 = count(m[1], m[2].replace(/\s/g, ''), m[0], at);
    }
    if (
      !out.equipmentOver100 &&
      (m =
        /100\s*万元(?:（含）|\(含\))?以上的?(?:大型)?(?:专用)?设备[^0-9]{0,10}?(\d+)\s*(台\s*[（(]\s*套\s*[)）]|台|套)/.exec(
          t,
        ))
    ) {
      out.equipmentOver100 = count(m[1], m[2].replace(/\s/g, ''), m[0], at);
    }
  }
  for (const k of Object.keys(out) as Array<keyof typeof out>) if (out[k] === undefined) delete out[k];
  return out;
}

/** 预算绩效 summary: project count and amount (budget), 全年预算数 and 全年执行数 (final), and its text. */
export function readPerformanceSummary(
  paragraphs: Paragraph[],
): Omit<Disclosure['performance'], 'targets' | 'selfEvaluations'> {
  const out: Omit<Disclosure['performance'], 'targets' | 'selfEvaluations'> = {};
  for (const p of paragraphs) {
    const t = p.text;
    const projects = /项目\s*(?:共)?\s*(\d+)\s*个/.exec(t);
    if (!projects) continue;
    out.projectCount = count(projects[1], '个', projects[0], p.at);
    let m: RegExpExecArray | null;
    if ((m = PERFORMANCE_AMOUNT.exec(t))) {
      const a = amount(m[1], m[2], p.at);
      if (a) out.amount = a;
    }
    if ((m = PERFORMANCE_BUDGET.exec(t))) {
      const a = amount(m[1], m[2], p.at);
      if (a) out.budgetAmount = a;
    }
    if ((m = PERFORMANCE_EXECUTED.exec(t))) {
      const a = amount(m[1], m[2], p.at);
      if (a) out.executedAmount = a;
    }
    out.text = { text: t, at: p.at };
    break;
  }
  // no count of projects ("2026年项目支出均实行了绩效目标管理，涉及…万元"): the statement itself, and its amount
  if (!out.text) {
    const p = paragraphs.find((x) => /绩效/.test(x.text));
    if (p) {
      out.text = { text: p.text, at: p.at };
      const m = PERFORMANCE_AMOUNT.exec(p.text);
      const a = m ? amount(m[1], m[2], p.at) : undefined;
      if (a) out.amount = a;
    }
  }
  return out;
}

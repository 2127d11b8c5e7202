// The input workbook's particulars sheets: for each sheet its blocks and columns (Chinese headers, drop-downs),
// what the model gives them (write) and what they give the model (read). Blank cells mean "not given": a read
// never invents a value, it only computes what the writer computes anyway (shares, rates, change words).
import { SECTION_TOPIC_NAMES, SECTION_TOPICS, standardSectionTitle, titleSubject } from '../catalog/titles.js';
import { KIND_WORD, kindOfWord, SCOPE_WORD, scopeOfWord } from '../catalog/words.js';
import { THREE_PUBLIC_NAME, type ThreePublicKey } from '../catalog/three-public.js';
import type {
  Amount,
  Count,
  Disclosure,
  DocumentKind,
  Fact,
  Indicator,
  NarrativeSection,
  Subject,
} from '../model/schema.js';
import { SubjectSchema } from '../model/schema.js';
import { minorOf, percent, shareMinor, amount as amountOfMinor } from './numbers.js';
import { chineseNumber, makeChange, previousBasis, varianceMinor } from './phrases.js';
import type { Block, InRecord, OutValue, SheetSpec } from './workbook-format.js';

type Records = Array<Record<string, OutValue>>;

export interface ParticularsSheet extends SheetSpec {
  /** per block, the records the model gives */
  write(doc: Disclosure): Records[];
  /** applies the records read (per block) to the model */
  read(doc: Disclosure, records: InRecord[][]): void;
  /** records the blank template starts with (the fixed items of a list) */
  blank?(): Records[];
}

const count = (value: number | undefined, unit: string): Count | undefined =>
  value === undefined ? undefined : { value, unit, text: `${value}${unit}` };
const place = (sheet: number, row: number) => ({ line: row, column: 1, page: sheet });
const amountText = (a: Amount | undefined) => (a ? `${a.text}${a.unit}` : '');

// ── 基本信息 ─────────────────────────────────────────────────────────────────────────────────────────────

export const BASIC_SHEET = '基本信息';

/** 基本信息 is read first (kind and year decide the other sheets); it returns what it found. */
export interface Particulars {
  name?: string;
  code?: string;
  scope?: Disclosure['scope'];
  kind?: DocumentKind;
  year?: number;
  title?: string;
  date?: string;
  signature?: string;
}

export const basicSheet = {
  name: BASIC_SHEET,
  instruction:
    '填写单位和文件的基本情况。种类和口径请从下拉列表选择；年度填四位数字；编制日期写成 2024-03-15。其余工作表的数据按此处的年度和单位读取。',
  blocks: [
    {
      title: '基本信息',
      shape: 'form',
      fields: [
        { key: 'name', header: '单位名称', type: 'text', note: '与公开表中的编制单位一致' },
        { key: 'code', header: '单位编码', type: 'text' },
        {
          key: 'scope',
          header: '口径（部门/单位）',
          type: 'text',
          options: Object.values(SCOPE_WORD),
          strict: true,
          note: '部门：部门汇总；单位：单位本级',
        },
        { key: 'kind', header: '种类（预算/决算）', type: 'text', options: Object.values(KIND_WORD), strict: true },
        { key: 'year', header: '年度', type: 'count', note: '预算年度或决算年度，如 2024' },
        { key: 'title', header: '文件标题', type: 'text', note: '留空则按单位、年度和种类生成' },
        { key: 'date', header: '编制日期', type: 'date' },
        { key: 'signature', header: '落款', type: 'text' },
      ],
    },
  ] satisfies Block[],
  write(doc: Disclosure): Records[] {
    return [
      [
        {
          name: doc.unit.name,
          code: doc.unit.code,
          scope: SCOPE_WORD[doc.scope],
          kind: KIND_WORD[doc.kind],
          year: doc.year,
          title: doc.title.text || undefined,
          date: doc.date?.iso,
          signature: doc.signature?.text,
        },
      ],
    ];
  },
  read(records: InRecord[][]): Particulars {
    const r = records[0][0];
    if (!r) return {};
    const scope = r.text('scope');
    const kind = r.text('kind');
    return {
      name: r.text('name'),
      code: r.text('code'),
      scope: scope === undefined ? undefined : scopeOfWord(scope),
      kind: kind === undefined ? undefined : kindOfWord(kind),
      year: r.integer('year'),
      title: r.text('title'),
      date: r.date('date'),
      signature: r.text('signature'),
    };
  },
};

// ── 概况 ─────────────────────────────────────────────────────────────────────────────────────────────────

function overviewSheet(n: number): ParticularsSheet {
  const staffFields: Array<[keyof Disclosure['overview']['staff'], string]> = [
    ['authorized', '编制数（人）'],
    ['actual', '实有人数（人）'],
    ['active', '在职人数（人）'],
    ['activeChange', '在职人数比上年增减（人）'],
    ['retired', '退休人数（人）'],
    ['retiredChange', '退休人数比上年增减（人）'],
    ['retiredBefore1949', '离休人数（人）'],
    ['retiredBefore1949Change', '离休人数比上年增减（人）'],
  ];
  return {
    name: '概况',
    instruction:
      '第一部分“概况”的内容：主要职能每条一行；机构设置填数量，内设机构和下属单位各占一行；人员填人数（减少填负数）。空白表示未提供，不会被补成 0。',
    blocks: [
      {
        title: '主要职能',
        shape: 'list',
        spareRows: 10,
        fields: [
          { key: 'text', header: '主要职能', type: 'text', width: 90, note: '每条职能一行，可带序号，如“1、负责……”' },
        ],
      },
      {
        title: '机构设置',
        shape: 'form',
        fields: [
          { key: 'divisions', header: '内设机构数（个）', type: 'count' },
          { key: 'subordinates', header: '下属单位数（个）', type: 'count' },
          { key: 'administrative', header: '行政单位数（个）', type: 'count' },
          { key: 'institution', header: '事业单位数（个）', type: 'count' },
          { key: 'ocAdministrative', header: '机关运行经费涉及行政单位（个）', type: 'count' },
          { key: 'ocInstitution', header: '机关运行经费涉及参公事业单位（个）', type: 'count' },
          { key: 'text', header: '机构设置说明', type: 'text' },
        ],
      },
      {
        title: '内设机构',
        shape: 'list',
        spareRows: 15,
        fields: [{ key: 'name', header: '内设机构名称', type: 'text', width: 40 }],
      },
      {
        title: '下属单位',
        shape: 'list',
        spareRows: 15,
        fields: [
          { key: 'name', header: '单位名称', type: 'text', width: 40 },
          { key: 'code', header: '单位编码', type: 'text', width: 14 },
        ],
      },
      {
        title: '人员',
        shape: 'form',
        fields: staffFields.map(([key, header]) => ({ key, header, type: 'count' as const })),
      },
    ],
    write(doc) {
      const o = doc.overview;
      const org = o.organisation;
      return [
        o.functions.map((f) => ({ text: f.text })),
        [
          {
            divisions: org.internalDivisionCount,
            subordinates: org.subordinateUnitCount,
            administrative: org.administrativeUnits,
            institution: org.institutionUnits,
            ocAdministrative: doc.operatingCosts.administrativeUnits?.value,
            ocInstitution: doc.operatingCosts.institutionUnits?.value,
            text: org.text,
          },
        ],
        org.internalDivisions.map((name) => ({ name })),
        doc.unit.subordinateUnits.map((u) => ({ name: u.name, code: u.code })),
        [Object.fromEntries(staffFields.map(([k]) => [k, (o.staff[k] as Count | undefined)?.value]))],
      ];
    },
    read(doc, [functions, [org], divisions, subordinates, [staff]]) {
      doc.overview.functions = functions.map((r) => ({ text: r.text('text')!, at: place(n, r.row) }));
      const o = doc.overview.organisation;
      const setInt = (v: number | undefined, set: (x: number) => void) => v !== undefined && set(v);
      if (org) {
        setInt(org.integer('divisions'), (x) => (o.internalDivisionCount = x));
        setInt(org.integer('subordinates'), (x) => (o.subordinateUnitCount = x));
        setInt(org.integer('administrative'), (x) => (o.administrativeUnits = x));
        setInt(org.integer('institution'), (x) => (o.institutionUnits = x));
        const a = count(org.integer('ocAdministrative'), '个');
        const i = count(org.integer('ocInstitution'), '个');
        if (a) doc.operatingCosts.administrativeUnits = a;
        if (i) doc.operatingCosts.institutionUnits = i;
        const text = org.text('text');
        if (text !== undefined) o.text = text;
      }
      o.internalDivisions = divisions.map((r) => r.text('name')).filter((x): x is string => x !== undefined);
      const subs = subordinates
        .filter((r) => r.has('name'))
        .map((r) => ({ name: r.text('name')!, ...(r.has('code') ? { code: r.text('code') } : {}) }));
      if (subs.length) doc.unit.subordinateUnits = subs;
      if (staff) {
        for (const [k] of staffFields) {
          const c = count(staff.count(k), '人');
          if (c) (doc.overview.staff as Record<string, Count>)[k] = c;
        }
      }
    },
  };
}

// ── 项目 ─────────────────────────────────────────────────────────────────────────────────────────────────

function projectsSheet(n: number): ParticularsSheet {
  return {
    name: '项目',
    instruction: '一般公共预算项目支出的项目说明，每个项目一行（预算“项目支出情况说明”）。金额单位：万元，两位小数。',
    blocks: [
      {
        title: '项目',
        shape: 'list',
        spareRows: 20,
        fields: [
          { key: 'name', header: '项目名称', type: 'text', width: 30 },
          { key: 'policyBasis', header: '设立的政策依据', type: 'text', width: 30 },
          { key: 'amount', header: '预算安排规模（万元）', type: 'money' },
          { key: 'responsibleUnit', header: '项目承担单位', type: 'text' },
          { key: 'allocation', header: '资金分配情况', type: 'text', width: 30 },
          { key: 'period', header: '资金执行时间', type: 'text', note: '如“2024年1月—2024年12月”' },
        ],
      },
    ],
    write: (doc) => [
      doc.projects.map((p) => ({
        name: p.name,
        policyBasis: p.policyBasis,
        amount: p.amount,
        responsibleUnit: p.responsibleUnit,
        allocation: p.allocation,
        period: p.period,
      })),
    ],
    read(doc, [rows]) {
      doc.projects = rows.map((r) => {
        const name = r.text('name') ?? r.error('name', '项目名称未填写 — 每行须有项目名称');
        const p: Disclosure['projects'][number] = { name, at: place(n, r.row) };
        const policyBasis = r.text('policyBasis'),
          amount = r.money('amount'),
          unit = r.text('responsibleUnit'),
          allocation = r.text('allocation'),
          period = r.text('period');
        if (policyBasis !== undefined) p.policyBasis = policyBasis;
        if (amount) p.amount = amount;
        if (unit !== undefined) p.responsibleUnit = unit;
        if (allocation !== undefined) p.allocation = allocation;
        if (period !== undefined) p.period = period;
        return p;
      });
    },
  };
}

// ── 三公明细 ─────────────────────────────────────────────────────────────────────────────────────────────

const THREE_PUBLIC_ITEMS = Object.entries(THREE_PUBLIC_NAME) as [ThreePublicKey, string][];
/** an item label as printed or with full-width parentheses (earlier templates printed （境）) */
const sameLabel = (a: string, b: string) => a.normalize('NFKC') === b.normalize('NFKC');

/** The previous-year figure of a fact: its amount less the change (undefined when no change is stated). */
export function previousMinor(f: Fact): number | undefined {
  if (!f.change || !f.amount) return undefined;
  const delta =
    f.change.direction === 'flat' || !f.change.amount
      ? 0
      : minorOf(f.change.amount) * (f.change.direction === 'decrease' ? -1 : 1);
  return minorOf(f.amount) - delta;
}

/** Whether a fact has something a 变动原因/三公明细 row carries: a reason, a budget, or a change with its amount. */
function readable(f: Fact): boolean {
  return !!(f.reason || f.budgetAmount || (f.change && f.amount));
}

/** Sets the amounts a row gives on a fact: current, previous (→ change), reason, budget (→ variance rate). */
function applyFigures(
  doc: Disclosure,
  f: Fact,
  current: Amount | undefined,
  previous: Amount | undefined,
  reason: string | undefined,
  budget: Amount | undefined,
): void {
  if (current) f.amount = current;
  if (previous) f.change = makeChange(f.amount ? minorOf(f.amount) : 0, minorOf(previous), previousBasis(doc.kind));
  if (reason !== undefined) f.reason = { text: reason };
  if (budget) {
    f.budgetAmount = budget;
    const v = f.amount ? varianceMinor(minorOf(f.amount), minorOf(budget)) : null;
    if (v !== null) f.varianceRate = percent(v);
  }
  f.text = `${f.label}${amountText(f.amount)}`;
}

function threePublicSheet(kind: DocumentKind, n: number): ParticularsSheet {
  const final = kind === 'final_account';
  const countFields: Array<[string, string, string]> = [
    ['overseasGroups', '因公出国（境）团组数（个）', '个'],
    ['overseasPeople', '因公出国（境）人次', '人次'],
    ['vehiclesPurchased', '公务用车购置数（辆）', '辆'],
    ['vehiclesHeld', '公务用车保有量（辆）', '辆'],
    ['receptionBatches', '国内公务接待批次', '批次'],
    ['receptionPeople', '国内公务接待人次', '人次'],
  ];
  type TP = Disclosure['threePublic'];
  return {
    name: '三公明细',
    instruction: final
      ? '“三公”经费各项：决算数、上年决算数（用于计算增减额和增减率）、全年预算数（用于计算预决算差异率）和变动原因；数量部分填团组、人次、车辆和接待批次。金额单位：万元。'
      : '“三公”经费各项：本年预算数、上年预算数（用于计算增减额和增减率）和变动原因。金额单位：万元。',
    blocks: [
      {
        title: '经费',
        shape: 'list',
        spareRows: 0,
        note: '各项已列出：填写金额和原因；某项没有可留空',
        fields: [
          {
            key: 'item',
            header: '项目',
            type: 'text',
            options: THREE_PUBLIC_ITEMS.map(([, l]) => l),
            strict: true,
            width: 26,
          },
          { key: 'amount', header: final ? '决算数（万元）' : '本年预算数（万元）', type: 'money' },
          {
            key: 'previous',
            header: final ? '上年决算数（万元）' : '上年预算数（万元）',
            type: 'money',
            note: '留空则不写增减；render --previous 可从上年数据补齐',
          },
          ...(final ? [{ key: 'budget', header: '全年预算数（万元）', type: 'money' as const }] : []),
          { key: 'reason', header: '变动原因', type: 'text', width: 40, note: '增减的主要原因，写入说明' },
        ],
      },
      ...(final
        ? [
            {
              title: '数量',
              shape: 'form' as const,
              fields: countFields.map(([key, header]) => ({ key, header, type: 'count' as const })),
            },
          ]
        : []),
    ],
    blank: () => [THREE_PUBLIC_ITEMS.map(([, item]) => ({ item }))],
    write(doc) {
      const items = doc.threePublic.items
        .filter((f) => f.amount || readable(f))
        .map((f) => ({
          item: THREE_PUBLIC_ITEMS.find(([k]) => k === f.subject.key)?.[1] ?? f.label,
          amount: f.amount,
          previous: previousMinor(f) === undefined ? undefined : amountOfMinor(previousMinor(f)!),
          budget: f.budgetAmount,
          reason: f.reason?.text,
        }));
      const tp = doc.threePublic;
      return [
        items,
        ...(final
          ? [[Object.fromEntries(countFields.map(([k]) => [k, (tp[k as keyof TP] as Count | undefined)?.value]))]]
          : []),
      ];
    },
    read(doc, [items, counts]) {
      // the template lists every item: a row with nothing but its name is not given
      const given = items.filter((r) => ['amount', 'previous', 'budget', 'reason'].some((k) => r.has(k)));
      if (given.length) {
        doc.threePublic.items = given.map((r) => {
          const label = r.text('item') ?? r.error('item', '项目未填写 — 请从下拉列表选择');
          const key = THREE_PUBLIC_ITEMS.find(([, l]) => sameLabel(l, label))![0];
          const f: Fact = { subject: { kind: 'threePublic', key }, label, text: '', at: place(n, r.row) };
          applyFigures(doc, f, r.money('amount'), r.money('previous'), r.text('reason'), r.money('budget'));
          return f;
        });
      }
      const c = counts?.[0];
      if (c)
        for (const [k, , unit] of countFields) {
          const v = count(c.count(k), unit);
          if (v) (doc.threePublic as Record<string, unknown>)[k] = v;
        }
    },
  };
}

// ── 政府采购 ─────────────────────────────────────────────────────────────────────────────────────────────

function procurementSheet(kind: DocumentKind): ParticularsSheet {
  const final = kind === 'final_account';
  const money: Array<[string, string]> = [
    ['total', final ? '政府采购支出总额（万元）' : '政府采购预算总额（万元）'],
    ['goods', '货物（万元）'],
    ['works', '工程（万元）'],
    ['services', '服务（万元）'],
    ['sme', final ? '授予中小企业合同金额（万元）' : '面向中小企业预留金额（万元）'],
    ['smallMicro', final ? '其中：授予小微企业合同金额（万元）' : '其中：面向小微企业预留金额（万元）'],
  ];
  return {
    name: '政府采购',
    instruction: '政府采购情况。金额单位：万元；占比由程序计算，不必填写。',
    blocks: [
      {
        title: '政府采购',
        shape: 'form',
        fields: [
          {
            key: 'basis',
            header: '中小企业金额口径',
            type: 'text',
            options: ['预留', '授予'],
            strict: true,
            note: '预算：预留；决算：授予',
          },
          ...money.map(([key, header]) => ({ key, header, type: 'money' as const })),
        ],
      },
    ],
    write(doc) {
      const p = doc.procurement;
      return [
        [
          {
            basis: p.smeBasis === undefined ? undefined : p.smeBasis === 'reserved' ? '预留' : '授予',
            total: p.total,
            goods: p.goods,
            works: p.works,
            services: p.services,
            sme: p.sme,
            smallMicro: p.smallMicro,
          },
        ],
      ];
    },
    read(doc, [[r]]) {
      if (!r) return;
      const p = doc.procurement;
      const basis = r.text('basis');
      if (basis) p.smeBasis = basis === '预留' ? 'reserved' : 'awarded';
      for (const [k] of money) {
        const a = r.money(k);
        if (a) (p as Record<string, unknown>)[k] = a;
      }
      if (p.total && p.sme) p.smeShare = percent(shareMinor(minorOf(p.sme), minorOf(p.total)));
      if (p.total && p.smallMicro) p.smallMicroShare = percent(shareMinor(minorOf(p.smallMicro), minorOf(p.total)));
    },
  };
}

// ── 国有资产 ─────────────────────────────────────────────────────────────────────────────────────────────

const VEHICLE_CATEGORIES = [
  '主要领导干部用车',
  '机要通信用车',
  '应急保障用车',
  '一般公务用车',
  '执法执勤用车',
  '特种专业技术用车',
  '离退休干部服务用车',
  '其他用车',
  '其他车辆',
];

function assetsSheet(): ParticularsSheet {
  type A = Disclosure['assets'];
  const fields: Array<[keyof A, string, 'money' | 'count', string]> = [
    ['fixedAssetsValue', '固定资产总值（万元）', 'money', ''],
    ['buildingArea', '房屋面积（平方米）', 'count', '平方米'],
    ['buildingValue', '房屋价值（万元）', 'money', ''],
    ['vehicles', '车辆数（辆）', 'count', '辆'],
    ['vehiclesValue', '车辆价值（万元）', 'money', ''],
    ['furnitureValue', '办公家具价值（万元）', 'money', ''],
    ['otherAssetsValue', '其他资产价值（万元）', 'money', ''],
    ['equipmentOver50', '单位价值50万元以上大型设备（台）', 'count', '台'],
    ['equipmentOver100', '单位价值100万元以上大型设备（台）', 'count', '台'],
  ];
  return {
    name: '国有资产',
    instruction: '国有资产占用情况：截止日期写成 2024-12-31；车辆按类别各占一行。金额单位：万元。',
    blocks: [
      {
        title: '国有资产',
        shape: 'form',
        fields: [
          { key: 'asOf', header: '截止日期', type: 'text', note: '写成 2024-12-31' },
          ...fields.map(([key, header, type]) => ({ key, header, type })),
        ],
      },
      {
        title: '车辆分类',
        shape: 'list',
        spareRows: 6,
        fields: [
          { key: 'name', header: '车辆类别', type: 'text', options: VEHICLE_CATEGORIES, width: 20 },
          { key: 'count', header: '数量（辆）', type: 'count' },
          { key: 'value', header: '价值（万元）', type: 'money' },
        ],
      },
    ],
    write(doc) {
      const a = doc.assets;
      const form: Record<string, OutValue> = { asOf: a.asOf };
      for (const [k, , type] of fields)
        form[k] = type === 'money' ? (a[k] as Amount | undefined) : (a[k] as Count | undefined)?.value;
      return [[form], a.vehicleCategories.map((c) => ({ name: c.name, count: c.count.value, value: c.value }))];
    },
    read(doc, [[form], categories]) {
      const a = doc.assets;
      if (form) {
        // kept as written: published documents say "2021年底" as often as a date
        const asOf = form.text('asOf');
        if (asOf) a.asOf = asOf;
        for (const [k, , type, unit] of fields) {
          const v = type === 'money' ? form.money(k) : count(form.count(k), unit);
          if (v) (a as Record<string, unknown>)[k] = v;
        }
      }
      a.vehicleCategories = categories.map((r) => {
        const name = r.text('name') ?? r.error('name', '车辆类别未填写');
        const n = r.count('count') ?? r.error('count', `「${name}」的数量未填写`);
        const value = r.money('value');
        return { name, count: count(n, '辆')!, ...(value ? { value } : {}) };
      });
    },
  };
}

// ── 绩效目标 / 绩效自评 ──────────────────────────────────────────────────────────────────────────────────

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const LEVEL2 = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '满意度指标',
];

/** "≥60天" → comparator ≥, value 60, unit 天; a wording without a number ("有所提升") has none. */
function splitTarget(target: string): Pick<Indicator, 'comparator' | 'value' | 'valueUnit'> {
  const m = /^(≥|≤|=|＞|＜|>|<)?\s*(\d+(?:\.\d+)?)\s*(.*)$/.exec(target);
  if (!m) return {};
  return { ...(m[1] ? { comparator: m[1] } : {}), value: m[2], ...(m[3] ? { valueUnit: m[3] } : {}) };
}

const indicatorFields = (final: boolean) => [
  { key: 'project', header: '项目名称', type: 'text' as const, width: 26, note: '须与【项目】中的项目名称一致' },
  { key: 'level1', header: '一级指标', type: 'text' as const, options: LEVEL1 },
  { key: 'level2', header: '二级指标', type: 'text' as const, options: LEVEL2 },
  { key: 'name', header: '三级指标', type: 'text' as const, width: 26 },
  { key: 'target', header: final ? '年度指标值' : '指标值', type: 'text' as const, note: '如“≥60天”“=100%”“有所提升”' },
  ...(final
    ? [
        { key: 'actual', header: '实际完成值', type: 'text' as const },
        { key: 'weight', header: '分值', type: 'decimal' as const },
        { key: 'score', header: '得分', type: 'decimal' as const },
        { key: 'deviationReason', header: '偏差原因分析及改进措施', type: 'text' as const, width: 30 },
      ]
    : []),
];

function readIndicators(
  rows: InRecord[],
  projects: Set<string>,
  sheet: number,
  final: boolean,
): Map<string, Indicator[]> {
  const out = new Map<string, Indicator[]>();
  for (const r of rows) {
    const project = r.text('project') ?? r.error('project', '项目名称未填写');
    if (!projects.has(project)) r.error('project', `项目「${project}」不在【项目】中 — 请先在【项目】填写该项目`);
    const target = r.text('target') ?? '';
    const i: Indicator = {
      level1: r.text('level1') ?? r.error('level1', '一级指标未填写'),
      level2: r.text('level2') ?? r.error('level2', '二级指标未填写'),
      name: r.text('name') ?? r.error('name', '三级指标未填写'),
      target,
      ...splitTarget(target),
      at: place(sheet, r.row),
    };
    if (final) {
      const actual = r.text('actual'),
        weight = r.decimalText('weight'),
        score = r.decimalText('score'),
        deviation = r.text('deviationReason');
      if (actual !== undefined) i.actual = actual;
      if (weight !== undefined) i.weight = weight;
      if (score !== undefined) i.score = score;
      if (deviation !== undefined) i.deviationReason = deviation;
    }
    if (!out.has(project)) out.set(project, []);
    out.get(project)!.push(i);
  }
  return out;
}

const indicatorRecord = (project: string, i: Indicator): Record<string, OutValue> => ({
  project,
  level1: i.level1,
  level2: i.level2,
  name: i.name,
  target: i.target,
  actual: i.actual,
  weight: i.weight,
  score: i.score,
  deviationReason: i.deviationReason,
});

function performanceTargetsSheet(n: number): ParticularsSheet {
  return {
    name: '绩效目标',
    instruction: '项目支出绩效目标：【项目】每个项目一行，【指标】每个三级指标一行（按项目名称对应）。金额单位：万元。',
    blocks: [
      {
        title: '总体',
        shape: 'form',
        fields: [
          { key: 'count', header: '绩效管理项目数（个）', type: 'count' },
          { key: 'amount', header: '涉及预算金额（万元）', type: 'money' },
        ],
      },
      {
        title: '项目',
        shape: 'list',
        spareRows: 10,
        fields: [
          { key: 'project', header: '项目名称', type: 'text', width: 26 },
          { key: 'unit', header: '预算单位', type: 'text' },
          { key: 'totalFunds', header: '年度资金总额（万元）', type: 'money' },
          { key: 'fiscalFunds', header: '其中：财政拨款（万元）', type: 'money' },
          { key: 'otherFunds', header: '其他资金（万元）', type: 'money' },
          { key: 'goal', header: '项目总体目标', type: 'text', width: 40 },
        ],
      },
      { title: '指标', shape: 'list', spareRows: 40, fields: indicatorFields(false) },
    ],
    write(doc) {
      const p = doc.performance;
      return [
        [{ count: p.projectCount?.value, amount: p.amount }],
        p.targets.map((t) => ({
          project: t.project,
          unit: t.unit,
          totalFunds: t.totalFunds,
          fiscalFunds: t.fiscalFunds,
          otherFunds: t.otherFunds,
          goal: t.goal,
        })),
        p.targets.flatMap((t) => t.indicators.map((i) => indicatorRecord(t.project, i))),
      ];
    },
    read(doc, [[total], projects, indicators]) {
      const p = doc.performance;
      if (total) {
        const c = count(total.count('count'), '个');
        if (c) p.projectCount = c;
        const a = total.money('amount');
        if (a) p.amount = a;
      }
      const names = new Set(projects.map((r) => r.text('project') ?? r.error('project', '项目名称未填写')));
      const byProject = readIndicators(indicators, names, n, false);
      p.targets = projects.map((r) => {
        const t: Disclosure['performance']['targets'][number] = {
          project: r.text('project')!,
          indicators: byProject.get(r.text('project')!) ?? [],
          at: place(n, r.row),
        };
        const unit = r.text('unit'),
          goal = r.text('goal');
        if (unit !== undefined) t.unit = unit;
        for (const k of ['totalFunds', 'fiscalFunds', 'otherFunds'] as const) {
          const a = r.money(k);
          if (a) t[k] = a;
        }
        if (goal !== undefined) t.goal = goal;
        return t;
      });
    },
  };
}

function selfEvaluationsSheet(n: number): ParticularsSheet {
  const FUND_LINES = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
  return {
    name: '绩效自评',
    instruction:
      '项目支出绩效自评：【项目】每个项目一行；【资金】每个项目的资金各行（执行率由程序计算）；【指标】每个三级指标一行。金额单位：万元。',
    blocks: [
      {
        title: '总体',
        shape: 'form',
        fields: [
          { key: 'count', header: '评价项目数（个）', type: 'count' },
          { key: 'amount', header: '涉及金额（万元）', type: 'money' },
          { key: 'budget', header: '全年预算数（万元）', type: 'money' },
          { key: 'executed', header: '全年执行数（万元）', type: 'money' },
        ],
      },
      {
        title: '项目',
        shape: 'list',
        spareRows: 10,
        fields: [
          { key: 'project', header: '项目名称', type: 'text', width: 26 },
          { key: 'department', header: '主管部门', type: 'text' },
          { key: 'implementingUnit', header: '实施单位', type: 'text' },
          { key: 'goal', header: '预期目标', type: 'text', width: 36 },
          { key: 'result', header: '实际完成情况', type: 'text', width: 36 },
          { key: 'totalWeight', header: '总分值', type: 'decimal' },
          { key: 'totalScore', header: '总得分', type: 'decimal' },
        ],
      },
      {
        title: '资金',
        shape: 'list',
        spareRows: 20,
        fields: [
          { key: 'project', header: '项目名称', type: 'text', width: 26 },
          { key: 'label', header: '资金类别', type: 'text', options: FUND_LINES, width: 20 },
          { key: 'initialBudget', header: '年初预算数（万元）', type: 'money' },
          { key: 'fullYearBudget', header: '全年预算数（万元）', type: 'money' },
          { key: 'executed', header: '全年执行数（万元）', type: 'money' },
          { key: 'weight', header: '分值', type: 'decimal', note: '只在“年度资金总额”一行填写' },
          { key: 'score', header: '得分', type: 'decimal' },
        ],
      },
      { title: '指标', shape: 'list', spareRows: 40, fields: indicatorFields(true) },
    ],
    write(doc) {
      const p = doc.performance;
      return [
        [{ count: p.projectCount?.value, amount: p.amount, budget: p.budgetAmount, executed: p.executedAmount }],
        p.selfEvaluations.map((e) => ({
          project: e.project,
          department: e.department,
          implementingUnit: e.implementingUnit,
          goal: e.goal,
          result: e.result,
          totalWeight: e.totalWeight,
          totalScore: e.totalScore,
        })),
        p.selfEvaluations.flatMap((e) =>
          e.funds.map((f) => ({
            project: e.project,
            label: f.label,
            initialBudget: f.initialBudget,
            fullYearBudget: f.fullYearBudget,
            executed: f.executed,
            weight: f.weight,
            score: f.score,
          })),
        ),
        p.selfEvaluations.flatMap((e) => e.indicators.map((i) => indicatorRecord(e.project, i))),
      ];
    },
    read(doc, [[total], projects, funds, indicators]) {
      const p = doc.performance;
      if (total) {
        const c = count(total.count('count'), '个');
        if (c) p.projectCount = c;
        for (const [k, to] of [
          ['amount', 'amount'],
          ['budget', 'budgetAmount'],
          ['executed', 'executedAmount'],
        ] as const) {
          const a = total.money(k);
          if (a) p[to] = a;
        }
      }
      const names = new Set(projects.map((r) => r.text('project') ?? r.error('project', '项目名称未填写')));
      const byProject = readIndicators(indicators, names, n, true);
      const fundsByProject = new Map<string, Disclosure['performance']['selfEvaluations'][number]['funds']>();
      for (const r of funds) {
        const project = r.text('project') ?? r.error('project', '项目名称未填写');
        if (!names.has(project)) r.error('project', `项目「${project}」不在【项目】中 — 请先在【项目】填写该项目`);
        const line: (typeof fundsByProject extends Map<string, infer L> ? L : never)[number] = {
          label: r.text('label') ?? r.error('label', '资金类别未填写'),
        };
        for (const k of ['initialBudget', 'fullYearBudget', 'executed'] as const) {
          const a = r.money(k);
          if (a) line[k] = a;
        }
        const weight = r.decimalText('weight'),
          score = r.decimalText('score');
        if (weight !== undefined) line.weight = weight;
        // 执行率 = 全年执行数 ÷ 全年预算数, stated on the scored line
        if (weight !== undefined && line.executed && line.fullYearBudget)
          line.executionRate = percent(shareMinor(minorOf(line.executed), minorOf(line.fullYearBudget)));
        if (score !== undefined) line.score = score;
        if (!fundsByProject.has(project)) fundsByProject.set(project, []);
        fundsByProject.get(project)!.push(line);
      }
      p.selfEvaluations = projects.map((r) => {
        const project = r.text('project')!;
        const e: Disclosure['performance']['selfEvaluations'][number] = {
          project,
          funds: fundsByProject.get(project) ?? [],
          indicators: byProject.get(project) ?? [],
          at: place(n, r.row),
        };
        for (const k of ['department', 'implementingUnit', 'goal', 'result'] as const) {
          const v = r.text(k);
          if (v !== undefined) e[k] = v;
        }
        const totalWeight = r.decimalText('totalWeight'),
          totalScore = r.decimalText('totalScore');
        if (totalWeight !== undefined) e.totalWeight = totalWeight;
        if (totalScore !== undefined) e.totalScore = totalScore;
        return e;
      });
    },
  };
}

// ── 变动原因 ─────────────────────────────────────────────────────────────────────────────────────────────

/** The explanation sections in the standard order, with the name the sheet uses for each. */
const TOPICS: Array<[string, string]> = SECTION_TOPICS.map((t) => [t, SECTION_TOPIC_NAMES[t]]);

/** The standard title of an explanation section (used when the workbook creates one). */
export function sectionTitle(doc: Disclosure, topic: string): string {
  return standardSectionTitle(titleSubject(doc), topic);
}

/** A subject as the sheet's 标识 column writes it: kind[:key][#code] ("fund:generalBudget", "function#2010301"). */
export function subjectId(s: Subject): string {
  return `${s.kind}${s.key ? `:${s.key}` : ''}${s.code ? `#${s.code}` : ''}`;
}

function parseSubjectId(id: string): Subject | null {
  const m = /^([a-zA-Z]+)(?::([^#]+))?(?:#(.+))?$/.exec(id);
  if (!m) return null;
  const kind = SubjectSchema.shape.kind.safeParse(m[1]);
  if (!kind.success) return null;
  return { kind: kind.data, ...(m[2] ? { key: m[2] } : {}), ...(m[3] ? { code: m[3] } : {}) };
}

export function sameSubject(a: Subject, b: Subject): boolean {
  return a.kind === b.kind && (a.key ?? '') === (b.key ?? '') && (a.code ?? '') === (b.code ?? '');
}

/** The section of a topic, created with its standard title in the standard order when the model has none. */
function sectionFor(doc: Disclosure, topic: string): NarrativeSection {
  const had = doc.narrative.find((s) => s.topic === topic);
  if (had) return had;
  const sec: NarrativeSection = {
    number: '',
    title: sectionTitle(doc, topic),
    topic,
    facts: [],
    paragraphs: [],
    at: { line: 1, column: 1 },
  };
  const order = (t: string) => TOPICS.findIndex(([k]) => k === t);
  const at = doc.narrative.findIndex((s) => order(s.topic) > order(topic));
  if (at < 0) doc.narrative.push(sec);
  else doc.narrative.splice(at, 0, sec);
  doc.narrative.forEach((s, i) => (s.number = chineseNumber(i + 1)));
  return sec;
}

/** Names of a function subject from its label: "一般公共服务支出（类）人大事务（款）行政运行（项）". */
function namesFromLabel(label: string): string[] | undefined {
  const names = label.split(/（[类款项]）/).filter(Boolean);
  return /（[类款项]）$/.test(label) ? names : undefined;
}

function reasonsSheet(kind: DocumentKind, n: number): ParticularsSheet {
  const final = kind === 'final_account';
  return {
    name: '变动原因',
    instruction:
      '情况说明中与上年比较的各项：上年数用于计算增减额、增减率和增长/下降，变动原因是说明中唯一的自由文字（“主要原因是：……”）。' +
      '“三公”经费的原因填在“三公明细”。标识列由程序写出，新增行可留空（按名称对应）。金额单位：万元。',
    blocks: [
      {
        title: '变动原因',
        shape: 'list',
        spareRows: 30,
        fields: [
          {
            key: 'topic',
            header: '说明部分',
            type: 'text',
            options: TOPICS.map(([, l]) => l),
            strict: true,
            width: 16,
          },
          {
            key: 'label',
            header: '名称',
            type: 'text',
            width: 36,
            note: '功能科目写成“一般公共服务支出（类）人大事务（款）行政运行（项）”',
          },
          {
            key: 'subject',
            header: '标识',
            type: 'text',
            width: 22,
            note: '程序使用的对象标识（如 fund:generalBudget、function#2010301），请勿修改',
          },
          { key: 'amount', header: final ? '本年决算数（万元）' : '本年预算数（万元）', type: 'money' },
          {
            key: 'previous',
            header: final ? '上年决算数（万元）' : '上年预算数（万元）',
            type: 'money',
            note: '留空则不写增减；render --previous 可从上年数据补齐',
          },
          ...(final
            ? [{ key: 'budget', header: '年初预算数（万元）', type: 'money' as const, note: '用于计算预决算差异率' }]
            : []),
          { key: 'reason', header: '变动原因', type: 'text', width: 44 },
        ],
      },
    ],
    write(doc) {
      const rows: Records = [];
      for (const sec of doc.narrative) {
        const topic = TOPICS.find(([k]) => k === sec.topic)?.[1];
        if (!topic) continue;
        for (const f of sec.facts) {
          // what a row can carry: a change needs the current amount to give its previous-year figure
          if (!readable(f)) continue;
          const prev = previousMinor(f);
          rows.push({
            topic,
            label: f.label,
            subject: subjectId(f.subject),
            amount: f.amount,
            previous: prev === undefined ? undefined : amountOfMinor(prev),
            budget: f.budgetAmount,
            reason: f.reason?.text,
          });
        }
      }
      return [rows];
    },
    read(doc, [rows]) {
      // a section may state one subject several times: each row takes the fact of its name, else one not yet taken
      const taken = new Set<Fact>();
      for (const r of rows) {
        const topicWord = r.text('topic') ?? r.error('topic', '说明部分未填写 — 请从下拉列表选择');
        const topic = TOPICS.find(([, l]) => l === topicWord)![0];
        const label = r.text('label');
        const id = r.text('subject');
        const subject =
          id === undefined
            ? { kind: 'other' as const }
            : (parseSubjectId(id) ?? r.error('subject', `标识「${id}」无法识别 — 请保留程序写出的标识或留空`));
        if (label === undefined && id === undefined) r.error('label', '名称未填写');
        const sec = sectionFor(doc, topic);
        // a row without 标识 (typed by hand) takes the statement of its name, whatever its subject
        const free = sec.facts.filter((x) => !taken.has(x) && (id === undefined || sameSubject(x.subject, subject)));
        let f = free.find((x) => x.label === label) ?? (id === undefined ? undefined : free[0]);
        if (!f) {
          const names = subject.kind === 'function' && label ? namesFromLabel(label) : undefined;
          f = {
            subject: names ? { ...subject, names } : subject,
            label: label ?? subject.kind,
            text: '',
            at: place(n, r.row),
          };
          sec.facts.push(f);
        } else if (label !== undefined) f.label = label;
        taken.add(f);
        applyFigures(doc, f, r.money('amount'), r.money('previous'), r.text('reason'), r.money('budget'));
        if (subject.kind === 'operatingCosts') doc.operatingCosts.fact = f;
      }
      // the facts the rows took stand in the rows' order (the others keep their places), so writing gives the rows again
      for (const sec of doc.narrative) {
        const slots = sec.facts.flatMap((f, i) => (taken.has(f) ? [i] : []));
        const inRowOrder = [...taken].filter((f) => sec.facts.includes(f));
        slots.forEach((slot, k) => (sec.facts[slot] = inRowOrder[k]));
      }
    },
  };
}

/** The particulars sheets of a kind after 基本信息, in workbook order; `tablesAfter` of them come before the tables. */
export function particularsSheets(kind: DocumentKind): { before: ParticularsSheet[]; after: ParticularsSheet[] } {
  // sheet numbers in places: 基本信息 1, 概况 2, then the tables, then the rest (numbered from 100 to stay apart)
  return {
    before: [overviewSheet(2)],
    after: [
      projectsSheet(101),
      threePublicSheet(kind, 102),
      procurementSheet(kind),
      assetsSheet(),
      kind === 'budget' ? performanceTargetsSheet(105) : selfEvaluationsSheet(105),
      reasonsSheet(kind, 106),
    ],
  };
}

/** Every particulars sheet name (both kinds), so the reader knows which sheets are not tables. */
export const PARTICULARS_SHEET_NAMES = new Set([
  BASIC_SHEET,
  '概况',
  '项目',
  '三公明细',
  '政府采购',
  '国有资产',
  '绩效目标',
  '绩效自评',
  '变动原因',
]);

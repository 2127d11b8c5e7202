// Tests for the classification catalogue: lookups by edition, printed-name matching, the seeds' codes, data sanity.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { needTool } from '../../tests/support/tools.js';
import functionBase from './codes/function-2022.json' with { type: 'json' };
import functionEditions from './codes/function-editions.json' with { type: 'json' };
import economicDept from './codes/economic-dept.json' with { type: 'json' };
import economicGov from './codes/economic-gov.json' with { type: 'json' };
import {
  childrenOf,
  economicEntries,
  editionFor,
  editionYears,
  functionClassByName,
  functionChildByName,
  functionEntries,
  lookupEconomic,
  lookupFunction,
  nameMatches,
  namesAcrossEditions,
  normaliseName,
  resolveFunctionNames,
  codeStatus,
  judgeName,
  functionPathStatus,
} from './codes.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const seedDir = path.join(shared, 'seeds');
const seedFiles = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

interface PrintedCode {
  seed: string;
  line: number;
  code: string;
  name: string;
}

/** Rows of the seeds' tables that carry a classification code: "201\t03\t01\t名称", "\t05\t\t名称" (class code
 *  printed only on the class row), "301\t01\t名称", and cells holding code and name together ("201 一般公共服务支出"). */
function scanSeedCodes(): PrintedCode[] {
  const out: PrintedCode[] = [];
  for (const file of seedFiles) {
    const seed = file.slice(0, 3);
    let currentClass: string | undefined;
    readFileSync(path.join(seedDir, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const cells = text.split('\t').map((c) => c.trim());
        const first = cells[0];
        const startsRow =
          /^[23]\d\d$/.test(first) || (first === '' && currentClass !== undefined && /^\d\d$/.test(cells[1] ?? ''));
        if (startsRow) {
          const parts = [first || currentClass!];
          let i = 1;
          while (i <= 2 && i < cells.length && /^(\d\d)?$/.test(cells[i])) {
            if (cells[i]) parts.push(cells[i]);
            i++;
          }
          const name = cells[i];
          if (name && /\p{Script=Han}/u.test(name)) {
            if (first) currentClass = first;
            out.push({ seed, line: index + 1, code: parts.join(''), name });
          }
        }
        for (const cell of cells) {
          const m = /^([23]\d\d) (\S.*)$/.exec(cell);
          if (m && /\p{Script=Han}/u.test(m[2])) out.push({ seed, line: index + 1, code: m[1], name: m[2] });
        }
      });
  }
  return out;
}

/** "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）" name paths in the seeds' narratives. */
function scanSeedNamePaths(): Array<{ seed: string; line: number; names: string[] }> {
  const out: Array<{ seed: string; line: number; names: string[] }> = [];
  const pattern = /([^\d。；，：、\s]+?)[（(]类[）)](.+?)[（(]款[）)](.+?)[（(]项[）)]/g;
  for (const file of seedFiles) {
    readFileSync(path.join(seedDir, file), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        for (const m of text.matchAll(pattern))
          out.push({ seed: file.slice(0, 3), line: index + 1, names: [m[1], m[2], m[3]] });
      });
  }
  return out;
}

const corpusTexts = new Map<string, string>();
/** The layout text of a corpus PDF ("corpus/018"), as pdftotext -layout prints it. */
function corpusText(doc: string): string {
  if (!corpusTexts.has(doc)) {
    // "corpus/018" → ../shared/corpus/018.pdf, "corpus-wide/w12" → ../shared/corpus-wide/w12.pdf
    const file = path.join(shared, `${doc}.pdf`);
    if (!existsSync(file)) throw new Error(`missing ${file}`);
    corpusTexts.set(
      doc,
      execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  }
  return corpusTexts.get(doc)!;
}

/** "201 05 07 专项普查活动", "2010507 专项普查活动", "30101 基本工资" in a corpus PDF's layout text. */
function scanCorpusCodes(doc: string): Array<{ code: string; name: string }> {
  const out: Array<{ code: string; name: string }> = [];
  const name = '([\\p{Script=Han}（）()、“”]+[\\p{Script=Han}）)])';
  const spaced = new RegExp(`(?<=^|\\s)([235]\\d\\d)(?: (\\d\\d))?(?: (\\d\\d))?\\s+${name}`, 'gu');
  const compact = new RegExp(`(?<=^|\\s)([235]\\d{2}(?:\\d{2}){1,2})\\s+${name}`, 'gu');
  for (const raw of corpusText(doc).split('\n')) {
    const line = raw.replace(/\s+/g, ' ');
    for (const m of line.matchAll(spaced)) out.push({ code: m[1] + (m[2] ?? '') + (m[3] ?? ''), name: m[4] });
    for (const m of line.matchAll(compact)) out.push({ code: m[1], name: m[2] });
  }
  // numbers followed by a measure word in prose ("220 万元", "300 余幅") are not codes
  return out.filter((c) => !/^(万元|余|台|人次)/.test(c.name));
}

const seedCodes = scanSeedCodes();
const seedPaths = scanSeedNamePaths();

describe('lookupFunction', () => {
  it('finds 类, 款 and 项 with level and parent', () => {
    expect(lookupFunction('2010301', 2022)).toMatchObject({
      code: '2010301',
      name: '行政运行',
      level: 'item',
      parent: '20103',
    });
    expect(lookupFunction('20103', 2022)).toMatchObject({
      name: '政府办公厅（室）及相关机构事务',
      level: 'section',
      parent: '201',
    });
    expect(lookupFunction('201', 2022)).toMatchObject({ name: '一般公共服务支出', level: 'class', parent: undefined });
    expect(lookupFunction('2080505', 2022)?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(lookupFunction('2101101', 2022)?.name).toBe('行政单位医疗');
    expect(lookupFunction('2210201', 2022)?.name).toBe('住房公积金');
    expect(lookupFunction('2010350', 2022)?.name).toBe('事业运行');
  });

  it('names 234 as printed in the 2022 seeds and has no other name for it', () => {
    const entry = lookupFunction('234', 2022);
    expect(entry?.name).toBe('抗疫特别国债安排的支出');
    expect(entry?.aliases).toEqual([]);
  });

  it('rejects codes that are not in the edition or not function codes', () => {
    expect(lookupFunction('2019998', 2022)).toBeUndefined();
    expect(lookupFunction('218', 2022)).toBeUndefined(); // unused class number
    expect(lookupFunction('301', 2022)).toBeUndefined();
    expect(lookupFunction('201031', 2022)).toBeUndefined();
    expect(lookupFunction('20103 ', 2022)).toBeUndefined();
  });

  it('answers other years from the nearest edition', () => {
    expect(editionYears()).toEqual([2017, 2019, 2022, 2024, 2025, 2026]);
    expect(editionFor(2022)).toBe(2022);
    expect(editionFor(2021)).toBe(2022);
    expect(editionFor(2020)).toBe(2019);
    expect(editionFor(2018)).toBe(2019); // tie → the later edition
    expect(editionFor(2010)).toBe(2017);
    expect(editionFor(2030)).toBe(2026);
    expect(editionFor(2023)).toBe(2024); // tie → the later edition
    expect(lookupFunction('20805', 2019)).toMatchObject({ name: '行政事业单位离退休', edition: 2019 });
    expect(lookupFunction('20805', 2021)).toMatchObject({ name: '行政事业单位养老支出', edition: 2022 });
    expect(lookupFunction('20805', 2017)?.name).toBe('行政事业单位离退休'); // 2019 difference carried back
    expect(lookupFunction('210', 2017)?.name).toBe('医疗卫生与计划生育支出');
    expect(lookupFunction('210', 2019)?.name).toBe('卫生健康支出');
    expect(lookupFunction('215', 2019)?.name).toBe('资源勘探信息等支出');
    expect(lookupFunction('215', 2026)?.name).toBe('资源勘探工业信息等支出');
    expect(lookupFunction('224', 2017)).toBeUndefined();
    expect(lookupFunction('234', 2019)).toBeUndefined();
    expect(lookupFunction('234', 2026)?.name).toBe('抗疫特别国债安排的支出');
    expect(lookupFunction('2040404', 2017)?.name).toBe('查办和预防职务犯罪');
    expect(lookupFunction('2040404', 2022)).toBeUndefined();
    expect(lookupFunction('2014004', 2022)).toBeUndefined();
    expect(lookupFunction('2014004', 2024)?.name).toBe('信访业务');
    expect(lookupFunction('2014004', 2026)?.name).toBe('信访业务');
  });

  it('lists children and whole editions in code order', () => {
    expect(childrenOf('20805', 2022).map((e) => e.code)).toEqual([
      '2080501',
      '2080502',
      '2080503',
      '2080505',
      '2080506',
      '2080507',
      '2080599',
    ]);
    const classes2022 = functionEntries(2022).filter((e) => e.level === 'class');
    expect(classes2022.map((e) => e.code)).toEqual(
      '201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 219 220 221 222 223 224 227 229 230 231 232 233 234'.split(
        ' ',
      ),
    );
  });
});

describe('lookupEconomic', () => {
  it('finds 部门预算 3xx 类 and 款', () => {
    expect(lookupEconomic('301')).toMatchObject({ name: '工资福利支出', level: 'class' });
    expect(lookupEconomic('30101')).toMatchObject({ name: '基本工资', level: 'section', parent: '301' });
    expect(lookupEconomic('30217')?.name).toBe('公务接待费');
    expect(lookupEconomic('30231')?.name).toBe('公务用车运行维护费');
    expect(lookupEconomic('31013')?.name).toBe('公务用车购置');
    expect(lookupEconomic('30212')?.name).toBe('因公出国（境）费用');
    for (const c of ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'])
      expect(lookupEconomic(c)?.level).toBe('class');
  });

  it('finds 政府预算 5xx 类 and 款', () => {
    expect(lookupEconomic('501')?.name).toBe('机关工资福利支出');
    expect(lookupEconomic('50201')?.name).toBe('办公经费');
    expect(
      economicEntries('gov')
        .filter((e) => e.level === 'class')
        .map((e) => e.code),
    ).toEqual('501 502 503 504 505 506 507 508 509 510 511 512 513 514 599'.split(' '));
  });

  it('knows the pre-2018 names printed in the 2017 corpus document and the 2024 赠与 split', () => {
    expect(lookupEconomic('30307', 2017)?.name).toBe('医疗费');
    expect(lookupEconomic('30307', 2022)?.name).toBe('医疗费补助');
    expect(lookupEconomic('30312', 2017)?.name).toBe('提租补贴');
    expect(lookupEconomic('30312', 2022)).toBeUndefined();
    expect(lookupEconomic('310', 2017)?.name).toBe('其他资本性支出');
    expect(lookupEconomic('30307', 2019)?.name).toBe('医疗费补助'); // 2018 reform edition, not the 2017 names
    expect(lookupEconomic('310', 2019)?.name).toBe('资本性支出');
    expect(lookupEconomic('39909', 2024)?.name).toBe('经常性赠与');
    expect(lookupEconomic('39906', 2024)).toBeUndefined();
  });

  it('rejects non-economic codes', () => {
    expect(lookupEconomic('201')).toBeUndefined();
    expect(lookupEconomic('3010')).toBeUndefined();
    expect(lookupEconomic('30198')).toBeUndefined();
  });
});

describe('nameMatches', () => {
  it('accepts a trailing parenthesised parent name (seed 001) and spaces inside names (seed 003)', () => {
    expect(nameMatches('2010301', '行政运行（政府办公厅（室）及相关机构事务）', 2022, 'function')).toBe('exact');
    expect(nameMatches('2010302', '一般行政管理事务（政府办公厅（室）及相关机构事务）', 2022, 'function')).toBe(
      'exact',
    );
    expect(nameMatches('20103', '政府办公厅(室) 及相关机构事务', 2022, 'function')).toBe('exact');
    expect(nameMatches('2010301', '行政运行(政府办 公厅(室)及相关 机构事务)', 2022, 'function')).toBe('exact');
    expect(nameMatches('2010399', '其他政府 办公厅 (室)及相 关机构事 务支出', 2022, 'function')).toBe('exact');
    expect(nameMatches('201', '一般公共服务支 出', 2022, 'function')).toBe('exact');
  });

  it('does not drop a parenthesised name that is not an ancestor', () => {
    expect(nameMatches('2010301', '行政运行（统计信息事务）', 2022, 'function')).toBe('mismatch');
    expect(nameMatches('50301', '房屋建筑物购建(一)', 2022, 'economic')).toBe('mismatch');
  });

  it('reports the wrong 234 name of seed 003 for 2022', () => {
    expect(nameMatches('234', '抗疫特别国债还本支出', 2022, 'function')).toBe('mismatch');
    expect(nameMatches('234', '抗疫特别国债安排的支出', 2022, 'function')).toBe('exact');
  });

  it('treats a class printed without 支出 as an alias, other variants as mismatches', () => {
    expect(nameMatches('201', '一般公共服务', 2022, 'function')).toBe('alias');
    expect(nameMatches('201', '一般公共服务支出（类）', 2022, 'function')).toBe('exact');
    expect(nameMatches('20103', '政府办公厅(室)及相关机构事', 2022, 'function')).toBe('mismatch');
    expect(nameMatches('2080505', '机关事业单位基本养老保险缴费', 2022, 'function')).toBe('mismatch');
  });

  it('judges names by the edition of the year', () => {
    expect(nameMatches('20805', '行政事业单位离退休', 2022, 'function')).toBe('mismatch');
    expect(nameMatches('20805', '行政事业单位离退休', 2019, 'function')).toBe('exact');
    expect(namesAcrossEditions('20805', 'function')).toEqual([
      { name: '行政事业单位离退休', editions: [2017, 2019] },
      { name: '行政事业单位养老支出', editions: [2022, 2024, 2025, 2026] },
    ]);
  });

  it('matches economic names, bracket widths folded', () => {
    expect(nameMatches('30213', '维修(护)费', 2022, 'economic')).toBe('exact');
    expect(nameMatches('30212', '因公出国(境)费', 2022, 'economic')).toBe('alias');
    expect(nameMatches('30217', '公务用车运行维护费', 2022, 'economic')).toBe('mismatch');
    expect(nameMatches('50101', '工资奖金津补贴', 2022, 'economic')).toBe('exact');
  });

  it('reports unknown codes', () => {
    expect(nameMatches('2019998', '其他', 2022, 'function')).toBe('unknown-code');
    expect(nameMatches('30198', '其他', 2022, 'economic')).toBe('unknown-code');
    expect(nameMatches('201', '一般公共服务支出', 2022, 'economic')).toBe('unknown-code');
  });
});

describe('functionClassByName', () => {
  it('matches class names printed without codes', () => {
    expect(functionClassByName('一、一般公共服务支出', 2022)?.code).toBe('201');
    expect(functionClassByName(' 一般 公共服务 ', 2022)?.code).toBe('201');
    expect(functionClassByName('（三）国防支出', 2022)?.code).toBe('203');
    expect(functionClassByName('公共安全（类）', 2022)?.code).toBe('204');
    expect(functionClassByName('二十六、抗疫特别国债安排的支出', 2024)?.code).toBe('234');
    expect(functionClassByName('二十四、预备费', 2026)?.code).toBe('227');
    expect(functionClassByName('其他支出', 2022)?.code).toBe('229');
    expect(functionClassByName('221 住房保障支出', 2022)?.code).toBe('221');
  });

  it('uses the edition of the year', () => {
    expect(functionClassByName('九、医疗卫生与计划生育支出', 2017)?.code).toBe('210');
    expect(functionClassByName('医疗卫生与计划生育支出', 2022)).toBeUndefined();
    expect(functionClassByName('抗疫特别国债还本支出', 2022)).toBeUndefined();
    expect(functionClassByName('财政拨款收入', 2022)).toBeUndefined();
  });
});

describe('the seeds', () => {
  it('scans a plausible number of coded rows from each seed with tables', () => {
    const bySeed = (s: string) => new Set(seedCodes.filter((c) => c.seed === s).map((c) => c.code));
    expect(bySeed('000').has('2010350')).toBe(true);
    for (const code of ['2010301', '2010302', '2010308', '20805', '2080505', '30101', '30231', '30305'])
      expect(bySeed('001').has(code)).toBe(true);
    for (const code of ['2010399', '2010301', '30302', '30309', '30399']) expect(bySeed('003').has(code)).toBe(true);
    expect(bySeed('004').size).toBe(0); // its tables are in a separate attachment
    expect(seedCodes.length).toBeGreaterThan(200);
  });

  it('finds every printed code in the 2022 edition', () => {
    const missing = seedCodes.filter((c) =>
      c.code.startsWith('2') ? !lookupFunction(c.code, 2022) : !lookupEconomic(c.code, 2022),
    );
    expect(missing).toEqual([]);
  });

  it('matches every printed name except the documents’ own mistakes', () => {
    const known = new Map([
      ['003:234:抗疫特别国债还本支出', 'seed error: 234 is 抗疫特别国债安排的支出 in 2022'],
      ['003:20103:政府办公厅(室)及相关机构事', 'name cut at the cell edge in seed 003'],
    ]);
    const odd = seedCodes
      .map((c) => ({
        ...c,
        result: nameMatches(c.code, c.name, 2022, c.code.startsWith('2') ? 'function' : 'economic'),
      }))
      .filter((c) => c.result !== 'exact');
    const unexplained = odd.filter((c) => !known.has(`${c.seed}:${c.code}:${c.name}`));
    expect(unexplained).toEqual([]);
    expect(new Set(odd.map((c) => `${c.seed}:${c.code}:${c.name}`))).toEqual(new Set(known.keys()));
    expect(odd.every((c) => c.result === 'mismatch')).toBe(true);
  });

  it('resolves every narrative 类/款/项 name path', () => {
    expect(seedPaths.length).toBeGreaterThan(25);
    const unresolved = seedPaths.filter((p) => !resolveFunctionNames(p.names, 2022));
    expect(unresolved).toEqual([]);
    expect(resolveFunctionNames(['教育支出', '进修及培训', '培训支出'], 2022)?.map((e) => e.code)).toEqual([
      '205',
      '20508',
      '2050803',
    ]);
    expect(resolveFunctionNames(['其他支出', '其他支出', '其他支出'], 2022)?.map((e) => e.code)).toEqual([
      '229',
      '22999',
      '2299901',
    ]);
    expect(resolveFunctionNames(['公共安全', '1．检察', '行政运行'], 2017)?.map((e) => e.code)).toEqual([
      '204',
      '20404',
      '2040401',
    ]);
    expect(resolveFunctionNames(['一般公共服务支出', '统计信息事务', '行政运行'], 2022)?.[2].code).toBe('2010501');
    expect(resolveFunctionNames(['一般公共服务支出', '统计信息事务', '查办和预防职务犯罪'], 2022)).toBeUndefined();
  });

  it('marks as "seed" exactly the entries the seeds print', () => {
    const printed = new Set<string>();
    for (const c of seedCodes) {
      const system = c.code.startsWith('2') ? 'function' : 'economic';
      if (nameMatches(c.code, c.name, 2022, system) === 'exact') printed.add(c.code);
    }
    for (const p of seedPaths) for (const e of resolveFunctionNames(p.names, 2022) ?? []) printed.add(e.code);
    const marked = [...functionBase.entries, ...economicDept.entries, ...economicGov.entries]
      .filter((e) => e.source === 'seed')
      .map((e) => e.code);
    expect(new Set(marked)).toEqual(printed);
  });
});

describe('the corpus', () => {
  beforeEach((ctx) => needTool(ctx, 'poppler'));
  const documents = functionBase.documents as Record<string, number>;
  const corpusDocs = Object.keys(documents).filter((d) => d.startsWith('corpus/'));

  it('finds every printed code, and its printed name, in the edition of the document’s year', () => {
    const known = new Map([
      ['corpus/008:310:信息网络及软件购置更', 'two layout columns interleaved'],
      ['corpus/008:30108:机关事业单位基本养老保险缴', 'name cut at the cell edge'],
      ['corpus/033:21208:及对应专项债务收入安排', 'the middle of a name wrapped over three lines'],
      ['corpus/025:2010801:日常公用经费', 'project name printed beside the code'],
      ['corpus/025:2010804:购买中介机构审计服务', 'project name printed beside the code'],
      ['corpus/025:2050803:审计培训', 'project name printed beside the code'],
      ['corpus/021:2080505:机关事业单位基本养老保险缴费', 'the document drops 支出 in one table'],
    ]);
    const odd = new Set<string>();
    let count = 0;
    for (const doc of corpusDocs) {
      for (const c of scanCorpusCodes(doc)) {
        count++;
        const result = nameMatches(c.code, c.name, documents[doc], c.code.startsWith('2') ? 'function' : 'economic');
        if (result !== 'exact') odd.add(`${doc}:${c.code}:${c.name}`);
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(odd).toEqual(new Set(known.keys()));
  });
});

describe('data files', () => {
  const files = [
    { name: 'function-2022', entries: functionBase.entries, lengths: [3, 5, 7], first: '2' },
    { name: 'economic-dept', entries: economicDept.entries, lengths: [3, 5], first: '3' },
    { name: 'economic-gov', entries: economicGov.entries, lengths: [3, 5], first: '5' },
  ];
  const documents = functionBase.documents as Record<string, number>;

  it.each(files)(
    '$name: unique codes of the right shape, parents present, clean names, known sources',
    ({ entries, lengths, first }) => {
      const codes = entries.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      const set = new Set(codes);
      for (const e of entries) {
        expect(lengths).toContain(e.code.length);
        expect(e.code.startsWith(first) && /^\d+$/.test(e.code)).toBe(true);
        if (e.code.length > 3) expect(set.has(e.code.slice(0, e.code.length - 2))).toBe(true);
        expect(e.name).toMatch(/^\S+$/);
        expect(['seed', 'corpus', 'published', 'reference']).toContain(e.source);
        const seen = (e as { seen?: string[] }).seen ?? [];
        for (const doc of seen) expect(Object.keys(documents)).toContain(doc);
        if (e.source === 'seed') expect(seen.some((d) => d.startsWith('seeds/'))).toBe(true);
        if (e.source === 'corpus') expect(seen.length > 0 && seen.every((d) => /^corpus(-wide)?\//.test(d))).toBe(true);
        if (e.source === 'reference') expect(seen).toEqual([]);
      }
    },
  );

  it('every edition of every catalogue keeps parents for its 款 and 项', () => {
    for (const year of editionYears('function')) {
      const codes = new Set(functionEntries(year).map((e) => e.code));
      for (const code of codes) if (code.length > 3) expect(codes.has(code.slice(0, -2)), `${year} ${code}`).toBe(true);
    }
    for (const kind of ['dept', 'gov'] as const) {
      for (const year of [2017, 2019, 2022, 2024, 2026]) {
        const codes = new Set(economicEntries(kind, year).map((e) => e.code));
        for (const code of codes)
          if (code.length > 3) expect(codes.has(code.slice(0, -2)), `${kind} ${year} ${code}`).toBe(true);
      }
    }
  });

  it('edition changes are well formed and each changes something', () => {
    const sets = [
      {
        base: functionBase.entries,
        editions: functionEditions.editions as Record<string, Array<Record<string, unknown>>>,
      },
      { base: economicDept.entries, editions: economicDept.editions as Record<string, Array<Record<string, unknown>>> },
      { base: economicGov.entries, editions: economicGov.editions as Record<string, Array<Record<string, unknown>>> },
    ];
    for (const { base, editions } of sets) {
      const baseNames = new Map(base.map((e) => [e.code, e.name]));
      for (const [year, changes] of Object.entries(editions)) {
        expect(Number(year)).not.toBe(2022);
        for (const c of changes) {
          expect(typeof c.code).toBe('string');
          expect(c.removed === true || typeof c.name === 'string').toBe(true);
          if (typeof c.name === 'string') expect(baseNames.get(c.code as string)).not.toBe(c.name);
          expect(['seed', 'corpus', 'published', 'reference']).toContain(c.source);
          if (c.source === 'corpus') expect((c.seen as string[]).length).toBeGreaterThan(0);
          // every entry says where it comes from: the pages it was printed on, the notice, or that it is remembered
          if (c.source === 'corpus' && Number(year) >= 2025) expect((c.pages as string[]).length).toBeGreaterThan(0);
          if (c.source === 'published') expect(c.citation).toMatch(/财预〔\d{4}〕\d+号/);
        }
      }
    }
  });

  it('normaliseName folds widths and drops every kind of space', () => {
    expect(normaliseName('政府办公厅（室） 及相关\u3000机构事务\n')).toBe('政府办公厅(室)及相关机构事务');
  });

  it('entries marked "corpus" print their code and name in a listed corpus PDF', (ctx) => {
    needTool(ctx, 'poppler');
    const textOf = (doc: string) => normaliseName(corpusText(doc));
    const entries = [
      ...functionBase.entries,
      ...economicDept.entries,
      ...economicGov.entries,
      ...Object.values(functionEditions.editions).flat(),
      ...Object.values(economicDept.editions).flat(),
      ...Object.values(economicGov.editions).flat(),
    ] as Array<{ code: string; name?: string; source: string; seen?: string[] }>;
    const unsupported: string[] = [];
    for (const e of entries) {
      if (!e.name) continue;
      const corpusDocs = (e.seen ?? []).filter((d) => /^corpus(-wide)?\//.test(d));
      if (corpusDocs.length === 0) continue;
      // names may wrap over lines in the layout text, so the name is looked for with line breaks removed
      const found = corpusDocs.some(
        (d) => textOf(d).includes(normaliseName(e.name!)) || nameInWrappedCells(textOf(d), e.name!),
      );
      if (!found) unsupported.push(`${e.code} ${e.name} ${corpusDocs.join(',')}`);
    }
    expect(unsupported).toEqual([]);
  });
});

/** pdftotext -layout wraps long names around the code and amounts ("国有土地使用权出让收入" / "21208 及对应… 0.00" / "的支出"):
 *  with spaces already removed, dropping numbers joins the pieces again. */
function nameInWrappedCells(text: string, name: string): boolean {
  return text.replace(/[\d.,]+/g, '').includes(normaliseName(name));
}

describe('names printed without codes (regional 收支总表)', () => {
  it('maps a 款 or 项 printed by name under its parent, as 深圳 prints them under "一、一般公共服务支出"', () => {
    expect(functionChildByName('201', '统计信息事务', 2026)?.code).toBe('20105');
    expect(functionChildByName('20105', '行政运行', 2026)?.code).toBe('2010501');
    expect(functionChildByName('20805', '机关事业单位职业年金缴费支出', 2026)?.code).toBe('2080506');
    // a name that is no child of that parent
    expect(functionChildByName('201', '行政运行', 2026)).toBeUndefined();
  });

  it('accepts a list ordinal before a printed class name', () => {
    expect(nameMatches('201', '一、一般公共服务支出', 2024, 'function')).toBe('exact');
    expect(nameMatches('221', '（二十）住房保障支出', 2026, 'function')).toBe('exact');
    expect(functionClassByName('九、医疗卫生与计划生育支出', 2017)?.code).toBe('210');
  });
});

describe('codeStatus', () => {
  it('knows codes of the year, also those first seen in 2026 documents (20139 in 2024, 21298, 2040220)', () => {
    expect(codeStatus('2010301', 2022)).toMatchObject({
      status: 'known',
      system: 'function',
      entry: { name: '行政运行' },
    });
    expect(codeStatus('20139', 2024)).toMatchObject({
      status: 'known',
      entry: { name: '社会工作事务', source: 'reference' },
    });
    expect(codeStatus('21298', 2026)).toMatchObject({
      status: 'known',
      entry: { name: '超长期特别国债安排的支出', source: 'corpus' },
    });
    expect(codeStatus('2040220', 2026).entry?.pages).toEqual(['corpus-wide/w56 p.20,31']);
    expect(codeStatus('30101', 2026)).toMatchObject({ status: 'known', system: 'economic' });
    expect(codeStatus('50601', 2026)).toMatchObject({ status: 'known', entry: { name: '资本性支出（一）' } });
    expect(codeStatus('22911', 2025)).toMatchObject({ status: 'known', entry: { source: 'published' } });
  });

  it('tells a renamed code (another edition names it differently) from a plain known one', () => {
    const s = codeStatus('20805', 2022);
    expect(s.status).toBe('renamed');
    expect(s.names?.map((n) => n.name)).toEqual(['行政事业单位离退休', '行政事业单位养老支出']);
    expect(codeStatus('21505', 2026)).toMatchObject({ status: 'renamed', entry: { name: '工业和信息产业' } });
  });

  it('reports codes only earlier editions list as retired', () => {
    expect(codeStatus('2040404', 2022)).toMatchObject({ status: 'retired', editions: [2017] });
  });

  it('accepts regional sub-codes two digits under a known 款 or 项', () => {
    expect(codeStatus('3010201', 2026)).toMatchObject({
      status: 'regional-subcode',
      system: 'economic',
      parent: { code: '30102' },
    });
    expect(codeStatus('3021101', 2026)).toMatchObject({ status: 'regional-subcode', parent: { code: '30211' } });
    expect(codeStatus('201030101', 2022)).toMatchObject({ status: 'regional-subcode', parent: { code: '2010301' } });
    // under an unknown parent it is only well formed
    expect(codeStatus('3019801', 2026).status).toBe('unknown-well-formed');
  });

  it('calls codes of a national shape that the year lacks unknown-well-formed, with the editions that list them', () => {
    expect(codeStatus('2010397', 2022)).toMatchObject({
      status: 'unknown-well-formed',
      editions: [],
      parent: { code: '20103' },
    });
    expect(codeStatus('21298', 2022)).toMatchObject({ status: 'unknown-well-formed', editions: [2026] });
    expect(codeStatus('236', 2026).status).toBe('unknown-well-formed');
  });

  it('calls anything else malformed', () => {
    for (const code of ['2010', '201031', '20103010', '401', '3010', '301010101', 'A01', ''])
      expect(codeStatus(code, 2022).status, code).toBe('malformed');
  });
});

describe('judgeName', () => {
  it("tells another edition's name, a truncation and another code's name from a mismatch", () => {
    expect(judgeName('2010301', '行政运行', 2022, 'function').match).toBe('exact');
    expect(judgeName('20805', '行政事业单位离退休', 2022, 'function')).toMatchObject({
      match: 'other-edition',
      editions: [2017, 2019],
    });
    expect(judgeName('21505', '工业和信息产业监管', 2026, 'function')).toMatchObject({ match: 'other-edition' });
    expect(judgeName('2080505', '机关事业单位基本养老保险缴费', 2026, 'function').match).toBe('truncated');
    expect(judgeName('20103', '行政运行', 2022, 'function')).toMatchObject({ match: 'other-code' });
    expect(judgeName('201', '外交支出与国防', 2022, 'function').match).toBe('mismatch');
    expect(judgeName('2010397', '行政运行', 2022, 'function').match).toBe('unknown-code');
  });
});

describe('functionPathStatus', () => {
  it('tells a path of known names put together wrongly from one with an unknown name', () => {
    expect(functionPathStatus(['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行'], 2022)).toBe(
      'resolved',
    );
    expect(
      functionPathStatus(['社会保障和就业支出', '行政事业单位离退休', '机关事业单位基本养老保险缴费支出'], 2022),
    ).toBe('other-edition');
    expect(functionPathStatus(['教育支出', '政府办公厅（室）及相关机构事务', '行政运行'], 2022)).toBe('misassembled');
    expect(functionPathStatus(['一般公共服务支出', '某新设事务', '行政运行'], 2022)).toBe('unknown-name');
  });
});

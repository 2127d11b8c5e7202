// Tests for the glossary: every identifier of the model has a Chinese term, definitions are our own words,
// and docs/glossary.md matches what the module renders.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DocumentKindSchema,
  DocumentScopeSchema,
  FiguresSchema,
  RowKindSchema,
  SubjectSchema,
  TableIdSchema,
  TableSchema,
  ThreePublicItemKeySchema,
} from '../model/schema.js';
import {
  GLOSSARY,
  definitionsFor,
  glossaryEntry,
  renderGlossaryMarkdown,
  termFor,
  type GlossaryUse,
} from './glossary.js';
import { TABLE_TEMPLATES } from './tables.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function missing(ids: readonly string[], use: GlossaryUse): string[] {
  return ids.filter((id) => !glossaryEntry(id)?.uses.includes(use));
}

describe('glossary coverage', () => {
  it('has every TableId', () => {
    expect(missing(TableIdSchema.options, 'table')).toEqual([]);
  });

  it('has every Figures key, including the 三公 items', () => {
    expect(missing(Object.keys(FiguresSchema.shape), 'figure')).toEqual([]);
    const threePublic = FiguresSchema.shape.threePublic.unwrap();
    expect(missing(Object.keys(threePublic.shape), 'figure')).toEqual([]);
  });

  it('has every kind, scope, subject kind, row kind, table status and 三公 item key', () => {
    expect(missing(DocumentKindSchema.options, 'kind')).toEqual([]);
    expect(missing(DocumentScopeSchema.options, 'scope')).toEqual([]);
    expect(missing(SubjectSchema.shape.kind.options, 'subject')).toEqual([]);
    expect(missing(RowKindSchema.options, 'rowKind')).toEqual([]);
    expect(missing(TableSchema.shape.status.options, 'status')).toEqual([]);
    expect(ThreePublicItemKeySchema.options.filter((k) => !glossaryEntry(k))).toEqual([]);
  });

  it('has every column and fixed-row key of the table templates', () => {
    const keys = new Set<string>();
    for (const t of TABLE_TEMPLATES) {
      for (const c of t.columns) keys.add(c.key);
      for (const r of t.fixedRows ?? []) keys.add(r.key);
    }
    expect(keys.size).toBeGreaterThan(10);
    expect(missing([...keys], 'column')).toEqual([]);
  });

  it('titles each table as the table templates do (quotes and spacing aside)', () => {
    const plain = (s: string) => s.replace(/[“”"\s]/g, '');
    for (const t of TABLE_TEMPLATES) {
      const e = glossaryEntry(t.id)!;
      expect([e.zh, ...(e.variants ?? [])].map(plain), t.id).toContain(plain(t.title));
    }
  });
});

describe('glossary content', () => {
  it('maps our identifiers to the standard terms', () => {
    expect(termFor('threePublic')).toBe('“三公”经费');
    expect(termFor('operatingCosts')).toBe('机关运行经费');
    expect(termFor('basic')).toBe('基本支出');
    expect(termFor('project')).toBe('项目支出');
    expect(termFor('personnel')).toBe('人员经费');
    expect(termFor('public')).toBe('公用经费');
    expect(termFor('publicFunds')).toBe('公用经费');
    expect(termFor('generalBudget')).toBe('一般公共预算');
    expect(termFor('governmentFund')).toBe('政府性基金预算');
    expect(termFor('stateCapital')).toBe('国有资本经营预算');
    expect(termFor('final-three-public')).toBe('一般公共预算财政拨款“三公”经费支出决算表');
    expect(termFor('no-such-id')).toBe('no-such-id');
  });

  it('gives 名词解释 pairs in the order asked, skipping identifiers without a definition', () => {
    const pairs = definitionsFor(['fiscalAppropriation', 'total', 'basic', 'threePublic', 'operatingCosts']);
    expect(pairs.map((p) => p.term)).toEqual(['财政拨款', '基本支出', '“三公”经费', '机关运行经费']);
    for (const p of pairs) expect(p.definition).toMatch(/。$/);
  });

  it('has unique ids, Chinese terms and English glosses', () => {
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
    for (const e of GLOSSARY) {
      expect(e.zh).toMatch(/\p{Script=Han}/u);
      expect(e.en).toMatch(/[a-z]/);
      expect(e.uses.length).toBeGreaterThan(0);
    }
  });

  it('writes definitions in its own words: no 14-character run shared with the seeds', () => {
    const seedDir = path.resolve(repoRoot, '../shared/seeds');
    const seedText = readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(path.join(seedDir, f), 'utf8').replace(/\s+/g, ''))
      .join('\n');
    const copied: string[] = [];
    for (const e of GLOSSARY) {
      const d = e.definition?.replace(/\s+/g, '') ?? '';
      for (let i = 0; i + 14 <= d.length; i++) {
        if (seedText.includes(d.slice(i, i + 14))) {
          copied.push(`${e.id}: ${d.slice(i, i + 14)}`);
          break;
        }
      }
    }
    expect(copied).toEqual([]);
  });
});

describe('docs/glossary.md', () => {
  it('is the rendered glossary', () => {
    const file = path.join(repoRoot, 'docs/glossary.md');
    const rendered = renderGlossaryMarkdown();
    if (process.env.UPDATE_GLOSSARY === '1') writeFileSync(file, rendered);
    expect(readFileSync(file, 'utf8')).toBe(rendered);
    for (const id of TableIdSchema.options) expect(rendered).toContain(`\`${id}\``);
  });
});

// The figure sources name only what the table templates print: each source's table is a template, its column one of
// the template's columns, its fixed row one of the template's fixed rows (a key figure read from a column a table never
// has would silently stay empty). And the key figures the model keeps are exactly the ones given sources.
import { describe, expect, it } from 'vitest';
import { FiguresSchema } from '../model/schema.js';
import { FORM_ROW_KEYS } from './keys.js';
import {
  FUNCTION_CLASS_SOURCES,
  KEY_FIGURE_SOURCES,
  SUBJECT_FIGURE_SOURCES,
  THREE_PUBLIC_FIGURE_SOURCE,
  THREE_PUBLIC_FIGURES,
} from './figure-sources.js';
import { TABLE_TEMPLATES } from './tables.js';

const template = (id: string) => TABLE_TEMPLATES.find((t) => t.id === id);
const columnsOf = (id: string) =>
  new Set([...(template(id)?.columns ?? []), ...(template(id)?.extraColumns ?? [])].map((c) => c.key));
const fixedRowsOf = (id: string) => new Set<string>((template(id)?.fixedRows ?? []).map((r) => r.key));
const isFormRow = (key: string) => (FORM_ROW_KEYS as readonly string[]).includes(key);

describe('key figure sources', () => {
  it('give a source for every key figure of the model and no other', () => {
    const shape = FiguresSchema.shape;
    const scalar = Object.keys(shape).filter((k) => k !== 'threePublic' && k !== 'functionClasses');
    expect(Object.keys(KEY_FIGURE_SOURCES).sort()).toEqual(scalar.sort());
    expect([...THREE_PUBLIC_FIGURES].sort()).toEqual(Object.keys(shape.threePublic.unwrap().shape).sort());
  });

  it('name only tables, columns and fixed rows the templates have', () => {
    const problems: string[] = [];
    for (const [figure, sources] of Object.entries(KEY_FIGURE_SOURCES)) {
      for (const s of sources) {
        if (!('tables' in s)) continue;
        for (const id of s.tables) {
          if (id === 'department-performance-target') {
            // the form is read by its own reader, not by a template: its rows are the form's keys
            if (typeof s.row === 'object' && 'key' in s.row && !isFormRow(s.row.key))
              problems.push(`${figure}: ${id} row ${s.row.key}`);
            continue;
          }
          if (!template(id)) problems.push(`${figure}: no template ${id}`);
          if (s.column !== 'first' && !columnsOf(id).has(s.column))
            problems.push(`${figure}: ${id} column ${s.column}`);
          if (typeof s.row === 'object' && 'key' in s.row && !fixedRowsOf(id).has(s.row.key))
            problems.push(`${figure}: ${id} row ${s.row.key}`);
        }
      }
    }
    for (const id of THREE_PUBLIC_FIGURE_SOURCE.tables)
      for (const k of THREE_PUBLIC_FIGURES) if (!columnsOf(id).has(k)) problems.push(`threePublic: ${id} column ${k}`);
    for (const s of FUNCTION_CLASS_SOURCES)
      for (const id of s.tables) {
        if (!template(id)) problems.push(`functionClasses: no template ${id}`);
        else if (s.column !== 'expenditureSide' && !columnsOf(id).has(s.column))
          problems.push(`functionClasses: ${id} column ${s.column}`);
      }
    for (const [subject, byScope] of Object.entries(SUBJECT_FIGURE_SOURCES))
      for (const sources of Object.values(byScope))
        for (const s of sources ?? []) {
          if (!template(s.table)) problems.push(`${subject}: no template ${s.table}`);
          if (typeof s.row === 'object' && !fixedRowsOf(s.table).has(s.row.key))
            problems.push(`${subject}: ${s.table} row ${s.row.key}`);
          if (s.column !== 'primary' && s.column !== 'bySubjectKey' && !columnsOf(s.table).has(s.column))
            problems.push(`${subject}: ${s.table} column ${s.column}`);
        }
    expect(problems).toEqual([]);
  });
});

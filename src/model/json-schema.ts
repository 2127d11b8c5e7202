// The published JSON Schema of the disclosure model, generated from the zod definition.
import { z } from 'zod';
import { DisclosureSchema } from './schema.js';

export function disclosureJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DisclosureSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: 'https://budgetdoc.example/schema/disclosure.schema.json',
    title: 'budgetdoc disclosure model',
    description:
      'A 部门/单位 预算 or 决算 disclosure read by budgetdoc. Money: minor units of 10^-scale in the published unit.',
    ...schema,
  };
}

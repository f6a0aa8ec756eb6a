import { describe, expect, test } from 'vitest';
import { apiJsonSchema, apiSchemas } from '../../src/lib/api/schema.ts';
import { apiRecord } from '../../src/lib/api/record.ts';
import { buildBipSchema } from '../../src/lib/bip/schema.ts';
import { DIRECTIONS, type Relations } from '../../src/lib/registry/relations.ts';
import type { TemplateSpec } from '../../src/lib/bip/template.ts';

const template = {
  fields: [
    { name: 'bip', label: 'BIP' },
    { name: 'title', label: 'Title' },
    { name: 'author', label: 'Author' },
    { name: 'status', label: 'Status' },
    { name: 'type', label: 'Type', choices: ['Standards Track', 'Process'] },
    // Named like the record's own properties: they stay in `fields` only.
    { name: 'review', label: 'Review' },
    { name: 'history', label: 'History' },
  ],
} as unknown as TemplateSpec;
const schemas = apiSchemas(buildBipSchema(template));
const none = Object.fromEntries(DIRECTIONS.map((d) => [d, []])) as unknown as Relations;

const data = {
  kind: 'bip' as const,
  bip: 5,
  title: 'Five',
  author: [{ name: 'Model-A', provider: 'Lab A' }],
  status: 'Draft',
  statusKnown: true,
  type: 'Process',
  review: 'by the council',
  history: 'see the minutes',
  extra: [],
  lines: { status: 4 },
  placement: 'top' as const,
  relPath: 'bip-5.md',
  format: 'md' as const,
  companions: [],
  attachments: [],
};

describe('API records', () => {
  const record = apiRecord({
    data,
    fields: [
      { name: 'review', label: 'Review', value: 'by the council', declared: true },
      { name: 'history', label: 'History', value: 'see the minutes', declared: true },
    ],
    label: 'BIP-5',
    url: 'https://r/bip-5/',
    relations: none,
    companions: [],
    files: [],
  });

  test('a template field named like a record property does not break the record', () => {
    const parsed = schemas.record.safeParse(record);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(record).not.toHaveProperty('review');
    expect(record.fields).toContainEqual({ key: 'review', label: 'Review', value: 'by the council' });
  });

  test('bookkeeping stays out; typed template fields stay in', () => {
    for (const key of ['kind', 'bip', 'lines', 'placement', 'relPath', 'attachments']) expect(record).not.toHaveProperty(key);
    expect(record).toMatchObject({ number: 5, type: 'Process', authors: [{ name: 'Model-A', provider: 'Lab A' }] });
    expect(schemas.record.safeParse({ ...record, type: 'Informational' }).success).toBe(false);
    expect(schemas.record.safeParse({ ...record, surprise: 1 }).success).toBe(false);
  });

  test("the JSON Schema has the list at the root and a proposal in $defs, with the template's choices", () => {
    const json = apiJsonSchema(schemas, 'https://r/api/schema.json') as any;
    expect(json.$id).toBe('https://r/api/schema.json');
    expect(json.properties.proposals.items).toEqual({ $ref: '#/$defs/proposal' });
    expect(json.$defs.proposal.properties.type.enum).toEqual(['Standards Track', 'Process']);
    expect(json.$defs.proposal.additionalProperties).toBe(false);
  });
});

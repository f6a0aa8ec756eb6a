/**
 * The zod schema of a BIP entry, built from the template's header: one property per template
 * field, enums from its choice lists, required-ness from REQUIRED_FIELDS. Types derive from it.
 */
import { z } from 'astro/zod';
import { OPEN_CHOICE_FIELDS, REQUIRED_FIELDS } from './constants.ts';
import type { TemplateField, TemplateSpec } from './template.ts';

export const authorSchema = z.object({
  name: z.string().min(1),
  provider: z.string().optional(),
  role: z.string().optional(),
  email: z.string().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** The zod type of one template field. Fields the normalizer knows get their own shape. */
function fieldSchema(field: TemplateField): z.ZodType {
  switch (field.name) {
    case 'bip':
      return z.number().int().nonnegative();
    case 'title':
      return z.string().trim().min(1);
    case 'author':
      return z.array(authorSchema).min(1, 'at least one author');
    case 'status':
      return z.string().min(1);
    case 'created':
      return isoDate;
    default:
      if (field.choices && !OPEN_CHOICE_FIELDS.includes(field.name)) return z.enum(field.choices as [string, ...string[]]);
      return z.string().min(1);
  }
}

/** Properties every entry has whatever the template says. */
const derived = {
  statusKnown: z.boolean(),
  statusNote: z.string().optional(),
  extra: z.array(z.object({ key: z.string(), value: z.string() })),
  placement: z.enum(['frontmatter', 'fence', 'section', 'top', 'footer']).optional(),
  lines: z.record(z.string(), z.number()),
};

export function buildBipSchema(template: TemplateSpec) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of template.fields) {
    const type = fieldSchema(field);
    shape[field.name] = (REQUIRED_FIELDS as readonly string[]).includes(field.name) ? type : type.optional();
  }
  // Status stays a string: unknown statuses are kept as written (statusKnown: false, a warning).
  return z.object({ ...shape, ...derived });
}

export type BipSchema = ReturnType<typeof buildBipSchema>;

/** The typed shape of an entry for views. Template fields beyond the known ones stay `unknown`. */
export interface BipData {
  bip: number;
  title: string;
  author: z.output<typeof authorSchema>[];
  status: string;
  type?: string;
  category?: string;
  created?: string;
  license?: string;
  statusKnown: boolean;
  statusNote?: string;
  extra: { key: string; value: string }[];
  placement?: 'frontmatter' | 'fence' | 'section' | 'top' | 'footer';
  lines: Record<string, number>;
}

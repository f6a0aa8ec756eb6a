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
  handle: z.string().optional(),
  url: z.string().url().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** The shapes of the fields the normalizer knows (KNOWN_FIELDS). */
const KNOWN = {
  bip: z.number().int().nonnegative(),
  title: z.string().trim().min(1),
  // The normalizer reports a missing author (a moved stub has none).
  author: z.array(authorSchema),
  status: z.string().min(1),
  type: z.string().min(1),
  category: z.string().min(1),
  created: isoDate,
  license: z.string().min(1),
};

/** Fields whose shape a choice list in the template does not change. Status stays a string:
 * unknown statuses are kept as written (statusKnown: false, a warning). */
const FIXED_SHAPE = new Set(['bip', 'title', 'author', 'status', 'created']);

/** The zod type of one template field: an enum for a closed choice list, else its known shape,
 * else a string. */
function fieldSchema(field: TemplateField): z.ZodType {
  if (field.choices && !FIXED_SHAPE.has(field.name) && !OPEN_CHOICE_FIELDS.includes(field.name))
    return z.enum(field.choices as [string, ...string[]]);
  return (KNOWN as Record<string, z.ZodType>)[field.name] ?? z.string().min(1);
}

/** Properties every entry has whatever the template says. */
const derived = {
  statusKnown: z.boolean(),
  statusNote: z.string().optional(),
  /** Where a moved proposal lives now. */
  movedTo: z.string().url().optional(),
  extra: z.array(z.object({ key: z.string(), value: z.string() })),
  placement: z.enum(['frontmatter', 'fence', 'section', 'top', 'footer']).optional(),
  lines: z.record(z.string(), z.number()),
};

/** The static shape of a BIP record: the fields the normalizer knows (the required ones
 * required) and the derived properties. The views are typed by it; each registry's schema
 * narrows it with the template's choice lists and adds the template's own fields. */
export const bipRecordSchema = z.object({
  bip: KNOWN.bip,
  title: KNOWN.title,
  author: KNOWN.author,
  status: KNOWN.status,
  type: KNOWN.type.optional(),
  category: KNOWN.category.optional(),
  created: KNOWN.created.optional(),
  license: KNOWN.license.optional(),
  ...derived,
});

export type BipSchema = typeof bipRecordSchema;

/** The typed record of a BIP, as the views read it. Template fields beyond the known ones are
 * there too, as strings under their canonical name. */
export type BipData = z.output<BipSchema>;

export function buildBipSchema(template: TemplateSpec): BipSchema {
  const shape: Record<string, z.ZodType> = {};
  for (const field of template.fields) {
    const type = fieldSchema(field);
    shape[field.name] = (REQUIRED_FIELDS as readonly string[]).includes(field.name) ? type : type.optional();
  }
  // Choice lists make enums of the same fields, so the output is still a BipData.
  return bipRecordSchema.extend(shape) as unknown as BipSchema;
}

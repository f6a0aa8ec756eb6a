/**
 * The shape of the `bips` collection: BIP entries (id `5`) and companion-document entries
 * (id `5/review-report`) in one collection, so one loader pass owns the whole registry.
 */
import { z } from 'astro/zod';
import { buildBipSchema, type BipData } from '../lib/bip/schema.ts';
import type { RegistryRules } from '../lib/bip/normalize.ts';

const companionRef = z.object({ slug: z.string(), title: z.string() });

const source = {
  /** File path inside the registry folder, with `/`. */
  relPath: z.string(),
  format: z.enum(['md', 'mdx']),
  summary: z.string().optional(),
};

interface SourceData {
  relPath: string;
  format: 'md' | 'mdx';
  /** First sentence of the Abstract (or of the body), plain text. */
  summary?: string;
}

/** What pages read. The schema is built at run time from the template, so its static type is
 * stated here once, from the same BipData the normalizer produces. */
export type EntryData =
  | (BipData & SourceData & { kind: 'bip'; companions: { slug: string; title: string }[] })
  | (SourceData & { kind: 'companion'; bip: number; slug: string; title: string });

export function entrySchema(rules: RegistryRules): z.ZodType<EntryData> {
  const bip = buildBipSchema(rules.template).extend({
    kind: z.literal('bip'),
    ...source,
    companions: z.array(companionRef),
  });
  const companion = z.object({
    kind: z.literal('companion'),
    bip: z.number().int(),
    slug: z.string(),
    title: z.string(),
    ...source,
  });
  return z.discriminatedUnion('kind', [bip, companion]) as unknown as z.ZodType<EntryData>;
}

export const bipEntryId = (n: number) => String(n);
export const companionEntryId = (n: number, slug: string) => `${n}/${slug}`;

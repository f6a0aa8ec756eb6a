/**
 * The shape of the `bips` collection: BIP entries (id `5`) and companion-document entries
 * (id `5/review-report`) in one collection, so one loader pass owns the whole registry. The
 * entry types are the schema's output: what pages read is what was validated.
 */
import { z } from 'astro/zod';
import type { BipSchema } from '../lib/bip/schema.ts';

const companionRef = z.object({ slug: z.string(), title: z.string() });

const source = {
  /** File path inside the registry folder, with `/`. */
  relPath: z.string(),
  format: z.enum(['md', 'mdx', 'mediawiki']),
  /** First sentence of the Abstract (or of the body), plain text. */
  summary: z.string().optional(),
  /** Registry files (images, PDFs) the rendered body links to, which the build publishes. MDX
   * bodies are rendered later; their files are found in the written page. */
  files: z.array(z.string()).optional(),
};

export function entrySchema(bipSchema: BipSchema) {
  const bip = bipSchema.extend({
    kind: z.literal('bip'),
    ...source,
    companions: z.array(companionRef),
    /** Files of the proposal's own folder (images, test vectors, code), relative to the registry. */
    attachments: z.array(z.string()).default([]),
  });
  const companion = z.object({
    kind: z.literal('companion'),
    bip: z.number().int(),
    slug: z.string(),
    title: z.string(),
    ...source,
  });
  return z.discriminatedUnion('kind', [bip, companion]);
}

export type EntryData = z.output<ReturnType<typeof entrySchema>>;

export const bipEntryId = (n: number) => String(n);
export const companionEntryId = (n: number, slug: string) => `${n}/${slug}`;

/**
 * The registry profile as `registry.config.json` (or a preset) writes it: everything that differs
 * between proposal registries. Every key is optional; what is not written comes from the preset,
 * else from the default profile (the bundled BIP template's registry).
 */
import { z } from 'astro/zod';
import { MEANINGS, TONES } from './lifecycle.ts';
import { reviewsSchema } from '../reviews/vocabulary.ts';

/** Roles a header field can play; the first eight are the fields the normalizer knows. */
export const FIELD_ROLES = ['bip', 'title', 'author', 'status', 'type', 'category', 'created', 'license'] as const;

/** Kinds of relation a header field can state between proposals. */
export const RELATION_KINDS = ['requires', 'replaces', 'replaced-by', 'related'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

const pattern = z
  .string()
  .min(1)
  .refine((p) => p.includes('{n}'), 'a pattern must hold {n}, where the number goes');

export const statusSchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    description: z.string().default(''),
    meaning: z.enum(MEANINGS),
    tone: z.enum(TONES).optional(),
  })
  .strict();

export const profileSchema = z.object({
  /** What a proposal is called: `{ "name": "EIP", "plural": "EIPs", "long": "Ethereum Improvement Proposal" }`. */
  proposal: z
    .object({ name: z.string().min(1), plural: z.string().min(1).optional(), long: z.string().min(1).optional() })
    .strict()
    .optional(),
  /** Where numbers are read: prefixes written before a number, file and folder name patterns. */
  numbers: z
    .object({ prefixes: z.array(z.string().min(1)).min(1), files: z.array(pattern).min(1) })
    .strict()
    .optional(),
  /** Permanent URL of a proposal (`bip-{n}` → `/bip-5/`) and the other addresses that redirect to
   * it (`EIPS/eip-{n}.html`). */
  urls: z
    .object({ proposal: pattern, aliases: z.array(pattern).default([]) })
    .strict()
    .optional(),
  /** Header keys that play a known field's role: `{ "Assigned": "created", "eip": "bip" }`. */
  fields: z.record(z.string(), z.enum(FIELD_ROLES)).optional(),
  /** Header fields that name other proposals, and how: `{ "Requires": "requires" }`. */
  relations: z.record(z.string(), z.enum(RELATION_KINDS)).optional(),
  /** The header field holding the discussion link (`discussions-to`). */
  discussion: z.string().min(1).optional(),
  /** Header fields beyond status, type and category that get listing pages and a search facet. */
  facets: z.array(z.string().min(1)).optional(),
  /** Replaces the lifecycle; each status says what it means. */
  statuses: z.array(statusSchema).min(1).optional(),
  /** Where a registry keeps other files. */
  layout: z
    .object({
      /** A folder named like a proposal file, beside it, holds that proposal's files. */
      assetFolders: z.boolean().optional(),
      /** A folder outside the proposals' folder whose files proposals link (`../assets`). */
      assetsDir: z.string().min(1).optional(),
      /** Globs, relative to the proposals' folder, of files that are not proposals. */
      exclude: z.array(z.string().min(1)).optional(),
      /** Names (without extension) a folder's main document may have besides its number: `README`. */
      mainDocuments: z.array(z.string().min(1)).optional(),
    })
    .strict()
    .optional(),
  /** How review reports are recognized and read, and what the review states are called. */
  reviews: reviewsSchema.optional(),
  /** The template the schema is built from, relative to the settings file. */
  template: z.string().min(1).optional(),
});

export type ProfileInput = z.input<typeof profileSchema>;

/**
 * The registry's settings: `registry.config.json` at the project root, overridden by environment
 * variables. Read by astro.config.mjs, the content loader and the command-line scripts alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { DEFAULT_STATUSES, type StatusDefinition } from './bip/constants.ts';

const statusSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  description: z.string().default(''),
});

const fileSchema = z
  .object({
    /** Folder holding the BIPs, relative to the project root. */
    bipsDir: z.string().default('bips'),
    /** Shown in the header, the page titles and the cards. */
    name: z.string().default('BIP Registry'),
    description: z.string().default('Improvement proposals: how the project changes, and why.'),
    /** Prefix that a BIP file's path inside bipsDir is appended to for "view source" links. */
    sourceUrl: z.string().url().optional(),
    /** Replaces the default status lifecycle (order matters: it is the lifecycle). */
    statuses: z.array(statusSchema).optional(),
    /** Extra spellings for the default statuses: { "Review": ["in audit"] }. */
    statusAliases: z.record(z.string(), z.array(z.string())).optional(),
    /** `compile`: .mdx bodies are MDX (they run code at build time); `markdown`: they are
     * rendered as plain markdown, for registries whose proposals are not trusted code. */
    mdx: z.enum(['compile', 'markdown']).default('compile'),
  })
  .strict();

export interface RegistryConfig {
  root: string;
  bipsDir: string;
  name: string;
  description: string;
  sourceUrl?: string;
  statuses: StatusDefinition[];
  mdx: 'compile' | 'markdown';
  /** The template the schema is built from: the registry's own, else the bundled one. */
  templatePath: string;
}

export const CONFIG_FILE = 'registry.config.json';

/** The registry's own template (`template.md`, any letter case), if it has one. */
export function templateFor(bipsDir: string): string | undefined {
  const entries = existsSync(bipsDir) ? readdirSync(bipsDir) : [];
  const name = entries.find((e) => e.toLowerCase() === 'template.md');
  return name ? join(bipsDir, name) : undefined;
}

export function loadRegistryConfig(root: string, env: Record<string, string | undefined> = process.env): RegistryConfig {
  const file = join(root, CONFIG_FILE);
  const raw = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${CONFIG_FILE}: ${issues}`);
  }
  const cfg = parsed.data;
  const dir = env.BIPS_DIR || cfg.bipsDir;
  const bipsDir = resolve(root, dir);
  const statuses = (cfg.statuses ?? DEFAULT_STATUSES).map((s) => ({
    ...s,
    aliases: [...s.aliases, ...(cfg.statusAliases?.[s.name] ?? [])],
  }));

  const sourceUrl = env.BIPS_SOURCE_URL || cfg.sourceUrl;
  return {
    root,
    bipsDir,
    name: env.REGISTRY_NAME || cfg.name,
    description: cfg.description,
    ...(sourceUrl ? { sourceUrl } : {}),
    statuses,
    mdx: env.BIPS_MDX === 'markdown' || env.BIPS_MDX === 'compile' ? env.BIPS_MDX : cfg.mdx,
    templatePath: templateFor(bipsDir) ?? join(root, 'bips', 'template.md'),
  };
}

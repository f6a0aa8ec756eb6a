/**
 * The registry's settings: `registry.config.json` at the project root, overridden by environment
 * variables. Read by astro.config.mjs, the content loader and the command-line scripts alike.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { DEFAULT_STATUSES, type StatusDefinition } from './bip/constants.ts';
import { editDistance } from './bip/distance.ts';

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
    /** Social cards (OG images) for every BIP and listing page; off for quick local builds. */
    ogImages: z.boolean().default(true),
    /** Rows of the index page, and of each further page of the registry by number. */
    pageSize: z.number().int().min(1).default(100),
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
  ogImages: boolean;
  pageSize: number;
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

/** A mistake in the settings, worded for the person who made it: no stack trace is printed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

function readConfigFile(file: string): unknown {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
}

/** `bipDir` → `bipsDir`: a key within two edits of a known one. */
function suggestKey(key: string): string {
  const known = Object.keys(fileSchema.shape);
  const near = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  return near ? ` (did you mean "${near}"?)` : ` (known keys: ${known.join(', ')})`;
}

export function loadRegistryConfig(root: string, env: Record<string, string | undefined> = process.env): RegistryConfig {
  // The settings may live with the registry rather than with the site: REGISTRY_CONFIG names the file.
  const file = env.REGISTRY_CONFIG ? resolve(root, env.REGISTRY_CONFIG) : join(root, CONFIG_FILE);
  if (env.REGISTRY_CONFIG && !existsSync(file)) throw new ConfigError(`REGISTRY_CONFIG: no such file "${file}"`);
  const parsed = fileSchema.safeParse(readConfigFile(file));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => `unknown key "${k}"${suggestKey(k)}`).join('; ')
        : `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new ConfigError(`${file}: ${issues.join('; ')}`);
  }
  const cfg = parsed.data;
  const base = env.REGISTRY_CONFIG ? dirname(file) : root;
  const bipsDir = env.BIPS_DIR ? resolve(root, env.BIPS_DIR) : resolve(base, cfg.bipsDir);
  const lifecycle = cfg.statuses ?? DEFAULT_STATUSES;
  const aliasesFor = new Map<string, string[]>();
  for (const [key, aliases] of Object.entries(cfg.statusAliases ?? {})) {
    const status = lifecycle.find((s) => s.name.toLowerCase() === key.trim().toLowerCase());
    if (!status)
      throw new ConfigError(
        `${file}: statusAliases: "${key}" is not a status of the lifecycle (${lifecycle.map((s) => s.name).join(', ')})`,
      );
    aliasesFor.set(status.name, [...(aliasesFor.get(status.name) ?? []), ...aliases]);
  }
  const statuses = lifecycle.map((s) => ({ ...s, aliases: [...s.aliases, ...(aliasesFor.get(s.name) ?? [])] }));
  const sourceUrl = env.BIPS_SOURCE_URL || cfg.sourceUrl;
  if (env.BIPS_SOURCE_URL && !/^https?:\/\/[^/]/i.test(env.BIPS_SOURCE_URL)) {
    throw new ConfigError(
      `BIPS_SOURCE_URL: "${env.BIPS_SOURCE_URL}" is not an absolute URL (e.g. https://github.com/org/repo/blob/main/bips/)`,
    );
  }
  // A safety switch must not fail open: an unknown value is refused, not read as "compile".
  if (env.BIPS_MDX !== undefined && env.BIPS_MDX !== '' && env.BIPS_MDX !== 'markdown' && env.BIPS_MDX !== 'compile') {
    throw new ConfigError(`BIPS_MDX: "${env.BIPS_MDX}" is neither "markdown" nor "compile"`);
  }
  const og = env.OG_IMAGES?.toLowerCase();
  if (og !== undefined && og !== '' && !['on', 'off', 'true', 'false', '1', '0'].includes(og)) {
    throw new ConfigError(`OG_IMAGES: "${env.OG_IMAGES}" is not on or off`);
  }
  return {
    root,
    bipsDir,
    name: env.REGISTRY_NAME || cfg.name,
    description: cfg.description,
    ...(sourceUrl ? { sourceUrl } : {}),
    statuses,
    mdx: env.BIPS_MDX === 'markdown' || env.BIPS_MDX === 'compile' ? env.BIPS_MDX : cfg.mdx,
    ogImages: og === undefined || og === '' ? cfg.ogImages : ['on', 'true', '1'].includes(og),
    pageSize: cfg.pageSize,
    templatePath: templateFor(bipsDir) ?? join(root, 'bips', 'template.md'),
  };
}

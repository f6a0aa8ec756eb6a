/**
 * The registry's settings: `registry.config.json` at the project root, overridden by environment
 * variables. Read by astro.config.mjs, the content loader and the command-line scripts alike.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STATUSES, type StatusDefinition } from './bip/constants.ts';
import { editDistance } from './bip/distance.ts';
import { profileSchema } from './profile/schema.ts';
import { lifecycle, type Lifecycle } from './profile/lifecycle.ts';
import { resolveProfile, type Profile } from './profile/profile.ts';

/** The presets shipped with the generator: a profile written down, with its own template. */
export const PRESETS_DIR = fileURLToPath(new URL('../presets/', import.meta.url));

const fileSchema = z
  .object({
    /** A named profile (`bitcoin`, `ethereum`) whose settings the file's own keys override. */
    preset: z.string().min(1).optional(),
    /** Folder holding the BIPs, relative to the project root. */
    bipsDir: z.string().default('bips'),
    /** Shown in the header, the page titles and the cards. */
    name: z.string().min(1).optional(),
    description: z.string().default('Improvement proposals: how the project changes, and why.'),
    /** Prefix that a BIP file's path inside bipsDir is appended to for "view source" links. */
    sourceUrl: z.string().url().optional(),
    /** Links to a commit (`{sha}`) and to a file's history (`{path}`, inside the registry folder)
     * in the repository's web view, when they cannot be derived from `sourceUrl`. */
    repository: z.object({ commit: z.string().url().optional(), history: z.string().url().optional() }).strict().optional(),
    /** Extra spellings for the default statuses: { "Review": ["in audit"] }. */
    statusAliases: z.record(z.string(), z.array(z.string())).optional(),
    /** `compile`: .mdx bodies are MDX (they run code at build time); `markdown`: they are
     * rendered as plain markdown, for registries whose proposals are not trusted code. */
    mdx: z.enum(['compile', 'markdown']).default('compile'),
    /** Social cards (OG images) for every BIP and listing page; off for quick local builds. */
    ogImages: z.boolean().default(true),
    /** Rows of the index page, and of each further page of the registry by number. */
    pageSize: z.number().int().min(1).default(100),
    /** The addresses of the site as last published: its `bips.json` (downloaded from the live
     * site before the build) or a committed text file of paths. Each one this build would not
     * publish fails it, unless `retired` says what became of it. */
    urlBaseline: z.string().min(1).optional(),
    /** Addresses that are gone on purpose → a new address (`/bip-9/`, or https://…), which they
     * redirect to, or a sentence saying what became of them, which a page there shows. */
    retired: z.record(z.string(), z.string().min(1)).default({}),
    /** A folder of the registry's own look (lib/theme.ts), relative to the settings file. */
    theme: z.string().min(1).optional(),
    ...profileSchema.shape,
  })
  .strict();

type FileSettings = z.output<typeof fileSchema>;

export interface RegistryConfig {
  root: string;
  bipsDir: string;
  name: string;
  description: string;
  sourceUrl?: string;
  /** Commit and history link patterns (see lib/history/links.ts). */
  repository?: { commit?: string; history?: string };
  statuses: StatusDefinition[];
  /** Tones, meanings and sort ranks of the statuses. */
  lifecycle: Lifecycle;
  /** Everything else that differs between registries (lib/profile/). */
  profile: Profile;
  /** The preset the settings start from, if any. */
  preset?: string;
  mdx: 'compile' | 'markdown';
  ogImages: boolean;
  pageSize: number;
  /** The URL baseline file, absolute (see lib/build/url-guard.ts). */
  urlBaseline?: string;
  retired: Record<string, string>;
  /** The theme folder, absolute (lib/theme.ts). */
  themeDir?: string;
  /** The template the schema is built from: the registry's own, else the bundled one. */
  templatePath: string;
}

export const CONFIG_FILE = 'registry.config.json';

/** Where the user ran the command: paths in messages are shown relative to it, and relative paths
 * given on a command line are read from it. The installed command runs the steps inside this
 * package and names the caller's folder in REGISTRY_CWD; an npm script runs where it is. */
export const callerDir = (env: Record<string, string | undefined> = process.env, otherwise = process.cwd()) =>
  env.REGISTRY_CWD || otherwise;

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

/** The settings a preset writes down, and the folder its relative paths are read from. */
function readPreset(name: string, file: string): { settings: Record<string, unknown>; dir: string } {
  const known = existsSync(PRESETS_DIR)
    ? readdirSync(PRESETS_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
    : [];
  if (!known.includes(name)) throw new ConfigError(`${file}: preset "${name}" does not exist (presets: ${known.join(', ')})`);
  return { settings: readConfigFile(join(PRESETS_DIR, `${name}.json`)) as Record<string, unknown>, dir: PRESETS_DIR };
}

function parseSettings(raw: unknown, file: string): FileSettings {
  const parsed = fileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => `unknown key "${k}"${suggestKey(k)}`).join('; ')
      : `${i.path.join('.') || '(root)'}: ${i.message}`,
  );
  throw new ConfigError(`${file}: ${issues.join('; ')}`);
}

export function loadRegistryConfig(root: string, env: Record<string, string | undefined> = process.env): RegistryConfig {
  // The settings may live with the registry rather than with the site: REGISTRY_CONFIG names the file.
  const file = env.REGISTRY_CONFIG ? resolve(root, env.REGISTRY_CONFIG) : join(root, CONFIG_FILE);
  if (env.REGISTRY_CONFIG && !existsSync(file)) throw new ConfigError(`REGISTRY_CONFIG: no such file "${file}"`);
  const own = readConfigFile(file) as Record<string, unknown>;
  const presetName = env.REGISTRY_PRESET || (typeof own.preset === 'string' ? own.preset : undefined);
  const preset = presetName ? readPreset(presetName, env.REGISTRY_PRESET ? 'REGISTRY_PRESET' : file) : undefined;
  if (preset) parseSettings(preset.settings, join(PRESETS_DIR, `${presetName}.json`));
  // The file's own keys win over the preset's, key by key; its template is read from beside it.
  const cfg = parseSettings({ ...preset?.settings, ...own, ...(presetName ? { preset: presetName } : {}) }, file);
  const base = env.REGISTRY_CONFIG ? dirname(file) : root;
  const bipsDir = env.BIPS_DIR ? resolve(root, env.BIPS_DIR) : resolve(base, cfg.bipsDir);
  const templatePath =
    typeof own.template === 'string'
      ? resolve(base, own.template)
      : preset && typeof preset.settings.template === 'string'
        ? resolve(preset.dir, preset.settings.template)
        : (templateFor(bipsDir) ?? join(root, 'bips', 'template.md'));
  if (!existsSync(templatePath)) throw new ConfigError(`${file}: template: no such file "${templatePath}"`);
  const themeDir = cfg.theme ? resolve(base, cfg.theme) : undefined;
  if (themeDir && !statSync(themeDir, { throwIfNoEntry: false })?.isDirectory())
    throw new ConfigError(`${file}: theme: no such folder "${themeDir}"`);
  const profile = resolveProfile(cfg, cfg.layout?.assetsDir ? resolve(bipsDir, cfg.layout.assetsDir) : undefined);
  const written = cfg.statuses ?? DEFAULT_STATUSES;
  const aliasesFor = new Map<string, string[]>();
  for (const [key, aliases] of Object.entries(cfg.statusAliases ?? {})) {
    const status = written.find((s) => s.name.toLowerCase() === key.trim().toLowerCase());
    if (!status)
      throw new ConfigError(
        `${file}: statusAliases: "${key}" is not a status of the lifecycle (${written.map((s) => s.name).join(', ')})`,
      );
    aliasesFor.set(status.name, [...(aliasesFor.get(status.name) ?? []), ...aliases]);
  }
  const statuses = written.map((s) => ({ ...s, aliases: [...s.aliases, ...(aliasesFor.get(s.name) ?? [])] }));
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
    name: env.REGISTRY_NAME || cfg.name || `${profile.term} Registry`,
    description: cfg.description,
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(cfg.repository ? { repository: cfg.repository } : {}),
    statuses,
    lifecycle: lifecycle(statuses),
    profile,
    ...(presetName ? { preset: presetName } : {}),
    mdx: env.BIPS_MDX === 'markdown' || env.BIPS_MDX === 'compile' ? env.BIPS_MDX : cfg.mdx,
    ogImages: og === undefined || og === '' ? cfg.ogImages : ['on', 'true', '1'].includes(og),
    pageSize: cfg.pageSize,
    ...(env.URL_BASELINE || cfg.urlBaseline
      ? { urlBaseline: env.URL_BASELINE ? resolve(root, env.URL_BASELINE) : resolve(base, cfg.urlBaseline!) }
      : {}),
    retired: cfg.retired,
    ...(themeDir ? { themeDir } : {}),
    templatePath,
  };
}

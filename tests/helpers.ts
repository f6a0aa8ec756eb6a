/** Shared test set-up: the bundled template's rules, and one-call checks of BIP text. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTemplate } from '../src/lib/bip/template.ts';
import { buildBipSchema } from '../src/lib/bip/schema.ts';
import { checkBip } from '../src/lib/bip/check.ts';
import { DEFAULT_STATUSES } from '../src/lib/bip/constants.ts';
import { formatDiagnostic } from '../src/lib/bip/diagnostics.ts';
import { loadRegistryConfig, type RegistryConfig } from '../src/lib/config.ts';
import { DEFAULT_PROFILE } from '../src/lib/profile/profile.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (...parts: string[]) => fileURLToPath(new URL(`fixtures/${parts.join('/')}`, import.meta.url));

export const bundledTemplate = readFileSync(new URL('../bips/template.md', import.meta.url), 'utf8');

export function rulesFrom(templateText = bundledTemplate) {
  const template = readTemplate(templateText, DEFAULT_PROFILE);
  return { rules: { template, statuses: DEFAULT_STATUSES, profile: DEFAULT_PROFILE }, schema: buildBipSchema(template) };
}

const defaults = rulesFrom();

/** Checks BIP text as if it were `fileName` (in `folderName`, if given) with the bundled template. */
export function check(text: string, fileName = 'bip-0005.md', folderName?: string, rules = defaults) {
  const result = checkBip(
    text,
    { file: folderName ? `${folderName}/${fileName}` : fileName, fileName, ...(folderName ? { folderName } : {}) },
    rules.rules,
    rules.schema,
  );
  return { ...result, messages: result.diagnostics.map(formatDiagnostic) };
}

/** The config for a registry folder, as the build would read it (no config file, no env). */
export function configFor(bipsDir: string): RegistryConfig {
  return loadRegistryConfig(projectRoot, { BIPS_DIR: bipsDir });
}

/** A BIP with a complete `## BIP Information` header; `fields` override or remove (`null`) fields. */
export function bipText(fields: Record<string, string | null> = {}, body = '## Abstract\n\nA proposal.\n'): string {
  const all: Record<string, string | null> = {
    BIP: '5',
    Title: 'An Example',
    Author: 'GPT-5 (OpenAI)',
    Status: 'Draft',
    Type: 'Standards Track',
    Category: 'Core',
    Created: '2025-01-02',
    License: 'MIT',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `**${k}**: ${v}`);
  return `# BIP-5: An Example\n\n## BIP Information\n${lines.join('\n')}\n\n${body}`;
}

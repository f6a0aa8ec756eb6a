/**
 * What a registry is checked against, derived once from its settings: the rules the template
 * gives (fields, choice lists, required sections) and the lifecycle, and the zod schema built
 * from them. Everything that checks a BIP takes this one object instead of reading the template
 * itself.
 */
import { readFileSync } from 'node:fs';
import { readTemplate } from '../bip/template.ts';
import { buildBipSchema, type BipSchema } from '../bip/schema.ts';
import type { RegistryRules } from '../bip/normalize.ts';
import type { RegistryConfig } from '../config.ts';

export interface RegistrySetup {
  config: RegistryConfig;
  rules: RegistryRules;
  schema: BipSchema;
}

/** The template cannot serve as the schema; its message is a located diagnostic line. */
export class TemplateError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}:1:1: error: ${reason} [template/invalid]`);
    this.file = file;
    this.reason = reason;
  }
}

/** The rules a registry is checked against. A broken template is a located error, since every
 * BIP would otherwise be judged by a schema nobody meant. */
export function loadRules(config: Pick<RegistryConfig, 'templatePath' | 'statuses' | 'profile'>): RegistryRules {
  try {
    const template = readTemplate(readFileSync(config.templatePath, 'utf8'), config.profile);
    return { template, statuses: config.statuses, profile: config.profile };
  } catch (e) {
    throw new TemplateError(config.templatePath, (e as Error).message);
  }
}

export function registrySetup(config: RegistryConfig): RegistrySetup {
  const rules = loadRules(config);
  return { config, rules, schema: buildBipSchema(rules.template) };
}

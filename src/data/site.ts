/** The site's settings and URL builder, for pages and components, from the build's one registry
 * state (lib/registry/state.ts). */
import { buildState } from '../lib/registry/state.ts';
import { headerFields, type HeaderField } from '../lib/bip/fields.ts';
import type { BipData } from '../lib/bip/schema.ts';
import { makeUrls } from '../lib/urls.ts';
import { deployFromEnv } from '../lib/deploy.ts';

export const state = buildState();
export const config = state.config;
export const template = state.setup.rules.template;
export const urls = makeUrls(import.meta.env.BASE_URL, import.meta.env.SITE);

/** Set when this build is a preview (of a pull request): pages say so and ask not to be indexed. */
export const preview = deployFromEnv(process.env).preview;

/** A BIP's header fields as text, in the template's order (see lib/bip/fields.ts). */
export function fieldsOf(data: BipData): HeaderField[] {
  return headerFields(data, template);
}

/** Link to a BIP file in its repository, when `sourceUrl` is configured. */
export function sourceLink(relPath: string): string | undefined {
  if (!config.sourceUrl) return undefined;
  return config.sourceUrl.replace(/\/?$/, '/') + relPath.split('/').map(encodeURIComponent).join('/');
}

/** The eight colours badges come in, in lifecycle order. */
const TONES = ['draft', 'proposed', 'review', 'approved', 'implementation', 'implemented', 'rejected', 'withdrawn'];

const rank = new Map(config.statuses.map((s, i) => [s.name, i]));

/** A status's colour, by its place in the lifecycle (the default lifecycle's order is the tones'
 * order), so a registry's own statuses get distinct colours too; outside the lifecycle, grey. */
export function statusTone(status: string): string {
  const index = rank.get(status);
  return index === undefined ? 'other' : TONES[index % TONES.length]!;
}

/** Position in the lifecycle, for sorting; statuses outside it come last. */
export function statusRank(status: string): number {
  return rank.get(status) ?? config.statuses.length;
}

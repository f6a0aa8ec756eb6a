/** The site's settings and URL builder, for pages and components. */
import { loadRegistryConfig } from '../lib/config.ts';
import { loadRules } from '../lib/registry/load.ts';
import { isKnownField } from '../lib/bip/constants.ts';
import { makeUrls } from '../lib/urls.ts';
import { deployFromEnv } from '../lib/deploy.ts';

export const config = loadRegistryConfig(process.cwd());
export const urls = makeUrls(import.meta.env.BASE_URL, import.meta.env.SITE);

/** Set when this build is a preview (of a pull request): pages say so and ask not to be indexed. */
export const preview = deployFromEnv(process.env).preview;

/** Fields the registry's template adds to the standard ones (`Requires`, `Discussions-To`), in
 * template order: every BIP page shows them. */
export const templateExtraFields = loadRules(config).template.fields.filter((f) => !isKnownField(f.name));

/** Link to a BIP file in its repository, when `sourceUrl` is configured. */
export function sourceLink(relPath: string): string | undefined {
  if (!config.sourceUrl) return undefined;
  return config.sourceUrl.replace(/\/?$/, '/') + relPath.split('/').map(encodeURIComponent).join('/');
}

/** The eight colours badges come in, in lifecycle order. */
const TONES = ['draft', 'proposed', 'review', 'approved', 'implementation', 'implemented', 'rejected', 'withdrawn'];

/** A status's colour, by its place in the lifecycle (the default lifecycle's order is the tones'
 * order), so a registry's own statuses get distinct colours too; outside the lifecycle, grey. */
export function statusTone(status: string): string {
  const index = config.statuses.findIndex((s) => s.name === status);
  return index < 0 ? 'other' : TONES[index % TONES.length]!;
}

/** Position in the lifecycle, for sorting; statuses outside it come last. */
export function statusRank(status: string): number {
  const index = config.statuses.findIndex((s) => s.name === status);
  return index < 0 ? config.statuses.length : index;
}

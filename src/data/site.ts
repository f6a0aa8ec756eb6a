/** The site's settings and URL builder, for pages and components. */
import { loadRegistryConfig } from '../lib/config.ts';
import { loadRules } from '../lib/registry/load.ts';
import { isKnownField } from '../lib/bip/constants.ts';
import { makeUrls } from '../lib/urls.ts';

export const config = loadRegistryConfig(process.cwd());
export const urls = makeUrls(import.meta.env.BASE_URL, import.meta.env.SITE);

/** Fields the registry's template adds to the standard ones (`Requires`, `Discussions-To`), in
 * template order: every BIP page shows them. */
export const templateExtraFields = loadRules(config).template.fields.filter((f) => !isKnownField(f.name));

/** Link to a BIP file in its repository, when `sourceUrl` is configured. */
export function sourceLink(relPath: string): string | undefined {
  if (!config.sourceUrl) return undefined;
  return config.sourceUrl.replace(/\/?$/, '/') + relPath.split('/').map(encodeURIComponent).join('/');
}

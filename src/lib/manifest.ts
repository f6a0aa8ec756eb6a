/**
 * The URL manifest (`bips.json`): every BIP number → its canonical URL and the aliases that
 * redirect to it. Other tools (link checkers, bots, the `_redirects` file) read it.
 */
import { aliasSlugs, bipSlug, caseAliasSlugs, type Urls } from './urls.ts';

export const MANIFEST_FILE = 'bips.json';

export interface ManifestBip {
  number: number;
  title: string;
  status: string;
  url: string;
  aliases: string[];
}

export interface UrlManifest {
  base: string;
  bips: ManifestBip[];
}

export function buildManifest(urls: Urls, bips: readonly { number: number; title: string; status: string }[]): UrlManifest {
  return {
    base: urls.base,
    bips: bips.map((b) => ({
      ...b,
      url: urls.bip(b.number),
      aliases: [...aliasSlugs(b.number), ...caseAliasSlugs(b.number)].map((a) => `${urls.base}${a}/`),
    })),
  };
}

/** Netlify/Cloudflare syntax: `from to status`, one per line, with and without the trailing slash. */
export function redirectsFile(manifest: UrlManifest): string {
  const lines: string[] = [];
  for (const b of manifest.bips) {
    for (const alias of b.aliases) {
      lines.push(`${alias} ${b.url} 301`, `${alias.replace(/\/$/, '')} ${b.url} 301`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The URL manifest (`bips.json`): every BIP number → its canonical URL and the aliases that
 * redirect to it. Other tools (link checkers, bots, the `_redirects` file) read it.
 */
import { aliasSlugs, caseAliasSlugs, isFileAlias, type Urls } from './urls.ts';
import type { LoadedBip } from './registry/documents.ts';
import type { Profile } from './profile/profile.ts';

type UrlProfile = Pick<Profile, 'urls'>;

export const MANIFEST_FILE = 'bips.json';

export interface ManifestDocument {
  title: string;
  url: string;
  /** Path of the source file in the registry folder. */
  source: string;
}

export interface ManifestBip extends ManifestDocument {
  number: number;
  status: string;
  aliases: string[];
  companions: ManifestDocument[];
}

export interface ManifestInput {
  number: number;
  title: string;
  status: string;
  source: string;
  companions: { slug: string; title: string; source: string }[];
}

export interface UrlManifest {
  base: string;
  bips: ManifestBip[];
}

export function buildManifest(urls: Urls, bips: readonly ManifestInput[], profile: UrlProfile): UrlManifest {
  const { proposal, aliases } = profile.urls;
  return {
    base: urls.base,
    bips: bips.map((b) => ({
      number: b.number,
      title: b.title,
      status: b.status,
      url: urls.bip(b.number),
      source: b.source,
      aliases: [...aliasSlugs(b.number, proposal, aliases), ...caseAliasSlugs(b.number, proposal)].map(
        (a) => `${urls.base}${a}${isFileAlias(a) ? '' : '/'}`,
      ),
      companions: b.companions.map((c) => ({ title: c.title, url: urls.companion(b.number, c.slug), source: c.source })),
    })),
  };
}

/** The manifest of a loaded registry. */
export function manifestOf(urls: Urls, bips: readonly LoadedBip[], profile: UrlProfile): UrlManifest {
  return buildManifest(
    urls,
    bips.map((b) => ({
      number: b.data.bip,
      title: b.data.title,
      status: b.data.status,
      source: b.relPath,
      companions: b.companions.map((c) => ({ slug: c.slug, title: c.title, source: c.relPath })),
    })),
    profile,
  );
}

/** Netlify/Cloudflare syntax: `from to status`. Only the aliases no redirect page can serve
 * (those that differ from the BIP's URL by letter case) are listed: hosts cap the number of
 * rules (GitLab Pages about 1,000, Cloudflare 2,000), and the pages serve all the others. */
export function redirectsFile(urls: Urls, manifest: UrlManifest, profile: UrlProfile): string {
  const lines: string[] = [];
  for (const b of manifest.bips) {
    for (const alias of caseAliasSlugs(b.number, profile.urls.proposal))
      lines.push(`${urls.base}${alias} ${b.url} 301`, `${urls.base}${alias}/ ${b.url} 301`);
  }
  return lines.join('\n') + '\n';
}

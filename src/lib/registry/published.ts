/**
 * What the site publishes from a registry and where: every BIP and companion document with its
 * URL, and the link targets derived from them, which the loader rewrites links with, the link
 * check judges links by and the post-build pass resolves MDX links with. Derived once per build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeLinkTargets, type LinkTargets, type PublishedDocument } from '../render/links.ts';
import { makeUrls } from '../urls.ts';
import { hashText, type LoadedBip } from './documents.ts';
import type { Profile } from '../profile/profile.ts';
import { referencePattern } from './content-checks.ts';

/** Whether a path relative to a folder (it may climb above it) names a file or folder on disk. */
export const existsIn = (dir: string) => (relPath: string) => existsSync(resolve(dir, relPath));

export interface Published {
  documents: PublishedDocument[];
  /** Link targets under the build's base path; `key` changes when any target does. */
  links: LinkTargets & { key: string };
}

export function publish(
  bips: readonly LoadedBip[],
  assets: readonly string[],
  opts: { base: string; sourceUrl?: string | undefined; bipsDir: string; profile?: Pick<Profile, 'numbering' | 'urls'> },
): Published {
  const urls = makeUrls(opts.base, undefined, opts.profile?.urls.proposal);
  const documents = bips.flatMap((b) => [
    { relPath: b.relPath, url: urls.bip(b.data.bip), main: true },
    ...b.companions.map((c) => ({ relPath: c.relPath, url: urls.companion(b.data.bip, c.slug), main: false })),
  ]);
  const targets = makeLinkTargets(documents, assets, urls, opts.sourceUrl, existsIn(opts.bipsDir));
  if (opts.profile) {
    targets.proposals = new Map(bips.map((b) => [b.data.bip, urls.bip(b.data.bip)]));
    targets.mentions = referencePattern(opts.profile);
  }
  // What a rendered body depends on besides its own text: where its links and mentions go.
  const key = hashText(
    [...[...targets.pages, ...targets.files].map(([k, v]) => `${k} ${v}`), targets.mentions?.source ?? ''].join('\n'),
  );

  return { documents, links: { ...targets, key } };
}

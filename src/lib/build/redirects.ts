/**
 * The other addresses of each proposal (`/bip-05/`, `/BIP-0005/`, `/5/`, `/EIPS/eip-1.html`), written after the build as
 * small redirect files rather than rendered as pages: a meta refresh, a canonical link and a
 * visible link, which work on any static host. `_redirects` adds the forms only a host can serve
 * (see lib/manifest.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aliasSlugs, isFileAlias, type Urls } from '../urls.ts';
import { label, type Profile } from '../profile/profile.ts';
import { redirectsFile, type UrlManifest } from '../manifest.ts';
import { escapeHtml } from '../render/escape.ts';

/** The HTML of a redirect to `to` (a site path); `label` names where it leads. */
export function redirectPage(to: string, label: string, urls: Pick<Urls, 'absolute'>): string {
  const href = escapeHtml(to);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Redirecting to ${escapeHtml(label)}</title>
    <meta http-equiv="refresh" content="0; url=${href}">
    <link rel="canonical" href="${escapeHtml(urls.absolute(to))}">
    <meta name="robots" content="noindex">
  </head>
  <body>
    <p>This address has moved to <a href="${href}">${escapeHtml(label)}</a>.</p>
  </body>
</html>
`;
}

/** Writes every alias of every proposal into the site folder, and `_redirects`. An alias that
 * names a file (`EIPS/eip-1.html`) is that file; any other is a folder's index page. Returns the
 * count. */
export function writeRedirects(
  siteDir: string,
  manifest: UrlManifest,
  urls: Urls,
  profile: Pick<Profile, 'urls' | 'term'>,
): number {
  let written = 0;
  // Written synchronously: thousands of small files go several times faster than through the
  // promise API's thread pool, and nothing else waits on this thread meanwhile.
  for (const b of manifest.bips) {
    const html = redirectPage(b.url, label(profile, b.number), urls);
    for (const alias of aliasSlugs(b.number, profile.urls.proposal, profile.urls.aliases)) {
      const file = isFileAlias(alias) ? join(siteDir, alias) : join(siteDir, alias, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      written++;
    }
  }
  writeFileSync(join(siteDir, '_redirects'), redirectsFile(urls, manifest, profile));
  return written;
}

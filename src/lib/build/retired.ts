/**
 * The pages of retired addresses (`retired` in the settings, see lib/build/url-guard.ts): a
 * redirect where the entry names the new address, else a short page that says what became of
 * it. A file the build already wrote is never replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { RegistryConfig } from '../config.ts';
import type { UrlManifest } from '../manifest.ts';
import type { Urls } from '../urls.ts';
import { escapeHtml } from '../render/escape.ts';
import { publishedPaths, readBaseline, retiredPages } from './url-guard.ts';
import { redirectPage } from './redirects.ts';

function noticePage(path: string, note: string, config: Pick<RegistryConfig, 'name'>, urls: Pick<Urls, 'home'>): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Removed · ${escapeHtml(config.name)}</title>
    <meta name="robots" content="noindex">
  </head>
  <body>
    <main>
      <h1>This page was removed</h1>
      <p>${escapeHtml(note)}</p>
      <p>It was at <code>/${escapeHtml(path)}</code>. <a href="${escapeHtml(urls.home())}">The index of ${escapeHtml(config.name)}</a> lists every page there is.</p>
    </main>
  </body>
</html>
`;
}

export function writeRetired(
  siteDir: string,
  config: Pick<RegistryConfig, 'retired' | 'urlBaseline' | 'name'>,
  manifest: UrlManifest,
  urls: Urls,
): number {
  const baseline =
    config.urlBaseline && existsSync(config.urlBaseline) ? readBaseline(readFileSync(config.urlBaseline, 'utf8')) : undefined;
  const pages = retiredPages(config.retired, publishedPaths(manifest), urls.base, baseline?.ok ? baseline.entries : []);
  const root = resolve(siteDir);
  let written = 0;
  for (const page of pages) {
    const file = resolve(root, page.file);
    // An address cannot climb out of the site folder, nor replace what the build wrote.
    if (!file.startsWith(root + sep) || existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    const shown = page.file.replace(/index\.html$/, '');
    writeFileSync(file, page.to ? redirectPage(page.to, page.to, urls) : noticePage(shown, page.note ?? '', config, urls));
    written++;
  }
  return written;
}

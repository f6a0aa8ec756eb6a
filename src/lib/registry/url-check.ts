/**
 * The URL guard as a registry check (lib/build/url-guard.ts): with a baseline configured, every
 * published address this registry would no longer publish is an error located in the baseline
 * file, so `lint:bips` and the build both refuse to drop it unannounced.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import type { RegistryConfig } from '../config.ts';
import { manifestOf } from '../manifest.ts';
import { makeUrls } from '../urls.ts';
import { lostUrls, publishedPaths, readBaseline } from '../build/url-guard.ts';
import type { LoadedBip } from './documents.ts';

export function urlProblems(
  config: Pick<RegistryConfig, 'urlBaseline' | 'retired' | 'profile' | 'root'>,
  bips: readonly LoadedBip[],
  base: string,
): Diagnostic[] {
  if (!config.urlBaseline) return [];
  const file = relative(config.root, config.urlBaseline).split(sep).join('/') || config.urlBaseline;
  let text: string;
  try {
    text = readFileSync(config.urlBaseline, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return [diagnostic(file, undefined, 'error', 'url/baseline', `the URL baseline cannot be read (${why})`)];
  }
  const baseline = readBaseline(text);
  if (!baseline.ok)
    return [diagnostic(file, undefined, 'error', 'url/baseline', `the URL baseline cannot be used: ${baseline.reason}`)];
  const urls = makeUrls(base, undefined, config.profile.urls.proposal);
  const published = publishedPaths(manifestOf(urls, bips, config.profile));
  return lostUrls(baseline.entries, published, config.retired).map((lost) => {
    const others = lost.lostAliases.length ? ` (and ${lost.lostAliases.length} other addresses of it)` : '';
    return diagnostic(
      file,
      { line: lost.line, column: 1 },
      'error',
      'url/lost',
      `/${lost.path}${others} was published and would be no longer; keep it, or say what became of it under "retired": { "/${lost.path}": "/its/new/address/" } or { "/${lost.path}": "what happened to it" }`,
    );
  });
}

/**
 * The registry's Astro integration. It opens the build's registry state as Astro loads its
 * config (lib/registry/state.ts), serves registry files in the dev server, and after the build
 * runs one small job each, all reading that state: MDX bodies (lib/build/bodies.ts), linked
 * registry files (lib/build/files.ts), redirect files (lib/build/redirects.ts), the search index
 * (lib/search/build-index.ts) and the social cards (lib/og/build.ts).
 */
import { createReadStream, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { MANIFEST_FILE, manifestOf } from './lib/manifest.ts';
import { openBuildState, type BuildState } from './lib/registry/state.ts';
import { FILES_DIR, makeUrls, normalizeBase, proposalPagesGlob, publishedPath } from './lib/urls.ts';
import { finishMdxPages } from './lib/build/bodies.ts';
import { publishFiles } from './lib/build/files.ts';
import { writeRedirects } from './lib/build/redirects.ts';
import { writeRetired } from './lib/build/retired.ts';
import { buildSearchIndex, SEARCH_DIR } from './lib/search/build-index.ts';
import { buildCards, CARDS_KEY, type CardJob } from './lib/og/build.ts';
import { defaultCacheDir } from './lib/og/cache.ts';
import { readTheme } from './lib/theme.ts';
import { safeDecode } from './lib/registry/check-links.ts';
import { publishTheme } from './lib/build/theme.ts';

/** The site's own static files, which a registry's theme may replace. */
const BUNDLED_PUBLIC = fileURLToPath(new URL('../public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
};

/** What a theme folder may hold besides images (lib/theme.ts). */
const THEME_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The registry path a `files/…` URL path names, if it is one of the publishable files. */
function publishedFile(assets: readonly string[], encodedPath: string): string | undefined {
  try {
    const rel = decodeURIComponent(encodedPath);
    return assets.find((a) => publishedPath(a) === rel);
  } catch {
    return undefined;
  }
}

/** Runs one post-build job and logs what it did and how long it took. */
async function job<T>(logger: AstroIntegrationLogger, run: () => Promise<T>, say: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await run();
  logger.info(`${say(result)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

async function afterBuild(state: BuildState, root: string, base: string, logger: AstroIntegrationLogger) {
  const registry = state.registry;
  const profile = state.config.profile;
  const urls = makeUrls(base, state.siteUrl, profile.urls.proposal);
  const compileMdx = state.config.mdx === 'compile';
  const mdxPages = registry.bips.flatMap((b) => [
    ...(b.format === 'mdx' && compileMdx ? [urls.bip(b.data.bip)] : []),
    ...b.companions.filter((c) => c.format === 'mdx' && compileMdx).map((c) => urls.companion(b.data.bip, c.slug)),
  ]);
  const mdxFiles = await job(
    logger,
    () => finishMdxPages(root, mdxPages, registry.links),
    () => `sanitized ${mdxPages.length} MDX bodies`,
  );
  // Files the bodies link to, and each proposal's own files, which its page lists.
  const linked = [...mdxFiles, ...[...state.linkedFiles.values()].flat(), ...registry.bips.flatMap((b) => b.files)];
  await job(
    logger,
    () => publishFiles(root, state.config.bipsDir, linked, new Set(registry.assets)),
    (n) => `published ${n} linked registry files`,
  );

  const expected = registry.documents.length;
  const search = await job(
    logger,
    () => buildSearchIndex(root, proposalPagesGlob(profile.urls.proposal), expected),
    (r) => `search index: ${r.pages} pages, ${r.files} files, ${Math.round(r.bytes / 1024)} KB in ${SEARCH_DIR}/`,
  );
  // A page missing from the index would be a page nobody can find: a mismatch fails the build.
  if (search.pages !== expected) {
    throw new Error(
      `search index: ${search.pages} pages indexed, but the site has ${expected} ${profile.term} and companion pages`,
    );
  }

  // After the index: Pagefind need not walk the redirect files.
  const manifest = manifestOf(urls, registry.bips, profile);
  await job(
    logger,
    async () => writeRedirects(root, manifest, urls, profile),
    (n) => `wrote ${n} redirects and _redirects (${manifest.bips.length} ${profile.plural} in ${MANIFEST_FILE})`,
  );
  if (Object.keys(state.config.retired).length > 0)
    await job(
      logger,
      async () => writeRetired(root, state.config, manifest, urls),
      (n) => `wrote ${n} pages for retired addresses`,
    );

  // Social cards: exactly the list the pages' og:image tags were made from.
  const cards = state.peek<CardJob[]>(CARDS_KEY) ?? [];

  // Last but the cards (whose names are known): a theme file may replace nothing the build wrote.
  const theme = readTheme(state.config.themeDir);
  if (theme) {
    const cardFiles = new Set(cards.map((c) => c.file.replace(/^\/+/, '')));
    await job(
      logger,
      async () => publishTheme(root, theme, BUNDLED_PUBLIC, (f) => cardFiles.has(f)),
      (n) => `published ${n} theme files`,
    );
  }

  if (cards.length === 0) {
    logger.info('OG images: off (ogImages / OG_IMAGES)');
    return;
  }
  const step = Math.max(1, Math.ceil(cards.length / 10));
  const report = await buildCards(cards, {
    siteDir: root,
    cacheDir: process.env.OG_CACHE_DIR || defaultCacheDir(process.cwd()),
    progress: (done, total) => {
      if (done % step === 0 || done === total) logger.info(`OG images: ${done}/${total}`);
    },
  });
  logger.info(
    `OG images: ${report.rendered} rendered, ${report.cached} from cache, ${report.total} in all (${report.seconds.toFixed(1)} s)`,
  );
  const missing = cards.filter((c) => !existsSync(join(root, c.file)));
  if (missing.length > 0)
    throw new Error(
      `OG images were not made: ${missing
        .slice(0, 5)
        .map((c) => c.file)
        .join(', ')}`,
    );
}

export function registry(): AstroIntegration {
  let state: BuildState | undefined;
  let base = '/';
  return {
    name: 'bip-registry',
    hooks: {
      'astro:config:setup': () => {
        // A fresh state each time Astro loads the config (the dev server reloads it on change).
        state = openBuildState(process.cwd());
      },
      'astro:config:done': ({ config: astroConfig, logger }) => {
        base = normalizeBase(astroConfig.base);
        state!.siteUrl = astroConfig.site;
        state!.log = logger;
        if (!astroConfig.site && state!.config.ogImages) {
          logger.warn('SITE is not set: og:image and og:url are paths, which link previews do not follow (set SITE)');
        }
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${FILES_DIR}/`;
        server.middlewares.use((req, res, next) => {
          // Vite strips the base from req.url; the original URL still has it.
          const url = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split(/[?#]/)[0]!;
          const assets = state?.loaded ? state.registry.assets : [];
          const rel = url.startsWith(prefix) ? publishedFile(assets, url.slice(prefix.length)) : undefined;
          // The theme's files, at the root as the build publishes them (read anew: it may change).
          const theme = rel || !url.startsWith(base) ? undefined : readTheme(state?.config.themeDir);
          const themed = theme?.files.find((f) => `${base}${f}` === safeDecode(url));
          if (!rel && !themed) return next();
          const path = rel ? join(state!.config.bipsDir, rel) : join(theme!.dir, themed!);
          res.setHeader(
            'Content-Type',
            CONTENT_TYPES[extname(path).toLowerCase()] ?? THEME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
          );
          res.setHeader('X-Content-Type-Options', 'nosniff');
          createReadStream(path).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await afterBuild(state!, fileURLToPath(dir), base, logger);
      },
    },
  };
}

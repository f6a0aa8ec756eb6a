/**
 * The registry's Astro integration. It opens the build's registry state as Astro loads its
 * config (lib/registry/state.ts), serves registry files in the dev server, and after the build
 * runs one small job each, all reading that state: MDX bodies (lib/build/bodies.ts), linked
 * registry files (lib/build/files.ts), redirect files (lib/build/redirects.ts), the search index
 * (lib/search/build-index.ts) and the social cards (lib/og/build.ts).
 */
import { createReadStream, existsSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { MANIFEST_FILE, manifestOf } from './lib/manifest.ts';
import { openBuildState, type BuildState } from './lib/registry/state.ts';
import { FILES_DIR, makeUrls, normalizeBase } from './lib/urls.ts';
import { finishMdxPages, pageFile } from './lib/build/bodies.ts';
import { publishFiles } from './lib/build/files.ts';
import { writeRedirects } from './lib/build/redirects.ts';
import { buildSearchIndex, SEARCH_DIR } from './lib/search/build-index.ts';
import { buildCards, CARDS_KEY, type CardJob } from './lib/og/build.ts';
import { defaultCacheDir } from './lib/og/cache.ts';

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

/** The registry path a `files/…` URL path names, if it is one of the publishable files. */
function publishedFile(assets: readonly string[], encodedPath: string): string | undefined {
  try {
    const rel = decodeURIComponent(encodedPath);
    return assets.includes(rel) ? rel : undefined;
  } catch {
    return undefined;
  }
}

async function afterBuild(state: BuildState, root: string, base: string, logger: AstroIntegrationLogger) {
  const registry = state.registry;
  const urls = makeUrls(base, undefined);
  const compileMdx = state.config.mdx === 'compile';
  const mdxPages = registry.bips.flatMap((b) => [
    ...(b.format === 'mdx' && compileMdx ? [urls.bip(b.data.bip)] : []),
    ...b.companions.filter((c) => c.format === 'mdx' && compileMdx).map((c) => urls.companion(b.data.bip, c.slug)),
  ]);
  const mdxFiles = await finishMdxPages(root, mdxPages, registry.links);
  const linked = [...mdxFiles, ...[...state.linkedFiles.values()].flat()];
  const copied = await publishFiles(root, state.config.bipsDir, linked, new Set(registry.assets));

  const manifest = manifestOf(makeUrls(base), registry.bips);
  const site = state.siteUrl;
  const aliases = await writeRedirects(root, manifest, makeUrls(base, site), (n) => `BIP-${n}`);
  logger.info(
    `sanitized ${mdxPages.length} MDX bodies; published ${copied} linked registry files; wrote ${aliases} redirects, _redirects and ${MANIFEST_FILE} (${manifest.bips.length} BIPs)`,
  );

  const pages = registry.documents.map((d) => relative(root, pageFile(root, base, d.url)));
  const search = await buildSearchIndex(root, pages);
  // A page missing from the index would be a page nobody can find: a mismatch fails the build.
  if (search.pages !== pages.length) {
    throw new Error(`search index: ${search.pages} pages indexed, but the site has ${pages.length} BIP and companion pages`);
  }
  logger.info(
    `search index: ${search.pages} pages, ${search.files} files, ${Math.round(search.bytes / 1024)} KB in ${SEARCH_DIR}/`,
  );

  // Social cards: exactly the list the pages' og:image tags were made from.
  const cards = state.peek<CardJob[]>(CARDS_KEY) ?? [];
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
          if (!rel) return next();
          res.setHeader('Content-Type', CONTENT_TYPES[extname(rel).toLowerCase()] ?? 'application/octet-stream');
          res.setHeader('X-Content-Type-Options', 'nosniff');
          createReadStream(join(state!.config.bipsDir, rel)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await afterBuild(state!, fileURLToPath(dir), base, logger);
      },
    },
  };
}

/**
 * Build-time work on the written files: a final sanitizing pass over BIP bodies (see
 * lib/render/page-body.ts); copies of the registry files (images, PDFs) that pages link to;
 * `_redirects` for hosts that read one, made from the URL manifest the site emitted; and the
 * Pagefind search index over the finished pages.
 * In dev, the same registry files are served from the registry folder.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, redirectsFile, type UrlManifest } from './lib/manifest.ts';
import { hasPageBody, sanitizePageBody } from './lib/render/page-body.ts';
import { makeLinkTargets } from './lib/render/links.ts';
import { discoverRegistry } from './lib/registry/discover.ts';
import { existsIn } from './lib/registry/load.ts';
import { loadRegistryConfig } from './lib/config.ts';
import { FILES_DIR, makeUrls, normalizeBase } from './lib/urls.ts';
import { buildSearchIndex, SEARCH_DIR } from './lib/search/build-index.ts';
import { buildCards, type CardJob } from './lib/og/build.ts';
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

/** The registry path a `files/…` URL path names, if it is one of the publishable files. Only
 * paths discovery listed qualify, so nothing outside the registry (or unsafe in it) is served. */
function publishedFile(assets: ReadonlySet<string>, encodedPath: string): string | undefined {
  try {
    const rel = decodeURIComponent(encodedPath);
    return assets.has(rel) ? rel : undefined;
  } catch {
    return undefined;
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** og:image URLs of the written pages whose file is not in the site folder. */
async function missingCards(root: string, base: string): Promise<string[]> {
  const missing = new Set<string>();
  for (const file of await htmlFiles(root)) {
    const url = /<meta property="og:image" content="([^"]+)"/.exec(await readFile(file, 'utf8'))?.[1];
    if (!url) continue;
    const path = decodeURIComponent(new URL(url, 'http://site.invalid').pathname);
    if (!path.startsWith(base) || !existsSync(join(root, path.slice(base.length)))) missing.add(url);
  }
  return [...missing];
}

export function registry(): AstroIntegration {
  const config = loadRegistryConfig(process.cwd());
  let base = '/';
  return {
    name: 'bip-registry',
    hooks: {
      'astro:config:done': ({ config: astroConfig, logger }) => {
        base = normalizeBase(astroConfig.base);
        if (!astroConfig.site && config.ogImages) {
          logger.warn('SITE is not set: og:image and og:url are paths, which link previews do not follow (set SITE)');
        }
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${FILES_DIR}/`;
        server.middlewares.use((req, res, next) => {
          // Vite strips the base from req.url; the original URL still has it.
          const url = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split(/[?#]/)[0]!;
          const rel = url.startsWith(prefix)
            ? publishedFile(new Set(discoverRegistry(config.bipsDir).assets), url.slice(prefix.length))
            : undefined;
          if (!rel) return next();
          res.setHeader('Content-Type', CONTENT_TYPES[extname(rel).toLowerCase()] ?? 'application/octet-stream');
          res.setHeader('X-Content-Type-Options', 'nosniff');
          createReadStream(join(config.bipsDir, rel)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const manifest = JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8')) as UrlManifest;
        const docs = manifest.bips.flatMap((b) => [
          { relPath: b.source, url: b.url, main: true },
          ...b.companions.map((c) => ({ relPath: c.source, url: c.url, main: false })),
        ]);
        const assets = discoverRegistry(config.bipsDir).assets;
        const links = makeLinkTargets(docs, assets, makeUrls(base), config.sourceUrl, existsIn(config.bipsDir));
        const linked = new Set<string>();
        const escaped = `${base}${FILES_DIR}/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = new RegExp(`(?:href|src)="${escaped}([^"#?]+)`, 'g');
        let bodies = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          if (hasPageBody(html)) {
            bodies++;
            const clean = sanitizePageBody(html, links);
            if (clean !== html) await writeFile(file, clean);
            for (const m of clean.matchAll(pattern)) linked.add(m[1]!);
          } else {
            for (const m of html.matchAll(pattern)) linked.add(m[1]!);
          }
        }
        let copied = 0;
        const publishable = new Set(assets);
        for (const encoded of linked) {
          const rel = publishedFile(publishable, encoded);
          if (!rel) continue;
          const target = join(root, FILES_DIR, rel);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(join(config.bipsDir, rel), target);
          copied++;
        }
        await writeFile(join(root, '_redirects'), redirectsFile(makeUrls(base), manifest));
        logger.info(
          `sanitized ${bodies} BIP bodies; published ${copied} linked registry files; wrote _redirects and ${MANIFEST_FILE} (${manifest.bips.length} BIPs)`,
        );
        const search = await buildSearchIndex(root, docs.length);
        // Every BIP and companion page carries the index marker; a page missing from the index
        // would be a page nobody can find, so a mismatch fails the build.
        if (search.pages !== docs.length) {
          throw new Error(`search index: ${search.pages} pages indexed, but the site has ${docs.length} BIP and companion pages`);
        }
        logger.info(
          `search index: ${search.pages} pages, ${search.files} files, ${Math.round(search.bytes / 1024)} KB in ${SEARCH_DIR}/`,
        );

        // Social cards: exactly the list the pages' og:image tags were made from.
        const cardsFile = join(root, 'og-cards.json');
        const { cards } = JSON.parse(await readFile(cardsFile, 'utf8')) as { cards: CardJob[] };
        await rm(cardsFile);
        if (cards.length === 0) logger.info('OG images: off (ogImages / OG_IMAGES)');
        else {
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
        }
        const missing = await missingCards(root, base);
        if (missing.length > 0)
          throw new Error(`og:image points at images that were not made: ${missing.slice(0, 5).join(', ')}`);
      },
    },
  };
}

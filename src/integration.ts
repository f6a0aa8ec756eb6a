/**
 * Build-time work on the written files: a final sanitizing pass over BIP bodies (see
 * lib/render/page-body.ts); copies of the registry files (images, PDFs) that pages link to;
 * and `_redirects` for hosts that read one, made from the URL manifest the site emitted.
 * In dev, the same registry files are served from the registry folder.
 */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, redirectsFile, type UrlManifest } from './lib/manifest.ts';
import { hasPageBody, sanitizePageBody } from './lib/render/page-body.ts';
import { makeLinkTargets } from './lib/render/links.ts';
import { discoverRegistry } from './lib/registry/discover.ts';
import { loadRegistryConfig } from './lib/config.ts';
import { FILES_DIR, makeUrls, normalizeBase } from './lib/urls.ts';

/** A registry file for a `files/…` URL path, if it exists inside the registry folder. */
function registryFile(bipsDir: string, encodedPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(encodedPath);
  } catch {
    return undefined;
  }
  const full = resolve(bipsDir, rel);
  if (!full.startsWith(bipsDir + sep) || rel.split('/').some((p) => p.startsWith('.'))) return undefined;
  return statSync(full, { throwIfNoEntry: false })?.isFile() ? full : undefined;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function registry(): AstroIntegration {
  const config = loadRegistryConfig(process.cwd());
  let base = '/';
  return {
    name: 'bip-registry',
    hooks: {
      'astro:config:done': ({ config: astroConfig }) => {
        base = normalizeBase(astroConfig.base);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${FILES_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          const file = url.startsWith(prefix) ? registryFile(config.bipsDir, url.slice(prefix.length)) : undefined;
          if (!file) return next();
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const manifest = JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8')) as UrlManifest;
        const docs = manifest.bips.flatMap((b) => [
          { relPath: b.source, url: b.url, main: true },
          ...b.companions.map((c) => ({ relPath: c.source, url: c.url, main: false })),
        ]);
        const links = makeLinkTargets(docs, discoverRegistry(config.bipsDir).assets, makeUrls(base), config.sourceUrl);
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
        for (const encoded of linked) {
          const source = registryFile(config.bipsDir, encoded);
          if (!source) continue;
          const target = join(root, FILES_DIR, decodeURIComponent(encoded));
          await mkdir(dirname(target), { recursive: true });
          await copyFile(source, target);
          copied++;
        }
        await writeFile(join(root, '_redirects'), redirectsFile(manifest));
        logger.info(`sanitized ${bodies} BIP bodies; published ${copied} linked registry files; wrote _redirects and ${MANIFEST_FILE} (${manifest.bips.length} BIPs)`);
      },
    },
  };
}

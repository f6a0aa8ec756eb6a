/**
 * Build-time work on the written files: a final sanitizing pass over BIP bodies (see
 * lib/render/page-body.ts), and `_redirects` for hosts that read one (Netlify, Cloudflare Pages),
 * made from the URL manifest the site already emitted.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, redirectsFile, type UrlManifest } from './lib/manifest.ts';
import { sanitizePageBody } from './lib/render/page-body.ts';

async function sanitizePages(dir: string): Promise<number> {
  let bodies = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    if (!html.includes('<bip-body>')) continue;
    bodies++;
    const clean = sanitizePageBody(html);
    if (clean !== html) await writeFile(file, clean);
  }
  return bodies;
}

export function registry(): AstroIntegration {
  return {
    name: 'bip-registry',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const bodies = await sanitizePages(root);
        logger.info(`sanitized the BIP bodies of ${bodies} pages`);
        const manifest = JSON.parse(await readFile(join(root, MANIFEST_FILE), 'utf8')) as UrlManifest;
        await writeFile(join(root, '_redirects'), redirectsFile(manifest));
        logger.info(`_redirects and ${MANIFEST_FILE}: ${manifest.bips.length} BIPs`);
      },
    },
  };
}

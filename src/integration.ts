/**
 * Build-time extras that are files, not pages: `_redirects` for hosts that read one (Netlify,
 * Cloudflare Pages), made from the URL manifest the site already emitted.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE, redirectsFile, type UrlManifest } from './lib/manifest.ts';

export function registry(): AstroIntegration {
  return {
    name: 'bip-registry',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const manifest = JSON.parse(await readFile(new URL(MANIFEST_FILE, dir), 'utf8')) as UrlManifest;
        await writeFile(fileURLToPath(new URL('_redirects', dir)), redirectsFile(manifest));
        logger.info(`_redirects: ${manifest.bips.length} BIPs`);
      },
    },
  };
}

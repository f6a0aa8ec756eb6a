/**
 * The post-build pass over MDX pages. Markdown bodies are sanitized and their links resolved
 * when the loader renders them; MDX bodies are compiled by @astrojs/mdx as their pages render,
 * so their pages are opened once after the build to sanitize the body and resolve its links (see
 * lib/render/page-body.ts). Only those pages are read.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sanitizePageBody } from '../render/page-body.ts';
import { linkedFiles } from '../render/body.ts';
import type { LinkTargets } from '../render/links.ts';

/** The written file of a page at a site path (`/base/bip-5/` → `<site>/bip-5/index.html`). */
function pageFile(siteDir: string, base: string, url: string): string {
  return join(siteDir, url.slice(base.length), 'index.html');
}

/** Sanitizes the bodies of the pages at `urls`; returns the registry files they link to. */
export async function finishMdxPages(siteDir: string, urls: readonly string[], links: LinkTargets): Promise<string[]> {
  const files = new Set<string>();
  for (const url of urls) {
    const file = pageFile(siteDir, links.base, url);
    const html = await readFile(file, 'utf8');
    const clean = sanitizePageBody(html, links);
    if (clean !== html) await writeFile(file, clean);
    for (const f of linkedFiles(clean, links.base)) files.add(f);
  }
  return [...files];
}

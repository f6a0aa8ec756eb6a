/**
 * Builds the Pagefind index over a written site. Only the BIP and companion pages are read (a
 * glob), and only what they mark `data-pagefind-body` is indexed; Pagefind's own UI bundles are removed, as the site ships its
 * own search UI and they would only add weight to every deploy.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Where the index is written, under the site's base path. */
export const SEARCH_DIR = 'pagefind';

const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Files and bytes of the index as deployed. */
  files: number;
  bytes: number;
}

export class SearchIndexError extends Error {}

/** `glob` selects the pages to index inside the site folder (Pagefind's glob syntax); `expected`
 * is how many of them carry the index marker. */
export async function buildSearchIndex(siteDir: string, glob: string, expected: number): Promise<SearchIndexReport> {
  const outDir = join(siteDir, SEARCH_DIR);
  // An empty registry has no index (its search page says so).
  if (expected === 0) return { pages: 0, files: 0, bytes: 0 };
  try {
    // Heading self-links (`#`) are not words of the page.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['a.anchor'] });
    if (!index) throw new SearchIndexError(`Pagefind could not start: ${errors.join('; ')}`);
    // One walk of the folder by Pagefind itself: much faster than handing it the pages one by one.
    const added = await index.addDirectory({ path: siteDir, glob });
    const problems = [...errors, ...added.errors];
    const written = await index.writeFiles({ outputPath: outDir });
    problems.push(...written.errors);
    if (problems.length > 0) throw new SearchIndexError(`Pagefind: ${problems.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const name of await readdir(outDir)) if (UNUSED.test(name)) await rm(join(outDir, name));

  const entry = JSON.parse(await readFile(join(outDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { pages: indexed, files, bytes };
}

/**
 * Copies the registry files that pages link to (images, PDFs) into the site under `files/`.
 * Only files discovery listed as publishable qualify, so nothing outside the registry, or unsafe
 * in it, is published, whatever a page links to.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FILES_DIR, publishedPath } from '../urls.ts';

export async function publishFiles(
  siteDir: string,
  registryDir: string,
  linked: Iterable<string>,
  publishable: ReadonlySet<string>,
): Promise<number> {
  let copied = 0;
  for (const rel of new Set(linked)) {
    if (!publishable.has(rel)) continue;
    const target = join(siteDir, FILES_DIR, publishedPath(rel));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(registryDir, rel), target);
    copied++;
  }
  return copied;
}

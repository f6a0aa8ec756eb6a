/**
 * Which registry files other than BIPs may be published on the site. They are served from the
 * site's own origin, so anything a browser would run (HTML, XML, scripts) stays in the repository;
 * an SVG is published only when a real XML parser finds nothing active in it (svg.ts).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { judgeSvg } from './svg.ts';

const INERT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp', '.ico', '.pdf', '.txt', '.csv', '.tsv']);

export function isPublishable(relPath: string, fullPath: string): boolean {
  const ext = extname(relPath).toLowerCase();
  if (INERT.has(ext)) return true;
  if (ext !== '.svg') return false;
  try {
    return judgeSvg(readFileSync(fullPath, 'utf8')).ok;
  } catch {
    return false;
  }
}

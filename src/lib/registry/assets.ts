/**
 * Which registry files other than BIPs may be published on the site. They are served from the
 * site's own origin, so anything a browser would run (HTML, XML, scripts) stays in the repository;
 * an SVG is published only when it carries nothing active.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

const INERT = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.bmp', '.ico', '.pdf', '.txt', '.csv', '.tsv']);
/** What makes an SVG active: scripts, event handlers, embedded documents, script URLs. */
const ACTIVE_SVG =
  /<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|<!ENTITY|xlink:href\s*=\s*["']\s*data:|href\s*=\s*["']\s*data:/i;

export function isPublishable(relPath: string, fullPath: string): boolean {
  const ext = extname(relPath).toLowerCase();
  if (INERT.has(ext)) return true;
  if (ext !== '.svg') return false;
  try {
    return !ACTIVE_SVG.test(readFileSync(fullPath, 'utf8'));
  } catch {
    return false;
  }
}

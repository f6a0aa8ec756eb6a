/**
 * A rendered markdown body → the HTML a page shows: sanitized, with registry links resolved and
 * heading links added, and the registry files it links to (which the build then publishes).
 */
import { sanitizeBody } from './sanitize.ts';
import { addHeadingAnchors } from './anchors.ts';
import { rewriteLinks, unmarkImages, type LinkTargets } from './links.ts';
import { FILES_DIR } from '../urls.ts';
import { linkMentions } from './mentions.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Registry paths of the published files (`files/…`) an HTML fragment links to or shows. */
export function linkedFiles(html: string, base: string): string[] {
  const pattern = new RegExp(`(?:href|src)="${escapeRegExp(`${base}${FILES_DIR}/`)}([^"#?]+)`, 'g');
  const out = new Set<string>();
  for (const m of html.matchAll(pattern)) {
    const rel = decode(m[1]!.replace(/&amp;/g, '&'));
    if (rel !== undefined) out.add(rel);
  }
  return [...out];
}

/** Mentions of other proposals linked, when the targets know the proposals' pages. */
export function withMentions(html: string, relPath: string, links: LinkTargets): string {
  if (!links.proposals || !links.mentions) return html;
  const proposals = links.proposals;
  return linkMentions(html, links.mentions, (n) => proposals.get(n), links.pages.get(relPath.toLowerCase()));
}

export function renderBody(html: string, relPath: string, links: LinkTargets): { html: string; files: string[] } {
  const out = addHeadingAnchors(withMentions(rewriteLinks(sanitizeBody(unmarkImages(html)), relPath, links), relPath, links));
  return { html: out, files: linkedFiles(out, links.base) };
}

/**
 * The last line of defence for BIP bodies: after the build, the part of each page between
 * `<bip-body>` and the last `</bip-body>` is sanitized again. Markdown bodies are already clean
 * (this is a no-op for them); MDX bodies are compiled by @astrojs/mdx and only pass through here,
 * which is also where their links between registry files are resolved (`data-source` names the
 * file). The region ends at the LAST closing tag, so a body cannot close it early and escape.
 */
import { sanitizeBody } from './sanitize.ts';
import { addHeadingAnchors } from './anchors.ts';
import { rewriteLinks, type LinkTargets } from './links.ts';
import { withMentions } from './body.ts';

const OPEN = /<bip-body(?:\s+data-source="([^"]*)")?>/;
const CLOSE = '</bip-body>';

export function hasPageBody(html: string): boolean {
  return OPEN.test(html);
}

export function sanitizePageBody(html: string, links?: LinkTargets): string {
  const open = OPEN.exec(html);
  const end = html.lastIndexOf(CLOSE);
  if (!open || end < open.index) return html;
  const start = open.index + open[0].length;
  const inner = html.slice(start, end);
  let clean = addHeadingAnchors(sanitizeBody(inner));
  const source = open[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  if (source && links) clean = withMentions(rewriteLinks(clean, source, links), source, links);
  // MDX renders a leading `# Title` too; the page already shows the title.
  if (source) clean = clean.replace(/^\s*<h1\b[^>]*>[\s\S]*?<\/h1>/, '');
  return clean === inner ? html : html.slice(0, start) + clean + html.slice(end);
}

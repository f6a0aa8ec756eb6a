/**
 * The last line of defence for BIP bodies: after the build, the part of each page between
 * `<bip-body>` and the last `</bip-body>` is sanitized again. Markdown bodies are already clean
 * (this is a no-op for them); MDX bodies are compiled by @astrojs/mdx and only pass through here.
 * The region ends at the LAST closing tag, so a body cannot close it early and escape.
 */
import { sanitizeBody } from './sanitize.ts';
import { addHeadingAnchors } from './anchors.ts';

const OPEN = '<bip-body>';
const CLOSE = '</bip-body>';

export function sanitizePageBody(html: string): string {
  const start = html.indexOf(OPEN);
  const end = html.lastIndexOf(CLOSE);
  if (start < 0 || end < start) return html;
  const inner = html.slice(start + OPEN.length, end);
  const clean = addHeadingAnchors(sanitizeBody(inner));
  return clean === inner ? html : html.slice(0, start + OPEN.length) + clean + html.slice(end);
}

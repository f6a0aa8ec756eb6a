/**
 * A MediaWiki body in the shape the loader gets from Astro's markdown renderer: HTML plus the
 * headings. Rendering problems are thrown as located errors by the caller's check (the
 * registry reads documents before the loader renders them; see documents.ts).
 */
import { renderMediaWiki } from './mediawiki.ts';

export function renderWiki(body: string): { html: string; metadata: { headings: { depth: number; slug: string; text: string }[] } } {
  const out = renderMediaWiki(body);
  return { html: out.html, metadata: { headings: out.headings } };
}

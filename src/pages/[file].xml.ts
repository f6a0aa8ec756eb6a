/**
 * sitemap.xml: every BIP, companion document and listing page by absolute URL (site and base
 * included). Made only when the site's address is known (SITE) and the build is not a preview.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bips, companions, facets } from '../data/bips.ts';
import { preview, urls } from '../data/site.ts';

export const getStaticPaths = (() =>
  import.meta.env.SITE && !preview ? [{ params: { file: 'sitemap' } }] : []) satisfies GetStaticPaths;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = () => {
  const paths = [
    urls.home(),
    ...bips.map((b) => urls.bip(b.data.bip)),
    ...companions.map((c) => urls.companion(c.data.bip, c.data.slug)),
    ...Object.values(facets).flatMap((f) => [f.link(), ...f.groups.filter((g) => g.bips.length > 0).map((g) => f.link(g.name))]),
  ];
  const body = paths.map((p) => `  <url><loc>${escape(urls.absolute(p))}</loc></url>`).join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml' },
    },
  );
};

/**
 * The site's XML files, made only when the site's address is known (SITE) and the build is not a
 * preview: sitemap.xml (every page by absolute URL, with the date its content last changed, from
 * git), feed.xml (newest proposals) and changes.xml (new proposals and status changes over time).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bips, companions, companionsOf, facets } from '../data/bips.ts';
import { urls } from '../data/site.ts';
import { changesFeed, feedsOn, newestFeed } from '../data/feeds.ts';
import { fileHistory, lastModified } from '../data/history.ts';

export const getStaticPaths = (() =>
  feedsOn ? ['sitemap', 'feed', 'changes'].map((file) => ({ params: { file } })) : []) satisfies GetStaticPaths;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function sitemap(): Response {
  const pages: { path: string; lastmod?: string | undefined }[] = [
    { path: urls.home() },
    // A proposal's page shows its companions' review timeline too.
    ...bips.map((b) => ({
      path: urls.bip(b.data.bip),
      lastmod: lastModified([b.data.relPath, ...companionsOf(b.data.bip).map((c) => c.data.relPath)]),
    })),
    ...companions.map((c) => ({
      path: urls.companion(c.data.bip, c.data.slug),
      lastmod: fileHistory(c.data.relPath)?.modified?.date,
    })),
    ...Object.values(facets).flatMap((f) => [
      { path: f.link() },
      ...f.groups.filter((g) => g.bips.length > 0).map((g) => ({ path: f.link(g.name) })),
    ]),
  ];
  const body = pages
    .map((p) => `  <url><loc>${escape(urls.absolute(p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml' } },
  );
}

export const GET: APIRoute = ({ params }) => {
  if (params.file === 'feed') return newestFeed();
  if (params.file === 'changes') return changesFeed();
  return sitemap();
};

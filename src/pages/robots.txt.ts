/** robots.txt: a preview asks every crawler to stay away; the registry welcomes them and names
 * its sitemap when its address is known. */
import type { APIRoute } from 'astro';
import { preview, urls } from '../data/site.ts';

const sitemap = import.meta.env.SITE ? `Sitemap: ${urls.absolute(urls.asset('sitemap.xml'))}\n` : '';

export const GET: APIRoute = () =>
  new Response(preview ? 'User-agent: *\nDisallow: /\n' : `User-agent: *\nAllow: /\n${sitemap}`, {
    headers: { 'Content-Type': 'text/plain' },
  });

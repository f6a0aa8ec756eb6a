/** robots.txt: a preview asks every crawler to stay away; the registry welcomes them. */
import type { APIRoute } from 'astro';
import { preview } from '../data/site.ts';

export const GET: APIRoute = () =>
  new Response(preview ? 'User-agent: *\nDisallow: /\n' : 'User-agent: *\nAllow: /\n', {
    headers: { 'Content-Type': 'text/plain' },
  });

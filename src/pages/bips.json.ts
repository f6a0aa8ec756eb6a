/** The URL manifest: every proposal number → canonical URL and aliases. */
import type { APIRoute } from 'astro';
import { state, urls } from '../data/site.ts';
import { manifestOf } from '../lib/manifest.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(manifestOf(urls, state.registry.bips, state.config.profile), null, 2), {
    headers: { 'content-type': 'application/json' },
  });

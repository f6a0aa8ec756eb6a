/** The URL manifest: every BIP number → canonical URL and aliases. */
import type { APIRoute } from 'astro';
import { bips, companionsOf } from '../data/bips.ts';
import { urls } from '../data/site.ts';
import { buildManifest } from '../lib/manifest.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      buildManifest(
        urls,
        bips.map(({ data }) => ({
          number: data.bip,
          title: data.title,
          status: data.status,
          source: data.relPath,
          companions: companionsOf(data.bip).map((c) => ({ slug: c.data.slug, title: c.data.title, source: c.data.relPath })),
        })),
      ),
      null,
      2,
    ),
    { headers: { 'content-type': 'application/json' } },
  );

/** Every BIP as a compact row (lib/listing/rows.ts), for the index's filter and sort. */
import type { APIRoute } from 'astro';
import { bips } from '../data/bips.ts';
import { rowOf } from '../data/cache.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(bips.map(rowOf)), {
    headers: { 'content-type': 'application/json' },
  });

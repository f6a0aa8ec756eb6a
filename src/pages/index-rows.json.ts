/** Every BIP as a compact row (lib/listing/rows.ts), for the index's filter and sort. */
import type { APIRoute } from 'astro';
import { bips } from '../data/bips.ts';
import { statusTone } from '../data/site.ts';
import { toRow } from '../lib/listing/rows.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(bips.map((b) => toRow(b.data, statusTone(b.data.status)))), {
    headers: { 'content-type': 'application/json' },
  });

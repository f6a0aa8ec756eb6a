/** One proposal's record in the JSON API: `api/bips/5.json`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiName, proposalDocument } from '../../../data/api.ts';
import { bips } from '../../../data/bips.ts';

export const getStaticPaths = (() =>
  bips.map((b) => ({ params: { name: apiName, n: String(b.data.bip) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(proposalDocument(Number(params.n)), null, 2)}\n`, {
    headers: { 'content-type': 'application/json' },
  });

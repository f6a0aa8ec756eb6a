/** The JSON API: every proposal's record (`api/bips.json`, named after the registry's plural)
 * and the JSON Schema of the API's documents (`api/schema.json`). See data/api.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { apiName, jsonSchema, listDocument } from '../../data/api.ts';

export const getStaticPaths = (() => [{ params: { name: apiName } }, { params: { name: 'schema' } }]) satisfies GetStaticPaths;

const json = (value: unknown) =>
  new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'content-type': 'application/json' } });

export const GET: APIRoute = ({ params }) => json(params.name === 'schema' ? jsonSchema() : listDocument());

/**
 * The rendered body of an entry: a markdown body from the loader's body cache (see
 * lib/render/body-cache.ts), read when its page renders; an MDX body compiled by Astro.
 */
import { render } from 'astro:content';
import type { BipEntry, CompanionEntry } from './bips.ts';
import { config, state } from './site.ts';
import type { Heading } from '../lib/render/body-cache.ts';
import { bodyId } from '../lib/render/reserved.ts';

export type Body = { headings: Heading[] } & (
  { html: string; Content?: undefined } | { html?: undefined; Content: Awaited<ReturnType<typeof render>>['Content'] }
);

/** The contents list links the ids the sanitizer wrote: a heading named like one of the site's
 * ids ("Main") has its id suffixed there (lib/render/reserved.ts). */
const linked = (headings: Heading[]) => headings.map((h) => ({ ...h, slug: bodyId(h.slug) }));

export async function bodyOf(entry: BipEntry | CompanionEntry): Promise<Body> {
  if (entry.data.format === 'mdx' && config.mdx === 'compile') {
    const { Content, headings } = await render(entry);
    return { Content, headings: linked(headings) };
  }
  if (!state.bodies || entry.digest === undefined) {
    throw new Error(`the rendered body of ${entry.data.relPath} is missing (the content loader renders it)`);
  }
  const body = state.bodies.read(String(entry.digest));
  return { ...body, headings: linked(body.headings) };
}

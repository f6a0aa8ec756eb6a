/**
 * The rendered body of an entry: a markdown body from the loader's body cache (see
 * lib/render/body-cache.ts), read when its page renders; an MDX body compiled by Astro.
 */
import { render } from 'astro:content';
import type { BipEntry, CompanionEntry } from './bips.ts';
import { config, state } from './site.ts';
import type { Heading } from '../lib/render/body-cache.ts';

export type Body = { headings: Heading[] } & (
  { html: string; Content?: undefined } | { html?: undefined; Content: Awaited<ReturnType<typeof render>>['Content'] }
);

export async function bodyOf(entry: BipEntry | CompanionEntry): Promise<Body> {
  if (entry.data.format === 'mdx' && config.mdx === 'compile') {
    const { Content, headings } = await render(entry);
    return { Content, headings };
  }
  if (!state.bodies || entry.digest === undefined) {
    throw new Error(`the rendered body of ${entry.data.relPath} is missing (the content loader renders it)`);
  }
  return state.bodies.read(String(entry.digest));
}

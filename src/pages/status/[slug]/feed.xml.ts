/** One feed per status with proposals (`/status/draft/feed.xml`), when feeds are made. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { facetPaths, type Group } from '../../../data/bips.ts';
import { feedsOn, statusFeed } from '../../../data/feeds.ts';

export const getStaticPaths = (() =>
  feedsOn ? facetPaths('status', 'slug').map(({ params, props }) => ({ params, props })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { group } = props as { group: Group };
  return statusFeed(group.name, group.bips);
};

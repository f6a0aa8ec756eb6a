/** The feeds' channels and items (lib/feeds/items.ts) from the registry and its history. Feeds
 * need absolute links: they are made only when the site's address is known (SITE). */
import rss from '@astrojs/rss';
import { bips, type BipEntry } from './bips.ts';
import { config, labelOf, preview, profile, urls } from './site.ts';
import { events, fileHistory } from './history.ts';
import { changeItems, channelData, FEED_NAMESPACES, headerDate, proposalItems, type FeedItem } from '../lib/feeds/items.ts';

/** Feeds are published with the site's address, and not from previews. */
export const feedsOn = Boolean(import.meta.env.SITE) && !preview;

const proposal = (b: BipEntry) => {
  const d = b.data;
  const first = fileHistory(d.relPath)?.created?.date;
  return {
    number: d.bip,
    label: labelOf(d.bip),
    title: d.title,
    status: d.status,
    summary: d.summary,
    categories: [d.status, d.type, d.category].filter((c): c is string => Boolean(c)),
    authors: d.author.map((a) => a.name),
    url: urls.absolute(urls.bip(d.bip)),
    date: headerDate(d.created) ?? (first ? new Date(first) : undefined),
  };
};

function feed(title: string, description: string, self: string, items: FeedItem[]): Promise<Response> {
  return rss({
    title,
    description,
    site: urls.absolute(urls.home()),
    xmlns: FEED_NAMESPACES,
    customData: channelData(urls.absolute(self)),
    items,
  });
}

export function newestFeed(): Promise<Response> {
  return feed(`${config.name}: new ${profile.plural}`, config.description, urls.feed(), proposalItems(bips.map(proposal)));
}

export function statusFeed(status: string, entries: readonly BipEntry[]): Promise<Response> {
  return feed(
    `${config.name}: ${profile.plural} in ${status}`,
    `${profile.plural} whose status is ${status}.`,
    urls.feed(status),
    proposalItems(entries.map(proposal)),
  );
}

export function changesFeed(): Promise<Response> {
  const known = new Set(bips.map((b) => b.data.bip));
  const url = (n: number) => urls.absolute(known.has(n) ? urls.bip(n) : urls.home());
  return feed(
    `${config.name}: changes`,
    `New ${profile.plural} and status changes, from the registry's history.`,
    urls.changesFeed(),
    changeItems(events(), labelOf, url),
  );
}

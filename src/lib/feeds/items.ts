/**
 * The registry's feeds as data for @astrojs/rss: the newest proposals (of the registry, or of one
 * status) and the changes over time (new proposals and status changes, read from git). Pure: the
 * feed routes hand in the proposals and events and get channel settings and items back.
 */
import type { ProposalEvent } from '../history/timeline.ts';

export interface FeedProposal {
  number: number;
  /** `BIP-5`. */
  label: string;
  title: string;
  status: string;
  summary?: string | undefined;
  categories: string[];
  authors: string[];
  /** The absolute URL of its page. */
  url: string;
  /** When it was created: the header's date, else its first commit's. */
  date?: Date | undefined;
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate?: Date;
  description?: string;
  categories?: string[];
  customData?: string;
}

/** How many items a feed holds: readers poll it, so it stays small. */
export const FEED_SIZE = 50;

/** Text for XML: escaped, and without the control characters XML 1.0 does not allow at all (a
 * commit subject may hold one; the feed must still parse). */
export const escapeXml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Text @astrojs/rss escapes itself (titles, descriptions): only the forbidden characters go. */
export const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** The Dublin Core namespace, for the authors (RSS's own `author` must be an e-mail address). */
export const FEED_NAMESPACES = { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' };

/** Channel elements beyond title, link and description: the language and the feed's own address. */
export function channelData(self: string): string {
  return `<language>en</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`;
}

/** A date from a header's `YYYY-MM-DD`, at midnight UTC. */
export function headerDate(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  // `2025-02-30` would roll over into March: only a real day counts.
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? undefined : d;
}

/** Newest first (undated last, then by number, highest first), at most FEED_SIZE. */
export function proposalItems(proposals: readonly FeedProposal[], size = FEED_SIZE): FeedItem[] {
  const time = (p: FeedProposal) => p.date?.getTime() ?? -Infinity;
  return [...proposals]
    .sort((a, b) => time(b) - time(a) || b.number - a.number)
    .slice(0, size)
    .map((p) => ({
      title: xmlText(`${p.label}: ${p.title}`),
      link: p.url,
      ...(p.date ? { pubDate: p.date } : {}),
      description: xmlText([p.summary, `Status: ${p.status}`].filter(Boolean).join(' ')),
      categories: p.categories.map(xmlText),
      ...(p.authors.length ? { customData: `<dc:creator>${escapeXml(p.authors.join(', '))}</dc:creator>` } : {}),
    }));
}

/** One item per event, newest first: "BIP-5 moved from Draft to Review", dated by its commit. The
 * guid names the commit, so two events of one proposal are two items. */
export function changeItems(
  events: readonly ProposalEvent[],
  label: (n: number) => string,
  urlOf: (n: number) => string,
  size = 100,
): FeedItem[] {
  return events.slice(0, size).map((e) => {
    const title =
      e.kind === 'added'
        ? `${label(e.number)} added: ${e.title} (${e.status})`
        : `${label(e.number)} moved from ${e.from} to ${e.to}`;
    const guid = `${e.commit.sha}:${e.number}:${e.kind === 'added' ? 'added' : `${e.from}>${e.to}`}`;
    return {
      title: xmlText(title),
      link: urlOf(e.number),
      pubDate: new Date(e.commit.date),
      description: xmlText(`${e.kind === 'added' ? '' : `${e.title}. `}${e.commit.subject}`.trim()),
      categories: [xmlText(e.kind === 'added' ? e.status : e.to)],
      customData: `<guid isPermaLink="false">${escapeXml(guid)}</guid><dc:creator>${escapeXml(e.commit.author)}</dc:creator>`,
    };
  });
}

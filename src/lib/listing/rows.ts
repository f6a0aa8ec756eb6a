/**
 * The registry table as data: one compact row per BIP, published as `index-rows.json` for the
 * index's filter and sort, which work on every BIP while the page itself holds one page of rows.
 * The same module turns a row into the table row's HTML in the browser, with the URLs and slugs
 * the server uses, so a row looks the same whichever side made it.
 */
import { makeUrls, type Urls } from '../urls.ts';

/** `[number, title, status, tone, type, category, authors as [name, provider?], created]`. */
export type Row = [number, string, string, string, string, string, [string, string?][], string];

export interface RowSource {
  bip: number;
  title: string;
  status: string;
  type?: string | undefined;
  category?: string | undefined;
  author: { name: string; provider?: string | undefined }[];
  created?: string | undefined;
}

export function toRow(b: RowSource, tone: string): Row {
  return [
    b.bip,
    b.title,
    b.status,
    tone,
    b.type ?? '',
    b.category ?? '',
    b.author.map((a) => (a.provider ? [a.name, a.provider] : [a.name])),
    b.created ?? '',
  ];
}

/** The text a row is found by: what the table shows of it. */
export function rowText(row: Row): string {
  const [n, title, status, , type, category, authors, created] = row;
  return [n, title, status, type, category, ...authors.flat(), created].join(' ').toLowerCase();
}

/** `5`, `05`, `bip-5`, `BIP-05` name a number; anything else is words. */
export function numberQuery(q: string): number | undefined {
  const digits = /^(?:bip[-\s]?)?0*(\d+)$/i.exec(q.trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
}

export function matches(row: Row, q: string, status: string): boolean {
  if (status && row[2] !== status) return false;
  const query = q.trim().toLowerCase();
  if (!query) return true;
  const n = numberQuery(query);
  return n !== undefined ? row[0] === n : rowText(row).includes(query);
}

/** Sort keys by column, as the table's headers name them. */
export const SORT_KEYS = {
  num: (r: Row) => r[0],
  title: (r: Row) => r[1].toLowerCase(),
  status: (r: Row, rank: (status: string) => number) => rank(r[2]),
  type: (r: Row) => r[4].toLowerCase(),
  category: (r: Row) => r[5].toLowerCase(),
  authors: (r: Row) =>
    r[6]
      .map((a) => a[0])
      .join(', ')
      .toLowerCase(),
  created: (r: Row) => r[7],
} as const;

export type SortKey = keyof typeof SORT_KEYS;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A row as the registry table's `<tr>` (see components/BipTable.astro). */
export function rowHtml(row: Row, urls: Urls, statusRank: number): string {
  const [n, title, status, tone, type, category, authors, created] = row;
  const term = (kind: 'type' | 'category', value: string) =>
    value ? `<a class="badge neutral" href="${escape(urls[kind](value))}">${escape(value)}</a>` : '<span class="note">—</span>';
  const people = authors
    .map(
      ([name, provider]) =>
        `<li><a href="${escape(urls.author(name))}">${escape(name)}</a>${provider ? `<span class="provider"> (${escape(provider)})</span>` : ''}</li>`,
    )
    .join('');
  const link = escape(urls.bip(n));
  return (
    `<tr data-number="${n}" data-status="${escape(status)}">` +
    `<td class="num" data-value="${n}"><a href="${link}">${n}</a></td>` +
    `<td data-value="${escape(title)}"><a href="${link}">${escape(title)}</a></td>` +
    `<td data-value="${statusRank}"><a class="badge" href="${escape(urls.status(status))}" data-status="${escape(tone)}">${escape(status)}</a></td>` +
    `<td data-value="${escape(type)}" data-label="Type">${term('type', type)}</td>` +
    `<td data-value="${escape(category)}" data-label="Category">${term('category', category)}</td>` +
    `<td data-value="${escape(authors.map((a) => a[0]).join(', '))}"><ul class="authors">${people}</ul></td>` +
    `<td class="date" data-value="${escape(created)}">${created ? `<time datetime="${escape(created)}">${escape(created)}</time>` : '—'}</td>` +
    '</tr>'
  );
}

export { makeUrls };

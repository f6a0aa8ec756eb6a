/**
 * The registry table as data: one compact row per BIP, published as `index-rows.json` for the
 * index's filter and sort, which work on every BIP while the page itself holds one page of rows.
 * The same module turns a row into the table row's HTML in the browser, with the URLs and slugs
 * the server uses, so a row looks the same whichever side made it.
 */
import { makeUrls, type Urls } from '../urls.ts';
import { escapeHtml } from '../render/escape.ts';

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

/** `parseNumber` is the profile's (lib/profile/numbering.ts): `5`, `05`, `bip-5`, `#5`. */
export function matches(row: Row, q: string, status: string, parseNumber: (text: string) => number | undefined): boolean {
  if (status && row[2] !== status) return false;
  const query = q.trim().toLowerCase();
  if (!query) return true;
  // A number, in any of the registry's spellings, names a proposal; anything else is words.
  const n = parseNumber(query);
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

/** A row as the registry table's `<tr>` (see components/BipTable.astro). */
/** `shown` names the optional columns the table has (`type`, `category`, `created`): a registry
 * whose template has no such field has no such column. */
export function rowHtml(row: Row, urls: Urls, statusRank: number, shown: ReadonlySet<string>): string {
  const [n, title, status, tone, type, category, authors, created] = row;
  const term = (kind: 'type' | 'category', value: string) =>
    value
      ? `<a class="badge neutral" href="${escapeHtml(urls[kind](value))}">${escapeHtml(value)}</a>`
      : '<span class="note">—</span>';
  const people = authors
    .map(
      ([name, provider]) =>
        `<li><a href="${escapeHtml(urls.author(name))}">${escapeHtml(name)}</a>${provider ? `<span class="provider"> (${escapeHtml(provider)})</span>` : ''}</li>`,
    )
    .join('');
  const link = escapeHtml(urls.bip(n));
  return (
    `<tr role="row" data-number="${n}" data-status="${escapeHtml(status)}">` +
    `<td role="cell" class="num" data-value="${n}"><a href="${link}">${n}</a></td>` +
    `<td role="cell" data-value="${escapeHtml(title)}"><a href="${link}">${escapeHtml(title)}</a></td>` +
    `<td role="cell" data-value="${statusRank}"><a class="badge" href="${escapeHtml(urls.status(status))}" data-status="${escapeHtml(tone)}">${escapeHtml(status)}</a></td>` +
    (shown.has('type')
      ? `<td role="cell" role="cell" data-value="${escapeHtml(type)}" data-label="Type">${term('type', type)}</td>`
      : '') +
    (shown.has('category')
      ? `<td role="cell" role="cell" data-value="${escapeHtml(category)}" data-label="Category">${term('category', category)}</td>`
      : '') +
    `<td role="cell" data-value="${escapeHtml(authors.map((a) => a[0]).join(', '))}"><ul class="authors">${people}</ul></td>` +
    (shown.has('created')
      ? `<td role="cell" role="cell" class="date" data-value="${escapeHtml(created)}">${created ? `<time datetime="${escapeHtml(created)}">${escapeHtml(created)}</time>` : '—'}</td>`
      : '') +
    '</tr>'
  );
}

export { makeUrls };

/**
 * Every URL the site emits is built here, so the base path and site URL are honoured everywhere
 * and a BIP's permanent address (`/bip-<n>/`, from its number only) is defined once.
 */
import { slugify } from './bip/slug.ts';

export interface Urls {
  base: string;
  home: () => string;
  /** Page `page` of the registry by number; the first page is the index. */
  all: (page: number) => string;
  bip: (n: number) => string;
  companion: (n: number, slug: string) => string;
  status: (status?: string) => string;
  category: (category?: string) => string;
  type: (type?: string) => string;
  author: (name?: string) => string;
  /** The search page, with a query string from lib/search/state.ts when given. */
  search: (query?: string) => string;
  /** The registry table as data, for filtering and sorting every BIP from the index. */
  rows: () => string;
  /** A preview's list of what its pull request changes. */
  changes: () => string;
  asset: (path: string) => string;
  /** A registry file other than a BIP (an image, a PDF), published under `files/`. */
  file: (relPath: string) => string;
  /** An absolute URL when the site is known, else the path. */
  absolute: (path: string) => string;
  /** The JSON API: every proposal (`api/bips.json`), or one (`api/bips/5.json`). */
  api: (n?: number) => string;
  /** The JSON Schema of the API's documents. */
  apiSchema: () => string;
  /** The feed of newest proposals, or of one status's. */
  feed: (status?: string) => string;
  /** The feed of status changes and new proposals, from the registry's history. */
  changesFeed: () => string;
}

/** `/`, `/preview`, `preview/` → `/preview/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Where registry files other than BIPs are published, under the base path. */
export const FILES_DIR = 'files';

/** Where a registry file is published under `files/`: the path without `..` segments. */
export function publishedPath(relPath: string): string {
  return relPath
    .split('/')
    .filter((seg) => seg !== '..' && seg !== '.')
    .join('/');
}

/** The default permanent URL pattern: `/bip-5/`. A profile sets its own (`EIPS/eip-{n}`). */
export const DEFAULT_PROPOSAL_URL = 'bip-{n}';

/** A proposal's path inside the site (no slashes at the ends): `bip-5`, `EIPS/eip-1559`. */
export function proposalSlug(n: number, pattern = DEFAULT_PROPOSAL_URL): string {
  return pattern.replace('{n}', String(n));
}

/** The written files of every proposal page and companion page, as a glob inside the site folder. */
export function proposalPagesGlob(pattern = DEFAULT_PROPOSAL_URL): string {
  return `${pattern.replace('{n}', '*')}/**/index.html`;
}

/** `EIPS/eip-{n}` → `EIPS/EIP-{n}`: the last segment's letters in upper case. */
function upperLast(pattern: string): string {
  const cut = pattern.lastIndexOf('/') + 1;
  return pattern.slice(0, cut) + pattern.slice(cut).replace(/\{n\}|[a-z]+/g, (w) => (w === '{n}' ? w : w.toUpperCase()));
}

/** An alias that names a file (`EIPS/eip-1.html`) rather than a folder with an index page. */
export const isFileAlias = (alias: string) => /\.[a-z0-9]+$/i.test(alias.slice(alias.lastIndexOf('/') + 1));

/** Other spellings people link with; each redirects to the proposal's page: the number padded
 * (`bip-05`, `BIP-0005`), the bare number at the root (`/5/`), and the profile's own aliases
 * (`EIPS/eip-{n}.html`). Upper-case forms that differ from the canonical one only by case are
 * left out: on a case-insensitive disk they would overwrite the page itself. */
export function aliasSlugs(n: number, pattern = DEFAULT_PROPOSAL_URL, extra: readonly string[] = []): string[] {
  const digits = String(n);
  const padded = [2, 3, 4].filter((w) => w > digits.length).map((w) => digits.padStart(w, '0'));
  const upper = upperLast(pattern);
  const forms = [
    ...padded.map((p) => pattern.replace('{n}', p)),
    ...(upper !== pattern ? padded.map((p) => upper.replace('{n}', p)) : []),
  ];
  // `/404/` and `/500/` are the error pages' own addresses on most hosts.
  const bare = !pattern.includes('/') && pattern !== '{n}' && !RESERVED_NUMBERS.has(digits) ? [digits] : [];
  const own = extra.map((a) => a.replace('{n}', digits));
  const canonical = proposalSlug(n, pattern);
  return [...new Set([...forms, ...bare, ...own])].filter((a) => a !== canonical);
}

const RESERVED_NUMBERS = new Set(['404', '500']);

/** Aliases only a host-level redirect (`_redirects`) can serve safely. */
export function caseAliasSlugs(n: number, pattern = DEFAULT_PROPOSAL_URL): string[] {
  const upper = upperLast(pattern);
  return upper === pattern ? [] : [proposalSlug(n, upper)];
}

/** The API's name for the proposals: the plural as a slug (`BIPs` → `bips`). */
export const DEFAULT_API_NAME = 'bips';

export function makeUrls(
  baseInput: string | undefined,
  site?: string | URL,
  proposal = DEFAULT_PROPOSAL_URL,
  apiName = DEFAULT_API_NAME,
): Urls {
  const base = normalizeBase(baseInput);
  const path = (p: string) => `${base}${p}`;
  const listing = (kind: string) => (value?: string) => path(value === undefined ? `${kind}/` : `${kind}/${slugify(value)}/`);
  return {
    base,
    home: () => base,
    all: (page) => (page <= 1 ? base : path(`all/${page}/`)),
    bip: (n) => path(`${proposalSlug(n, proposal)}/`),
    companion: (n, slug) => path(`${proposalSlug(n, proposal)}/${slug}/`),
    status: listing('status'),
    category: listing('category'),
    type: listing('type'),
    author: listing('authors'),
    search: (query = '') => path(`search/${query}`),
    rows: () => path('index-rows.json'),
    changes: () => path('changes/'),
    asset: (p) => path(p.replace(/^\/+/, '')),
    // A file of an assets folder beside the proposals' folder (`../assets/eip-1/a.png`) is
    // published as `files/assets/eip-1/a.png`.
    file: (rel) => path(`${FILES_DIR}/${publishedPath(rel).split('/').map(encodeURIComponent).join('/')}`),
    absolute: (p) => (site ? new URL(p, site).href : p),
    api: (n) => path(n === undefined ? `api/${apiName}.json` : `api/${apiName}/${n}.json`),
    apiSchema: () => path('api/schema.json'),
    feed: (status) => path(status === undefined ? 'feed.xml' : `status/${slugify(status)}/feed.xml`),
    changesFeed: () => path('changes.xml'),
  };
}

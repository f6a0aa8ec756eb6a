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
}

/** `/`, `/preview`, `preview/` → `/preview/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Where registry files other than BIPs are published, under the base path. */
export const FILES_DIR = 'files';

export function bipSlug(n: number): string {
  return `bip-${n}`;
}

/** The written files of every BIP page and companion page, as a glob inside the site folder. */
export const BIP_PAGES_GLOB = 'bip-*/**/index.html';

/** Other spellings people link with; each redirects to `bipSlug(n)`. Upper-case forms that differ
 * from the canonical one only by case are left out: on a case-insensitive disk they would
 * overwrite the BIP page itself. */
export function aliasSlugs(n: number): string[] {
  const digits = String(n);
  const padded = [2, 3, 4].filter((w) => w > digits.length).map((w) => digits.padStart(w, '0'));
  // `/404/` and `/500/` are the error pages' own addresses on most hosts.
  const bare = RESERVED_NUMBERS.has(digits) ? [] : [digits];
  return [...padded.map((p) => `bip-${p}`), ...padded.map((p) => `BIP-${p}`), ...bare];
}

const RESERVED_NUMBERS = new Set(['404', '500']);

/** Aliases only a host-level redirect (`_redirects`) can serve safely. */
export function caseAliasSlugs(n: number): string[] {
  return [`BIP-${n}`];
}

export function makeUrls(baseInput: string | undefined, site?: string | URL): Urls {
  const base = normalizeBase(baseInput);
  const path = (p: string) => `${base}${p}`;
  const listing = (kind: string) => (value?: string) => path(value === undefined ? `${kind}/` : `${kind}/${slugify(value)}/`);
  return {
    base,
    home: () => base,
    all: (page) => (page <= 1 ? base : path(`all/${page}/`)),
    bip: (n) => path(`${bipSlug(n)}/`),
    companion: (n, slug) => path(`${bipSlug(n)}/${slug}/`),
    status: listing('status'),
    category: listing('category'),
    type: listing('type'),
    author: listing('authors'),
    search: (query = '') => path(`search/${query}`),
    rows: () => path('index-rows.json'),
    changes: () => path('changes/'),
    asset: (p) => path(p.replace(/^\/+/, '')),
    file: (rel) => path(`${FILES_DIR}/${rel.split('/').map(encodeURIComponent).join('/')}`),
    absolute: (p) => (site ? new URL(p, site).href : p),
  };
}

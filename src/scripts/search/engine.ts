/**
 * The browser side of search: loads Pagefind on first use and runs a SearchState against it.
 * Facet counts are disjunctive: a facet's counts are computed with the other facets' filters
 * only, so ticking "Draft" still shows how many results "Review" would add.
 */
import { normalizeBase } from '../../lib/urls.ts';
import { NUMBER_FILTER, SEARCH_FACETS, SEARCH_SORTS, type SearchFacetKey, type SearchMeta } from '../../lib/search/record.ts';
import type { SearchState } from '../../lib/search/state.ts';
import { makeNumbering, type Numbering } from '../../lib/profile/numbering.ts';
import { profileOf } from '../../lib/profile/client.ts';

let read: Numbering | undefined;
/** The registry's number reader: `EIP-1559`, `eip 1559`, `#1559`. */
const numbering = () => (read ??= makeNumbering({ prefixes: profileOf().prefixes, files: [] }));

type Filters = Record<string, { any: string[] } | string>;
type Counts = Record<string, Record<string, number>>;

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
}
interface Pagefind {
  filters: () => Promise<Counts>;
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, o?: { filters?: Filters; sort?: Record<string, string> }) => Promise<PagefindSearch | null>;
}

export const base = normalizeBase(import.meta.env.BASE_URL);

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind's script could not be loaded: the site was built without its index (`astro dev`)
 * or the network failed. Other errors are bugs and are reported as such. */
export class IndexUnavailable extends Error {}

/** Pagefind's script and index, fetched once, on the first search; tried again after a failure. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    let pf: Pagefind;
    try {
      pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    } catch (e) {
      throw new IndexUnavailable(`could not load ${url}`, { cause: e });
    }
    await pf.options({ baseUrl: base, excerptLength: 24 });
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The message a failed search shows; anything but a missing index is also logged. */
export function failureMessage(error: unknown): string {
  if (error instanceof IndexUnavailable) {
    return 'Search is not available: its index was not found. The index is made by a full build (npm run build).';
  }
  console.error('search failed', error);
  return 'Search failed; try again, or browse the index and listing pages.';
}

export interface Hit {
  id: string;
  load: () => Promise<HitView>;
}

export interface HitView extends SearchMeta {
  url: string;
  /** Pagefind's excerpt: text with <mark> around the matched words. */
  excerpt: string;
}

export interface Outcome {
  hits: Hit[];
  /** Per facet: value → results it would give, with the other facets' filters applied. */
  counts: Partial<Record<SearchFacetKey, Record<string, number>>>;
  /** The results by kind (proposals, documents). */
  kinds: Record<string, number>;
}

function toFilters(selected: Partial<Record<SearchFacetKey, string[]>>, without?: SearchFacetKey): Filters {
  const out: Filters = {};
  for (const { key } of SEARCH_FACETS) {
    const values = selected[key];
    if (key !== without && values && values.length > 0) out[key] = { any: values };
  }
  return out;
}

function hit(r: PagefindResult): Hit {
  let view: Promise<HitView> | undefined;
  return {
    id: r.id,
    load: () =>
      (view ??= r.data().then((d) => ({
        ...(d.meta as unknown as SearchMeta),
        url: d.url,
        excerpt: d.excerpt,
      }))),
  };
}

let facetsLoaded: Promise<unknown> | undefined;

/** Pagefind counts only the filters it has loaded; this loads them all, once. */
function loadFacets(pf: Pagefind): Promise<unknown> {
  facetsLoaded ??= pf.filters();
  facetsLoaded.catch(() => (facetsLoaded = undefined));
  return facetsLoaded;
}

/** Adds to `into` the facet values of results in `extra` that `base` does not hold. */
function addMissing(into: Record<string, number>, key: string, base: PagefindSearch | null, extra: PagefindSearch | null): void {
  const ids = new Set(base?.results.map((r) => r.id));
  if (!extra || extra.results.every((r) => ids.has(r.id))) return;
  for (const [value, n] of Object.entries(extra.filters[key] ?? {})) into[value] = (into[value] ?? 0) + n;
}

/**
 * Runs a search. An empty query with no filters lists nothing (the page shows its facets).
 * With `counts`, each facet's counts are computed with the other facets' filters, and include
 * the BIP a typed number names when the words alone do not find it.
 */
export async function runSearch(
  state: SearchState,
  selected: Partial<Record<SearchFacetKey, string[]>>,
  options: { counts: boolean },
): Promise<Outcome> {
  const pf = await loadPagefind();
  if (options.counts) await loadFacets(pf);
  const filters = toFilters(selected);
  const browsing = state.q === '';
  if (browsing && Object.keys(filters).length === 0) return { hits: [], counts: {}, kinds: {} };
  const spec = SEARCH_SORTS.find((s) => s.key === state.sort);
  // With no words to rank by, "best match" means registry order.
  const sort = spec && 'by' in spec ? { [spec.by]: spec.order } : browsing ? { number: 'asc' } : undefined;
  const term = browsing ? null : state.q;
  // `5`, `05`, `EIP-5`, `eip 5`, `#5` (the registry's prefixes) name a proposal's number.
  const number = numbering().parse(state.q);
  const byNumber = (f: Filters) =>
    number === undefined ? null : pf.search(null, { filters: { ...f, [NUMBER_FILTER]: String(number) } });
  const narrowed = (key: SearchFacetKey) => options.counts && !!selected[key]?.length;

  const [main, exact, perFacet, exactPerFacet] = await Promise.all([
    pf.search(term, { filters, ...(sort ? { sort } : {}) }),
    byNumber(filters),
    Promise.all(SEARCH_FACETS.map(({ key }) => (narrowed(key) ? pf.search(term, { filters: toFilters(selected, key) }) : null))),
    Promise.all(SEARCH_FACETS.map(({ key }) => (narrowed(key) ? byNumber(toFilters(selected, key)) : null))),
  ]);
  // A typed number puts its BIP first unless the results are sorted some other way.
  const mainIds = new Set(main?.results.map((r) => r.id));
  const first = sort ? (exact?.results ?? []).filter((r) => !mainIds.has(r.id)) : (exact?.results ?? []);
  const seen = new Set(first.map((r) => r.id));
  const results = [...first, ...(main?.results ?? []).filter((r) => !seen.has(r.id))];

  const kinds = { ...(main?.filters.kind ?? {}) };
  addMissing(kinds, 'kind', main, exact);
  const counts: Outcome['counts'] = {};
  if (options.counts) {
    SEARCH_FACETS.forEach(({ key }, i) => {
      const base = perFacet[i] ?? main;
      const into = { ...(base?.filters[key] ?? {}) };
      addMissing(into, key, base, narrowed(key) ? exactPerFacet[i]! : exact);
      counts[key] = into;
    });
  }
  return { hits: results.map(hit), counts, kinds };
}

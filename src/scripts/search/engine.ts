/**
 * The browser side of search: loads Pagefind on first use and runs a SearchState against it.
 * Facet counts are disjunctive: a facet's counts are computed with the other facets' filters
 * only, so ticking "Draft" still shows how many results "Review" would add.
 */
import { normalizeBase } from '../../lib/urls.ts';
import { NUMBER_FILTER, SEARCH_FACETS, SEARCH_SORTS, type SearchFacetKey, type SearchMeta } from '../../lib/search/record.ts';
import { bipNumberQuery, type SearchState } from '../../lib/search/state.ts';

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

/** Pagefind's script and index, fetched once, on the first search. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 24 });
    return pf;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
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

/**
 * Runs a search. An empty query with no filters lists nothing (the page shows its facets).
 * With `counts`, the facets' filter data is fetched first (Pagefind counts only loaded filters).
 */
export async function runSearch(
  state: SearchState,
  selected: Partial<Record<SearchFacetKey, string[]>>,
  options: { counts: boolean },
): Promise<Outcome> {
  const pf = await loadPagefind();
  if (options.counts) await (facetsLoaded ??= pf.filters());
  const filters = toFilters(selected);
  const browsing = state.q === '';
  if (browsing && Object.keys(filters).length === 0) return { hits: [], counts: {} };
  const spec = SEARCH_SORTS.find((s) => s.key === state.sort);
  // With no words to rank by, "best match" means registry order.
  const sort = spec && 'by' in spec ? { [spec.by]: spec.order } : browsing ? { number: 'asc' } : undefined;
  const term = browsing ? null : state.q;
  const number = bipNumberQuery(state.q);

  const [main, exact, ...perFacet] = await Promise.all([
    pf.search(term, { filters, ...(sort ? { sort } : {}) }),
    number === undefined ? null : pf.search(null, { filters: { ...filters, [NUMBER_FILTER]: String(number) } }),
    ...SEARCH_FACETS.map(({ key }) =>
      options.counts && selected[key]?.length ? pf.search(term, { filters: toFilters(selected, key) }) : null,
    ),
  ]);
  // A typed number puts its BIP first unless the results are sorted some other way.
  const first = sort ? [] : (exact?.results ?? []);
  const seen = new Set(first.map((r) => r.id));
  const results = [...first, ...(main?.results ?? []).filter((r) => !seen.has(r.id))];

  const counts: Outcome['counts'] = {};
  SEARCH_FACETS.forEach(({ key }, i) => {
    counts[key] = (perFacet[i] ?? main)?.filters[key] ?? {};
  });
  return { hits: results.map(hit), counts };
}

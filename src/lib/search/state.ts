/**
 * A search as it lives in the URL (`/search/?q=consensus&status=draft&sort=newest`), so a search
 * can be linked, reloaded and shared. Facet values travel as slugs and are matched back to the
 * index's values by slug.
 */
import { slugify } from '../bip/slug.ts';
import { SEARCH_FACETS, SEARCH_SORTS, type SearchFacetKey, type SearchSortKey } from './record.ts';

export interface SearchState {
  q: string;
  /** Selected values per facet, as slugs. Values within a facet are alternatives; facets combine. */
  filters: Partial<Record<SearchFacetKey, string[]>>;
  sort: SearchSortKey;
}

export const emptyState = (): SearchState => ({ q: '', filters: {}, sort: 'relevance' });

export function readState(params: URLSearchParams): SearchState {
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  for (const { key } of SEARCH_FACETS) {
    const values = [...new Set(params.getAll(key).map(slugify))].filter((v) => v !== 'untitled');
    if (values.length > 0) state.filters[key] = values;
  }
  const sort = params.get('sort');
  const known = SEARCH_SORTS.find((s) => s.key === sort);
  if (known) state.sort = known.key;
  return state;
}

/** The query string of a state (`?q=…&status=draft`), or '' for an empty search. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of SEARCH_FACETS) for (const v of state.filters[key] ?? []) params.append(key, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v && v.length > 0);
}

/** The index's values a state selects, facet by facet: `draft` → `Draft`. Unknown slugs drop out. */
export function selectedValues(
  state: SearchState,
  known: Partial<Record<SearchFacetKey, readonly string[]>>,
): Partial<Record<SearchFacetKey, string[]>> {
  const out: Partial<Record<SearchFacetKey, string[]>> = {};
  for (const { key } of SEARCH_FACETS) {
    const wanted = new Set(state.filters[key] ?? []);
    const values = (known[key] ?? []).filter((v) => wanted.has(slugify(v)));
    if (values.length > 0) out[key] = values;
  }
  return out;
}

/** The search records of the site's pages and the values each search facet offers. */
import { slugify } from '../lib/bip/slug.ts';
import {
  SEARCH_FACETS,
  facetValues,
  searchRecord,
  type Kinds,
  type SearchFacetKey,
  type SearchRecord,
} from '../lib/search/record.ts';
import { bips, companions, type BipEntry, type CompanionEntry } from './bips.ts';
import { config, statusRank, statusTone } from './site.ts';

/** The kind facet's values: the registry's plural for proposals, and their other documents. */
export const kinds: Kinds = { proposal: config.profile.plural, document: 'Documents' };

export function bipRecord(entry: BipEntry): SearchRecord {
  return searchRecord(entry.data, statusTone(entry.data.status), kinds);
}

export function companionRecord(entry: CompanionEntry, parent: BipEntry): SearchRecord {
  return searchRecord(parent.data, statusTone(parent.data.status), kinds, { title: entry.data.title });
}

export interface FacetOption {
  name: string;
  slug: string;
  /** Proposals with this value; for the kind facet, proposals or documents. */
  count: number;
}

export interface SearchFacet {
  key: SearchFacetKey;
  label: string;
  options: FacetOption[];
}

/** Every facet with at least one value: kinds proposals first, statuses in lifecycle order, the
 * rest alphabetically. The kind facet is shown only when the registry has documents. */
export const searchFacets: SearchFacet[] = SEARCH_FACETS.map(({ key, label }) => {
  const counts = new Map<string, number>();
  for (const b of bips) for (const v of facetValues(b.data, kinds)[key]) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (key === 'kind' && companions.length > 0) counts.set(kinds.document, companions.length);
  const options = [...counts].map(([name, count]) => ({ name, slug: slugify(name), count }));
  const rank = (name: string) => (key === 'status' ? statusRank(name) : key === 'kind' ? Number(name !== kinds.proposal) : 0);
  options.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  return { key, label, options };
}).filter((f) => f.options.length > (f.key === 'kind' ? 1 : 0));

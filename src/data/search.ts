/** The search records of the site's pages and the values each search facet offers. */
import { slugify } from '../lib/bip/slug.ts';
import { SEARCH_FACETS, facetValues, searchRecord, type SearchFacetKey, type SearchRecord } from '../lib/search/record.ts';
import { bips, companions, type BipEntry, type CompanionEntry } from './bips.ts';
import { statusRank, statusTone } from './site.ts';

export function bipRecord(entry: BipEntry): SearchRecord {
  return searchRecord(entry.data, statusTone(entry.data.status));
}

export function companionRecord(entry: CompanionEntry, parent: BipEntry): SearchRecord {
  return searchRecord(parent.data, statusTone(parent.data.status), { title: entry.data.title });
}

export interface FacetOption {
  name: string;
  slug: string;
  /** Indexed pages (BIPs and companion documents) with this value. */
  count: number;
}

export interface SearchFacet {
  key: SearchFacetKey;
  label: string;
  options: FacetOption[];
}

/** Every facet with at least one value: statuses in lifecycle order, the rest alphabetically. */
/** Indexed pages per BIP: itself and its companions, which are indexed under its values too. */
const pagesOf = new Map<number, number>(bips.map((b) => [b.data.bip, 1]));
for (const c of companions) pagesOf.set(c.data.bip, (pagesOf.get(c.data.bip) ?? 0) + 1);

export const searchFacets: SearchFacet[] = SEARCH_FACETS.map(({ key, label }) => {
  const counts = new Map<string, number>();
  for (const b of bips) {
    const pages = pagesOf.get(b.data.bip)!;
    for (const v of facetValues(b.data)[key]) counts.set(v, (counts.get(v) ?? 0) + pages);
  }
  const options = [...counts].map(([name, count]) => ({ name, slug: slugify(name), count }));
  options.sort((a, b) => (key === 'status' ? statusRank(a.name) - statusRank(b.name) : 0) || a.name.localeCompare(b.name));
  return { key, label, options };
}).filter((f) => f.options.length > 0);

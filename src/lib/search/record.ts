/**
 * What the search index knows about a page, decided in one place: the facets a search can be
 * narrowed by, the sorts it can be ordered by, and the filter, meta and sort values of one BIP or
 * companion page. Pages write these into their HTML for Pagefind; the search page builds its
 * checkboxes from the same records, so a checkbox never names a value the index lacks.
 */
import type { BipData } from '../bip/schema.ts';
import { authorLine } from '../bip/authors.ts';

export const SEARCH_FACETS = [
  { key: 'kind', label: 'Kind' },
  { key: 'status', label: 'Status' },
  { key: 'category', label: 'Category' },
  { key: 'type', label: 'Type' },
  { key: 'author', label: 'Author' },
  { key: 'provider', label: 'Provider' },
] as const;

export type SearchFacetKey = (typeof SEARCH_FACETS)[number]['key'];

/** A filter on BIP pages only (not companions), so a number typed as a query finds its BIP. */
export const NUMBER_FILTER = 'bip';

export const SEARCH_SORTS = [
  { key: 'relevance', label: 'Best match' },
  { key: 'number', label: 'Number, lowest first', by: 'number', order: 'asc' },
  { key: 'number-desc', label: 'Number, highest first', by: 'number', order: 'desc' },
  { key: 'newest', label: 'Created, newest first', by: 'created', order: 'desc' },
  { key: 'oldest', label: 'Created, oldest first', by: 'created', order: 'asc' },
] as const;

export type SearchSortKey = (typeof SEARCH_SORTS)[number]['key'];

/** The page-level facts a result needs to be shown without loading the page. */
export interface SearchMeta {
  bip: string;
  title: string;
  status: string;
  /** The status's badge colour (see statusTone). */
  tone: string;
  kind: 'bip' | 'companion';
  /** For a companion document: the title of its BIP. */
  parent?: string;
}

export interface SearchRecord {
  /** Filter name and value pairs; a name repeats for several values (authors). */
  filters: [string, string][];
  meta: SearchMeta;
  sort: Record<'number' | 'created', string>;
  /** Words the page is found by that its indexed text leaves out (the header table is not
   * indexed, so excerpts come from the prose): the authors and providers of a BIP. */
  text: string;
}

type Fields = Pick<BipData, 'bip' | 'title' | 'status' | 'type' | 'category' | 'author' | 'created'>;

/** The values of the kind facet: what a result is, in the registry's words (`EIPs`). */
export interface Kinds {
  proposal: string;
  document: string;
}

/** The facet values of a proposal, each listed once. */
export function facetValues(bip: Fields, kinds: Kinds): Record<SearchFacetKey, string[]> {
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    kind: [kinds.proposal],
    status: [bip.status],
    category: unique([bip.category]),
    type: unique([bip.type]),
    author: unique(bip.author.map((a) => a.name)),
    provider: unique(bip.author.map((a) => a.provider)),
  };
}

/**
 * The record of a proposal's page, or of a companion document when `companion` is given. A
 * companion is a document, not a proposal: it is found by its words and under the document kind
 * only, so every facet count of a status, category, type or author counts proposals, as the
 * index does; it sorts with its proposal, and its number does not find it.
 */
export function searchRecord(bip: Fields, tone: string, kinds: Kinds, companion?: { title: string }): SearchRecord {
  const values = facetValues(bip, kinds);
  const filters: [string, string][] = companion
    ? [['kind', kinds.document]]
    : [
        ...SEARCH_FACETS.flatMap(({ key }) => values[key].map((v): [string, string] => [key, v])),
        [NUMBER_FILTER, String(bip.bip)],
      ];
  return {
    filters,
    meta: {
      bip: String(bip.bip),
      title: companion?.title ?? bip.title,
      status: bip.status,
      tone,
      kind: companion ? 'companion' : 'bip',
      ...(companion ? { parent: bip.title } : {}),
    },
    // Pagefind sorts numerically when every value is a number; ISO dates sort as text. Pages with
    // no sort value drop out of sorted results, so an undated BIP sorts as the oldest.
    sort: { number: String(bip.bip), created: bip.created ?? '0000-00-00' },
    text: companion ? '' : `Authors: ${authorLine(bip.author)}.`,
  };
}

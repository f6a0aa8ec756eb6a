/**
 * The only module that calls getCollection: it hands pages sorted, grouped arrays.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { config, fieldLabel, template, urls } from './site.ts';
import { slugify } from '../lib/bip/slug.ts';
import { cacheKey, rowOf } from './cache.ts';

type Entry = CollectionEntry<'bips'>;
export type BipEntry = Entry & { data: Extract<Entry['data'], { kind: 'bip' }> };
export type CompanionEntry = Entry & { data: Extract<Entry['data'], { kind: 'companion' }> };

export interface Group {
  name: string;
  bips: BipEntry[];
  /** The lifecycle description, for statuses. */
  description?: string;
}

const all = await getCollection('bips');

export const bips: BipEntry[] = all.filter((e): e is BipEntry => e.data.kind === 'bip').sort((a, b) => a.data.bip - b.data.bip);

export const companions: CompanionEntry[] = all.filter((e): e is CompanionEntry => e.data.kind === 'companion');

const indexOf = new Map(bips.map((b, i) => [b.data.bip, i]));
const companionsBy = new Map<number, CompanionEntry[]>();
for (const c of companions) companionsBy.set(c.data.bip, [...(companionsBy.get(c.data.bip) ?? []), c]);

/** The BIP with this number (pages look up a companion's BIP, a change's BIP). */
export function bipByNumber(n: number): BipEntry | undefined {
  const i = indexOf.get(n);
  return i === undefined ? undefined : bips[i];
}

/** Groups by the slug of each key, so names that differ only in case or punctuation share a page. */
function groupBy(key: (b: BipEntry) => readonly string[], order: readonly string[] = []): Group[] {
  const groups = new Map<string, Group>();
  const add = (name: string) => groups.get(slugify(name)) ?? groups.set(slugify(name), { name, bips: [] }).get(slugify(name))!;
  for (const name of order) add(name);
  for (const b of bips) for (const k of key(b)) if (!add(k).bips.includes(b)) add(k).bips.push(b);
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

// Statuses in the order their meanings come in a proposal's life, not the list's order.
const lifecycle = config.statuses.map((s) => s.name).sort((a, b) => config.lifecycle.rank(a) - config.lifecycle.rank(b));
/** Every lifecycle status (even empty ones: the registry shows the whole lifecycle), then unknown ones. */
export const byStatus: Group[] = groupBy((b) => [b.data.status], lifecycle).map((g) => ({
  ...g,
  description: config.statuses.find((s) => s.name === g.name)?.description,
}));
export const byCategory = groupBy((b) => (b.data.category ? [b.data.category] : []));
export const byType = groupBy((b) => (b.data.type ? [b.data.type] : []));
export const byAuthor = groupBy((b) => [...new Set(b.data.author.map((a) => a.name))]);

export function companionsOf(n: number): CompanionEntry[] {
  return companionsBy.get(n) ?? [];
}

export function neighbours(n: number): { prev?: BipEntry; next?: BipEntry } {
  const i = indexOf.get(n);
  return i === undefined ? {} : { prev: bips[i - 1], next: bips[i + 1] };
}

/** The registry by number, `config.pageSize` BIPs a page: the index shows the first. */
export const indexPages: BipEntry[][] = Array.from({ length: Math.max(1, Math.ceil(bips.length / config.pageSize)) }, (_, i) =>
  bips.slice(i * config.pageSize, (i + 1) * config.pageSize),
);

/** The four facets every registry has, and the profile's own (`layer`). */
export type FacetKey = string;

export interface Facet {
  key: FacetKey;
  /** The listing page of a value, or with none, the facet's own page. */
  link: (value?: string) => string;
  /** `Status`, used in "Status: Draft". */
  label: string;
  /** `Statuses`, the index page title. */
  plural: string;
  groups: Group[];
}

/** A header field's value, whether the template names the field or not. */
function fieldValue(b: BipEntry, name: string): string | undefined {
  const value = (b.data as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  return b.data.extra.find((e) => e.key.trim().toLowerCase() === name)?.value;
}

const extraLink = (name: string) => (value?: string) =>
  urls.asset(value === undefined ? `${slugify(name)}/` : `${slugify(name)}/${slugify(value)}/`);

/** The profile's extra facets (Bitcoin's `Layer`), labelled as the template writes them. */
export const extraFacets: Facet[] = config.profile.facets.map((name) => {
  const label = fieldLabel(template.fields.find((f) => f.name === name)?.label ?? name);
  const groups = groupBy((b) => {
    const v = fieldValue(b, name);
    return v ? [v] : [];
  });
  return { key: name, link: extraLink(name), label, plural: `${label}s`, groups };
});

export const facets: Record<FacetKey, Facet> = {
  status: { key: 'status', link: urls.status, label: 'Status', plural: 'Statuses', groups: byStatus },
  category: { key: 'category', link: urls.category, label: 'Category', plural: 'Categories', groups: byCategory },
  type: { key: 'type', link: urls.type, label: 'Type', plural: 'Types', groups: byType },
  author: { key: 'author', link: urls.author, label: 'Author', plural: 'Authors', groups: byAuthor },
  ...Object.fromEntries(extraFacets.map((f) => [f.key, f])),
};

/** getStaticPaths for a facet's listing pages: one page per group with at least one BIP, keyed
 * by the rows it lists. */
export function facetPaths(key: FacetKey, param: string, extra: Record<string, string> = {}) {
  return facets[key]!.groups.filter((g) => g.bips.length > 0).map((group) => ({
    params: { ...extra, [param]: slugify(group.name) },
    props: { facet: key, group },
    cacheKey: cacheKey(key, group.name, group.description ?? '', group.bips.map(rowOf)),
  }));
}

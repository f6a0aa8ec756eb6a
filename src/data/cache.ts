/**
 * Cache keys for Astro's incremental build: a page whose key and code are unchanged since the
 * last build is copied from it instead of being rendered again. A key covers everything a page
 * shows that its code does not: the site-wide settings (name, lifecycle, template, preview state,
 * address), and the data of the entries the page shows. Astro adds the route's code and the
 * rendered content it uses.
 */
import { createHash } from 'node:crypto';
import { config, preview, statusTone, template } from './site.ts';
import { toRow, type Row } from '../lib/listing/rows.ts';
import type { BipEntry } from './bips.ts';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);

/** Bump when what a key covers changes shape. */
const VERSION = 1;

const siteKey = hash({
  v: VERSION,
  config,
  template,
  preview: preview ?? null,
  site: import.meta.env.SITE ?? '',
  base: import.meta.env.BASE_URL,
});

/** What a listing row or a pager link shows of a BIP: its registry-table row. */
export function rowOf(entry: BipEntry): Row {
  return toRow(entry.data, statusTone(entry.data.status));
}

/** The cache key of a page that shows `parts`. Entries are keyed by their digest (which covers
 * their file and data), other values by their JSON. */
export function cacheKey(...parts: unknown[]): string {
  return hash([siteKey, ...parts]);
}

/**
 * No published URL disappears silently. The build compares the addresses it publishes with those
 * of the site as last published (its `bips.json`, or a committed list of paths) and reports each
 * one that is gone, unless the registry says what became of it under `retired`: a new address
 * (the old one then redirects there) or a sentence (a page at the old address says it).
 */
import type { UrlManifest } from '../manifest.ts';

export interface BaselineEntry {
  /** The page's path inside the site, without the base path: `bip-7/`. */
  path: string;
  /** Its other addresses (aliases), covered with it. */
  aliases: string[];
  /** Line in the baseline file (1 for a manifest). */
  line: number;
}

export type Baseline = { ok: true; entries: BaselineEntry[] } | { ok: false; reason: string };

/** `/preview/bip-7/` under base `/preview/` → `bip-7/`; `https://site/bip-7/` → `bip-7/`. */
export function sitePath(url: string, base = '/'): string {
  let path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  if (base !== '/' && path.startsWith(base)) path = path.slice(base.length);
  return path.replace(/^\/+/, '');
}

/** A baseline file: a URL manifest (`bips.json` as the site publishes it) or a text file of paths,
 * one a line (`#` starts a comment). */
export function readBaseline(text: string): Baseline {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let manifest: Partial<UrlManifest>;
    try {
      manifest = JSON.parse(trimmed) as Partial<UrlManifest>;
    } catch (e) {
      return { ok: false, reason: `it is not valid JSON (${(e as Error).message})` };
    }
    if (!Array.isArray(manifest.bips)) return { ok: false, reason: 'it has no "bips" list (is it a URL manifest, bips.json?)' };
    const base = typeof manifest.base === 'string' ? manifest.base : '/';
    const entries: BaselineEntry[] = [];
    for (const b of manifest.bips) {
      if (typeof b?.url !== 'string') continue;
      const aliases = Array.isArray(b.aliases) ? b.aliases.filter((a): a is string => typeof a === 'string') : [];
      entries.push({ path: sitePath(b.url, base), aliases: aliases.map((a) => sitePath(a, base)), line: 1 });
      for (const c of Array.isArray(b.companions) ? b.companions : [])
        if (typeof c?.url === 'string') entries.push({ path: sitePath(c.url, base), aliases: [], line: 1 });
    }
    return { ok: true, entries };
  }
  const entries = text.split(/\r\n|\r|\n/).flatMap((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    return line ? [{ path: sitePath(line), aliases: [], line: i + 1 }] : [];
  });
  return { ok: true, entries };
}

/** Every address a manifest publishes (pages, aliases, companion pages), as site paths. */
export function publishedPaths(manifest: UrlManifest): Set<string> {
  const out = new Set<string>();
  for (const b of manifest.bips) {
    out.add(sitePath(b.url, manifest.base));
    for (const a of b.aliases) out.add(sitePath(a, manifest.base));
    for (const c of b.companions) out.add(sitePath(c.url, manifest.base));
  }
  return out;
}

/** `bip-7`, `/bip-7/`, `bip-7/index.html` name one page. */
const key = (path: string) =>
  sitePath(path)
    .replace(/index\.html$/, '')
    .replace(/\/?$/, '/');

export interface LostUrl extends BaselineEntry {
  /** Its aliases that are gone too. */
  lostAliases: string[];
}

/** The baseline's pages this build no longer publishes and `retired` does not account for. An
 * alias still published (or retired) is not lost; a page's lost aliases are reported with it. */
export function lostUrls(
  baseline: readonly BaselineEntry[],
  published: ReadonlySet<string>,
  retired: Readonly<Record<string, string>>,
): LostUrl[] {
  const now = new Set([...published].map(key));
  const accounted = new Set(Object.keys(retired).map(key));
  const gone = (p: string) => !now.has(key(p)) && !accounted.has(key(p));
  return baseline.flatMap((e) => {
    const lostAliases = e.aliases.filter(gone);
    // A retired page covers its aliases: they lead to what the retired entry says.
    if (!gone(e.path)) return [];
    return [{ ...e, lostAliases }];
  });
}

export interface RetiredPage {
  /** The old address, as a file inside the site folder: `bip-7/index.html`. */
  file: string;
  /** Where it leads, when the entry names an address. */
  to?: string;
  /** What became of it, when the entry is a sentence. */
  note?: string;
}

/** What to write for each retired address: a redirect to its new address, or a page that says
 * what became of it; the old page's aliases (from the baseline) lead to it as they did.
 * Addresses the site still publishes are left alone. */
export function retiredPages(
  retired: Readonly<Record<string, string>>,
  published: ReadonlySet<string>,
  base: string,
  baseline: readonly BaselineEntry[] = [],
): RetiredPage[] {
  const now = new Set([...published].map(key));
  const fileOf = (path: string) => (/\.[a-z0-9]+$/i.test(path) ? path : `${key(path)}index.html`);
  return Object.entries(retired).flatMap(([from, what]) => {
    if (now.has(key(from))) return [];
    const path = sitePath(from);
    const target = what.trim();
    const page: RetiredPage = /^https?:\/\//i.test(target)
      ? { file: fileOf(path), to: target }
      : target.startsWith('/')
        ? { file: fileOf(path), to: base + sitePath(target) }
        : { file: fileOf(path), note: target };
    const aliases = baseline
      .filter((e) => key(e.path) === key(path))
      .flatMap((e) => e.aliases)
      .filter((a) => !now.has(key(a)))
      .map((a) => ({ file: fileOf(a), to: page.to ?? base + key(path) }));
    return [page, ...aliases];
  });
}

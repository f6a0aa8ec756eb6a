/**
 * The post-build link check: every internal link, anchor and asset of every page of a built site
 * must resolve to a file (and an element id) in that site, under its base path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { normalizeBase } from '../urls.ts';

export interface BrokenLink {
  /** The page, relative to the site folder (`bip-5/index.html`). */
  page: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

const ATTRS = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const SRCSET = /\ssrcset\s*=\s*"([^"]*)"/gi;
const REFRESH = /<meta http-equiv="refresh" content="\d+;\s*url=([^"]*)"/gi;
const IDS = /\sid="([^"]*)"|<a\s[^>]*\bname="([^"]*)"/g;
/** Comments and script bodies hold no links of the page. */
const INERT = /<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script>/gi;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const decodeEntities = (s: string) =>
  s
    .replace(/&(?:amp|#38);/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** The file a site path names: `a/` → `a/index.html`, `a` → `a` or `a/index.html`. */
function fileFor(dir: string, path: string): string | undefined {
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
}

/** `site`: the site's own address; links to it (canonical links, absolute links to pages) are
 * checked like the rest. */
export function checkSiteLinks(dir: string, baseInput = '/', site?: string): LinkReport {
  const own = site ? new URL(site).origin : undefined;
  const base = normalizeBase(baseInput);
  const pages = htmlPages(dir);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idCache.has(file)) {
      const html = readFileSync(join(dir, file), 'utf8').replace(INERT, '');
      idCache.set(file, new Set([...html.matchAll(IDS)].map((m) => decodeEntities(m[1] ?? m[2]!))));
    }
    return idCache.get(file)!;
  };
  const report: LinkReport = { pages: pages.length, links: 0, broken: [] };
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8').replace(INERT, '');
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/, '')}`, 'http://site.invalid');
    const links = [
      ...[...html.matchAll(ATTRS)].map((m) => m[1] ?? m[2] ?? m[3]!),
      ...[...html.matchAll(SRCSET)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!)),
      ...[...html.matchAll(REFRESH)].map((m) => m[1]!),
    ].map(decodeEntities);
    for (const link of links) {
      if (!link || (EXTERNAL.test(link) && !(own && link.startsWith(`${own}/`)))) continue;
      report.links++;
      const broken = (reason: string) => report.broken.push({ page, link, reason });
      let url: URL;
      let path: string;
      let anchor: string;
      try {
        url = new URL(own && link.startsWith(`${own}/`) ? link.slice(own.length) : link, pageUrl);
        path = decodeURIComponent(url.pathname);
        anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      } catch {
        broken('not a valid URL');
        continue;
      }
      if (url.origin !== pageUrl.origin) continue;
      if (!path.startsWith(base)) {
        broken(`outside the base path ${base}`);
        continue;
      }
      const file = fileFor(dir, path.slice(base.length));
      if (!file) {
        broken('no such page or file');
        continue;
      }
      if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken(`no element with id "${anchor}" on ${file}`);
    }
  }
  return report;
}

export function formatBrokenLinks(report: LinkReport): string {
  return report.broken.map((b) => `${b.page}: ${b.link} — ${b.reason}`).join('\n');
}

/**
 * The post-build link check: every internal link, anchor and asset of every page of a built site
 * must resolve to a file (and an element id) in that site, under its base path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

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

const ATTRS = /\s(?:href|src)="([^"]*)"/g;
const REFRESH = /<meta http-equiv="refresh" content="\d+;\s*url=([^"]*)"/gi;
const IDS = /\s(?:id|name)="([^"]*)"/g;
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

export function checkSiteLinks(dir: string, baseInput = '/'): LinkReport {
  const base = `/${baseInput.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const pages = htmlPages(dir);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idCache.has(file))
      idCache.set(file, new Set([...readFileSync(join(dir, file), 'utf8').matchAll(IDS)].map((m) => decodeEntities(m[1]!))));
    return idCache.get(file)!;
  };
  const report: LinkReport = { pages: pages.length, links: 0, broken: [] };
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/, '')}`, 'http://site.invalid');
    const links = [...html.matchAll(ATTRS), ...html.matchAll(REFRESH)].map((m) => decodeEntities(m[1]!));
    for (const link of links) {
      if (!link || EXTERNAL.test(link)) continue;
      report.links++;
      const broken = (reason: string) => report.broken.push({ page, link, reason });
      const url = new URL(link, pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        broken('not a valid URL');
        continue;
      }
      if (!path.startsWith(base)) {
        broken(`outside the base path ${base}`);
        continue;
      }
      const file = fileFor(dir, path.slice(base.length));
      if (!file) {
        broken('no such page or file');
        continue;
      }
      const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken(`no element with id "${anchor}" on ${file}`);
    }
  }
  return report;
}

export function formatBrokenLinks(report: LinkReport): string {
  return report.broken.map((b) => `${b.page}: ${b.link} — ${b.reason}`).join('\n');
}

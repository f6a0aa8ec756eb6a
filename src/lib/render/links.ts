/**
 * Registries link between their files (`[plan](./BIP-03-implementation-plan.md)`,
 * `![diagram](diagram.png)`). On the site those files live at other addresses, so relative links
 * and image sources in a rendered body are resolved against the document's place in the registry:
 * BIPs and companion documents go to their pages, other registry files to their published copy,
 * anything else to the repository when a source URL is configured. Site-absolute links get the
 * base path.
 */
import { posix } from 'node:path';
import type { Urls } from '../urls.ts';

export interface LinkTargets {
  /** Registry-relative path (`BIP-03/REVIEW_REPORT.md`, or a BIP folder `BIP-03`), lower-cased
   * (links are matched without regard to case) → site URL. */
  pages: ReadonlyMap<string, string>;
  /** Registry-relative paths of other files, lower-cased → the path as it is on disk. */
  files: ReadonlyMap<string, string>;
  /** URL of a published registry file. */
  fileUrl: (relPath: string) => string;
  /** The base path (`/` or `/preview/`). */
  base: string;
  /** Prefix for registry paths in the repository view, if known. */
  sourceUrl?: string | undefined;
  /** Whether a path relative to the registry folder (it may climb above it) exists on disk: links
   * are sent to the repository only when it has the file. */
  exists?: (relPath: string) => boolean;
  /** Each proposal's page by number, and the pattern of a mention in prose (`BIP-2`): mentions
   * become links (lib/render/mentions.ts). */
  proposals?: ReadonlyMap<number, string>;
  mentions?: RegExp;
}

const ATTRIBUTE = /(<(a|img)\b[^<>]*?\s(href|src)=")([^"]*)(")/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Where `href` (as written, entities decoded) in the document at `fromRelPath` should point, or
 * undefined to leave it as it is. */
export function resolveLink(
  href: string,
  fromRelPath: string,
  targets: LinkTargets,
  kind: 'link' | 'image' = 'link',
): string | undefined {
  if (href === '' || href.startsWith('#') || href.startsWith('//') || SCHEME.test(href)) return undefined;
  if (href.startsWith('/')) {
    return targets.base !== '/' && !href.startsWith(targets.base) ? targets.base + href.slice(1) : undefined;
  }
  const hashAt = href.indexOf('#');
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const [pathPart = '', query = ''] = (hashAt < 0 ? href : href.slice(0, hashAt)).split('?');
  const search = query ? `?${query}` : '';
  const joined = posix.normalize(posix.join(posix.dirname(fromRelPath), decode(pathPart))).replace(/\/$/, '');
  const key = joined.toLowerCase();
  const page = kind === 'link' ? targets.pages.get(key) : undefined;
  if (page) return page + hash;
  const file = targets.files.get(key);
  if (file) return targets.fileUrl(file) + search + hash;
  if (!targets.sourceUrl || kind === 'image' || (targets.exists && !targets.exists(joined))) return undefined;
  // Other files of the repository, inside the registry folder or above it, are shown there.
  const slash = pathPart.endsWith('/') ? '/' : '';
  return new URL(encodePath(joined) + slash, targets.sourceUrl.replace(/\/?$/, '/')).href + search + hash;
}

const unescapeAttribute = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function rewriteLinks(html: string, fromRelPath: string, targets: LinkTargets): string {
  return html.replace(ATTRIBUTE, (whole, head: string, tag: string, _attr: string, value: string, tail: string) => {
    const to = resolveLink(unescapeAttribute(value), fromRelPath, targets, tag === 'img' ? 'image' : 'link');
    return to === undefined ? whole : `${head}${escapeAttribute(to)}${tail}`;
  });
}

/** Astro marks local images for its own pipeline (`__ASTRO_IMAGE_="{json}"`); the registry
 * publishes them itself, so the mark becomes a plain `src` again. */
export function unmarkImages(html: string): string {
  return html.replace(
    /<img\b([^>]*?)\s__ASTRO_IMAGE_="([^"]*)"([^>]*)>/g,
    (whole, before: string, json: string, after: string) => {
      try {
        const props = JSON.parse(
          json
            .replace(/&quot;/g, '"')
            .replace(/&#x27;|&#39;/g, "'")
            .replace(/&amp;/g, '&'),
        ) as Record<string, unknown>;
        const attrs = Object.entries(props)
          .filter(
            ([k, v]) =>
              ['src', 'alt', 'title', 'width', 'height'].includes(k) && (typeof v === 'string' || typeof v === 'number'),
          )
          .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
          .join('');
        return `<img${before}${attrs}${after}>`;
      } catch {
        return whole;
      }
    },
  );
}

export interface PublishedDocument {
  /** Path in the registry (`BIP-03/BIP-03.md`). */
  relPath: string;
  url: string;
  /** The BIP itself: its folder (`BIP-03`) links to it too. */
  main: boolean;
}

/** Link targets from what the site publishes: its documents and the registry's other files. */
export function makeLinkTargets(
  docs: readonly PublishedDocument[],
  assets: readonly string[],
  urls: Urls,
  sourceUrl?: string,
  exists?: (relPath: string) => boolean,
): LinkTargets {
  const pages = new Map<string, string>();
  for (const d of docs) {
    pages.set(d.relPath.toLowerCase(), d.url);
    if (d.main && d.relPath.includes('/')) pages.set(d.relPath.slice(0, d.relPath.lastIndexOf('/')).toLowerCase(), d.url);
  }
  const files = new Map(assets.map((a) => [a.toLowerCase(), a]));
  return { pages, files, fileUrl: urls.file, base: urls.base, sourceUrl, ...(exists ? { exists } : {}) };
}

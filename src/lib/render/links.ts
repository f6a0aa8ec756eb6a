/**
 * Registries link between their files (`[plan](./BIP-03-implementation-plan.md)`,
 * `[BIP-1](../BIP-01/)`). On the site those files live at other addresses, so relative links in a
 * rendered body are resolved against the document's place in the registry and pointed at the
 * page that publishes the target. Links to files the site does not publish go to the repository
 * when a source URL is configured, and are left alone otherwise.
 */
import { posix } from 'node:path';

export interface LinkTargets {
  /** Registry-relative path (`BIP-03/REVIEW_REPORT.md`, or a BIP folder `BIP-03`) → site URL. */
  pages: ReadonlyMap<string, string>;
  /** Prefix for other registry-relative paths (the repository view), if known. */
  sourceUrl?: string | undefined;
}

const HREF = /(<a\b[^>]*?\shref=")([^"]*)(")/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/&amp;/g, '&'));
  } catch {
    return text;
  }
}

export function resolveLink(href: string, fromRelPath: string, targets: LinkTargets): string | undefined {
  if (href === '' || EXTERNAL.test(href)) return undefined;
  const [pathPart = '', ...rest] = href.split('#');
  const hash = rest.length ? `#${rest.join('#')}` : '';
  const path = decode(pathPart.split('?')[0]!);
  const joined = posix.normalize(posix.join(posix.dirname(fromRelPath), path)).replace(/\/$/, '');
  const page = targets.pages.get(joined) ?? targets.pages.get(joined.toLowerCase());
  if (page) return page + hash;
  if (targets.sourceUrl && !joined.startsWith('../')) return `${targets.sourceUrl.replace(/\/?$/, '/')}${joined}${hash}`;
  return undefined;
}

export function rewriteLinks(html: string, fromRelPath: string, targets: LinkTargets): string {
  return html.replace(HREF, (whole, head: string, href: string, tail: string) => {
    const to = resolveLink(href, fromRelPath, targets);
    return to === undefined ? whole : `${head}${to}${tail}`;
  });
}

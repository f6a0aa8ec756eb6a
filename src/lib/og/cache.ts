/**
 * The image cache: one PNG per key, the key a hash of everything that changes the picture (the
 * card's fields, the design version and layout code, the fonts and their coverage, and the
 * versions of satori, resvg and Twemoji). An unchanged card is copied from the cache instead
 * of rendered.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DESIGN_VERSION, type CardSpec } from './card.ts';
import { loadFonts } from './fonts.ts';

const require = createRequire(import.meta.url);
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

let renderer: string | undefined;

/** The layout and text code itself, so a change to either makes new cards even when nobody
 * remembers to bump DESIGN_VERSION. */
const sources = () =>
  ['card.ts', 'text.ts'].map((f) =>
    createHash('sha256')
      .update(readFileSync(new URL(`./${f}`, import.meta.url)))
      .digest('hex')
      .slice(0, 12),
  );

export function cardKey(spec: CardSpec): string {
  renderer ??= [
    DESIGN_VERSION,
    loadFonts().hash,
    versionOf('satori'),
    versionOf('@resvg/resvg-js'),
    versionOf('@twemoji/svg'),
    ...sources(),
  ].join('|');
  return createHash('sha256').update(renderer).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}

/** Where cached cards live unless OG_CACHE_DIR says otherwise: beside Astro's own cache. */
export function defaultCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'bip-registry', 'og');
}

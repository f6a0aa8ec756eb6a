/**
 * A registry's own look, from a folder in its repository (the `theme` setting): every file in it
 * is published at the site's root over the bundled ones (a `favicon.svg`, fonts, images), a
 * `theme.css` there is loaded by every page after the site's own styles, and a `logo.svg` (or
 * `.png`) is shown before the registry's name in the header.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Theme {
  dir: string;
  /** Paths inside the folder, `/`-separated; hidden files and folders left out. */
  files: string[];
  /** `theme.css` is there. */
  css: boolean;
  /** The logo's path inside the folder, if there is one. */
  logo?: string;
}

export const THEME_CSS = 'theme.css';
const LOGOS = ['logo.svg', 'logo.png'];

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, root, out);
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
}

/** The theme in `dir`; none when no folder is set. */
export function readTheme(dir: string | undefined): Theme | undefined {
  if (!dir) return undefined;
  const files: string[] = [];
  walk(dir, dir, files);
  files.sort();
  const logo = LOGOS.find((l) => files.includes(l));
  return { dir, files, css: files.includes(THEME_CSS), ...(logo ? { logo } : {}) };
}

/** Theme files that would replace a page or file the build made (anything but the bundled
 * `public/` files, which a theme may replace). */
export function clashes(theme: Theme, built: (path: string) => boolean, bundled: ReadonlySet<string>): string[] {
  return theme.files.filter((f) => !bundled.has(f) && built(f));
}

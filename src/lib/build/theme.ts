/** After the build: the registry's theme folder (lib/theme.ts) published at the site's root. */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clashes, type Theme } from '../theme.ts';

/** Copies the theme's files into the built site; a file that would replace a page or a file the
 * build made (other than the bundled `public/` ones) fails the build, naming it. */
export function publishTheme(
  siteDir: string,
  theme: Theme,
  bundledDir: string,
  /** Files the build writes after this step (the social cards). */
  later: (path: string) => boolean = () => false,
): number {
  const bundled = new Set(existsSync(bundledDir) ? readdirSync(bundledDir, { recursive: true, encoding: 'utf8' }) : []);
  const bad = clashes(theme, (f) => later(f) || existsSync(join(siteDir, f)), bundled);
  if (bad.length > 0)
    throw new Error(
      `the theme folder would replace what the build wrote: ${bad.join(', ')} (rename ${bad.length === 1 ? 'it' : 'them'} in ${theme.dir})`,
    );
  for (const file of theme.files) {
    const to = join(siteDir, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(theme.dir, file), to);
  }
  return theme.files.length;
}

/**
 * Checks for `.mdx` files that @astrojs/mdx will compile. MDX compiles the file as it is on disk
 * and stops the build at the first problem, unlocated; these checks find the same problems up
 * front, with everything else, each at its line.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { mdxToJs } from 'satteri';
import { splitLines } from './lines.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

/** Compiles with Sätteri, the compiler Astro's MDX integration uses. */
export function checkMdxSyntax(body: string, file: string): Diagnostic[] {
  try {
    mdxToJs(body);
    return [];
  } catch (e) {
    const text = (e as Error).message;
    const m = /^(\d+):(\d+):\s*(.*?)(?:\s*\(([\w-]+:[\w-]+)\))?$/s.exec(text);
    const at = m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
    return [diagnostic(file, at, 'error', 'mdx/syntax', `MDX does not compile: ${m ? m[3]!.trim() : text}`)];
  }
}

const IMAGE = /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g;

/** Local markdown images become imports in MDX; a missing one fails the whole build. */
export function checkMdxImages(body: string, file: string, dir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  splitLines(body).forEach((line, i) => {
    for (const m of line.matchAll(IMAGE)) {
      const src = m[1]!;
      if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) continue;
      let path: string;
      try {
        path = resolve(dir, decodeURIComponent(src));
      } catch {
        path = resolve(dir, src);
      }
      if (!existsSync(path)) {
        out.push(
          diagnostic(
            file,
            { line: i + 1, column: m.index + m[0].indexOf(src) + 1 },
            'error',
            'mdx/missing-image',
            `the image "${src}" does not exist; MDX cannot build a page that imports it`,
          ),
        );
      }
    }
  });
  return out;
}

/** All checks for one `.mdx` file. A BIP's header must be frontmatter: MDX renders the body as it
 * is, so a header section or footer would be shown on the page a second time. */
export function checkMdx(body: string, file: string, dir: string, header?: { placement: string; start: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (header && header.placement !== 'frontmatter') {
    out.push(
      diagnostic(
        file,
        { line: header.start, column: 1 },
        'error',
        'mdx/header',
        'an .mdx BIP keeps its header in YAML frontmatter: MDX shows the body as written, so this header would appear on the page',
      ),
    );
  }
  const syntax = checkMdxSyntax(body, file);
  return [...out, ...syntax, ...(syntax.length ? [] : checkMdxImages(body, file, dir))];
}

/**
 * Checks for `.mdx` files that @astrojs/mdx will compile. MDX compiles the file as it is on disk
 * and stops the build at the first problem, unlocated; these checks find the same problems up
 * front, with everything else, each at its line.
 */
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToJs } from 'satteri';
import { splitLines } from './lines.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { codeMask } from './header/syntax.ts';

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

/** Where the generator's own packages are: an MDX import of a package resolves from there. */
const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const EXTENSIONS = ['', '.js', '.mjs', '.ts', '.mts', '.jsx', '.tsx', '.astro', '.mdx', '.md', '.json'];

/** The module an `import … from '…'` line (or the `} from '…'` line closing one) names; read by
 * hand from the end of the line, not by a pattern that could backtrack. */
function importSource(line: string): string | undefined {
  let t = line.trimEnd();
  if (t.endsWith(';')) t = t.slice(0, -1).trimEnd();
  const quote = t.at(-1);
  if (quote !== '"' && quote !== "'") return undefined;
  const start = t.lastIndexOf(quote, t.length - 2);
  return start < 0 ? undefined : t.slice(start + 1, -1);
}

/** A package installed where Node would find it from `dir`, or from the generator. */
function packageFound(name: string, dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules', name, 'package.json'))) return true;
    if (dirname(d) === d) break;
  }
  return existsSync(join(PROJECT, 'node_modules', name, 'package.json'));
}

/** Why MDX could not load what an import names, or undefined when it can. */
function unresolved(spec: string, dir: string): string | undefined {
  if (spec.startsWith('astro:') || spec.startsWith('node:') || builtinModules.includes(spec)) return undefined;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const path = spec.startsWith('/') ? spec : resolve(dir, spec);
    return EXTENSIONS.some((ext) => existsSync(path + ext)) ? undefined : 'no such file';
  }
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return packageFound(name, dir) ? undefined : `no package "${name}" is installed`;
}

/** ESM imports of an MDX body (at the top level, outside code blocks), each resolved as the build
 * would: one that cannot be stops the whole build, unlocated. */
export function checkMdxImports(body: string, file: string, dir: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = splitLines(body);
  const code = codeMask(lines);
  let open = false;
  lines.forEach((line, i) => {
    if (code[i]) return;
    const starts = /^import[\s{*'"]/.test(line);
    if (!starts && !open) return;
    const spec = importSource(line);
    // A multi-line import names its module on its last line (`} from 'x'`).
    open = spec === undefined && (starts || open) && !/^import\s*['"]/.test(line);
    if (spec === undefined) return;
    const why = unresolved(spec, dir);
    if (why)
      out.push(
        diagnostic(
          file,
          { line: i + 1, column: line.lastIndexOf(spec) + 1 },
          'error',
          'mdx/import',
          `the import "${spec}" cannot be loaded (${why}); MDX cannot build a page that imports it`,
        ),
      );
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
  return [...out, ...syntax, ...(syntax.length ? [] : [...checkMdxImports(body, file, dir), ...checkMdxImages(body, file, dir)])];
}

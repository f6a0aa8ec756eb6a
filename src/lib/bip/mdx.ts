/**
 * An MDX body that does not compile would stop the build at its first error, file by file. The
 * registry compiles each one up front (Sätteri, the compiler Astro's MDX integration uses) so
 * syntax errors are reported with everything else, located.
 */
import { mdxToJs } from 'satteri';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

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

/**
 * Relative links and images in a document that lead nowhere on the site: a file that is not
 * published, or not there at all. Found in the markdown, so lint and build report the same, at
 * the line and column of the link.
 */
import { posix } from 'node:path';
import { codeMask } from '../bip/header/syntax.ts';
import { splitLines } from '../bip/lines.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';
import { resolveLink, type LinkTargets } from '../render/links.ts';

// A destination is `<…>` (spaces allowed, as CommonMark has it: `[x](<a b.md>)`) or a run
// without spaces.
const INLINE = /\]\(\s*(?:<([^<>\n]*)>|([^)\s<>]+))/g;
const REFERENCE = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*(?:<([^<>\n]*)>|([^\s<>]+))/;
// A tag ends at the next `<` too: `[^>]*?` would run to the end of the line from every `<a` of
// a line of thousands of them (half a megabyte of `<a` took minutes).
const RAW = /<(a|img)\b[^<>]*?\s(?:href|src)="([^"]+)"/gi;
const RELATIVE = /^(?![a-z][a-z0-9+.-]*:|\/|#)/i;

/** For each `]` of a line, the `[` it closes (one pass with a stack): a link is an image when its
 * `[` follows a `!`. */
function openers(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') stack.push(i);
    else if (text[i] === ']' && stack.length > 0) out.set(i, stack.pop()!);
  }
  return out;
}

/** `decodeURIComponent`, or the text as it is when it is not valid percent-encoding. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The published pages, for links written as site paths (`../bip-1/` on the page `/bip-10/`). */
export interface SitePages {
  /** The URL of the document being checked. */
  url: string;
  urls: ReadonlySet<string>;
}

/** The site path a relative link names from a page; empty for one no URL parser reads. */
function sitePath(href: string, from: string): string {
  try {
    return new URL(href, `http://site${from}`).pathname;
  } catch {
    return '';
  }
}

export function checkLinks(
  body: string,
  relPath: string,
  file: string,
  targets: LinkTargets,
  skipImages: boolean,
  site: SitePages,
): Diagnostic[] {
  const lines = splitLines(body);
  const code = codeMask(lines);
  const out: Diagnostic[] = [];
  const verdict = (href: string, image: boolean): string | undefined => {
    if (!RELATIVE.test(href) || (image && skipImages)) return undefined;
    if (resolveLink(href, relPath, targets, image ? 'image' : 'link') !== undefined) return undefined;
    if (!image && site.urls.has(sitePath(href, site.url))) return undefined;
    const target = posix.normalize(posix.join(posix.dirname(relPath), href.split(/[?#]/)[0]!));
    const onDisk = targets.exists?.(safeDecode(target)) ?? false;
    return !onDisk
      ? `the ${image ? 'image' : 'link'} "${href}" leads to no file`
      : image
        ? `the image "${href}" is not published: the site serves images, PDFs, text and script-free SVGs from inside the registry folder`
        : `the link "${href}" names a file the site does not publish; set sourceUrl to link it in the repository`;
  };
  // A target is judged once per document and reported once per line: a file may link the same
  // target thousands of times.
  const verdicts = new Map<string, string | undefined>();
  const reported = new Set<string>();
  const check = (href: string, image: boolean, line: number, column: number) => {
    const key = `${image ? 'i' : 'l'}${href}`;
    if (!verdicts.has(key)) verdicts.set(key, verdict(href, image));
    const message = verdicts.get(key);
    if (message === undefined || reported.has(`${line}\0${key}`)) return;
    reported.add(`${line}\0${key}`);
    out.push(diagnostic(file, { line, column }, 'warning', 'link/unresolved', message));
  };
  lines.forEach((raw, i) => {
    // Every link form has a `]` or a `<`: most lines have neither and cost one scan.
    if (code[i] || (!raw.includes(']') && !raw.includes('<'))) return;
    // Inline code is text, not links: blank it out, keeping columns.
    const text = raw.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    const open = text.includes('](') ? openers(text) : undefined;
    for (const m of text.matchAll(INLINE)) {
      const href = m[1] ?? m[2]!;
      const at = open?.get(m.index);
      check(href, at !== undefined && text[at - 1] === '!', i + 1, m.index + m[0].lastIndexOf(href) + 1);
    }
    const ref = REFERENCE.exec(text);
    if (ref) {
      const href = ref[1] ?? ref[2]!;
      check(href, false, i + 1, ref[0].lastIndexOf(href) + 1);
    }
    for (const m of text.matchAll(RAW)) check(m[2]!, m[1]!.toLowerCase() === 'img', i + 1, m.index + m[0].indexOf(m[2]!) + 1);
  });
  return out;
}

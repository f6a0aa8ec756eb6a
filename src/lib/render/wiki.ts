/**
 * A MediaWiki body in the shape the loader gets from Astro's markdown renderer (HTML and the
 * headings), and its problems as located diagnostics for the registry's checks. Both render the
 * same text the same way, so what the check reports is what the page shows.
 */
import type { MediaWikiResult } from './mediawiki.ts';
import { renderWithDeadline } from './wiki-thread.ts';
import { diagnostic, type Diagnostic } from '../bip/diagnostics.ts';

/** The body without the blank lines the header left at its top: in MediaWiki each blank line
 * past the first is a line break, which would open the page with empty space. Returns the text
 * and how many lines were dropped, to keep problems located in the file. */
function trimTop(body: string): { text: string; dropped: number } {
  let at = 0;
  let dropped = 0;
  for (;;) {
    const nl = body.indexOf('\n', at);
    if (nl < 0 || body.slice(at, nl).trim() !== '') break;
    at = nl + 1;
    dropped++;
  }
  return { text: body.slice(at), dropped };
}

// The checks and the page render the same body: it is parsed once. Bounded, for a dev server
// that sees many versions of its files.
const MEMO_SIZE = 512;
const memo = new Map<string, MediaWikiResult>();

function render(body: string): MediaWikiResult & { dropped: number } {
  const { text, dropped } = trimTop(body);
  let out = memo.get(text);
  if (!out) {
    out = renderWithDeadline(text);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(text, out);
  }
  return { ...out, dropped };
}

export function renderWiki(body: string): {
  html: string;
  metadata: { headings: { depth: number; slug: string; text: string }[] };
} {
  const out = render(body);
  return { html: out.html, metadata: { headings: out.headings } };
}

/** What rendering the body reports: the parser giving up is an error (the page would show the
 * text as written), markup it does not support a warning. */
export function wikiProblems(body: string, file: string): Diagnostic[] {
  const out = render(body);
  return out.problems.map((p) =>
    diagnostic(
      file,
      { line: p.line + out.dropped, column: p.column },
      p.fatal ? 'error' : 'warning',
      p.fatal ? 'mediawiki/unreadable' : 'mediawiki/unsupported',
      p.message,
    ),
  );
}

/**
 * A MediaWiki body (most of Bitcoin's BIPs) → HTML shaped like the markdown renderer's: headings
 * with ids, `<pre><code class="language-…">` blocks, GFM-style footnotes, and internal links and
 * images whose targets stay as written, for links.ts to resolve. The caller sanitizes the result.
 *
 * wikiparser-node handles the wikitext itself (paragraphs, lists, tables, quotes, external links),
 * but its HTML is a wiki's: `/wiki/Title` links with the first letter upper-cased, images from
 * `Special:Redirect`, Prism-highlighted code and no footnotes at all. So:
 * - extension tags (`<ref>`, `<references>`, `<source>`, `<syntaxhighlight>`, `<pre>`, `<math>`,
 *   `<img>`) are rendered by this module's hooks;
 * - internal links and images, for which the parser has no hook, are rewritten before rendering into
 *   private-use markers around their visible wikitext, which become `<a>`/`<img>`/`<figure>` after;
 * - headings get github-slugger ids: authors wrote their `#fragment` links against GitHub's ids,
 *   and markdown bodies get the same ones.
 * Templates are not expanded (no BIP uses them): they are shown as written and reported.
 */
import Parser from 'wikiparser-node';
import type { Config, ExtToken, FileToken, LinkToken, Token } from 'wikiparser-node';
import { slug as githubSlug } from 'github-slugger';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './escape.ts';

export interface MediaWikiHeading {
  depth: number;
  slug: string;
  text: string;
}
export interface MediaWikiProblem {
  line: number;
  column: number;
  message: string;
}
export interface MediaWikiResult {
  html: string;
  headings: MediaWikiHeading[];
  problems: MediaWikiProblem[];
}

// Marker characters from the Private Use Area: `OPEN n OPEN_END … CLOSE` wraps the visible text of
// piece n. Source text never needs them, so any there are replaced first.
const OPEN = '\uE000';
const OPEN_END = '\uE001';
const CLOSE = '\uE002';
const MARKER_CHARS = /[\uE000-\uE002]/g;
// A figure is a block: wrapped in a `<div>`, the paragraph pass leaves it out of paragraphs.
const FIGURE_OPEN = '<div>';
const FIGURE_CLOSE = '</div>';

type Piece =
  | { kind: 'link'; href: string }
  | { kind: 'image'; src: string; alt: string | undefined; width: string; height: string; framed: boolean };

// Only the tags BIPs use (and GitHub's renderer knows): with the parser's full list, a placeholder
// like `<section>` or `<tab>` in prose would swallow the text after it.
const CONFIG: Config = {
  ...Parser.getConfig(),
  ext: ['nowiki', 'pre', 'ref', 'references', 'source', 'syntaxhighlight', 'math', 'img'],
};

// --- Text helpers (string scanning; no pattern here can backtrack over document text). ---

/** Visible text of an HTML fragment. sanitize-html decodes every named entity (`&rarr;` in a
 * heading), leaving only the ones it escapes itself. */
const htmlToText = (html: string) => decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
// Anchored and bounded, tried once per `&`: linear over the text.
const ENTITY = /&(?:([a-z][a-z0-9]{0,31})|#([0-9]{1,7})|#x([0-9a-f]{1,6}));/iy;

function decodeEntities(text: string): string {
  return scanEntities(text, (entity, name, dec, hex) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? entity;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }, (s) => s);
}

/** Text escaped for HTML, except character references already written (`<pre>` shows `&lt;` as <). */
function escapeKeepingEntities(text: string): string {
  return scanEntities(text, (entity) => entity, escapeHtml);
}

function scanEntities(
  text: string,
  entity: (whole: string, name?: string, dec?: string, hex?: string) => string,
  other: (s: string) => string,
): string {
  let out = '';
  let from = 0;
  let amp = text.indexOf('&');
  while (amp >= 0) {
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(text);
    if (m) {
      out += other(text.slice(from, amp)) + entity(m[0], m[1], m[2], m[3]);
      from = amp + m[0].length;
    }
    amp = text.indexOf('&', m ? from : amp + 1);
  }
  return out + other(text.slice(from));
}

/** Block contents without the newlines after the opening tag and the blanks before the closing one. */
function trimBlock(text: string): string {
  let start = 0;
  while (text[start] === '\n' || text[start] === '\r') start++;
  return text.slice(start).trimEnd();
}

// The parser's paragraph pass works line by line on the HTML, so a block that must keep its lines
// (code) writes them as `&#10;`; they turn back into newlines at the end.
const keepLines = (html: string) => html.split('\n').join('&#10;');

function attr(token: ExtToken, name: string): string | undefined {
  const value = token.getAttr(name);
  return typeof value === 'string' ? value.trim() : undefined;
}

const LANGUAGE = /^[a-z0-9][a-z0-9+#._-]{0,39}$/;
const DIGITS = /^[0-9]{1,5}$/;

// --- Extension tags. The parser's hooks are global, so they act on the render in progress. ---

interface Note {
  id: string;
  label: string;
  group: string;
  html: string;
  uses: number;
}

class Footnotes {
  private readonly notes: Note[] = [];
  private readonly named = new Map<string, Note>();
  private readonly counts = new Map<string, number>();
  private listed = new Set<Note>();
  private labelled = false;

  cite(token: ExtToken): string {
    const group = attr(token, 'group') ?? '';
    const name = attr(token, 'name');
    const key = name === undefined ? undefined : `${group}\0${name}`;
    let note = key === undefined ? undefined : this.named.get(key);
    if (!note) {
      const n = (this.counts.get(group) ?? 0) + 1;
      this.counts.set(group, n);
      const id = group ? `${githubSlug(group) || 'group'}-${n}` : String(n);
      note = { id, label: group ? `${group} ${n}` : String(n), group, html: '', uses: 0 };
      this.notes.push(note);
      if (key !== undefined) this.named.set(key, note);
    }
    if (!token.selfClosing && !note.html) note.html = this.content(token);
    note.uses++;
    const ref = `user-content-fnref-${note.id}${note.uses > 1 ? `-${note.uses}` : ''}`;
    return `<sup><a href="#user-content-fn-${note.id}" id="${ref}" data-footnote-ref aria-describedby="footnote-label">${escapeHtml(note.label)}</a></sup>`;
  }

  /** `<references/>`: the notes of its group not listed yet (refs defined inside it count too). */
  list(token: ExtToken): string {
    const group = attr(token, 'group') ?? '';
    for (const child of token.lastChild.childNodes) {
      if (child.type !== 'ext' || child.name !== 'ref') continue;
      const name = attr(child, 'name');
      const note = name === undefined ? undefined : this.named.get(`${group}\0${name}`);
      if (note && !note.html) note.html = this.content(child);
    }
    return this.section(this.notes.filter((n) => n.group === group && !this.listed.has(n)));
  }

  /** Notes no `<references/>` listed, shown at the end as MediaWiki does. */
  rest(): string {
    return this.section(this.notes.filter((n) => !this.listed.has(n)));
  }

  // Rendered on one line: the paragraph pass would otherwise split a note into paragraphs.
  private content(token: ExtToken): string {
    return token.lastChild.toHtml().trim().split('\n').join(' ');
  }

  private section(notes: Note[]): string {
    if (notes.length === 0) return '';
    const items = notes.map((note) => {
      this.listed.add(note);
      const back = Array.from({ length: note.uses }, (_, i) => {
        const ref = `user-content-fnref-${note.id}${i > 0 ? `-${i + 1}` : ''}`;
        const label = `Back to reference ${escapeHtml(note.label)}${i > 0 ? `-${i + 1}` : ''}`;
        return `<a href="#${ref}" data-footnote-backref="" aria-label="${label}" class="data-footnote-backref">↩${i > 0 ? `<sup>${i + 1}</sup>` : ''}</a>`;
      });
      return `<li id="user-content-fn-${note.id}"><p>${note.html} ${back.join(' ')}</p></li>`;
    });
    // One label per page: it is what every footnote reference's aria-describedby names.
    const label = this.labelled ? '' : '<h2 class="sr-only" id="footnote-label">Footnotes</h2>';
    this.labelled = true;
    return `<section data-footnotes class="footnotes">${label}<ol>${items.join('')}</ol></section>`;
  }
}

let current: Footnotes | undefined;

function codeBlock(token: ExtToken): string {
  const lang = attr(token, 'lang')?.toLowerCase();
  const cls = lang && LANGUAGE.test(lang) ? ` class="language-${lang}"` : '';
  const code = escapeHtml(trimBlock(token.innerText ?? ''));
  if (token.getAttr('inline') !== undefined || attr(token, 'enclose') === 'none') return `<code${cls}>${code}</code>`;
  return `<pre><code${cls}>${keepLines(code)}&#10;</code></pre>`;
}

Parser.setHook('source', codeBlock);
Parser.setHook('syntaxhighlight', codeBlock);
// `<pre>` is literal text like `<nowiki>`, but character references in it are shown decoded.
Parser.setHook('pre', (token) => {
  const text = (token.innerText ?? '').split('<nowiki>').join('').split('</nowiki>').join('');
  return `<pre><code>${keepLines(escapeKeepingEntities(trimBlock(text)))}&#10;</code></pre>`;
});
// No TeX renderer: the source is shown as code, marked the way markdown math falls back.
Parser.setHook('math', (token) => {
  const tex = escapeHtml((token.innerText ?? '').trim());
  return attr(token, 'display') === 'block'
    ? `<pre><code class="language-math math-display">${keepLines(tex)}</code></pre>`
    : `<code class="language-math math-inline">${tex}</code>`;
});
// GitHub's renderer took `<img src=…></img>`, and BIPs use it for their diagrams.
Parser.setHook('img', (token) => {
  const src = attr(token, 'src');
  if (!src) return '';
  const alt = attr(token, 'alt');
  const size = ['width', 'height']
    .map((k) => [k, attr(token, k)] as const)
    .filter(([, v]) => v !== undefined && DIGITS.test(v))
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return `<img src="${escapeHtml(src)}"${alt === undefined ? '' : ` alt="${escapeHtml(alt)}"`}${size}>`;
});
Parser.setHook('ref', (token) => current?.cite(token) ?? '');
Parser.setHook('references', (token) => current?.list(token) ?? '');

// --- Before rendering: links and images → markers; templates → their text. ---

function position(root: Token, node: { getAbsoluteIndex(): number }): { line: number; column: number } {
  const pos = root.posFromIndex(node.getAbsoluteIndex());
  return pos ? { line: pos.top + 1, column: pos.left + 1 } : { line: 1, column: 1 };
}

function rewrite(root: Token, pieces: Piece[], problems: MediaWikiProblem[]): void {
  const mark = (piece: Piece, inner: string) => `${OPEN}${pieces.push(piece) - 1}${OPEN_END}${inner}${CLOSE}`;
  // Last first: an image's caption holds links, which must be rewritten before the caption is read.
  for (const node of root.querySelectorAll('link, file, category, template').reverse()) {
    if (node.type === 'category') {
      node.remove();
    } else if (node.type === 'template') {
      problems.push({ ...position(root, node), message: 'Templates are not supported; this one is shown as written.' });
      node.replaceWith(`<nowiki>${escapeHtml(node.toString())}</nowiki>`);
    } else if (node.type === 'link') {
      const link = node as LinkToken;
      const href = link.firstChild.toString().trim().replace(/^:/, '');
      const text = link.length > 1 ? link.lastChild.toString() : '';
      link.replaceWith(mark({ kind: 'link', href }, text.trim() ? text : `<nowiki>${escapeHtml(href)}</nowiki>`));
    } else {
      const file = node as FileToken;
      const target = file.firstChild.toString().trim();
      const frame = file.getFrame();
      const framed = frame !== undefined && frame !== 'frameless';
      const alt = file.getValue('alt');
      const piece: Piece = {
        kind: 'image',
        src: target.slice(target.indexOf(':') + 1).trim(),
        alt: typeof alt === 'string' ? alt : undefined,
        width: file.width ?? '',
        height: file.height ?? '',
        framed,
      };
      const caption = file.getArg('caption')?.toString() ?? '';
      file.replaceWith(framed ? `${FIGURE_OPEN}${mark(piece, caption)}${FIGURE_CLOSE}` : mark(piece, caption));
    }
  }
  // Refs used by name but never given a text would show an empty footnote.
  const defined = new Set<string>();
  const used: ExtToken[] = [];
  for (const ref of root.querySelectorAll<ExtToken>('ext#ref')) {
    const name = attr(ref, 'name');
    if (name === undefined) continue;
    const key = `${attr(ref, 'group') ?? ''}\0${name}`;
    if (ref.selfClosing || !ref.innerText?.trim()) used.push(ref);
    else defined.add(key);
  }
  for (const ref of used) {
    if (!defined.has(`${attr(ref, 'group') ?? ''}\0${attr(ref, 'name')}`)) {
      problems.push({ ...position(root, ref), message: `Footnote "${attr(ref, 'name')}" is used but its text is never given.` });
    }
  }
}

// --- After rendering: markers → elements; headings → ids. ---

function renderPiece(piece: Piece, inner: string): string {
  if (piece.kind === 'link') return `<a href="${escapeHtml(piece.href)}">${inner}</a>`;
  const size = (piece.width && DIGITS.test(piece.width) ? ` width="${piece.width}"` : '') +
    (piece.height && DIGITS.test(piece.height) ? ` height="${piece.height}"` : '');
  const src = `src="${escapeHtml(piece.src)}"`;
  if (!piece.framed) {
    const alt = piece.alt ?? htmlToText(inner).trim();
    return `<img ${src} alt="${escapeHtml(alt)}"${size}>`;
  }
  const img = `<img ${src} alt="${escapeHtml(piece.alt ?? '')}"${size}>`;
  return `<figure>${img}${inner.trim() ? `<figcaption>${inner}</figcaption>` : ''}</figure>`;
}

function resolveMarkers(html: string, pieces: readonly Piece[]): string {
  const parts: string[] = [];
  const open: { at: number; piece: Piece }[] = [];
  let from = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c !== OPEN && c !== CLOSE) continue;
    parts.push(html.slice(from, i));
    if (c === OPEN) {
      const end = html.indexOf(OPEN_END, i);
      const piece = end < 0 ? undefined : pieces[Number(html.slice(i + 1, end))];
      if (piece?.kind === 'image' && piece.framed && parts[parts.length - 1]!.endsWith(FIGURE_OPEN)) {
        parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -FIGURE_OPEN.length);
      }
      if (piece) open.push({ at: parts.length, piece });
      i = end < 0 ? i : end;
    } else {
      const top = open.pop();
      if (top) parts.push(renderPiece(top.piece, parts.splice(top.at).join('')));
      // The `<div>` a figure was wrapped in (see rewrite) has done its work.
      if (top?.piece.kind === 'image' && top.piece.framed && html.startsWith(FIGURE_CLOSE, i + 1)) i += FIGURE_CLOSE.length;
    }
    from = i + 1;
  }
  parts.push(html.slice(from));
  // An opening whose close the parser dropped still gets its element, around nothing.
  for (const { at, piece } of open.reverse()) parts.splice(at, 0, renderPiece(piece, ''));
  return parts.join('');
}

const HEADING = '<div class="mw-heading mw-heading';

/** The parser's `<div class="mw-heading mw-headingN"><hN id="Wiki_id">…</hN></div>` → `<hN id="slug">…</hN>`. */
function fixHeadings(html: string, headings: MediaWikiHeading[]): string {
  const taken = new Set(['footnote-label']);
  const parts: string[] = [];
  let from = 0;
  for (let at = html.indexOf(HEADING); at >= 0; at = html.indexOf(HEADING, from)) {
    const level = Number(html[at + HEADING.length]);
    const head = `"><h${level} id="`;
    const idAt = at + HEADING.length + 1;
    const innerAt = html.startsWith(head, idAt) ? html.indexOf('">', idAt + head.length) + 2 : 1;
    const close = `</h${level}></div>`;
    const end = innerAt > 1 ? html.indexOf(close, innerAt) : -1;
    if (!(level >= 1 && level <= 6) || end < 0) {
      parts.push(html.slice(from, idAt));
      from = idAt;
      continue;
    }
    const inner = html.slice(innerAt, end);
    const text = htmlToText(inner).trim();
    const base = githubSlug(text) || 'section';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    // A `=Title=` heading becomes an h2: the page shows the title, and sections start at h2.
    const depth = Math.max(level, 2);
    headings.push({ depth, slug, text });
    parts.push(html.slice(from, at), `<h${depth} id="${slug}">${inner}</h${depth}>`);
    from = end + close.length;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

export function renderMediaWiki(source: string): MediaWikiResult {
  const problems: MediaWikiProblem[] = [];
  const headings: MediaWikiHeading[] = [];
  const text = source.replace(MARKER_CHARS, '\uFFFD');
  try {
    const root = Parser.parse(text, false, undefined, CONFIG);
    const pieces: Piece[] = [];
    rewrite(root, pieces, problems);
    current = new Footnotes();
    const rendered = root.toHtml() + current.rest();
    const html = fixHeadings(resolveMarkers(rendered, pieces), headings).split('&#10;').join('\n');
    return { html, headings, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  } catch (error) {
    // Readers still get the text, and the author a message, rather than a failed build.
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ line: 1, column: 1, message: `The MediaWiki parser failed: ${message}` });
    return { html: `<pre><code>${escapeHtml(source)}</code></pre>`, headings: [], problems };
  } finally {
    current = undefined;
  }
}

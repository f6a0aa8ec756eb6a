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
 * - internal links, images and headings, for which it has no hooks, are rewritten before rendering
 *   into private-use markers around their wikitext, which become `<a>`/`<img>`/`<figure>`/`<hN>`
 *   after. Headings get github-slugger ids: authors wrote their `#fragment` links against GitHub's
 *   ids, and markdown bodies get the same ones.
 * Templates are not expanded (no BIP uses them): they are shown as written and reported.
 */
import Parser from 'wikiparser-node';
import type { AST, AstNodes, Config, ExtToken, FileToken, HeadingToken, LinkToken, Token } from 'wikiparser-node';
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
  /** The parser gave up: the page shows the text as written. */
  fatal?: boolean;
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
// Figures and headings are blocks: wrapped in a `<div>`, the parser's paragraph pass leaves them
// out of paragraphs.
const BLOCK_OPEN = '<div>';
const BLOCK_CLOSE = '</div>';

type Piece = { block: boolean } & (
  | { kind: 'heading'; level: number }
  | { kind: 'link'; href: string }
  | { kind: 'image'; src: string; alt: string | undefined; width: string; height: string }
);

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
  return scanEntities(
    text,
    (entity, name, dec, hex) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? entity;
      const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
    (s) => s,
  );
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
  n: number;
  label: string;
  group: string;
  html: string;
  uses: number;
}

class Footnotes {
  private readonly notes: Note[] = [];
  private readonly named = new Map<string, Note>();
  // Texts given inside `<references>` before any ref used them.
  private readonly defined = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly listed = new Set<Note>();
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
      const html = key === undefined ? '' : (this.defined.get(key) ?? '');
      note = { id, n, label: group ? `${group} ${n}` : String(n), group, html, uses: 0 };
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
      const name = child.is<ExtToken>('ext') && child.name === 'ref' ? attr(child, 'name') : undefined;
      if (name === undefined) continue;
      const key = `${group}\0${name}`;
      const note = this.named.get(key);
      const html = this.content(child as ExtToken);
      if (!note) this.defined.set(key, html);
      else if (!note.html) note.html = html;
    }
    return this.section(group);
  }

  /** Notes no `<references/>` listed, shown at the end as MediaWiki does. */
  rest(): string {
    return [...new Set(this.notes.map((n) => n.group))].map((group) => this.section(group)).join('');
  }

  // Rendered on one line: the paragraph pass would otherwise split a note into paragraphs.
  private content(token: ExtToken): string {
    return token.lastChild.toHtml().trim().split('\n').join(' ');
  }

  private section(group: string): string {
    const notes = this.notes.filter((n) => n.group === group && !this.listed.has(n));
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
    const start = notes[0]!.n > 1 ? ` start="${notes[0]!.n}"` : '';
    return `<section data-footnotes class="footnotes">${label}<ol${start}>${items.join('')}</ol></section>`;
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
// The parser renders copies of some parts for its own use (ids, alt texts), which are dropped: a
// ref outside the document being rendered must not be counted.
const rendered = (token: ExtToken) => token.getRootNode().type === 'root';
Parser.setHook('ref', (token) => (current && rendered(token) ? current.cite(token) : ''));
Parser.setHook('references', (token) => (current && rendered(token) ? current.list(token) : ''));

// --- Before rendering: links, images and headings → markers; templates → their text. ---
//
// The rewrite is done on the text, by the ranges of the parsed tree: the tree's own mutation and
// position methods take time quadratic in the number of siblings (thousands of table rows).

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `text[start, end)` with the edits inside it (in order, not overlapping) made. */
function splice(text: string, [start, end]: readonly [number, number], edits: readonly Edit[]): string {
  const out: string[] = [];
  let at = start;
  for (const edit of edits) {
    out.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  out.push(text.slice(at, end));
  return out.join('');
}

/** Line and column (from 1) of an index, by binary search over the line starts. */
function locator(text: string): (index: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! + 1 };
  };
}

function rewrite(root: Token, pieces: Piece[], problems: MediaWikiProblem[]): string {
  const text = root.toString();
  const locate = locator(text);
  const refs: { ref: ExtToken; at: number }[] = [];
  const mark = (piece: Piece, inner: string) => {
    const marked = `${OPEN}${pieces.push(piece) - 1}${OPEN_END}${inner}${CLOSE}`;
    return piece.block ? `${BLOCK_OPEN}${marked}${BLOCK_CLOSE}` : marked;
  };

  // The edits for a node's text; `ast` is its `json()`, whose ranges index `text`.
  const visit = (node: AstNodes, ast: AST): Edit[] => {
    if (node.type === 'text') return [];
    const kids = ast.childNodes ?? [];
    const inner = (i: number) => (i >= 0 && kids[i] ? splice(text, kids[i].range, visit(node.childNodes[i]!, kids[i])) : '');
    const [start, end] = ast.range;
    const edit = (replacement: string): Edit[] => [{ start, end, text: replacement }];
    if (node.is<HeadingToken>('heading')) {
      // The parser's own heading ids take time quadratic in the number of equal headings.
      return edit(mark({ kind: 'heading', level: node.level, block: true }, inner(0)));
    }
    if (node.is<LinkToken>('link')) {
      const href = node.firstChild.toString().trim().replace(/^:/, '');
      const label = node.length > 1 ? inner(1) : '';
      return edit(mark({ kind: 'link', href, block: false }, label.trim() ? label : `<nowiki>${escapeHtml(href)}</nowiki>`));
    }
    if (node.is<FileToken>('file')) {
      const target = node.firstChild.toString().trim();
      const frame = node.getFrame();
      const alt = node.getValue('alt');
      const piece: Piece = {
        kind: 'image',
        src: target.slice(target.indexOf(':') + 1).trim(),
        alt: typeof alt === 'string' ? alt : undefined,
        width: node.width ?? '',
        height: node.height ?? '',
        block: frame !== undefined && frame !== 'frameless',
      };
      const caption = node.getArg('caption');
      return edit(mark(piece, caption ? inner(node.childNodes.indexOf(caption)) : ''));
    }
    if (node.type === 'template') {
      problems.push({ ...locate(start), message: 'Templates are not supported; this one is shown as written.' });
      return edit(`<nowiki>${escapeHtml(text.slice(start, end))}</nowiki>`);
    }
    // A category link files the page under a category on a wiki; it shows nothing.
    if (node.type === 'category') return edit('');
    if (node.is<ExtToken>('ext') && node.name === 'ref') refs.push({ ref: node, at: start });
    return node.childNodes.flatMap((child, i) => (kids[i] ? visit(child, kids[i]) : []));
  };
  const ast = root.json();
  const out = splice(text, ast.range, visit(root, ast));

  // Refs used by name but never given a text would show an empty footnote.
  const key = (ref: ExtToken) => `${attr(ref, 'group') ?? ''}\0${attr(ref, 'name')}`;
  const named = refs.filter(({ ref }) => attr(ref, 'name') !== undefined);
  const given = new Set(named.filter(({ ref }) => !ref.selfClosing && ref.innerText?.trim()).map(({ ref }) => key(ref)));
  for (const { ref, at } of named) {
    if (given.has(key(ref))) continue;
    given.add(key(ref));
    problems.push({ ...locate(at), message: `Footnote "${attr(ref, 'name')}" is used but its text is never given.` });
  }
  return out;
}

// --- After rendering: markers → elements. ---

const NOTE_REF = '<sup><a href="#user-content-fn-';

/** A heading's footnote marks are not part of its name (nor of its id, as on MediaWiki). */
function withoutNoteRefs(html: string): string {
  let out = '';
  let from = 0;
  for (let at = html.indexOf(NOTE_REF); at >= 0; at = html.indexOf(NOTE_REF, from)) {
    const end = html.indexOf('</sup>', at);
    if (end < 0) break;
    out += html.slice(from, at);
    from = end + '</sup>'.length;
  }
  return out + html.slice(from);
}

class Headings {
  readonly list: MediaWikiHeading[] = [];
  private readonly taken = new Set(['footnote-label']);
  private readonly suffix = new Map<string, number>();

  render(level: number, inner: string): string {
    const text = htmlToText(withoutNoteRefs(inner)).trim();
    const base = githubSlug(text) || 'section';
    let slug = base;
    // Counting on from the last suffix keeps a thousand equal headings linear.
    for (let n = this.suffix.get(base) ?? 2; this.taken.has(slug); n++) {
      slug = `${base}-${n}`;
      this.suffix.set(base, n + 1);
    }
    this.taken.add(slug);
    // A `=Title=` heading becomes an h2: the page shows the title, and sections start at h2.
    const depth = Math.max(level, 2);
    this.list.push({ depth, slug, text });
    return `<h${depth} id="${slug}">${inner.trim()}</h${depth}>`;
  }
}

function renderPiece(piece: Piece, inner: string, headings: Headings): string {
  if (piece.kind === 'heading') return headings.render(piece.level, inner);
  if (piece.kind === 'link') return `<a href="${escapeHtml(piece.href)}">${inner}</a>`;
  const size =
    (piece.width && DIGITS.test(piece.width) ? ` width="${piece.width}"` : '') +
    (piece.height && DIGITS.test(piece.height) ? ` height="${piece.height}"` : '');
  const src = `src="${escapeHtml(piece.src)}"`;
  if (!piece.block) return `<img ${src} alt="${escapeHtml(piece.alt ?? htmlToText(inner).trim())}"${size}>`;
  const img = `<img ${src} alt="${escapeHtml(piece.alt ?? '')}"${size}>`;
  return `<figure>${img}${inner.trim() ? `<figcaption>${inner}</figcaption>` : ''}</figure>`;
}

function resolveMarkers(html: string, pieces: readonly Piece[], headings: Headings): string {
  const parts: string[] = [];
  const open: { at: number; piece: Piece }[] = [];
  let from = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c !== OPEN && c !== CLOSE) continue;
    parts.push(html.slice(from, i));
    if (c === OPEN) {
      let end = i + 1;
      while (end < html.length && html[end]! >= '0' && html[end]! <= '9') end++;
      const piece = html[end] === OPEN_END ? pieces[Number(html.slice(i + 1, end))] : undefined;
      // The `<div>` a block was wrapped in (see rewrite) has done its work.
      const last = parts.length - 1;
      if (piece?.block && parts[last]!.endsWith(BLOCK_OPEN)) parts[last] = parts[last]!.slice(0, -BLOCK_OPEN.length);
      if (piece) open.push({ at: parts.length, piece });
      i = piece ? end : i;
    } else {
      const top = open.pop();
      if (top) parts.push(renderPiece(top.piece, parts.splice(top.at).join(''), headings));
      if (top?.piece.block && html.startsWith(BLOCK_CLOSE, i + 1)) i += BLOCK_CLOSE.length;
    }
    from = i + 1;
  }
  parts.push(html.slice(from));
  // An opening whose close the parser dropped still gets its element, around nothing.
  for (const { at, piece } of open.reverse()) parts.splice(at, 0, renderPiece(piece, '', headings));
  return parts.join('');
}

/**
 * The parser's output in the forms the page's sanitizer and the markdown bodies use: BIPs write
 * `<tt>` for code; indented-line blocks are a bare `<pre>` where code blocks are `<pre><code>`;
 * and a run of blank lines is an empty `<p><br>` paragraph on a wiki, but only a paragraph break
 * here (the `<pre>` preamble, blanked out, is such a run). Author-written tags come out of the
 * parser normalized and literal text escaped, so exact strings find these.
 */
function modernize(html: string): string {
  const out = html
    .split('<tt>')
    .join('<code>')
    .split('<tt ')
    .join('<code ')
    .split('</tt>')
    .join('</code>')
    .split('<p><br>\n')
    .join('<p>')
    .split('<p></p>')
    .join('');
  const parts: string[] = [];
  let from = 0;
  for (let at = out.indexOf('<pre>'); at >= 0; at = out.indexOf('<pre>', from)) {
    const end = out.indexOf('</pre>', at);
    if (end < 0) break;
    const inner = out.slice(at + 5, end);
    parts.push(out.slice(from, at), inner.startsWith('<code') ? `<pre>${inner}</pre>` : `<pre><code>${inner}</code></pre>`);
    from = end + 6;
  }
  parts.push(out.slice(from));
  return parts.join('');
}

export function renderMediaWiki(source: string): MediaWikiResult {
  const problems: MediaWikiProblem[] = [];
  try {
    const root = Parser.parse(source.replace(MARKER_CHARS, '\uFFFD'), false, undefined, CONFIG);
    const pieces: Piece[] = [];
    const rewritten = rewrite(root, pieces, problems);
    current = new Footnotes();
    // toHtml parses the text again from its start, so an early stage is all this parse needs (the
    // first, stage 0, sends the parser into endless recursion).
    const rendered = Parser.parse(rewritten, false, 1, CONFIG).toHtml() + current.rest();
    const headings = new Headings();
    const html = modernize(resolveMarkers(rendered, pieces, headings))
      .split('&#10;')
      .join('\n')
      .trim();
    return { html, headings: headings.list, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  } catch (error) {
    // Readers still get the text, and the author a message, rather than a failed build.
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ line: 1, column: 1, message: `The MediaWiki parser failed: ${message}`, fatal: true });
    return { html: `<pre><code>${escapeHtml(source)}</code></pre>`, headings: [], problems };
  } finally {
    current = undefined;
  }
}

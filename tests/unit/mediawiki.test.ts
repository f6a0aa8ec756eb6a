import { afterEach, describe, expect, test, vi } from 'vitest';
import Parser from 'wikiparser-node';
import { renderMediaWiki } from '../../src/lib/render/mediawiki.ts';
import { renderBody } from '../../src/lib/render/body.ts';
import type { LinkTargets } from '../../src/lib/render/links.ts';

const html = (source: string) => renderMediaWiki(source).html;

describe('MediaWiki headings', () => {
  test('get GitHub-style ids, unique in the document, listed in order', () => {
    const out = renderMediaWiki(
      [
        '=Widget Protocol=',
        '==Overview==',
        '===Design goals===',
        '==Overview==',
        '==Overview==',
        '====Keys &rarr; values====',
      ].join('\n'),
    );
    expect(out.headings).toEqual([
      { depth: 2, slug: 'widget-protocol', text: 'Widget Protocol' },
      { depth: 2, slug: 'overview', text: 'Overview' },
      { depth: 3, slug: 'design-goals', text: 'Design goals' },
      { depth: 2, slug: 'overview-2', text: 'Overview' },
      { depth: 2, slug: 'overview-3', text: 'Overview' },
      { depth: 4, slug: 'keys--values', text: 'Keys → values' },
    ]);
    expect(out.html).toContain('<h2 id="widget-protocol">Widget Protocol</h2>');
    expect(out.html).toContain('<h3 id="design-goals">Design goals</h3>');
    expect(out.html).toContain('<h4 id="keys--values">Keys &rarr; values</h4>');
    expect(out.html).not.toContain('mw-heading');
    expect(out.problems).toEqual([]);
  });

  test('stay unique when a heading is named like a numbered one', () => {
    const slugs = renderMediaWiki('==Notes==\n==Notes==\n==Notes 2==').headings.map((h) => h.slug);
    expect(slugs).toEqual(['notes', 'notes-2', 'notes-2-2']);
  });

  test('leave footnote marks out of their names, and links in them work', () => {
    const out = renderMediaWiki('==Wire format<ref>Since v2.</ref> of [[bip-0042.mediawiki|BIP 42]]==');
    expect(out.headings).toEqual([{ depth: 2, slug: 'wire-format-of-bip-42', text: 'Wire format of BIP 42' }]);
    expect(out.html).toContain('<a href="bip-0042.mediawiki">BIP 42</a></h2>');
    expect(out.html.match(/data-footnote-ref/g)).toHaveLength(1);
  });

  test('with markup keep it, and slug their text', () => {
    const out = renderMediaWiki("==The ''fast'' path <code>v2</code>==");
    expect(out.headings).toEqual([{ depth: 2, slug: 'the-fast-path-v2', text: 'The fast path v2' }]);
    expect(out.html).toContain('<h2 id="the-fast-path-v2">The <i>fast</i> path <code>v2</code></h2>');
  });
});

describe('MediaWiki blocks', () => {
  test.each([
    [
      'a table with header cells and attributes',
      '{| class="wikitable"\n! Field !! Size\n|-\n| version || 4\n|-\n| align="right" | flags || 1\n|}',
      ['<table class="wikitable">', '<th>Field</th>', '<th>Size\n</th>', '<td>version</td>', '<td align="right">flags'],
    ],
    [
      'a bullet list, nested',
      '* apples\n** green ones\n* pears',
      ['<ul><li>apples\n<ul><li>green ones</li></ul></li>\n<li>pears</li></ul>'],
    ],
    ['a numbered list', '# first\n# second', ['<ol><li>first</li>\n<li>second</li></ol>']],
    ['a definition list', '; nonce : a number used once', ['<dl><dt>nonce</dt>\n<dd>a number used once</dd></dl>']],
    [
      'source code with a language',
      '<source lang="python">\nif a < b:\n    return "x"\n</source>',
      ['<pre><code class="language-python">if a &lt; b:\n    return &quot;x&quot;\n</code></pre>'],
    ],
    [
      'syntaxhighlight, language lower-cased',
      '<syntaxhighlight lang="Rust">fn main() {}</syntaxhighlight>',
      ['<pre><code class="language-rust">fn main() {}\n</code></pre>'],
    ],
    ['source without a language', '<source>\nplain\n</source>', ['<pre><code>plain\n</code></pre>']],
    ['a language that is not a name', '<source lang="x y">z</source>', ['<pre><code>z\n</code></pre>']],
    [
      'inline syntaxhighlight',
      'Call <syntaxhighlight lang="js" inline>f(1)</syntaxhighlight> now.',
      ['<code class="language-js">f(1)</code>'],
    ],
    [
      'pre: literal, entities kept, bare & escaped',
      '<pre>\nOP_DUP <pubKey> a && b &lt;x&gt;\n</pre>',
      ['<pre><code>OP_DUP &lt;pubKey&gt; a &amp;&amp; b &lt;x&gt;\n</code></pre>'],
    ],
    ['an indented line', ' indented text', ['<pre><code>indented text\n</code></pre>']],
    ['math, left as TeX', 'Let <math>x^2</math> be.', ['<code class="language-math math-inline">x^2</code>']],
  ])('%s', (_name, source, expected) => {
    const out = html(source);
    for (const part of expected) expect(out).toContain(part);
  });

  test('runs of blank lines (a blanked-out preamble) are only paragraph breaks', () => {
    expect(html('\n\n\n\n\n==A==\none\n\n\ntwo\n\n\n\nthree')).toBe('<h2 id="a">A</h2>\n<p>one\n</p><p>two\n</p><p>three\n</p>');
  });

  test('blank lines inside a code block stay inside it', () => {
    expect(html('<source lang="c">\na();\n\nb();\n</source>')).toBe('<pre><code class="language-c">a();\n\nb();\n</code></pre>');
  });
});

describe('MediaWiki inline markup and links', () => {
  test.each([
    ["'''bold''' and ''italic''", '<b>bold</b> and <i>italic</i>'],
    ['<code>a()</code> and <tt>b()</tt>', '<code>a()</code> and <code>b()</code>'],
    ['[https://example.com/spec the spec]', '<a rel="nofollow" class="external" href="https://example.com/spec">the spec</a>'],
    ['[[bip-0042.mediawiki|BIP 42]]', '<a href="bip-0042.mediawiki">BIP 42</a>'],
    ['[[bip-0042.mediawiki]]', '<a href="bip-0042.mediawiki">bip-0042.mediawiki</a>'],
    ["[[bip-0042.mediawiki#wire-format|''BIP'' 42]]", '<a href="bip-0042.mediawiki#wire-format"><i>BIP</i> 42</a>'],
    ['[[#motivation|above]]', '<a href="#motivation">above</a>'],
    ['[[bip-0042/notes.txt|notes]]', '<a href="bip-0042/notes.txt">notes</a>'],
  ])('%s', (source, expected) => expect(html(source)).toContain(expected));

  test('category links show nothing', () => {
    expect(html('Text.[[Category:Drafts]]')).toBe('<p>Text.\n</p>');
  });
});

describe('MediaWiki images', () => {
  test.each([
    [
      '[[File:bip-0042/flow.png|frame|Message flow]]',
      '<figure><img src="bip-0042/flow.png" alt=""><figcaption>Message flow</figcaption></figure>',
    ],
    [
      '[[File:bip-0042/flow.png|thumb|alt=Arrows|The flow]]',
      '<figure><img src="bip-0042/flow.png" alt="Arrows"><figcaption>The flow</figcaption></figure>',
    ],
    ["[[Image:bip-0042/flow.png|200px|The ''flow'']]", '<img src="bip-0042/flow.png" alt="The flow" width="200">'],
    ['<img src="bip-0042/flow.png" alt="Flow"></img>', '<img src="bip-0042/flow.png" alt="Flow">'],
    ['<img src=bip-0042/flow.png></img>', '<img src="bip-0042/flow.png">'],
  ])('%s', (source, expected) => expect(html(source)).toContain(expected));

  test('a caption keeps its links', () => {
    expect(html('[[File:a.png|thumb|From [[bip-0042.mediawiki|BIP 42]]]]')).toBe(
      '<figure><img src="a.png" alt=""><figcaption>From <a href="bip-0042.mediawiki">BIP 42</a></figcaption></figure>',
    );
  });

  test('a figure is not put in a paragraph', () => {
    expect(html('[[File:a.png|frame|Cap]]')).toBe('<figure><img src="a.png" alt=""><figcaption>Cap</figcaption></figure>');
  });
});

describe('MediaWiki footnotes', () => {
  const source =
    'One.<ref>First note, [https://example.com/src source].</ref> Two.<ref name="x">Second</ref> Again.<ref name="x"/>\n\n==Notes==\n<references/>';

  test('refs become GFM-style footnotes, listed where <references/> is', () => {
    const out = renderMediaWiki(source);
    expect(out.html).toContain(
      'One.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>',
    );
    expect(out.html).toContain('<a href="#user-content-fn-2" id="user-content-fnref-2-2" data-footnote-ref');
    const notes = out.html.slice(out.html.indexOf('<h2 id="notes">'));
    expect(notes).toContain(
      '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol>',
    );
    expect(notes).toContain(
      '<li id="user-content-fn-1"><p>First note, <a rel="nofollow" class="external" href="https://example.com/src">source</a>.',
    );
    expect(notes).toContain('<li id="user-content-fn-2"><p>Second <a href="#user-content-fnref-2"');
    expect(notes).toContain('href="#user-content-fnref-2-2"');
    expect(out.problems).toEqual([]);
  });

  test('without <references/>, the notes come last', () => {
    const out = html('Claim.<ref>Proof.</ref>\n\nMore text.');
    expect(out.indexOf('More text.')).toBeLessThan(out.indexOf('<section data-footnotes'));
    expect(out).toContain('<li id="user-content-fn-1"><p>Proof. <a href="#user-content-fnref-1"');
  });

  test('refs may be given their text inside <references>, and be grouped', () => {
    const out = html(
      'A.<ref name="k"/> B.<ref group="note">Aside.</ref>\n<references>\n<ref name="k">Kept here.</ref>\n</references>\n<references group="note"/>',
    );
    expect(out).toContain('<li id="user-content-fn-1"><p>Kept here. <a href="#user-content-fnref-1"');
    expect(out).toContain(
      '<a href="#user-content-fn-note-1" id="user-content-fnref-note-1" data-footnote-ref aria-describedby="footnote-label">note 1</a>',
    );
    expect(out).toContain('<li id="user-content-fn-note-1"><p>Aside. ');
  });

  test('a ref used by name but never given a text is a problem, where it is', () => {
    expect(renderMediaWiki('Intro.\n\nClaim.<ref name="gone"/>').problems).toEqual([
      { line: 3, column: 7, message: 'Footnote "gone" is used but its text is never given.' },
    ]);
  });

  test('survive the page sanitizer, with links resolved', () => {
    const targets: LinkTargets = {
      pages: new Map([['bip-0042.mediawiki', '/bip-42/']]),
      files: new Map([['bip-0042/flow.png', 'bip-0042/flow.png']]),
      fileUrl: (p) => `/files/${p}`,
      base: '/',
    };
    const body = `==Spec==\nSee [[bip-0042.mediawiki|BIP 42]].${source.slice(0, source.indexOf('\n'))}\n<references/>\n[[File:bip-0042/flow.png|frame|Flow]]\n<source lang="go">x</source>`;
    const out = renderBody(html(body), 'bip-0041.mediawiki', targets);
    expect(out.html).toContain('<h2 id="spec">Spec<a class="anchor" href="#spec"');
    expect(out.html).toContain('<a href="/bip-42/">BIP 42</a>');
    expect(out.html).toContain('<img alt="" src="/files/bip-0042/flow.png" />');
    expect(out.html).toContain('<pre><code class="language-go">x\n</code></pre>');
    expect(out.html).toContain('<section data-footnotes class="footnotes">');
    expect(out.html).toContain('data-footnote-ref');
    expect(out.files).toEqual(['bip-0042/flow.png']);
  });
});

describe('MediaWiki problems', () => {
  afterEach(() => vi.restoreAllMocks());

  test('a template is shown as written and reported', () => {
    const out = renderMediaWiki('Line one.\nSee {{cite|x}}.');
    expect(out.html).toContain('See {{cite|x}}.');
    expect(out.problems).toEqual([{ line: 2, column: 5, message: 'Templates are not supported; this one is shown as written.' }]);
  });

  test('a parser failure is a problem, not an exception, and the text is still shown', () => {
    vi.spyOn(Parser, 'parse').mockImplementation(() => {
      throw new Error('stack exhausted');
    });
    const out = renderMediaWiki('==A==\n<b>x</b>');
    expect(out.problems).toEqual([{ line: 1, column: 1, message: 'The MediaWiki parser failed: stack exhausted', fatal: true }]);
    expect(out.html).toBe('<pre><code>==A==\n&lt;b&gt;x&lt;/b&gt;</code></pre>');
    expect(out.headings).toEqual([]);
  });

  test('private-use characters in the source cannot forge links', () => {
    const out = html('a \uE0000\uE001 b \uE002 [[x.mediawiki|y]]');
    expect(out).toContain('<a href="x.mediawiki">y</a>');
    expect(out).not.toMatch(/[\uE000-\uE002]/);
  });
});

describe('MediaWiki rendering time', () => {
  // Each adversarial run feeds one of this module's scanners (entities, markers, headings, code);
  // the baseline is the same amount of plain letters in the same place. A super-linear scan of
  // 200 KB would take minutes; the bound is generous for a busy machine.
  const SIZE = 200 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  const time = (source: string) => {
    const start = performance.now();
    renderMediaWiki(source);
    return performance.now() - start;
  };

  test.each([
    ['entities in a pre block', (s: string) => `<pre>\n${s}\n</pre>`, '&#x1&a1&'],
    ['entities in a heading', (s: string) => `== ${s} ==`, '&#&amp'],
    ['marker characters', (s: string) => s, '\uE000\uE001\uE002 '],
    ['markup characters in code', (s: string) => `<source lang="c">\n${s}\n</source>`, '<&"'],
    ['indented lines (bare pre blocks)', (s: string) => s, ' x\n\n'],
  ])('%s: 200 KB renders in linear time', (_name, wrap, unit) => {
    renderMediaWiki('warm-up <ref>x</ref> [[a|b]]');
    const baseline = time(wrap(fill('abcdefgh')));
    const adversarial = time(wrap(fill(unit)));
    expect(adversarial).toBeLessThan(20 * baseline + 1500);
  });
});

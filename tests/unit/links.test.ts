import { describe, expect, test } from 'vitest';
import { checkLinks } from '../../src/lib/registry/check-links.ts';
import { resolveLink, rewriteLinks, unmarkImages, type LinkTargets } from '../../src/lib/render/links.ts';
import { makeUrls } from '../../src/lib/urls.ts';

const urls = makeUrls('/');
const pages = new Map([
  ['bip-03/bip-03.md', '/bip-3/'],
  ['bip-03', '/bip-3/'],
  ['bip-03/review_report.md', '/bip-3/review-report/'],
  ['bip-0001.md', '/bip-1/'],
]);
const files = new Map([
  ['bip-03/diagram.png', 'BIP-03/diagram.png'],
  ['assets/logo one.svg', 'assets/logo one.svg'],
]);
const targets: LinkTargets = {
  pages,
  files,
  fileUrl: urls.file,
  base: '/',
  sourceUrl: 'https://git.example.org/r/blob/main/bips',
};

describe('links between registry files', () => {
  test.each([
    ['REVIEW_REPORT.md', 'BIP-03/BIP-03.md', '/bip-3/review-report/'],
    ['./REVIEW_REPORT.md#verdict', 'BIP-03/BIP-03.md', '/bip-3/review-report/#verdict'],
    ['../bip-0001.md', 'BIP-03/BIP-03.md', '/bip-1/'],
    ['./BIP-03/', 'bip-0001.md', '/bip-3/'],
    ['BIP-03/BIP-03.md', 'bip-0001.md', '/bip-3/'],
    ['bip-03/bip-03.md', 'bip-0001.md', '/bip-3/'],
    ['diagram.png', 'BIP-03/BIP-03.md', '/files/BIP-03/diagram.png'],
    ['../assets/logo%20one.svg', 'BIP-03/REVIEW_REPORT.md', '/files/assets/logo%20one.svg'],
    ['notes/plan.md', 'bip-0001.md', 'https://git.example.org/r/blob/main/bips/notes/plan.md'],
    ['notes/a b.md', 'bip-0001.md', 'https://git.example.org/r/blob/main/bips/notes/a%20b.md'],
    ['../../LICENSE', 'BIP-03/BIP-03.md', 'https://git.example.org/r/blob/main/LICENSE'],
    ['../../docs/', 'BIP-03/BIP-03.md', 'https://git.example.org/r/blob/main/docs/'],
    ['https://example.org/x.md', 'bip-0001.md', undefined],
    ['#motivation', 'bip-0001.md', undefined],
    ['/bip-3/', 'bip-0001.md', undefined],
    ['mailto:a@example.org', 'bip-0001.md', undefined],
    ['REVIEW%5FREPORT.md', 'BIP-03/BIP-03.md', '/bip-3/review-report/'],
  ])('%s from %s → %s', (href, from, expected) => expect(resolveLink(href, from, targets)).toBe(expected));

  test('site-absolute links get the base path', () => {
    const preview = { ...targets, base: '/preview/' };
    expect(resolveLink('/bip-3/', 'bip-0001.md', preview)).toBe('/preview/bip-3/');
    expect(resolveLink('/preview/bip-3/', 'bip-0001.md', preview)).toBeUndefined();
  });

  test('without a source URL, unpublished files keep their link', () => {
    expect(resolveLink('notes/plan.md', 'bip-0001.md', { ...targets, sourceUrl: undefined })).toBeUndefined();
  });

  test('images resolve to published files only, never to pages or the repository', () => {
    expect(resolveLink('diagram.png', 'BIP-03/BIP-03.md', targets, 'image')).toBe('/files/BIP-03/diagram.png');
    expect(resolveLink('REVIEW_REPORT.md', 'BIP-03/BIP-03.md', targets, 'image')).toBeUndefined();
    expect(resolveLink('missing.png', 'BIP-03/BIP-03.md', targets, 'image')).toBeUndefined();
  });

  test('rewritten values are escaped: a crafted path cannot break out of the attribute', () => {
    const html = '<a href="x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.md">evil</a>';
    const out = rewriteLinks(html, 'bip-0001.md', targets);
    expect(out).toBe(
      '<a href="https://git.example.org/r/blob/main/bips/x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.md">evil</a>',
    );
  });

  test('entities in attributes are decoded once and escaped once', () => {
    const preview = { ...targets, base: '/preview/' };
    expect(rewriteLinks('<a href="/search?a=1&amp;b=2">q</a>', 'bip-0001.md', preview)).toBe(
      '<a href="/preview/search?a=1&amp;b=2">q</a>',
    );
    expect(rewriteLinks('<a href="REVIEW_REPORT.md#a&amp;b">r</a>', 'BIP-03/BIP-03.md', targets)).toBe(
      '<a href="/bip-3/review-report/#a&amp;b">r</a>',
    );
  });

  test('anchors and images are rewritten, other attributes stay', () => {
    const html = '<p><a href="REVIEW_REPORT.md" title="r">r</a> <img src="diagram.png" alt="d"></p>';
    expect(rewriteLinks(html, 'BIP-03/BIP-03.md', targets)).toBe(
      '<p><a href="/bip-3/review-report/" title="r">r</a> <img src="/files/BIP-03/diagram.png" alt="d"></p>',
    );
  });

  test("Astro's local-image marks become plain sources again", () => {
    const marked =
      '<p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;a &amp; b&quot;,&quot;src&quot;:&quot;diagram.png&quot;,&quot;index&quot;:0}"></p>';
    expect(unmarkImages(marked)).toBe('<p><img alt="a &amp; b" src="diagram.png"></p>');
  });
});

describe('the link check on links no URL parser reads', () => {
  test('reports them, never throws (a run of backslashes is a host name to the URL parser)', () => {
    const targets = { pages: new Map(), files: new Map(), fileUrl: (p: string) => p, base: '/' };
    const body = 'See [the notes](\\\\\\\\[x) and [more](\\\\\\\\).\n';
    const found = checkLinks(body, 'bip-0005.md', 'bip-0005.md', targets, false, { url: '/bip-5/', urls: new Set() });
    expect(found.map((d) => d.rule)).toEqual(['link/unresolved', 'link/unresolved']);
  });
});

describe('link destinations as CommonMark writes them', () => {
  const targets = { pages: new Map([['a b.md', '/bip-9/']]), files: new Map(), fileUrl: (p: string) => p, base: '/' };
  const found = (body: string) =>
    checkLinks(body, 'bip-0005.md', 'bip-0005.md', targets, false, { url: '/bip-5/', urls: new Set() }).map(
      (d) => `${d.column} ${d.message}`,
    );

  test.each([
    ['[x](<a b.md>)', []],
    ['[x](<no such.md>)', ['6 the link "no such.md" leads to no file']],
    ['[x]: <a b.md>', []],
    ['![chart](missing.png)', ['10 the image "missing.png" leads to no file']],
    ['[y](missing.md "Title")', ['5 the link "missing.md" leads to no file']],
  ])('%s', (body, expected) => {
    expect(found(body)).toEqual(expected);
  });
});

describe('a target linked many times', () => {
  const targets = { pages: new Map(), files: new Map(), fileUrl: (p: string) => p, base: '/' };
  const found = (body: string) =>
    checkLinks(body, 'bip-0005.md', 'bip-0005.md', targets, false, { url: '/bip-5/', urls: new Set() }).map(
      (d) => `${d.line}:${d.column} ${d.message}`,
    );

  test.each([
    // Once per line, at its first use: a file of thousands of copies gave thousands of lines.
    ['[a](gone.md) [b](gone.md) [c](gone.md)', ['1:5 the link "gone.md" leads to no file']],
    ['[a](gone.md)\n[b](gone.md)', ['1:5 the link "gone.md" leads to no file', '2:5 the link "gone.md" leads to no file']],
    // A link and an image of one target are two findings.
    ['[a](x.png) ![b](x.png)', ['1:5 the link "x.png" leads to no file', '1:17 the image "x.png" leads to no file']],
    ['[a](one.md) [b](two.md)', ['1:5 the link "one.md" leads to no file', '1:17 the link "two.md" leads to no file']],
  ])('%j', (body, expected) => {
    expect(found(body)).toEqual(expected);
  });

  test('ten thousand copies of one image tag: one finding per line', () => {
    const body = `${'<img src="a.png">'.repeat(10_000)}\n${'<img src="a.png">'.repeat(3)}\n`;
    expect(found(body)).toEqual(['1:11 the image "a.png" leads to no file', '2:11 the image "a.png" leads to no file']);
  });
});

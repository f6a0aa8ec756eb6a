/**
 * Real `astro build`s of the fixture registries: what lands in the output folder, and how a
 * broken registry fails. Slow (a few seconds each), so everything is asserted from two builds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';
import { checkSiteLinks, formatBrokenLinks } from '../../src/lib/site/link-check.ts';

/** The body of a BIP page: between the page's <bip-body> markers. */
const bodyOf = (html: string) => html.slice(html.indexOf('<bip-body'), html.lastIndexOf('</bip-body>'));

describe('building a registry under a base path', () => {
  let build: BuildRun;
  beforeAll(() => {
    build = runBuild(fixture('registry'), {
      BASE: '/preview/',
      SITE: 'https://bips.example.org',
      BIPS_SOURCE_URL: 'https://git.example.org/reg/blob/main/bips/',
    });
  });
  afterAll(() => build.remove());

  test('the build succeeds and accounts for every file', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('4 BIP files: 4 published, 0 with errors; 1 companion documents; 2 files left out');
    expect(build.output).toContain('left out README.md: no BIP number in its name and no BIP header (a registry document)');
    expect(build.output).toContain('left out drafts/idea.md: no BIP number in its name and no BIP header (a registry document)');
  });

  test('the log has one line for the pages, not one per page', () => {
    const pages = build.output.split('\n').filter((l) => /[├└]─ /.test(l));
    expect(pages).toEqual([]);
    const summary = build.output.split('\n').filter((l) => /\[build\] routes: \d+ \(\d+ rendered/.test(l));
    expect(summary).toHaveLength(1);
    const written = Number(/routes: (\d+)/.exec(summary[0]!)![1]);
    expect(written).toBeGreaterThan(20);
  });

  test('each BIP has a page at /bip-<n>/ with its header and rendered body', () => {
    const pages = readdirSync(build.outDir)
      .filter((d) => /^bip-(0|[1-9]\d*)$/.test(d))
      .sort();
    expect(pages).toEqual(['bip-1', 'bip-10', 'bip-2', 'bip-3']);
    const html = build.read('bip-1/index.html');
    expect(html).toContain('<title>BIP-1: Quorum Rules for Model Votes · BIP Registry</title>');
    expect(html).toContain('<link rel="canonical" href="https://bips.example.org/preview/bip-1/">');
    expect(html).toContain('href="/preview/status/implemented/"');
    expect(html).toContain('(phase 1 done)');
    expect(html).toContain('href="/preview/authors/pat-example/"');
    expect(html).toContain('<th scope="row">Discussion</th><td><a href="https://example.org/forum/1">');
    expect(html).toContain('<meta name="description" content="A vote needs a quorum of three models.">');
    // GFM: table, task list, footnote, strikethrough, autolink; highlighted code; heading links.
    expect(html).toMatch(/<td[^>]*>valid<\/td>/);
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('data-footnotes');
    expect(html).toContain('<del>old rule</del>');
    expect(html).toContain('<a href="https://example.org/rules">');
    expect(html).toContain('class="astro-code');
    expect(html).toContain('<a class="anchor" href="#specification"');
    expect(html).toContain('<details><summary>Kept</summary>');
  });

  test('raw HTML is sanitized in markdown and MDX bodies alike', () => {
    for (const page of ['bip-1/index.html', 'bip-3/index.html']) {
      const body = bodyOf(build.read(page));
      expect(body.length).toBeGreaterThan(100);
      expect(body).not.toMatch(/<script/i);
      expect(body).not.toMatch(/\son\w+=/i);
      expect(body).not.toMatch(/javascript:/i);
    }
    expect(bodyOf(build.read('bip-3/index.html'))).toContain('This proposal has 2 steps.');
  });

  test('titles and fields are escaped', () => {
    const html = build.read('bip-3/index.html');
    expect(html).toContain('An MDX Proposal &lt;with&gt; brackets &amp; ampersands');
    // Inside quoted attribute values (og:title) a `<` is plain text; everywhere else it is escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<with>');
    expect(html).toContain('<meta property="og:title" content="BIP-3: An MDX Proposal <with> brackets &amp; ampersands">');
  });

  test('header placements: footer block with numbered key, fenced preamble, frontmatter', () => {
    expect(build.read('bip-2/index.html')).toContain('BIP-2:</span> Timeline Pages');
    expect(build.read('bip-10/index.html')).toContain('href="/preview/authors/model-f/"');
    expect(build.read('bip-10/index.html')).toContain('<strong>This BIP was withdrawn.</strong>');
    // A list of numbers in a reference field links each; numbers in prose around a reference do not.
    expect(build.read('bip-10/index.html')).toContain('<a href="/preview/bip-1/">1</a>, <a href="/preview/bip-2/">2</a>');
    expect(build.read('bip-10/index.html')).toContain('<a href="/preview/bip-3/">BIP-3</a> (2 weeks of overlap)');
    expect(build.read('bip-3/index.html')).toContain('href="/preview/status/proposed/"');
  });

  test('companion documents are listed and published under the BIP', () => {
    expect(build.read('bip-2/index.html')).toContain('href="/preview/bip-2/notes/"');
    expect(build.read('bip-2/notes/index.html')).toContain('<h1 data-pagefind-weight="10">Implementation Notes</h1>');
  });

  test('links between registry files point at the pages that publish them', () => {
    const html = build.read('bip-2/index.html');
    expect(html).toContain('<a href="/preview/bip-2/notes/#details">the notes</a>');
    expect(html).toContain('<a href="/preview/bip-1/">BIP-1</a>');
    expect(html).toContain('<a href="https://git.example.org/reg/blob/main/bips/drafts/idea.md">the draft idea</a>');
    expect(html).toContain(
      `<a href="https://git.example.org/reg/blob/main/broken-registry/notes.md">a sibling registry's notes</a>`,
    );
    expect(html).toContain('<a href="../../nowhere.md">a file that is nowhere</a>');
    expect(build.output).toContain('BIP-02/BIP-02.md:14:30: warning: the link "../../nowhere.md" leads to no file');
    expect(html).toContain('<a href="https://git.example.org/reg/blob/main/bips/BIP-02/BIP-02.md">BIP-02/BIP-02.md</a>');
    // MDX bodies are compiled by the MDX integration; their links are resolved after the build.
    expect(bodyOf(build.read('bip-3/index.html'))).toContain('<a href="/preview/bip-2/">the timeline BIP</a>');
  });

  test('images and other registry files that pages link to are published', () => {
    expect(build.read('bip-2/index.html')).toContain('<img alt="The timeline" src="/preview/files/BIP-02/timeline.svg"');
    expect(build.read('bip-2/notes/index.html')).toContain('src="/preview/files/BIP-02/timeline.svg"');
    expect(build.read('files/BIP-02/timeline.svg')).toContain('<svg');
    expect(build.exists('files/bip-0001.md')).toBe(false);
  });

  test('aliases redirect to the permanent URL', () => {
    for (const alias of ['bip-01', 'bip-001', 'bip-0001', 'BIP-01', 'BIP-0001', '1']) {
      const html = build.read(`${alias}/index.html`);
      expect(html, alias).toContain('<meta http-equiv="refresh" content="0; url=/preview/bip-1/">');
      expect(html, alias).toContain('<link rel="canonical" href="https://bips.example.org/preview/bip-1/">');
    }
    expect(build.exists('BIP-1/index.html')).toBe(false);
    const redirects = build.read('_redirects');
    expect(redirects).toContain('/preview/BIP-1 /preview/bip-1/ 301');
    expect(redirects).toContain('/preview/BIP-10/ /preview/bip-10/ 301');
    expect(redirects.trim().split('\n')).toHaveLength(8);
  });

  test('the URL manifest maps every number to its canonical URL', () => {
    const manifest = JSON.parse(build.read('bips.json'));
    expect(manifest.base).toBe('/preview/');
    expect(manifest.bips[1].companions).toEqual([
      { title: 'Implementation Notes', url: '/preview/bip-2/notes/', source: 'BIP-02/NOTES.md' },
    ]);
    expect(manifest.bips[1].source).toBe('BIP-02/BIP-02.md');
    expect(manifest.bips.map((b: { number: number; url: string }) => [b.number, b.url])).toEqual([
      [1, '/preview/bip-1/'],
      [2, '/preview/bip-2/'],
      [3, '/preview/bip-3/'],
      [10, '/preview/bip-10/'],
    ]);
  });

  test("every link the site makes resolves under the base path; the authors' broken ones are named", () => {
    const report = checkSiteLinks(build.outDir, '/preview/');
    expect(report.pages).toBeGreaterThan(40);
    // What the fixture's authors got wrong on purpose, and nothing the site generated.
    expect(formatBrokenLinks(report).split('\n')).toEqual([
      'bip-1/index.html: dot.png — no such page or file',
      'bip-2/index.html: /preview/bip-2/notes/#details — no element with id "details" on bip-2/notes/index.html',
      'bip-2/index.html: ../../nowhere.md — outside the base path /preview/',
      'bip-3/index.html: dot.png — no such page or file',
    ]);
  });

  test('a build that is not a preview has no banner, no /changes/ page, and welcomes crawlers', () => {
    expect(build.exists('changes/index.html')).toBe(false);
    expect(build.read('bip-1/index.html')).not.toContain('preview-banner');
    expect(build.read('bip-1/index.html')).not.toContain('noindex');
    expect(build.read('robots.txt')).toBe('User-agent: *\nAllow: /\nSitemap: https://bips.example.org/preview/sitemap.xml\n');
  });

  test('the sitemap lists every BIP, companion and listing page by absolute URL under the base', () => {
    const locs = [...build.read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain('https://bips.example.org/preview/');
    expect(locs).toContain('https://bips.example.org/preview/bip-10/');
    expect(locs).toContain('https://bips.example.org/preview/bip-2/notes/');
    expect(locs).toContain('https://bips.example.org/preview/status/withdrawn/');
    expect(locs.every((l) => l.startsWith('https://bips.example.org/preview/'))).toBe(true);
    for (const loc of locs) {
      const rel = loc.slice('https://bips.example.org/preview/'.length);
      expect(build.exists(`${rel}index.html`), loc).toBe(true);
    }
  });

  test('listing pages exist for statuses, categories, types and authors', () => {
    expect(build.read('index.html')).toContain('href="/preview/bip-10/"');
    expect(build.read('status/withdrawn/index.html')).toContain('Fenced Preamble Proposal');
    expect(build.read('category/interface/index.html')).toContain('Timeline Pages');
    expect(build.read('type/informational/index.html')).toContain('An MDX Proposal');
    expect(build.read('authors/model-a/index.html')).toContain('Quorum Rules for Model Votes');
    expect(build.read('404.html')).toContain('Page not found');
  });
});

describe('building with BIPS_MDX=markdown', () => {
  test('MDX bodies are rendered as markdown: no code runs, and the body is sanitized', () => {
    const build = runBuild(fixture('registry'), { BIPS_MDX: 'markdown' });
    expect(build.status, build.output).toBe(0);
    const body = bodyOf(build.read('bip-3/index.html'));
    expect(body).toContain('This proposal has {steps.length} steps.');
    expect(body).not.toMatch(/<script|\son\w+=/i);
    build.remove();
  });
});

describe('building a broken registry', () => {
  test('fails with every problem located, and counts every file', () => {
    const build = runBuild(fixture('broken-registry'));
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('3 BIP files: 1 published, 2 with errors');
    expect(build.output).toContain(
      'tests/fixtures/broken-registry/bip-0002.md:10:14: error: "2025-02-30" is not an ISO date (YYYY-MM-DD) [created/invalid]',
    );
    expect(build.output).toContain(
      'tests/fixtures/broken-registry/bip-0003.md:4:10: error: BIP number 4 from the BIP field disagrees with 3 from the title heading and the file name "bip-0003.md" [number/mismatch]',
    );
    expect(build.output).toContain(
      `tests/fixtures/broken-registry/bip-0003.md:8:11: error: type "Experimental" is not one of the template's choices (Standards Track, Informational, Process) [type/unlisted]`,
    );
    expect(build.exists('bip-1/index.html')).toBe(false);
    build.remove();
  });
});

describe('building an empty registry', () => {
  let build: BuildRun;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bip-empty-'));
    build = runBuild(dir);
  });
  afterAll(() => {
    build.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  test('succeeds with an index page and no search index (nothing to search)', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('search index: 0 pages');
    expect(build.exists('index.html')).toBe(true);
    expect(build.exists('pagefind')).toBe(false);
  });
});

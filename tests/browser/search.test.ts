/**
 * Search in a real browser, on real builds of the bundled examples: at the site root, and under
 * the `/preview/` base path a deploy preview uses.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../helpers.ts';
import type { BuildRun } from '../build/run-build.ts';
import { axeViolations, browserSupport, openBuiltSite, type BuiltSite, type Site } from './harness.ts';

const support = browserSupport();
const title = (name: string) => (support.skip ? `${name} (skipped: ${support.skip})` : name);
const examples = join(projectRoot, 'bips');

/** Every example document the site indexes (BIPs and companions), with its text. */
function exampleDocuments(): { path: string; text: string }[] {
  return readdirSync(examples, { recursive: true, encoding: 'utf8' })
    .filter((p) => /\.mdx?$/.test(p) && !['README.md', 'template.md'].includes(p))
    .map((p) => ({ path: p, text: readFileSync(join(examples, p), 'utf8') }));
}

/** The hits on the search page once its results have settled for the current query. */
async function hits(page: Page): Promise<{ title: string; href: string; status: string; document: boolean }[]> {
  await page.locator('[data-search-page][data-state="ready"]').waitFor();
  return page.$$eval('[data-search-hits] .hit', (items) =>
    items.map((li) => ({
      title: li.querySelector('.hit-title')!.textContent!.trim(),
      href: li.querySelector('a')!.getAttribute('href')!,
      status: li.querySelector('.badge')!.textContent!.trim(),
      document: !!li.querySelector('.hit-kind'),
    })),
  );
}

/** The proposals among the hits (a companion document shows its proposal's status). */
const proposals = <T extends { document: boolean }>(found: T[]) => found.filter((h) => !h.document);

/** The header's quick results once they show the results for `query`. */
async function quickHits(page: Page, query: string): Promise<string[]> {
  const panel = page.locator(`[data-quick-results][data-query="${query}"]`);
  await panel.waitFor();
  return panel.locator('.hit a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

/** Status counts on the facet panel, by value. */
async function statusCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('fieldset[data-facet="status"] label', (labels) =>
    Object.fromEntries(
      labels.map((l) => [l.querySelector('input')!.dataset.value!, Number(l.querySelector('.count')!.textContent)]),
    ),
  );
}

async function searchFor(page: Page, site: Site, query: string): Promise<void> {
  await page.goto(site.url(`search/${query}`));
  await hits(page);
}

const facetBox = (page: Page, facet: string, value: string) =>
  page.locator(`fieldset[data-facet="${facet}"] input[data-value="${value}"]`);
const facetCount = async (page: Page, facet: string, value: string) =>
  Number(await facetBox(page, facet, value).locator('xpath=..').locator('.count').textContent());

describe.skipIf(!!support.skip)(title('search on the example site'), () => {
  let opened: BuiltSite;
  let build: BuildRun;
  let site: Site;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    opened = await openBuiltSite(support.executable!, examples);
    ({ build, site, browser } = opened);
  });
  afterAll(() => opened?.close());
  beforeAll(async () => {
    page = await browser.newPage();
  });

  test('the build indexes every BIP and companion page and nothing else', () => {
    const docs = exampleDocuments().length;
    expect(build.output).toContain(`search index: ${docs} pages`);
    expect(build.exists('pagefind/pagefind.js')).toBe(true);
    // Pagefind's own UI bundles are not shipped.
    expect(build.exists('pagefind/pagefind-ui.js')).toBe(false);
  });

  test('a word found in only one example BIP finds exactly that BIP', async () => {
    const word = 'canonicalization';
    const containing = exampleDocuments().filter((d) => d.text.toLowerCase().includes(word));
    expect(containing.map((d) => d.path)).toEqual(['bip-0002.md']);
    await searchFor(page, site, `?q=${word}`);
    const found = await hits(page);
    expect(found.map((h) => h.href)).toEqual(['/bip-2/']);
    expect(found[0]!.title).toBe('BIP-2 Content-Addressed Decision Entries');
    // Pagefind matches word stems: `canonicalize` is marked too.
    expect(await page.locator('.hit .excerpt mark').first().textContent()).toMatch(/^canonical/i);
  });

  test('navigation, footers and listing pages are not indexed', async () => {
    // Every page's footer says "Every BIP has a permanent address"; no BIP uses the word.
    expect(exampleDocuments().some((d) => /permanent/i.test(d.text))).toBe(false);
    expect(build.read('bip-1/index.html')).toMatch(/permanent address/);
    for (const word of ['permanent', 'statuses']) {
      await searchFor(page, site, `?q=${word}`);
      // Pagefind also offers near matches; none may be a listing page or a footer.
      for (const h of await hits(page)) expect(h.href).toMatch(/^\/bip-\d+\/(?:[a-z0-9-]+\/)?$/);
      const marked = await page.locator('.hit .excerpt mark').allTextContents();
      expect(marked.map((m) => m.toLowerCase())).not.toContain('permanent');
    }
  });

  test('a status facet narrows the results to proposals, and its count is the number it leaves', async () => {
    await searchFor(page, site, '?q=ledger');
    const all = await hits(page);
    expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    expect(all.some((h) => h.document)).toBe(true);
    const drafts = proposals(all).filter((h) => h.status === 'Draft').length;
    expect(all.length).toBeGreaterThan(drafts);
    expect(drafts).toBeGreaterThan(0);
    expect(await facetCount(page, 'status', 'Draft')).toBe(drafts);

    await facetBox(page, 'status', 'Draft').check();
    await page.waitForURL(/status=draft/);
    const narrowed = await hits(page);
    expect(narrowed).toHaveLength(drafts);
    expect(narrowed.every((h) => h.status === 'Draft' && !h.document)).toBe(true);
    // Other statuses still show what they would add (counts within a facet are alternatives).
    const review = proposals(all).filter((h) => h.status === 'Review').length;
    expect(await facetCount(page, 'status', 'Review')).toBe(review);
  });

  test('query, filters and order live in the URL and come back on reload', async () => {
    await searchFor(page, site, '?q=ledger');
    await facetBox(page, 'status', 'Draft').check();
    await facetBox(page, 'status', 'Review').check();
    await page.selectOption('select[name="sort"]', 'number');
    await page.waitForURL(/sort=number/);
    expect(new URL(page.url()).search).toBe('?q=ledger&status=draft&status=review&sort=number');
    const before = await hits(page);

    await page.reload();
    const after = await hits(page);
    expect(await page.inputValue('#search-q')).toBe('ledger');
    expect(await facetBox(page, 'status', 'Draft').isChecked()).toBe(true);
    expect(await facetBox(page, 'status', 'Review').isChecked()).toBe(true);
    expect(await page.inputValue('select[name="sort"]')).toBe('number');
    expect(after).toEqual(before);
    const numbers = after.map((h) => Number(/BIP-(\d+)/.exec(h.title)![1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  test('filters alone list their BIPs', async () => {
    await searchFor(page, site, '?type=informational');
    const found = await hits(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBe(await facetCount(page, 'type', 'Informational'));
  });

  test.each(['5', 'bip-5', 'BIP-05', 'bip 0005'])('typing %s offers BIP-5 first', async (query) => {
    await searchFor(page, site, `?q=${encodeURIComponent(query)}`);
    expect((await hits(page))[0]!.href).toBe('/bip-5/');
    await page.goto(site.url('bip-1/'));
    await page.fill('#site-search-q', query);
    expect((await quickHits(page, query))[0]).toBe('/bip-5/');
  });

  test.each(['bip 0005', '05'])('the BIP a number names (%s) is counted in the facets', async (query) => {
    await searchFor(page, site, `?q=${encodeURIComponent(query)}`);
    const found = proposals(await hits(page));
    const counts = await statusCounts(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(found.length);
    expect(await facetBox(page, 'status', 'Proposed').isDisabled()).toBe(false);
  });

  test('ticking one facet updates the counts of the others to what the results hold', async () => {
    await searchFor(page, site, '?q=ledger');
    const before = await statusCounts(page);
    await facetBox(page, 'type', 'Informational').check();
    await page.waitForURL(/type=informational/);
    const found = await hits(page);
    expect(found.length).toBe(await facetCount(page, 'type', 'Informational'));
    const after = await statusCounts(page);
    expect(after).not.toEqual(before);
    for (const [status, n] of Object.entries(after)) expect(n, status).toBe(found.filter((h) => h.status === status).length);
  });

  test('"/" focuses the search box, Escape closes the quick results, a result opens its BIP', async () => {
    await page.goto(site.url(''));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('vector clocks');
    const panel = page.locator('.quick-results');
    await quickHits(page, 'vector clocks');
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    // Pressed while a search is still pending, Escape cancels it too.
    await page.keyboard.type(' ordering');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    expect(await panel.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    // (A second Escape clears the box, as the browser does for search fields.)
    await page.fill('#site-search-q', 'vector clocks ordering');
    expect((await quickHits(page, 'vector clocks ordering'))[0]).toBe('/bip-7/');
    await panel.locator('.hit a').first().click();
    await page.waitForURL(site.url('bip-7/'));
    expect(await page.locator('h1').textContent()).toContain('Vector Clocks for Ordering Concurrent Entries');

    await page.goto(site.url('search/'));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });

  test('Enter in the header box opens the search page, which keeps the query', async () => {
    await page.goto(site.url('status/'));
    await page.fill('#site-search-q', 'hybrid logical');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=hybrid\+logical/);
    expect((await hits(page))[0]!.href).toBe('/bip-8/');
  });

  test('pages load no search code or index until someone types in the search box', async () => {
    const fresh = await browser.newPage();
    const requested: string[] = [];
    fresh.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await fresh.goto(site.url('bip-1/'));
    await fresh.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // One script: the shortcut that loads the rest on the first keystroke.
    expect(requested.filter((p) => p.endsWith('.js'))).toEqual([
      expect.stringMatching(/^\/_astro\/Base\.astro_astro_type_script/),
    ]);
    await fresh.fill('#site-search-q', 'ledger');
    await quickHits(fresh, 'ledger');
    expect(requested).toContain('/pagefind/pagefind.js');
    await fresh.close();
  });

  test('without JavaScript the search page says so and links the listings', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(site.url('search/?q=ledger'));
    const notice = noJs.locator('noscript p, p.notice').first();
    expect(await notice.textContent()).toContain('Searching needs JavaScript');
    const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/', '/status/', '/category/', '/type/', '/authors/']);
    expect(await noJs.locator('[data-search-page]').isHidden()).toBe(true);
    await noJs.goto(site.url(''));
    expect(await noJs.locator('form[data-site-search]').isHidden()).toBe(true);
    await context.close();
  });

  test.each(['light', 'dark'] as const)(
    'axe finds nothing serious on the index, a BIP and search results (%s)',
    async (scheme) => {
      const scan = await browser.newPage({ colorScheme: scheme });
      for (const path of ['', 'bip-3/', 'search/?q=ledger&status=draft']) {
        await scan.goto(site.url(path));
        if (path.startsWith('search')) await scan.locator('.hit').first().waitFor();
        expect(await axeViolations(scan), `${scheme} /${path}`).toEqual([]);
      }
      await scan.close();
    },
  );
});

describe.skipIf(!!support.skip)(title('search under a base path'), () => {
  let opened: BuiltSite;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    opened = await openBuiltSite(support.executable!, examples, { BASE: '/preview/' });
    ({ site, browser } = opened);
  });
  afterAll(() => opened?.close());

  test('header search, search page and results all stay under /preview/', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(site.url('bip-1/'));
    await page.keyboard.press('/');
    await page.keyboard.type('BIP-05');
    expect((await quickHits(page, 'BIP-05'))[0]).toBe('/preview/bip-5/');
    expect(await page.locator('.quick-all').getAttribute('href')).toBe('/preview/search/?q=BIP-05');

    await page.goto(site.url('search/?q=canonicalization'));
    const found = await hits(page);
    expect(found.map((h) => h.href)).toEqual(['/preview/bip-2/']);
    await facetBox(page, 'status', 'Approved').check();
    await page.waitForURL(/status=approved/);
    expect(new URL(page.url()).pathname).toBe('/preview/search/');
    expect((await hits(page)).map((h) => h.href)).toEqual(['/preview/bip-2/']);
    await page.locator('.hit a').first().click();
    await page.waitForURL(site.url('bip-2/'));
    expect(requested.some((p) => p === '/preview/pagefind/pagefind.js')).toBe(true);
    expect(requested.filter((p) => !p.startsWith('/preview/'))).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!!support.skip)(title('search results in batches'), () => {
  let work: string;
  let opened: BuiltSite;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    // 30 generated BIPs (33 pages) share one small vocabulary: every word matches them all.
    work = mkdtempSync(join(tmpdir(), 'bip-many-'));
    const made = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'generate-registry.ts'), work, '30'], {
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    opened = await openBuiltSite(support.executable!, work, { OG_IMAGES: 'off' });
    ({ site, browser } = opened);
  });
  afterAll(async () => {
    await opened?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('20 results first, then the rest on "Show more", each once even when clicked twice', async () => {
    const page = await browser.newPage();
    await searchFor(page, site, '?q=ledger');
    const total = Number(/(\d+) results/.exec((await page.locator('[data-search-status]').textContent())!)![1]);
    expect(total).toBeGreaterThan(20);
    expect(await hits(page)).toHaveLength(20);
    const more = page.locator('[data-search-more]');
    await more.dblclick();
    await expect.poll(() => page.locator('.hit').count()).toBe(total);
    await page.waitForTimeout(300);
    const hrefs = (await hits(page)).map((h) => h.href);
    expect(hrefs).toHaveLength(total);
    expect(new Set(hrefs).size).toBe(total);
    expect(await more.isHidden()).toBe(true);
    await page.close();
  });
});

/**
 * The checks every registry's site must pass in a browser, whatever its size: the search page
 * does not move as it loads, its facet counts are the index's counts, and axe-core finds nothing
 * on any kind of page at phone, tablet and desktop widths in either colour scheme. Defined once,
 * run on the example registry (reader.test.ts) and on a generated 1,000-proposal one
 * (scale.test.ts).
 */
import { describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { slugify } from '../../src/lib/bip/slug.ts';
import { axeViolations, type Site } from './harness.ts';
import { indexStatusCounts, searchSettled, searchStatusTotals } from './walk.ts';

export interface ReaderPages {
  /** A proposal's page, a companion document's, a listing, and a query with results. */
  proposal: string;
  companion: string;
  listing: string;
  query: string;
}

/** The page's cumulative layout shift while it loads and its scripts run (no input). */
export async function layoutShift(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number };
    w.shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
  await page.close();
  return shift;
}

export function readerChecks(open: () => { site: Site; browser: Browser }, pages: ReaderPages): void {
  describe.each([
    [1280, 800],
    [390, 844],
  ])('the search page at %i px', (width, height) => {
    test.each(['search/', pages.query, 'search/?status=draft'])('/%s does not move as it loads (CLS < 0.02)', async (path) => {
      const { site, browser } = open();
      const context = await browser.newContext({ viewport: { width, height } });
      try {
        expect(await layoutShift(context, site.url(path))).toBeLessThan(0.02);
      } finally {
        await context.close();
      }
    });
  });

  test('the search page counts proposals per status as the index does, and finds that many', async () => {
    const { site, browser } = open();
    const page = await browser.newPage();
    try {
      await page.goto(site.url(''));
      const index = await indexStatusCounts(page);
      expect(Object.keys(index).length).toBeGreaterThan(1);
      await page.goto(site.url('search/'));
      expect(await searchStatusTotals(page)).toEqual(index);
      for (const [status, n] of Object.entries(index)) {
        await page.goto(site.url(`search/?status=${slugify(status)}`));
        await searchSettled(page);
        const said = (await page.locator('[data-search-status]').textContent())!;
        expect(said, status).toMatch(new RegExp(`^${n} results?\\b`));
        expect(said, status).not.toMatch(/document/);
      }
    } finally {
      await page.close();
    }
  });

  const kinds = ['', pages.proposal, pages.companion, pages.query, pages.listing, 'no-such-page/'];
  describe.each([390, 768, 1280])('at %i px', (width) => {
    describe.each(['light', 'dark'] as const)('in the %s scheme', (scheme) => {
      test.each(kinds)(
        'axe finds nothing on /%s',
        async (path) => {
          const { site, browser } = open();
          const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          try {
            await page.goto(site.url(path), { waitUntil: 'networkidle' });
            if (path.startsWith('search/')) await searchSettled(page);
            expect(await axeViolations(page, 'all')).toEqual([]);
          } finally {
            await page.close();
          }
        },
        60_000,
      );
    });
  });
}

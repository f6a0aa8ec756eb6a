/**
 * The example registry as a reader meets it, in Chromium: pages that do not move as they load,
 * no control that does nothing without JavaScript, colour schemes, print, and the keyboard.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../helpers.ts';
import { TONES } from '../../src/lib/profile/lifecycle.ts';
import { browserSupport, openBuiltSite, type BuiltSite, type Site } from './harness.ts';
import { layoutShift, readerChecks } from './reader-checks.ts';
import { focused, searchSettled, tabTo } from './walk.ts';

const support = browserSupport();
const title = (name: string) => (support.skip ? `${name} (skipped: ${support.skip})` : name);

describe.skipIf(!!support.skip)(title('the example registry in a browser'), () => {
  let opened: BuiltSite;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    opened = await openBuiltSite(support.executable!, join(projectRoot, 'bips'), { OG_IMAGES: 'off' });
    ({ site, browser } = opened);
  });
  afterAll(async () => {
    await opened?.close();
  });

  describe.each([
    [1280, 800],
    [390, 844],
  ])('at %i px', (width, height) => {
    test.each(['', 'bip-3/', 'bip-3/review-report/', 'status/', 'no-such-page/'])(
      '/%s does not move as it loads (CLS < 0.02)',
      async (path) => {
        const context = await browser.newContext({ viewport: { width, height } });
        try {
          expect(await layoutShift(context, site.url(path))).toBeLessThan(0.02);
        } finally {
          await context.close();
        }
      },
    );
  });

  readerChecks(() => ({ site, browser }), {
    proposal: 'bip-3/',
    companion: 'bip-3/review-report/',
    listing: 'status/draft/',
    query: 'search/?q=ledger',
  });

  test('on a phone, nothing is wider than the screen: long inline code and header values wrap', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      for (const path of ['', 'bip-3/', 'bip-3/review-report/', 'search/?q=ledger', 'status/draft/', 'authors/']) {
        await page.goto(site.url(path));
        // A proposal may name a path or an identifier far longer than a phone is wide.
        await page.evaluate(() => {
          const code = document.createElement('code');
          code.textContent = 'registry_proposals_an_exceptionally_long_identifier_without_any_break_opportunity';
          (document.querySelector('.prose p') ?? document.querySelector('main p'))!.append(' ', code);
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
    } finally {
      await context.close();
    }
  });

  test('on a phone, filters from the address leave the results on the first screen; the open panel leads back to them', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(site.url('search/?q=ledger&status=draft'));
      await searchSettled(page);
      const top = () => page.evaluate(() => document.querySelector('.search-page .results')!.getBoundingClientRect().top);
      expect(await top()).toBeLessThan(422);
      expect(await page.locator('.facets summary').textContent()).toContain('1 chosen');
      expect(await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height)).toBeLessThan(100);
      await page.locator('.facets summary').click();
      const done = page.locator('[data-facets-done]');
      expect(await done.textContent()).toMatch(/^Show the \d+ results?$/);
      await done.click();
      expect(await page.locator('[data-facet-panel]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await top()).toBeGreaterThanOrEqual(0);
      expect(await top()).toBeLessThan(844);
    } finally {
      await context.close();
    }
  });

  // Approved and Implemented were two near-identical greens, Draft and Withdrawn the same grey.
  test.each(['light', 'dark'] as const)('every status tone looks different from every other (%s)', async (scheme) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    try {
      await page.goto(site.url(''));
      // One badge of every tone the lifecycle has, drawn by the site's stylesheet.
      await page.evaluate(
        (tones) => {
          const list = document.querySelector('main ul.counts')!;
          for (const tone of tones) {
            const badge = Object.assign(document.createElement('a'), { className: 'badge', textContent: tone });
            badge.dataset.status = tone;
            list.append(badge);
          }
        },
        [...TONES],
      );
      const looks = await page.$$eval('main ul.counts .badge', (badges) =>
        badges.map((b) => {
          const style = getComputedStyle(b);
          return {
            tone: (b as HTMLElement).dataset.status!,
            color: style.color,
            background: style.backgroundColor,
            border: style.borderTopStyle,
          };
        }),
      );
      // CIE76 colour difference in Lab: about 2.3 is just noticeable; badges need far more.
      const lab = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
          const x = Number(v) / 255;
          return x > 0.04045 ? ((x + 0.055) / 1.055) ** 2.4 : x / 12.92;
        }) as [number, number, number];
        const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
        const [x, y, z] = [
          (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047,
          r * 0.2126 + g * 0.7152 + b * 0.0722,
          (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883,
        ].map(f) as [number, number, number];
        return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
      };
      const distance = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));
      const tones = [...new Map(looks.map((l) => [l.tone, l])).values()];
      expect(tones.map((t) => t.tone).sort()).toEqual([...TONES].sort());
      for (const a of tones)
        for (const b of tones) {
          if (a.tone >= b.tone) continue;
          const apart = a.background !== b.background || a.border !== b.border || distance(a.color, b.color) >= 30;
          expect(apart, `${a.tone} and ${b.tone}: ${a.color} / ${b.color}`).toBe(true);
        }
    } finally {
      await context.close();
    }
  });

  describe('without JavaScript', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    test('the index shows its table and no filter that cannot filter', async () => {
      await page.goto(site.url(''));
      await expect.poll(() => page.locator('table.bip-table tbody tr').count()).toBeGreaterThan(5);
      expect(await page.locator('form[data-filter]').isVisible()).toBe(false);
    });

    test('the search page says why there is no search, in words that read', async () => {
      await page.goto(site.url('search/'));
      expect(await page.locator('[data-search-page]').isVisible()).toBe(false);
      const notice = (
        await page
          .locator('noscript')
          .first()
          .evaluate((n) => n.textContent ?? '')
      ).replace(/\s+/g, ' ');
      expect(notice).toContain('by status, category, type and author.');
    });

    // A task list's checkboxes are text (disabled); a form with an address works without a script.
    test('no page shows an input, select or button that needs a script', async () => {
      for (const path of ['', 'search/', 'bip-3/', 'status/draft/', 'authors/', 'no-such-page/']) {
        await page.goto(site.url(path));
        const dead = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main input, main select, main button, header button')]
            .filter((el) => el.offsetParent !== null && !el.matches(':disabled') && !el.closest('form[action]'))
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(dead, path).toEqual([]);
      }
    });
  });

  test('the colour-scheme toggle goes System, Light, Dark, and the choice holds on the next page', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    try {
      await page.goto(site.url(''));
      const toggle = page.locator('[data-theme-toggle]');
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await toggle.textContent()).toContain('System');
      const light = await bg();
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await bg()).not.toBe(light);
      await page.goto(site.url('bip-3/'));
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.locator('[data-theme-toggle]').textContent()).toContain('Dark');
      await page.locator('[data-theme-toggle]').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
      expect(await bg()).toBe(light);
    } finally {
      await context.close();
    }
  });

  test('printed, a page is the document alone, dark on white even from a dark screen', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(site.url('bip-3/'));
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      for (const chrome of ['.site-header', '.site-footer', '.toc-sidebar', '[data-theme-toggle]'])
        expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
      const colours = await page.evaluate(() => [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.body).color,
      ]);
      expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    } finally {
      await context.close();
    }
  });

  describe('with the keyboard only', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    const rowNumbers = () =>
      page.$$eval('table.bip-table tbody tr:not([hidden])', (rows) => rows.map((r) => Number((r as HTMLElement).dataset.number)));
    const created = () =>
      page.$$eval('table.bip-table tbody tr:not([hidden]) td.date', (cells) => cells.map((c) => c.textContent!.trim()));

    test('a column header sorts the index, the address keeps the order, a reload restores it', async () => {
      await page.goto(site.url(''));
      await tabTo(page, 'th[data-key="created"] button');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      const newestFirst = await created();
      expect(newestFirst).toEqual([...newestFirst].sort().reverse());
      expect(new URL(page.url()).searchParams.get('sort')).toBe('-created');
      await page.reload();
      expect(await created()).toEqual(newestFirst);
      expect(await page.locator('th[data-key="created"]').getAttribute('aria-sort')).toBe('descending');
    });

    test('the filter box narrows the index as it is typed in', async () => {
      await page.goto(site.url(''));
      await tabTo(page, 'form[data-filter] input[name="q"]');
      await page.keyboard.type('vector clocks');
      await expect.poll(rowNumbers).toEqual([7]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('vector clocks');
    });

    test('the contents list leads to a section and marks it; the section link is named after it', async () => {
      await page.goto(site.url('bip-3/'));
      await tabTo(page, 'nav.toc-sidebar a[href="#specification"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#specification$/);
      await expect
        .poll(() => page.locator('nav.toc-sidebar a[aria-current="location"]').getAttribute('href'))
        .toBe('#specification');
      await tabTo(page, '.prose .anchor');
      const { name, heading, id } = await page.evaluate(() => {
        const link = document.activeElement!;
        return {
          name: link.getAttribute('aria-label'),
          heading: link.parentElement!.firstChild!.textContent!.trim(),
          id: link.parentElement!.id,
        };
      });
      expect(name).toBe(`Link to the section “${heading}”`);
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe(`#${id}`);
    });

    test('search: "/" and type, arrows into the results, Escape closes them, Enter opens the search page', async () => {
      await page.goto(site.url('bip-1/'));
      await page.keyboard.press('/');
      await page.keyboard.type('ledger');
      const panel = page.locator('[data-quick-results][data-query="ledger"]');
      await panel.waitFor();
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.closest('.hit') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await panel.isHidden()).toBe(true);
      expect(await focused(page)).toBe('input#site-search-q');
      expect(await page.inputValue('#site-search-q')).toBe('ledger');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=ledger$/);
      await searchSettled(page);
      expect(await focused(page)).toBe('input#search-q');
    });

    test('a ticked facet is a step in the history: Back unticks it and shows the results before it', async () => {
      await page.goto(site.url('search/?q=ledger'));
      await searchSettled(page);
      const before = await page.locator('[data-search-status]').textContent();
      await tabTo(page, 'fieldset[data-facet="status"] input[data-value="Draft"]');
      await page.keyboard.press('Space');
      await page.waitForURL(/status=draft/);
      await searchSettled(page);
      expect(await page.locator('[data-search-status]').textContent()).not.toBe(before);
      await page.goBack();
      await page.waitForURL(/\?q=ledger$/);
      await searchSettled(page);
      expect(await page.locator('fieldset[data-facet="status"] input[data-value="Draft"]').isChecked()).toBe(false);
      expect(await page.locator('[data-search-status]').textContent()).toBe(before);
    });

    test('a table too wide for a phone is a tab stop that the arrow keys scroll', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const narrow = await phone.newPage();
      try {
        await narrow.goto(site.url('bip-3/review-report/'));
        await tabTo(narrow, '[data-scroll-focus]');
        const box = narrow.locator(':focus');
        expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
        await narrow.keyboard.press('ArrowRight');
        await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
      } finally {
        await phone.close();
      }
    });
  });
});

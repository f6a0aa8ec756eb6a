/**
 * The example registry as a reader meets it, in Chromium: pages that do not move as they load,
 * no control that does nothing without JavaScript, colour schemes, print, and the keyboard.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../helpers.ts';
import { browserSupport, openBuiltSite, type BuiltSite, type Site } from './harness.ts';

const support = browserSupport();
const title = (name: string) => (support.skip ? `${name} (skipped: ${support.skip})` : name);

/** The page's cumulative layout shift while it loads and its scripts run (no input). */
async function layoutShift(context: BrowserContext, url: string): Promise<number> {
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
    test.each(['search/', 'search/?q=signature', 'search/?status=draft', '', 'bip-3/', 'status/'])(
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
      for (const path of ['', 'search/', 'bip-3/', 'status/draft/', 'authors/']) {
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
});

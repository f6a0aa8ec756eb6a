/**
 * The reader's checks on a registry of 1,000 generated proposals (with companion documents for
 * every tenth), where the index is paged and search has a real index to load: the same checks as
 * the example registry's (reader-checks.ts), and the index's sort over every proposal from the
 * keyboard, kept in the address.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../helpers.ts';
import { browserSupport, openBuiltSite, type BuiltSite, type Site } from './harness.ts';
import { readerChecks } from './reader-checks.ts';
import { tabTo } from './walk.ts';

const support = browserSupport();
const title = (name: string) => (support.skip ? `${name} (skipped: ${support.skip})` : name);
const COUNT = 1000;

describe.skipIf(!!support.skip)(title(`a registry of ${COUNT} proposals in a browser`), () => {
  let work: string;
  let opened: BuiltSite;
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bip-scale-'));
    const made = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'generate-registry.ts'), work, String(COUNT)], {
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    opened = await openBuiltSite(support.executable!, work, { OG_IMAGES: 'off' });
    ({ site, browser } = opened);
    expect(opened.build.exists('bip-10/review-report/index.html')).toBe(true);
  }, 240_000);
  afterAll(async () => {
    await opened?.close();
    rmSync(work, { recursive: true, force: true });
  });

  readerChecks(() => ({ site, browser }), {
    proposal: 'bip-1/',
    companion: 'bip-10/review-report/',
    listing: 'status/draft/',
    query: 'search/?q=ledger',
  });

  test('the index is paged, and a header sorts every proposal from the keyboard, kept in the address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(site.url(''));
      const first = await page.locator('table.bip-table tbody tr').count();
      expect(first).toBeLessThan(COUNT);
      await tabTo(page, 'th[data-key="num"] button');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('table.bip-table tbody tr').first().getAttribute('data-number')).toBe(String(COUNT));
      expect(new URL(page.url()).searchParams.get('sort')).toMatch(/^-/);
      await page.reload();
      await expect.poll(() => page.locator('table.bip-table tbody tr').first().getAttribute('data-number')).toBe(String(COUNT));
    } finally {
      await page.close();
    }
  });
});

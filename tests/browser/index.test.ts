/**
 * The index of a registry larger than one page, in a real browser: the page holds one page of
 * rows and links every other page; the filter and the column headers work on every BIP, loading
 * the rows once. Built from 30 generated BIPs with 10 rows a page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../helpers.ts';
import { axeViolations, browserSupport, openBuiltSite, type BuiltSite, type Site } from './harness.ts';

const support = browserSupport();
const title = (name: string) => (support.skip ? `${name} (skipped: ${support.skip})` : name);

const FILTER = 'form[data-filter]';
const numbers = (page: Page) => page.locator('table.bip-table tbody td.num').allTextContents();
const said = (page: Page) => page.locator(`${FILTER} output`).textContent();

describe.skipIf(!!support.skip)(title('the index of a registry of several pages'), () => {
  let work: string;
  let opened: BuiltSite;
  let site: Site;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bip-paged-'));
    const made = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'generate-registry.ts'), join(work, 'bips'), '30'], {
      encoding: 'utf8',
    });
    expect(made.status, made.stderr).toBe(0);
    writeFileSync(join(work, 'registry.config.json'), JSON.stringify({ bipsDir: 'bips', pageSize: 10 }));
    opened = await openBuiltSite(support.executable!, join(work, 'bips'), {
      OG_IMAGES: 'off',
      REGISTRY_CONFIG: join(work, 'registry.config.json'),
    });
    ({ site, browser } = opened);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await opened?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the index shows the first page and links every page by number; no rows are loaded yet', async () => {
    await page.goto(site.url());
    expect(await numbers(page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const pager = page.locator('nav.index-pager a');
    expect(await pager.allTextContents()).toEqual(['1–10', '11–20', '21–30']);
    expect(await pager.first().getAttribute('aria-current')).toBe('page');
    expect(site.requests.some((r) => r.endsWith('index-rows.json'))).toBe(false);
    await pager.nth(2).click();
    await page.waitForURL(site.url('all/3/'));
    expect(await numbers(page)).toEqual(['21', '22', '23', '24', '25', '26', '27', '28', '29', '30']);
  });

  test('a number typed in the filter finds that BIP wherever it is, and the address keeps it', async () => {
    await page.goto(site.url());
    await page.fill(`${FILTER} input[name=q]`, 'BIP-027');
    await expect.poll(() => numbers(page)).toEqual(['27']);
    expect(await said(page)).toBe('1 of 30 match');
    expect(new URL(page.url()).searchParams.get('q')).toBe('BIP-027');
    await page.reload();
    await expect.poll(() => numbers(page)).toEqual(['27']);
  });

  test('a status narrows every BIP, ten at a time, with the rest on "Show more"', async () => {
    await page.goto(site.url('?status=Draft'));
    // generate-registry gives BIP n the status n mod 8 of the lifecycle: Draft is 8, 16, 24.
    await expect.poll(() => numbers(page)).toEqual(['8', '16', '24']);
    await page.goto(site.url());
    const since = site.requests.length;
    await page.fill(`${FILTER} input[name=q]`, 'model');
    await expect.poll(() => said(page)).toBe('30 of 30 match, 10 shown');
    await page.locator('[data-show-more]').click();
    await expect.poll(() => numbers(page).then((n) => n.length)).toBe(20);
    // Typing five letters and showing more loaded the rows once.
    expect(site.requests.slice(since).filter((r) => r.endsWith('index-rows.json'))).toHaveLength(1);
  });

  test('a column header sorts every BIP, not only the page', async () => {
    await page.goto(site.url());
    const header = page.locator('th[data-key="num"] button');
    await header.click();
    await header.click();
    await expect.poll(() => numbers(page)).toEqual(['30', '29', '28', '27', '26', '25', '24', '23', '22', '21']);
    expect(await page.locator('th[data-key="num"]').getAttribute('aria-sort')).toBe('descending');
  });

  test('axe finds nothing serious on a page of the index', async () => {
    await page.goto(site.url('all/2/'));
    expect(await axeViolations(page)).toEqual([]);
  });
});

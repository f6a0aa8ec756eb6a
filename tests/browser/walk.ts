/**
 * What the reader-experience tests share: pressing Tab until focus reaches a control, the search
 * page's settled state, and the per-status counts a registry's index and search page show.
 */
import type { Page } from 'playwright-core';

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab did not reach ${selector} in ${max} presses`);
}

export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : '';
  });

/** Waits for the search page to show the results of its current state. */
export async function searchSettled(page: Page): Promise<void> {
  await page.locator('[data-search-page][data-state="ready"]').waitFor();
}

/** The status facet's counts on the search page as it first shows them (every proposal). */
export function searchStatusTotals(page: Page): Promise<Record<string, number>> {
  return page.$$eval('fieldset[data-facet="status"] input', (boxes) =>
    Object.fromEntries(
      boxes.map((b) => [
        (b as HTMLInputElement).dataset.value!,
        Number(b.parentElement!.querySelector<HTMLElement>('.count')!.dataset.total),
      ]),
    ),
  );
}

/** The per-status counts the index shows above its table: status → proposals. */
export function indexStatusCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('main ul.counts li', (items) =>
    Object.fromEntries(
      items.map((li) => [li.querySelector('.badge')!.textContent!.trim(), Number(li.querySelector('.n')!.textContent)]),
    ),
  );
}

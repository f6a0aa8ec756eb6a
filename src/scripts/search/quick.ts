/**
 * Quick results under the header's search box: the best few matches as you type, and a link to
 * the full search page. Enter submits the box's form to that page. Escape closes the results
 * (and cancels a search still running); the arrow keys move between the results.
 */
import { makeUrls } from '../../lib/urls.ts';
import { profileOf } from '../../lib/profile/client.ts';
import { emptyState, writeState } from '../../lib/search/state.ts';
import { base, failureMessage, runSearch } from './engine.ts';
import { hitItem } from './render.ts';

const SHOWN = 6;
const urls = makeUrls(base, undefined, profileOf().proposal);

export function attachQuickResults(form: HTMLFormElement, input: HTMLInputElement): void {
  if (form.dataset.quick) return;
  form.dataset.quick = 'on';
  const panel = form.querySelector<HTMLElement>('[data-quick-results]')!;
  const announce = form.querySelector<HTMLElement>('[data-quick-status]')!;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Escape closed the results: focusing the box again does not reopen them until it is typed in. */
  let dismissed = false;

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];
  const close = () => {
    clearTimeout(timer);
    seq++;
    panel.hidden = true;
  };

  async function update(): Promise<void> {
    timer = undefined;
    const mine = ++seq;
    const state = { ...emptyState(), q: input.value.trim() };
    if (!state.q) return close();
    const status = document.createElement('p');
    status.className = 'quick-status';
    const list = document.createElement('ol');
    list.className = 'hits';
    try {
      const { hits } = await runSearch(state, {}, { counts: false });
      const views = await Promise.all(hits.slice(0, SHOWN).map((h) => h.load()));
      if (mine !== seq) return;
      list.append(...views.map((v) => hitItem(v, { excerpt: false })));
      status.textContent =
        hits.length === 0 ? `Nothing matches “${state.q}”.` : `${hits.length} result${hits.length === 1 ? '' : 's'}`;
    } catch (error) {
      if (mine !== seq) return;
      status.textContent = failureMessage(error);
    }
    const all = document.createElement('a');
    all.className = 'quick-all';
    all.href = urls.search(writeState(state));
    all.textContent = `All results for “${state.q}” →`;
    panel.replaceChildren(status, list, all);
    panel.dataset.query = state.q;
    panel.hidden = false;
    announce.textContent = status.textContent;
  }

  function move(by: number): void {
    const items = links();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at + by;
    if (next < 0) input.focus();
    else items[Math.min(next, items.length - 1)]?.focus();
  }

  input.addEventListener('input', () => {
    dismissed = false;
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 120);
  });
  input.addEventListener('focus', () => {
    if (!dismissed && input.value.trim() && panel.childElementCount > 0) panel.hidden = false;
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      // The first Escape closes the results and keeps the words; a second one (results
      // closed) lets the search box clear itself, as it does anywhere else.
      if (!panel.hidden || timer !== undefined) e.preventDefault();
      dismissed = true;
      close();
      timer = undefined;
      input.focus();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !panel.hidden) {
      move(e.key === 'ArrowDown' ? 1 : -1);
      e.preventDefault();
    }
  });
  // Keeps focus in the box while a result is clicked: browsers that do not focus links on click
  // (Safari) would otherwise close the panel before the click lands.
  panel.addEventListener('mousedown', (e) => e.preventDefault());
  form.addEventListener('focusout', (e) => {
    if (!(e.relatedTarget instanceof Node && form.contains(e.relatedTarget))) close();
  });
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Node && form.contains(e.target))) close();
  });
  void update();
}

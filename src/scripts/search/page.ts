/**
 * The search page: the state lives in the URL (read on load, written on every change), facets
 * show how many results each value gives, results load 20 at a time.
 */
import { SEARCH_FACETS, type SearchFacetKey } from '../../lib/search/record.ts';
import { hasFilters, readState, selectedValues, writeState, type SearchState } from '../../lib/search/state.ts';
import { makeUrls } from '../../lib/urls.ts';
import { profileOf } from '../../lib/profile/client.ts';
import { base, failureMessage, runSearch, type Hit } from './engine.ts';
import { hitItem } from './render.ts';

const PAGE = 20;
const urls = makeUrls(base, undefined, profileOf().proposal);
const root = document.querySelector<HTMLElement>('[data-search-page]')!;
const form = root.querySelector('form')!;
const input = root.querySelector<HTMLInputElement>('input[data-search-main]')!;
const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-hits]')!;
const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-value]')];
const pageTitle = document.title;

/** The values each facet offers, as the index spells them. */
const known: Partial<Record<SearchFacetKey, string[]>> = {};
for (const { key } of SEARCH_FACETS) known[key] = boxes.filter((b) => b.name === key).map((b) => b.dataset.value!);

let seq = 0;
let hits: Hit[] = [];
let shown = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function show(state: SearchState): void {
  input.value = state.q;
  sort.value = state.sort;
  for (const b of boxes) b.checked = state.filters[b.name as SearchFacetKey]?.includes(b.value) ?? false;
}

function current(): SearchState {
  const params = new URLSearchParams({ q: input.value, sort: sort.value });
  for (const b of boxes) if (b.checked) params.append(b.name, b.value);
  return readState(params);
}

function setCounts(counts: Partial<Record<SearchFacetKey, Record<string, number>>> | undefined): void {
  for (const b of boxes) {
    const count = b.parentElement!.querySelector<HTMLElement>('.count')!;
    const n = counts ? (counts[b.name as SearchFacetKey]?.[b.dataset.value!] ?? 0) : Number(count.dataset.total);
    count.textContent = String(n);
    b.disabled = n === 0 && !b.checked;
  }
}

let loading: Promise<void> | undefined;

/** Shows the next results of the current search; one load at a time, and none for a search
 * that a newer one replaced. */
function showMore(): Promise<void> {
  loading ??= (async () => {
    const mine = seq;
    const next = hits.slice(shown, shown + PAGE);
    const views = await Promise.all(next.map((h) => h.load()));
    if (mine !== seq) return;
    list.append(...views.map((v) => hitItem(v, { excerpt: true })));
    shown += next.length;
    more.hidden = shown >= hits.length;
  })().finally(() => (loading = undefined));
  return loading;
}

/** `5 results for “fee”: 4 BIPs and 1 document` — what the results are, when they are of both kinds. */
function describe(state: SearchState, n: number, kinds: Record<string, number>): string {
  const what = n === 0 ? 'No results' : `${n} result${n === 1 ? '' : 's'}`;
  const said = state.q ? `${what} for “${state.q}”` : `${what} for the chosen filters`;
  const { term, plural } = profileOf();
  const proposals = kinds[plural] ?? 0;
  const documents = n - proposals;
  if (proposals === 0 || documents <= 0) return said;
  return `${said}: ${proposals} ${proposals === 1 ? term : plural} and ${documents} document${documents === 1 ? '' : 's'}`;
}

/** `data-state` on the page: `searching` while a search runs, `ready` once its results show. */
function settle(mine: number): void {
  if (mine === seq) root.dataset.state = 'ready';
}

/**
 * How a search goes into the history: a ticked facet or a new order is a step Back undoes
 * (`push`); typing refines the current entry (`replace`); Back and Forward only show (`none`).
 */
type Step = 'push' | 'replace' | 'none';

async function run(step: Step = 'replace'): Promise<void> {
  const mine = ++seq;
  root.dataset.state = 'searching';
  more.hidden = true;
  const state = current();
  const ticked = boxes.filter((b) => b.checked).length;
  chosen.textContent = ticked > 0 ? ` · ${ticked} chosen` : '';
  const query = writeState(state);
  const address = urls.search(query);
  if (step === 'push' && address !== location.pathname + location.search) history.pushState(null, '', address);
  else if (step !== 'none') history.replaceState(null, '', address);
  document.title = state.q ? `“${state.q}” · ${pageTitle}` : pageTitle;
  if (!state.q && !hasFilters(state)) {
    hits = [];
    list.replaceChildren();
    more.hidden = true;
    setCounts(undefined);
    status.textContent = `Type words, a ${profileOf().term} number or an author, or tick a status or category to list its ${profileOf().plural}.`;
    return settle(mine);
  }
  try {
    const outcome = await runSearch(state, selectedValues(state, known), { counts: true });
    if (mine !== seq) return;
    hits = outcome.hits;
    shown = 0;
    list.replaceChildren();
    setCounts(outcome.counts);
    await loading?.catch(() => undefined);
    await showMore();
    // Announced once the results it counts are on the page.
    if (mine === seq) {
      status.textContent = describe(state, hits.length, outcome.kinds);
      done.textContent =
        hits.length === 0 ? 'No results: back to the search' : `Show the ${hits.length} result${hits.length === 1 ? '' : 's'}`;
    }
    settle(mine);
  } catch (error) {
    if (mine !== seq) return;
    status.textContent = failureMessage(error);
    settle(mine);
  }
}

show(readState(new URLSearchParams(location.search)));
// The facets are a collapsed panel above the results on narrow screens, a sidebar on wide ones.
const panel = root.querySelector<HTMLDetailsElement>('[data-facet-panel]')!;
const wide = matchMedia('(min-width: 48rem)');
panel.open = wide.matches;
const chosen = root.querySelector<HTMLElement>('[data-facets-chosen]')!;
const done = root.querySelector<HTMLButtonElement>('[data-facets-done]')!;
done.addEventListener('click', () => {
  panel.open = false;
  status.scrollIntoView({ block: 'start' });
  (panel.querySelector('summary') as HTMLElement).focus();
});
wide.addEventListener('change', () => {
  if (wide.matches) panel.open = true;
});
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 150);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  void run();
});
sort.addEventListener('change', () => void run('push'));
for (const b of boxes) b.addEventListener('change', () => void run('push'));
addEventListener('popstate', () => {
  clearTimeout(timer);
  show(readState(new URLSearchParams(location.search)));
  void run('none');
});
more.addEventListener('click', () => void showMore());
for (const all of root.querySelectorAll<HTMLButtonElement>('[data-facet-all]')) {
  const fieldset = all.closest('fieldset')!;
  const label = all.textContent!.trim();
  all.addEventListener('click', () => {
    const open = fieldset.toggleAttribute('data-all');
    all.setAttribute('aria-expanded', String(open));
    all.textContent = open ? 'Fewer' : label;
  });
}
// A reader arriving from the header's box (Enter) goes on typing or reads the results from here.
input.focus();
input.setSelectionRange(input.value.length, input.value.length);
void run();

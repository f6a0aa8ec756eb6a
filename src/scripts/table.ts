/**
 * Progressive enhancement for registry tables: sortable column headers and a text/status filter.
 * Without JavaScript a table is complete (or one page of the registry, with links to the others)
 * and sorted by number.
 *
 * A table that holds every row is sorted and filtered in place. A page of a larger registry
 * (its filter form names `data-rows`) is filtered and sorted over every BIP: the rows are loaded
 * once, on first use, and drawn a page at a time.
 */
import { makeUrls, matches, rowHtml, SORT_KEYS, type Row, type SortKey } from '../lib/listing/rows.ts';
import { makeNumbering } from '../lib/profile/numbering.ts';
import { profileOf } from '../lib/profile/client.ts';

interface Sort {
  key: string;
  ascending: boolean;
}

type OnSort = (sort: Sort) => void;

function cellValue(row: HTMLTableRowElement, index: number, numeric: boolean): string | number {
  const raw = row.cells[index]?.dataset.value ?? '';
  return numeric ? Number(raw) : raw.toLowerCase();
}

/** The sort in the address: `?sort=title` ascending, `?sort=-title` descending. */
function sortFromUrl(params: URLSearchParams): Sort | undefined {
  const raw = params.get('sort');
  if (!raw) return undefined;
  return raw.startsWith('-') ? { key: raw.slice(1), ascending: false } : { key: raw, ascending: true };
}

function rememberSort(sort: Sort): void {
  const next = new URLSearchParams(location.search);
  next.set('sort', `${sort.ascending ? '' : '-'}${sort.key}`);
  history.replaceState(null, '', `${location.pathname}?${next}${location.hash}`);
}

/** Turns each column header into a button; `onSort` decides what sorting means. Returns the
 * way to sort by a column as its button does, or false when the table has no such column. */
function sortableHeaders(table: HTMLTableElement, onSort: OnSort): (sort: Sort) => boolean {
  const headers = [...table.tHead!.rows[0]!.cells];
  const apply = (th: HTMLTableCellElement, ascending: boolean) => {
    headers.forEach((h) => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    onSort({ key: th.dataset.key ?? '', ascending });
  };
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      apply(th, ascending);
      rememberSort({ key: th.dataset.key ?? '', ascending });
    });
  }
  return ({ key, ascending }) => {
    const th = headers.find((h) => h.dataset.key === key);
    if (th) apply(th, ascending);
    return !!th;
  };
}

/** Sorting in place, for a table that holds every row. */
function sortInPlace(table: HTMLTableElement): OnSort {
  return ({ key, ascending }) => {
    const body = table.tBodies[0]!;
    const th = table.querySelector<HTMLTableCellElement>(`th[data-key="${key}"]`)!;
    const index = th.cellIndex;
    const numeric = th.dataset.type === 'number';
    const rows = [...body.rows].sort((a, b) => {
      const x = cellValue(a, index, numeric);
      const y = cellValue(b, index, numeric);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    body.append(...rows);
  };
}

interface Controls {
  text: HTMLInputElement;
  status: HTMLSelectElement;
  output: HTMLOutputElement;
}

/** The filter lives in the URL (?q=…&status=…), so a filtered view can be shared and reloaded. */
function rememberInUrl({ text, status }: Controls): void {
  const next = new URLSearchParams(location.search);
  for (const [key, value] of [
    ['q', text.value.trim()],
    ['status', status.value],
  ] as const) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  const query = next.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Filtering in place: rows that do not match are hidden. */
function filterInPlace(table: HTMLTableElement, { text, status, output }: Controls): () => void {
  return () => {
    const q = text.value.trim().toLowerCase();
    // `5`, `05`, `bip-5`, `BIP-05` (the registry's prefixes) find a proposal by its number.
    const number = parseNumber(q)?.toString();
    let shown = 0;
    for (const row of table.tBodies[0]!.rows) {
      const hit = number !== undefined ? row.dataset.number === number : row.textContent!.toLowerCase().includes(q);
      const match = (!q || hit) && (!status.value || row.dataset.status === status.value);
      row.hidden = !match;
      if (match) shown++;
    }
    output.textContent = `${shown} of ${table.tBodies[0]!.rows.length} shown`;
  };
}

/** Filtering and sorting every BIP of a registry larger than the page. */
function overAllRows(form: HTMLFormElement, table: HTMLTableElement, controls: Controls) {
  const urls = makeUrls(form.dataset.base ?? '/', undefined, profileOf().proposal);
  // Sort positions by status, from the lifecycle's meanings (lib/profile/lifecycle.ts).
  const ranks: Record<string, number> = JSON.parse(form.dataset.ranks ?? '{}');
  const last = Math.max(0, ...Object.values(ranks)) + 1;
  const rank = (s: string) => ranks[s] ?? last;
  const pageSize = Number(form.dataset.pageSize ?? 100);
  const columns = new Set([...table.tHead!.rows[0]!.cells].map((c) => c.dataset.key ?? ''));
  const body = table.tBodies[0]!;
  const original = body.innerHTML;
  const more = document.querySelector<HTMLButtonElement>('[data-show-more]');
  const note = document.querySelector<HTMLElement>('[data-page-note]');
  let rows: Promise<Row[]> | undefined;
  let sort: Sort | undefined;
  let limit = pageSize;
  let drawn = 0;
  /** The body holds rows this script drew, not the page's own. */
  let replaced = false;

  const load = () =>
    (rows ??= fetch(form.dataset.rows!).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<Row[]>;
    }));

  const draw = async () => {
    const { text, status, output } = controls;
    const ticket = ++drawn;
    if (!text.value.trim() && !status.value && !sort) {
      // The page's own rows, put back only if they were replaced: rewriting them with the same
      // HTML on load cost a style and layout pass over every row (blocking time on phones).
      if (replaced) body.innerHTML = original;
      replaced = false;
      output.textContent = '';
      if (more) more.hidden = true;
      if (note) note.hidden = false;
      return;
    }
    output.textContent = 'Loading…';
    let all: Row[];
    try {
      all = await load();
    } catch {
      rows = undefined;
      output.textContent = `The list of all ${profileOf().plural} could not be loaded; this page shows its own rows only.`;
      return;
    }
    if (ticket !== drawn) return; // a later change has drawn already
    const hits = all.filter((r) => matches(r, text.value, status.value, parseNumber));
    if (sort && sort.key in SORT_KEYS) {
      const key = (r: Row) => SORT_KEYS[sort!.key as SortKey](r, rank);
      const direction = sort.ascending ? 1 : -1;
      hits.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return (x < y ? -1 : x > y ? 1 : a[0] - b[0]) * direction;
      });
    }
    replaced = true;
    body.innerHTML = hits
      .slice(0, limit)
      .map((r) => rowHtml(r, urls, rank(r[2]), columns))
      .join('');
    const shown = Math.min(limit, hits.length);
    output.textContent = `${hits.length} of ${all.length} match${shown < hits.length ? `, ${shown} shown` : ''}`;
    if (note) note.hidden = true;
    if (more) {
      more.hidden = shown >= hits.length;
      more.textContent = `Show ${Math.min(pageSize, hits.length - shown)} more`;
    }
  };

  more?.addEventListener('click', () => {
    limit += pageSize;
    void draw();
  });
  return {
    filter: () => {
      limit = pageSize;
      void draw();
    },
    sort: (next: Sort) => {
      sort = next;
      limit = pageSize;
      void draw();
    },
  };
}

/** The registry's way of reading a number (`EIP-1559`, `#1559`), from the form's prefixes. */
let parseNumber = makeNumbering({ prefixes: [], files: [] }).parse;

function connect(table: HTMLTableElement, form: HTMLFormElement | null, only: boolean): void {
  const params = new URLSearchParams(location.search);
  const sorted = only ? sortFromUrl(params) : undefined;
  if (!form) {
    const sortBy = sortableHeaders(table, sortInPlace(table));
    if (sorted) sortBy(sorted);
    return;
  }
  parseNumber = makeNumbering({ prefixes: JSON.parse(form.dataset.prefixes ?? '[]'), files: [] }).parse;
  const controls: Controls = {
    text: form.querySelector<HTMLInputElement>('input[name=q]')!,
    status: form.querySelector<HTMLSelectElement>('select[name=status]')!,
    output: form.querySelector('output')!,
  };
  let apply: () => void;
  let sortBy: (sort: Sort) => boolean;
  if (form.dataset.rows) {
    const view = overAllRows(form, table, controls);
    sortBy = sortableHeaders(table, view.sort);
    apply = view.filter;
  } else {
    sortBy = sortableHeaders(table, sortInPlace(table));
    apply = filterInPlace(table, controls);
  }
  controls.text.value = params.get('q') ?? '';
  const wanted = params.get('status');
  if (wanted && [...controls.status.options].some((o) => o.value === wanted)) controls.status.value = wanted;
  form.addEventListener('input', () => {
    apply();
    rememberInUrl(controls);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  const sortedNow = sorted ? sortBy(sorted) : false;
  // Over every row, sorting has drawn the filtered rows already.
  if (!(sortedNow && form.dataset.rows)) apply();
}

// The address holds one sort: of the page's table, when the page has one.
const tables = document.querySelectorAll<HTMLTableElement>('table[data-sortable]');
tables.forEach((table) => {
  const form = document.querySelector<HTMLFormElement>(`form[data-filter][data-table="${table.id}"]`);
  connect(table, form, tables.length === 1);
});

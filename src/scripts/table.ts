/**
 * Progressive enhancement for registry tables: sortable column headers and a text/status filter.
 * Without JavaScript the table is complete and sorted by number.
 */
function cellValue(row: HTMLTableRowElement, index: number, numeric: boolean): string | number {
  const raw = row.cells[index]?.dataset.value ?? '';
  return numeric ? Number(raw) : raw.toLowerCase();
}

function makeSortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const headers = [...table.tHead!.rows[0]!.cells];
  headers.forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const numeric = th.dataset.type === 'number';
      const rows = [...body.rows].sort((a, b) => {
        const x = cellValue(a, index, numeric);
        const y = cellValue(b, index, numeric);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

function connectFilter(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset.table ?? '') as HTMLTableElement | null;
  if (!table) return;
  const text = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = form.querySelector<HTMLSelectElement>('select[name=status]')!;
  const output = form.querySelector('output')!;
  const apply = () => {
    const q = text.value.trim().toLowerCase();
    // `5`, `05`, `bip-5`, `BIP-05` find that BIP by its number.
    const number = /^(?:bip[-\s]?)?0*(\d+)$/.exec(q)?.[1];
    let shown = 0;
    for (const row of table.tBodies[0]!.rows) {
      const hit = number !== undefined ? row.dataset.number === number : row.textContent!.toLowerCase().includes(q);
      const match = (!q || hit) && (!status.value || row.dataset.status === status.value);
      row.hidden = !match;
      if (match) shown++;
    }
    output.textContent = `${shown} of ${table.tBodies[0]!.rows.length} shown`;
  };
  // The filter lives in the URL (?q=…&status=…), so a filtered view can be shared and reloaded.
  const params = new URLSearchParams(location.search);
  text.value = params.get('q') ?? '';
  const wanted = params.get('status');
  if (wanted && [...status.options].some((o) => o.value === wanted)) status.value = wanted;
  const remember = () => {
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
  };
  form.addEventListener('input', () => {
    apply();
    remember();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

document.querySelectorAll<HTMLTableElement>('table[data-sortable]').forEach(makeSortable);
document.querySelectorAll<HTMLFormElement>('form[data-filter]').forEach(connectFilter);

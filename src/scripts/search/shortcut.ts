/**
 * On every page, and all that loads before someone searches: `/` focuses the search box, and the
 * first keystroke in the header's box loads the quick results (and with them Pagefind).
 */
const form = document.querySelector<HTMLFormElement>('form[data-site-search]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');

/** Where "/" is a character being typed, not the shortcut. */
const TEXT_INPUTS = /^(?:text|search|email|url|tel|password|number)$/;
function typingIn(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.test(target.type);
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
  );
}

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingIn(e.target)) return;
  // The search page's own box wins over the header's.
  const box = document.querySelector<HTMLInputElement>('input[data-search-main]') ?? input;
  if (!box || box.offsetParent === null) return;
  e.preventDefault();
  box.focus();
  box.select();
});

if (form && input) {
  input.addEventListener('input', () => void import('./quick.ts').then((m) => m.attachQuickResults(form, input)), { once: true });
}

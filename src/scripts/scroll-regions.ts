/**
 * Boxes that scroll sideways (a wide table or code block on a narrow screen) can be reached and
 * scrolled with the keyboard: each one that overflows gets a tab stop and a name; one that fits
 * has none, so it adds no stop to the tab order.
 */
const SELECTOR = '.prose table, .prose pre, .table-scroll';

function update(box: HTMLElement): void {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  if (scrolls && !box.hasAttribute('tabindex')) {
    box.tabIndex = 0;
    box.dataset.scrollFocus = '';
    if (!box.hasAttribute('aria-label') && !box.matches('table')) {
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', box.matches('pre') ? 'Code, scrolls sideways' : 'Table, scrolls sideways');
    }
  } else if (!scrolls && box.dataset.scrollFocus !== undefined) {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
    delete box.dataset.scrollFocus;
  }
}

const boxes = [...document.querySelectorAll<HTMLElement>(SELECTOR)];
if (boxes.length > 0) {
  const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
  boxes.forEach((box) => observer.observe(box));
}

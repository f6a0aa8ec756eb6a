/**
 * The contents list marks the section being read (`aria-current="location"`): the last heading
 * listed in the contents that has scrolled past the top quarter of the window.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')];
const targets = new Map<string, HTMLElement>();
for (const link of links) {
  const id = decodeURIComponent(link.hash.slice(1));
  const heading = document.getElementById(id);
  if (heading) targets.set(id, heading);
}
const headings = [...new Set(targets.values())];

let current: string | undefined;
function mark(): void {
  const line = window.innerHeight / 4;
  let at: HTMLElement | undefined;
  for (const h of headings) {
    if (h.getBoundingClientRect().top <= line) at = h;
    else break;
  }
  const id = at?.id;
  if (id === current) return;
  current = id;
  for (const link of links) {
    if (id !== undefined && decodeURIComponent(link.hash.slice(1)) === id) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

if (headings.length > 0) {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule);
  addEventListener('hashchange', schedule);
  mark();
}

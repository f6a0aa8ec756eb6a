/**
 * The contents list marks the section being read (`aria-current="location"`): the section whose
 * heading is the last to have reached the top of the window (a heading a contents link has just
 * scrolled there counts), or the last one when the page cannot scroll further.
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
  const line = 48;
  const bottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  let at: HTMLElement | undefined;
  for (const h of headings) {
    const top = h.getBoundingClientRect().top;
    if (top <= line || (bottom && top < window.innerHeight)) at = h;
    else if (!bottom) break;
  }
  // At the end of the page several headings are in view: one a link has just led to wins.
  const led = targets.get(decodeURIComponent(location.hash.slice(1)));
  if (bottom && led && led.getBoundingClientRect().top < window.innerHeight) at = led;
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

/** Search results as DOM, shared by the header's quick results and the search page. */
import type { HitView } from './engine.ts';
import { profileOf } from '../../lib/profile/client.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt keeps only its text and <mark> elements: whatever else a page held cannot
 * reach the results. Parsed in an inert template, so nothing in it loads or runs. */
export function excerptNodes(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of from.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(child.textContent ?? ''));
      else if (child instanceof Element && child.localName === 'mark') copy(child, to.appendChild(el('mark')));
      else copy(child, to);
    }
  };
  copy(template.content, out);
  return out;
}

/** One result: number and title as the link, status badge, where it belongs, excerpt. */
export function hitItem(hit: HitView, options: { excerpt: boolean }): HTMLLIElement {
  const li = el('li', 'hit');
  const link = el('a', 'hit-title');
  link.href = hit.url;
  if (hit.kind === 'companion') link.append(hit.title);
  else link.append(el('span', 'num', `${profileOf().term}-${hit.bip}`), ' ', hit.title);
  const badge = el('span', 'badge', hit.status);
  badge.dataset.status = hit.tone;
  const line = el('p', 'hit-line');
  line.append(link, ' ', badge);
  li.append(line);
  if (hit.kind === 'companion')
    li.append(el('p', 'hit-kind', `Companion document of ${profileOf().term}-${hit.bip}: ${hit.parent ?? ''}`));
  if (options.excerpt && hit.excerpt) {
    const p = el('p', 'excerpt');
    p.append(excerptNodes(hit.excerpt));
    li.append(p);
  }
  return li;
}

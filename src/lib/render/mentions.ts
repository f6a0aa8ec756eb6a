/**
 * Mentions of other proposals in a rendered body (`BIP-2`, `EIP 1559`) become links to their
 * pages. Only text is touched: not inside links, code, preformatted blocks, headings (their
 * anchors are links) or scripts, and not a page's mention of itself. One pass over the HTML,
 * tag by tag, so it runs in linear time.
 */

/** Elements whose text is left as it is. */
const SKIP = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr', 'col', 'area', 'source', 'meta', 'link']);

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The tag's name and whether it closes (`</a>`), from the text between `<` and `>`. */
function tagName(tag: string): { name: string; closing: boolean } | undefined {
  const closing = tag.startsWith('/');
  const start = closing ? 1 : 0;
  let end = start;
  while (end < tag.length && /[A-Za-z0-9-]/.test(tag[end]!)) end++;
  return end === start ? undefined : { name: tag.slice(start, end).toLowerCase(), closing };
}

/**
 * @param pattern a global pattern whose first group is the number (content-checks' referencePattern)
 * @param urlOf the page of a proposal the registry has, else undefined (left as text)
 * @param self the URL of the page the body is on: its own number is not linked
 */
export function linkMentions(html: string, pattern: RegExp, urlOf: (n: number) => string | undefined, self?: string): string {
  let out = '';
  let at = 0;
  let skipped = 0;
  const open: string[] = [];
  /** How many elements of each name are open: an unmatched closing tag costs nothing. */
  const count = new Map<string, number>();
  const text = (chunk: string) =>
    skipped > 0
      ? chunk
      : chunk.replace(pattern, (whole: string, digits: string) => {
          const url = urlOf(Number(digits));
          return url && url !== self ? `<a class="mention" href="${escapeAttribute(url)}">${whole}</a>` : whole;
        });
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      out += text(html.slice(at));
      break;
    }
    out += text(html.slice(at, lt));
    const gt = html.indexOf('>', lt);
    if (gt < 0) {
      out += html.slice(lt);
      break;
    }
    const tag = html.slice(lt + 1, gt);
    out += html.slice(lt, gt + 1);
    at = gt + 1;
    const t = tagName(tag);
    if (!t || VOID.has(t.name) || tag.endsWith('/')) continue;
    if (!t.closing) {
      open.push(t.name);
      count.set(t.name, (count.get(t.name) ?? 0) + 1);
      if (SKIP.has(t.name)) skipped++;
      continue;
    }
    // Close up to the nearest open element of that name (HTML from the sanitizer is well formed).
    if (!count.get(t.name)) continue;
    const i = open.lastIndexOf(t.name);
    for (const name of open.splice(i)) {
      count.set(name, count.get(name)! - 1);
      if (SKIP.has(name)) skipped--;
    }
  }
  return out;
}

/**
 * A self-link after each section heading (`## Motivation #`), so readers can copy a link to any
 * section. Works on the renderer's output, where every heading already carries its id.
 */
const HEADING = /<h([2-6]) id="([^"]+)">([\s\S]*?)<\/h\1>/g;

/** A heading's text for an attribute: tags dropped, quotes escaped (entities stay as written). */
function sectionName(inner: string): string {
  const text = inner
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `“${text.replace(/"/g, '&quot;')}”`;
}

export function addHeadingAnchors(html: string): string {
  return html.replace(HEADING, (whole, level: string, id: string, inner: string) => {
    if (inner.includes('class="anchor"') || id === 'footnote-label') return whole;
    const name = sectionName(inner);
    return `<h${level} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="Link to the section ${name}">#</a></h${level}>`;
  });
}

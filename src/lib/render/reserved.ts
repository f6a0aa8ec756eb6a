/**
 * Names the site's own markup uses, kept out of proposal bodies: a body with `id="main"` or
 * `class="preview-banner"` could pass for the site's chrome (a fake preview banner, a fake
 * notice) or clobber what the page's scripts look up. Ids the site uses get a suffix in bodies
 * (a heading "Main" keeps a working link); classes are allowed only from what the renderers
 * themselves write.
 */

/** Every `id` the layouts and components write (a test reads them all from the sources). */
export const SITE_IDS: ReadonlySet<string> = new Set([
  'main',
  'goto',
  'search-q',
  'site-search-q',
  'site-search-results',
  'results-status',
  'toc-title',
  'companions-title',
  'files-title',
  'relations-title',
  'review-title',
  'changes-added',
  'changes-modified',
  'changes-removed',
]);

/** A body's id as the page writes it: the site's own ids are suffixed. */
export const bodyId = (id: string): string => (SITE_IDS.has(id) ? `${id}-section` : id);

/** Classes the renderers write into bodies (code highlighting, task lists, footnotes, MediaWiki
 * tables and links, heading anchors, mention links); `*` ends a prefix. */
export const BODY_CLASSES: readonly string[] = [
  'language-*',
  'astro-code',
  'astro-code-themes',
  'github-*',
  'line',
  'contains-task-list',
  'task-list-item',
  'footnotes',
  'data-footnote-backref',
  'sr-only',
  'anchor',
  'mention',
  'external',
  'free',
  'sortable',
  'wikitable',
];

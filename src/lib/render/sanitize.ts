/**
 * BIP bodies are markdown written by many hands, and markdown lets raw HTML through. Everything the
 * renderer emits passes this allow-list before it reaches a page: no scripts, no event handlers,
 * no `javascript:` URLs; highlighted code, heading ids, task lists and footnotes survive.
 */
import sanitizeHtml from 'sanitize-html';
import { BODY_CLASSES, SITE_IDS, bodyId } from './reserved.ts';

const CONTENT_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

/** The attributes with an id the site uses renamed (transformTags applies one transform a tag). */
const ownIds = (attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes =>
  attribs.id && SITE_IDS.has(attribs.id) ? { ...attribs, id: bodyId(attribs.id) } : attribs;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: CONTENT_TAGS,
  allowedAttributes: {
    '*': [
      'id',
      'class',
      'title',
      'lang',
      'dir',
      'aria-*',
      'role',
      'data-footnotes',
      'data-footnote-ref',
      'data-footnote-backref',
      'data-language',
    ],
    a: ['href', 'name', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    source: ['srcset', 'media', 'type'],
    input: ['type', 'checked', 'disabled'],
    ol: ['start', 'reversed'],
    td: ['align', 'colspan', 'rowspan', 'style'],
    th: ['align', 'colspan', 'rowspan', 'scope', 'style'],
    pre: ['style', 'tabindex'],
    span: ['style'],
    code: ['style'],
    time: ['datetime'],
    details: ['open'],
  },
  // Shiki colours code with inline styles and tables align cells with them; nothing else may style.
  allowedStyles: {
    '*': {
      color: [/^#[0-9a-f]{3,8}$/i, /^var\(--[\w-]+\)$/],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^var\(--[\w-]+\)$/],
      'font-style': [/^(italic|normal)$/],
      'font-weight': [/^(bold|normal|\d{3})$/],
      'text-decoration': [/^(underline|line-through|none)$/],
      'text-align': [/^(left|right|center)$/],
      '--shiki-dark': [/^#[0-9a-f]{3,8}$/i],
      '--shiki-light': [/^#[0-9a-f]{3,8}$/i],
      '--shiki-dark-bg': [/^#[0-9a-f]{3,8}$/i],
      '--shiki-light-bg': [/^#[0-9a-f]{3,8}$/i],
    },
  },
  // Only the classes the renderers write: a body cannot dress up as the site's own chrome.
  allowedClasses: { '*': [...BODY_CLASSES] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset'],
  allowProtocolRelative: false,
  // Only checkboxes may be inputs (GFM task lists), and they cannot be ticked by readers.
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  transformTags: {
    // The site's own ids stay the site's (lib/render/reserved.ts).
    '*': (tagName, attribs) => ({ tagName, attribs: ownIds(attribs) }),
    // A task-list checkbox gets a name that says its state, which is all it conveys.
    input: (tagName, attribs) => ({
      tagName,
      attribs: { ...ownIds(attribs), disabled: '', 'aria-label': 'checked' in attribs ? 'done' : 'to do' },
    }),
    // An image without alt text is decorative as far as a screen reader can tell.
    img: (tagName, attribs) => ({ tagName, attribs: { alt: '', ...ownIds(attribs) } }),
  },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

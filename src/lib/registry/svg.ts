/**
 * Whether an SVG may be served from the site's own origin, judged by a strict XML parser (saxes)
 * and an allow-list, never by a pattern over the text: the parser decodes entities and resolves
 * namespaces as the browser's XML parser does (`<svg:script>`, `&#106;avascript:`), and a document
 * it cannot read is not served (the browser would not render it either). What passes draws
 * shapes, text, gradients, filters and images, and links only to safe places; anything that runs
 * or loads code (scripts, event handlers, embedded HTML, `javascript:` links, animations of
 * links, style sheets by processing instruction, entity declarations) keeps the file in the
 * repository.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export type SvgVerdict = { ok: true } | { ok: false; reason: string };

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
/** Namespaces whose elements a browser runs or renders as documents inside an SVG. */
const ACTIVE_NS = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML']);

/** SVG elements that draw, group, describe or paint; nothing here runs code. */
const ELEMENTS = new Set(
  (
    'svg g defs symbol use image switch title desc metadata view style path rect circle ellipse line polyline ' +
    'polygon text tspan textPath a linearGradient radialGradient stop pattern clipPath mask marker filter ' +
    'feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting ' +
    'feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR ' +
    'feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting ' +
    'feSpotLight feTile feTurbulence animate animateMotion animateTransform set mpath'
  ).split(' '),
);

/** Animation elements: they may change any attribute, so one that targets a link or a handler is refused. */
const ANIMATIONS = new Set(['animate', 'animateMotion', 'animateTransform', 'set']);

/** A URL as the browser reads it: ASCII white space and control characters dropped (they are
 * ignored inside a scheme), lower-cased. */
const urlForm = (value: string) => value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
/** Raster images embedded as data, the only `data:` an `<image>` may show. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);/;

/** Why this link is not safe, or undefined when it is. */
function linkProblem(element: string, value: string): string | undefined {
  const url = urlForm(value);
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme === undefined) return undefined; // a fragment or a relative path
  if (element === 'a' && (scheme === 'http' || scheme === 'https' || scheme === 'mailto')) return undefined;
  if ((element === 'image' || element === 'feImage') && (scheme === 'http' || scheme === 'https' || DATA_IMAGE.test(url)))
    return undefined;
  return `a ${scheme}: link on <${element}>`;
}

function tagProblem(tag: SaxesTagNS): string | undefined {
  if (ACTIVE_NS.has(tag.uri)) return `an element of ${tag.uri} (<${tag.name}>)`;
  // Elements of other namespaces (an editor's own, such as Inkscape's) are not rendered.
  if (tag.uri === SVG_NS && !ELEMENTS.has(tag.local)) return `a <${tag.name}> element`;
  for (const attr of Object.values(tag.attributes)) {
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
    if (/^on/i.test(attr.local)) return `an event handler (${attr.name})`;
    const isLink = attr.local === 'href' && (attr.uri === '' || attr.uri === XLINK_NS);
    if (isLink && tag.uri === SVG_NS) {
      const problem = linkProblem(tag.local, attr.value);
      if (problem) return problem;
    }
    if (tag.uri === SVG_NS && ANIMATIONS.has(tag.local) && attr.local === 'attributeName') {
      const target = attr.value.trim().replace(/^[^:]*:/, '');
      if (/^href$/i.test(target) || /^on/i.test(target)) return `an animation of ${attr.value}`;
    }
  }
  return undefined;
}

export function judgeSvg(text: string): SvgVerdict {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let problem: string | undefined;
  let root = true;
  const refuse = (reason: string) => {
    problem ??= reason;
  };
  parser.on('error', (e) => refuse(`not well-formed XML (${e.message.split('\n')[0]})`));
  parser.on('doctype', (doctype) => {
    // An internal subset declares entities: what they expand to is not judged here.
    if (doctype.includes('[')) refuse('a document type with declarations');
  });
  parser.on('processinginstruction', (pi) => refuse(`a processing instruction (<?${pi.target}?>)`));
  parser.on('opentag', (tag) => {
    if (root && (tag.uri !== SVG_NS || tag.local !== 'svg')) refuse('a root element other than <svg>');
    root = false;
    const p = tagProblem(tag);
    if (p) refuse(p);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    refuse(`not well-formed XML (${String(e instanceof Error ? e.message : e).split('\n')[0]})`);
  }
  if (root) refuse('no <svg> element');
  return problem === undefined ? { ok: true } : { ok: false, reason: problem };
}

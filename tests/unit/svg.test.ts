import { describe, expect, test } from 'vitest';
import { judgeSvg } from '../../src/lib/registry/svg.ts';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (inner: string, attrs = '') => `<svg ${NS} ${XLINK}${attrs ? ` ${attrs}` : ''}>${inner}</svg>`;

describe('SVGs that run or load code are refused', () => {
  test.each([
    ['a script', svg('<script>alert(document.domain)</script>')],
    ['a namespaced script', `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>`],
    ['a script under another prefix', svg('<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>')],
    ['an XHTML script', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
    ['an XHTML iframe', svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/>')],
    [
      'foreignObject',
      svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject>'),
    ],
    ['an onload handler', svg('<circle r="4"/>', 'onload="alert(1)"')],
    ['a handler in upper case', svg('<rect ONCLICK="alert(1)" width="5" height="5"/>')],
    ['a handler on an element of another namespace', svg('<i:x xmlns:i="urn:x" onmouseover="alert(1)"/>')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>')],
    ['an xlink javascript: link', svg('<a xlink:href="javascript:alert(1)"><text>x</text></a>')],
    ['an entity-encoded javascript: link', svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>')],
    ['a hex-encoded javascript: link', svg('<a href="&#x6A;&#x61;vascript:alert(1)"><text>x</text></a>')],
    ['white space and controls inside the scheme', svg('<a href=" java&#x09;script&#x0A;:alert(1)"><text>x</text></a>')],
    ['a case-varied scheme', svg('<a href="JaVaScRiPt:alert(1)"><text>x</text></a>')],
    [
      'a link prefix bound to xlink under another name',
      svg('<a xmlns:q="http://www.w3.org/1999/xlink" q:href="javascript:alert(1)"><text>x</text></a>'),
    ],
    ['use of a data: document', svg('<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/>')],
    ['use of an xlink data: document', svg('<use xlink:href="data:image/svg+xml,&lt;svg/&gt;#x"/>')],
    ['an image of an SVG data: document', svg('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>')],
    ['set of href', svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>')],
    [
      'animate of xlink:href',
      svg('<a xlink:href="#x"><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a>'),
    ],
    ['animation of a handler', svg('<set attributeName="onmouseover" to="alert(1)"/>')],
    [
      'an entity declaration',
      `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>${svg('<text>&x;</text>')}`,
    ],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`],
    ['an undeclared entity', svg('<text>&x;</text>')],
    ['an XSL style sheet', `<?xml-stylesheet type="text/xsl" href="evil.xsl"?>${svg('<circle r="1"/>')}`],
    ['an embed element', svg('<embed src="evil.swf"/>')],
    ['a handler hidden by a broken document', `${svg('<circle r="1"/>')}<script>alert(1)</script>`],
    ['not XML at all', '<svg onload=alert(1)>'],
    ['an HTML document', '<html><body><script>alert(1)</script></body></html>'],
    ['a root without the SVG namespace', '<svg><script>alert(1)</script></svg>'],
    ['an empty file', ''],
  ])('%s', (_name, text) => {
    const verdict = judgeSvg(text);
    expect(verdict.ok).toBe(false);
  });
});

describe('SVGs that only draw are served', () => {
  test.each([
    ['shapes', svg('<circle cx="5" cy="5" r="4" fill="#0a7"/><rect width="3" height="3"/>')],
    [
      'an XML declaration and comments',
      `<?xml version="1.0" encoding="UTF-8"?><!-- made by hand -->${svg('<path d="M0 0L5 5"/>')}`,
    ],
    [
      'a doctype without declarations',
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg('<g/>')}`,
    ],
    [
      'gradients, use of a fragment, text',
      svg(
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><symbol id="s"><circle r="2"/></symbol></defs><use href="#s" xlink:href="#s"/><text fill="url(#g)">Tally &amp; count</text>',
      ),
    ],
    [
      "an editor's own elements and metadata",
      svg(
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/>',
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3"',
      ),
    ],
    [
      'links to web pages and relative files',
      svg('<a href="https://example.org/spec"><text>spec</text></a><a xlink:href="../bip-0002.md"><text>BIP-2</text></a>'),
    ],
    [
      'embedded raster images',
      svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><image xlink:href="photo.jpg"/>'),
    ],
    [
      'filters and a harmless animation',
      svg(
        '<filter id="f"><feGaussianBlur stdDeviation="2"/></filter><circle r="3" filter="url(#f)"><animate attributeName="r" values="3;4;3" dur="2s"/></circle>',
      ),
    ],
    ['a style element', svg('<style>circle { fill: teal; }</style><circle r="2"/>')],
    ['a byte order mark', `\uFEFF${svg('<g/>')}`],
  ])('%s', (_name, text) => {
    expect(judgeSvg(text)).toEqual({ ok: true });
  });

  test('the reason names what was found', () => {
    expect(judgeSvg(svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg"/>'))).toEqual({
      ok: false,
      reason: 'a <svg:script> element',
    });
    expect(judgeSvg(svg('<a href="&#106;avascript:x()"/>'))).toEqual({ ok: false, reason: 'a javascript: link on <a>' });
  });
});

import { describe, expect, test } from 'vitest';
import { addHeadingAnchors } from '../../src/lib/render/anchors.ts';

describe('section links after headings', () => {
  test.each([
    ['<h2 id="motivation">Motivation</h2>', 'Link to the section “Motivation”'],
    ['<h3 id="the-x-field">The <code>x</code> field</h3>', 'Link to the section “The x field”'],
    ['<h2 id="q">Why "quorum"?</h2>', 'Link to the section “Why &quot;quorum&quot;?”'],
    ['<h2 id="a">A &amp; B</h2>', 'Link to the section “A &amp; B”'],
  ])('%s is linked under its own name', (html, label) => {
    const out = addHeadingAnchors(html);
    expect(out).toContain(`aria-label="${label}"`);
    expect(out).toMatch(/<a class="anchor" href="#[^"]+"/);
  });

  test('a heading that has its link, and the footnotes heading, are left as they are', () => {
    const linked = '<h2 id="a">A<a class="anchor" href="#a">#</a></h2>';
    expect(addHeadingAnchors(linked)).toBe(linked);
    expect(addHeadingAnchors('<h2 id="footnote-label">Footnotes</h2>')).toBe('<h2 id="footnote-label">Footnotes</h2>');
  });
});

import { describe, expect, test } from 'vitest';
import { sanitizeBody } from '../../src/lib/render/sanitize.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../helpers.ts';
import { SITE_IDS } from '../../src/lib/render/reserved.ts';

describe('sanitizing rendered bodies', () => {
  test.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<img src="x.png" onerror="alert(1)">', '<img alt="" src="x.png" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<p onclick="x()" style="position:fixed">x</p>', '<p>x</p>'],
    ['<iframe src="https://example.org"></iframe>', ''],
    ['<form action="/x"><input type="text" name="q"></form>', ''],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<a href="data:text/html,x">x</a>', '<a>x</a>'],
  ])('removes %s', (html, expected) => expect(sanitizeBody(html)).toBe(expected));

  test.each([
    '<h2 id="abstract">Abstract</h2>',
    '<details><summary>More</summary><p>x</p></details>',
    '<p><kbd>Ctrl</kbd> <del>old</del> <a href="https://example.org">link</a></p>',
    '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled aria-label="done" /> done</li></ul>',
    '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup>',
    '<table><thead><tr><th style="text-align:right">n</th></tr></thead></table>',
  ])('keeps %s', (html) => expect(sanitizeBody(html)).toBe(html));

  test('keeps highlighted code colours, light and dark', () => {
    const html =
      '<pre class="astro-code astro-code-themes github-light github-dark" style="background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e;--shiki-dark:#e1e4e8" tabindex="0" data-language="ts"><code><span style="color:#D73A49;--shiki-dark:#F97583">const</span></code></pre>';
    expect(sanitizeBody(html)).toBe(html);
  });

  test('task list checkboxes cannot be ticked by readers', () => {
    expect(sanitizeBody('<input type="checkbox" checked>')).toBe('<input type="checkbox" checked disabled aria-label="done" />');
    expect(sanitizeBody('<input type="checkbox">')).toBe('<input type="checkbox" disabled aria-label="to do" />');
  });
});

describe("bodies cannot pass for the site's own markup", () => {
  test.each([
    ['<div id="main">x</div>', '<div id="main-section">x</div>'],
    ['<h2 id="review-title">Review</h2>', '<h2 id="review-title-section">Review</h2>'],
    ['<img src="a.png" id="site-search-q">', '<img alt="" src="a.png" id="site-search-q-section" />'],
    ['<h2 id="motivation">Motivation</h2>', '<h2 id="motivation">Motivation</h2>'],
    ['<div class="preview-banner notice">Preview of PR 1</div>', '<div>Preview of PR 1</div>'],
    ['<p class="notice"><strong>This BIP was withdrawn.</strong></p>', '<p><strong>This BIP was withdrawn.</strong></p>'],
    [
      '<pre class="astro-code github-light-default"><code class="language-ts">x</code></pre>',
      '<pre class="astro-code github-light-default"><code class="language-ts">x</code></pre>',
    ],
    [
      '<ul class="contains-task-list"><li class="task-list-item">a</li></ul>',
      '<ul class="contains-task-list"><li class="task-list-item">a</li></ul>',
    ],
  ])('%s', (html, expected) => {
    expect(sanitizeBody(html)).toBe(expected);
  });

  test("every id the site's templates write is reserved", () => {
    const sources = ['src/components', 'src/layouts', 'src/pages'].flatMap((dir) =>
      readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.astro'))
        .map((f) => readFileSync(join(projectRoot, dir, f), 'utf8')),
    );
    const ids = new Set(sources.flatMap((s) => [...s.matchAll(/\bid="([^"{]+)"/g)].map((m) => m[1]!)));
    expect(ids.size).toBeGreaterThan(5);
    for (const id of ids) expect(SITE_IDS.has(id), id).toBe(true);
  });
});

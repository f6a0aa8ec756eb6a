/**
 * MediaWiki bodies are rendered in a thread with a deadline (render/wiki-thread.ts): the parser
 * takes seconds to minutes on some hostile markup, and a file it cannot finish must end as a
 * located problem of that file, not as a build that never ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { deadlineSeconds, DEFAULT_DEADLINE_SECONDS, renderWithDeadline, resetThread } from '../../src/lib/render/wiki-thread.ts';
import { renderMediaWiki } from '../../src/lib/render/mediawiki.ts';
import { lintPaths } from '../../src/lib/registry/lint.ts';
import { configFor, fixture } from '../helpers.ts';

/** A table row of 3,000 cells: over a minute in the parser (its time grows with the square). */
const HOSTILE = `==Table==\n{|\n|a\n${'|  || '.repeat(3000)}\n|}\n`;

const preamble = (n: number, title: string) =>
  `<pre>\n  BIP: ${n}\n  Title: ${title}\n  Author: Model-A (Lab A)\n  Status: Draft\n  Type: Informational\n  Created: 2025-01-0${n}\n  License: MIT\n</pre>\n\n`;

describe('MediaWiki in a thread with a deadline', () => {
  test.each([
    ['headings and links', '==Abstract==\nSee [[bip-0002.mediawiki|BIP 2]] and [https://example.org the notes].'],
    ['footnotes', 'A claim.<ref name="a">The source.</ref> Again.<ref name="a"/>\n<references/>'],
    ['a table', '{|\n! a !! b\n|-\n| 1 || 2\n|}'],
    ['code', '<source lang="python">\nx = 1\n</source>'],
    ['a template it reports', 'Text {{cite|x}} more.'],
  ])('%s: the same result as rendering here', (_name, source) => {
    expect(renderWithDeadline(source)).toEqual(renderMediaWiki(source));
  });

  test('a body the parser cannot finish in time is reported, and the next one renders', () => {
    const started = performance.now();
    const out = renderWithDeadline(HOSTILE, 0.5);
    const took = performance.now() - started;
    expect(took).toBeLessThan(5_000);
    expect(out.problems).toEqual([
      expect.objectContaining({ line: 1, column: 1, fatal: true, message: expect.stringContaining('within 0.5 s') }),
    ]);
    // The text as written, escaped: what a reader would get had the page been made.
    expect(out.html.startsWith('<pre><code>==Table==')).toBe(true);
    expect(renderWithDeadline('==After==\nFine.').html).toContain('<h2 id="after">After</h2>');
  }, 20_000);

  test.each([
    [undefined, DEFAULT_DEADLINE_SECONDS],
    ['30', 30],
    ['0.25', 0.25],
    ['0', DEFAULT_DEADLINE_SECONDS],
    ['-1', DEFAULT_DEADLINE_SECONDS],
    ['soon', DEFAULT_DEADLINE_SECONDS],
  ])('MEDIAWIKI_DEADLINE_SECONDS=%s gives %s s', (value, seconds) => {
    expect(deadlineSeconds(value === undefined ? {} : { MEDIAWIKI_DEADLINE_SECONDS: value })).toBe(seconds);
  });
});

describe('a MediaWiki thread that fails', () => {
  const real = fileURLToPath(new URL('../../src/lib/render/wiki-worker.ts', import.meta.url));
  afterAll(() => resetThread(real));

  test('one that cannot load its parser: bodies are rendered here, at once, from then on', () => {
    resetThread(fixture('wiki-threads/fails-to-load.mjs'));
    const started = performance.now();
    expect(renderWithDeadline('==A==\nText.', 5)).toEqual(renderMediaWiki('==A==\nText.'));
    expect(renderWithDeadline('==B==\nMore.', 5)).toEqual(renderMediaWiki('==B==\nMore.'));
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  test('one that dies on a body: that body is reported, the process goes on, the next thread renders', async () => {
    resetThread(fixture('wiki-threads/dies.mjs'));
    const out = renderWithDeadline('==A==\nText.', 0.5);
    expect(out.problems).toEqual([expect.objectContaining({ fatal: true, line: 1, column: 1 })]);
    // The thread's error reaches this one's event loop: handled, not an uncaught exception.
    await new Promise((r) => setTimeout(r, 200));
    resetThread(real);
    expect(renderWithDeadline('==B==\nMore.').html).toContain('<h2 id="b">B</h2>');
  }, 20_000);
});

describe('a registry with a MediaWiki file the parser cannot finish', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wiki-deadline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'bip-0001.mediawiki'), `${preamble(1, 'Fine')}==Abstract==\nA body.\n`);
  writeFileSync(join(dir, 'bip-0002.mediawiki'), `${preamble(2, 'Hostile')}${HOSTILE}`);

  test('lint reports that file where its body starts and reads the other', () => {
    const before = process.env.MEDIAWIKI_DEADLINE_SECONDS;
    process.env.MEDIAWIKI_DEADLINE_SECONDS = '0.5';
    try {
      const result = lintPaths([dir], configFor(dir), dir);
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([
        // Line 11: the first line after the preamble and the blank line under it.
        ['bip-0002.mediawiki', 11, 1, 'mediawiki/unreadable'],
      ]);
      expect(errors[0]!.message).toContain('did not finish this document within 0.5 s');
      expect(result.diagnostics.filter((d) => d.file === 'bip-0001.mediawiki' && d.severity === 'error')).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.MEDIAWIKI_DEADLINE_SECONDS;
      else process.env.MEDIAWIKI_DEADLINE_SECONDS = before;
    }
  }, 30_000);
});

/**
 * The post-build link check (npm run check:site): on a small hand-made site with known broken
 * links, and on real builds of the example registry at the root and under a preview path.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixture, projectRoot } from '../helpers.ts';
import { checkSiteLinks, formatBrokenLinks } from '../../src/lib/site/link-check.ts';
import { runBuild, type BuildRun } from './run-build.ts';

describe('the link check', () => {
  test('names every page and link that does not resolve, and only those', () => {
    const report = checkSiteLinks(fixture('site-broken'), '/', 'https://site.example');
    expect(report.pages).toBe(2);
    expect(report.broken).toEqual([
      { page: 'docs/index.html', link: '../nope.html', reason: 'no such page or file' },
      { page: 'index.html', link: '/docs/#gone', reason: 'no element with id "gone" on docs/index.html' },
      { page: 'index.html', link: '/missing/', reason: 'no such page or file' },
      { page: 'index.html', link: '/img/x.png', reason: 'no such page or file' },
      { page: 'index.html', link: '/single/', reason: 'no such page or file' },
      { page: 'index.html', link: '#100%', reason: 'not a valid URL' },
      { page: 'index.html', link: 'https://site.example/gone/', reason: 'no such page or file' },
      { page: 'index.html', link: '/img/small.png', reason: 'no such page or file' },
    ]);
    expect(formatBrokenLinks(report)).toContain('index.html: /missing/ — no such page or file');
  });

  test('links outside the base path are broken under a base', () => {
    const report = checkSiteLinks(fixture('site-broken'), '/pr-42/');
    expect(report.broken.filter((b) => b.reason.startsWith('outside the base path /pr-42/')).map((b) => b.link)).toEqual([
      '/style.css',
      '/docs/',
      '/docs/#gone',
      '/missing/',
      '/img/x.png',
      '/single/',
      '/img/small.png',
      '/style.css',
    ]);
  });

  describe.each(['/', '/pr-42/'])('the example site built under %s', (base) => {
    let build: BuildRun;
    beforeAll(() => {
      build = runBuild(join(projectRoot, 'bips'), { BASE: base, SITE: 'https://bips.example.org' });
    });
    afterAll(() => build.remove());

    test('has no broken link, anchor or asset', () => {
      expect(build.status, build.output).toBe(0);
      const report = checkSiteLinks(build.outDir, base, 'https://bips.example.org');
      expect(report.pages).toBeGreaterThan(90);
      expect(report.links).toBeGreaterThan(1000);
      expect(formatBrokenLinks(report)).toBe('');
    });
  });
});

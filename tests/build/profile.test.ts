/**
 * A registry with its own profile, built for real: another name and prefix (XIP), URL scheme
 * (`/XIPS/xip-<n>/`), lifecycle with custom tones, an extra facet, a MediaWiki document, a folder
 * of files beside a proposal, an assets folder outside the proposals and a moved stub.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';

let build: BuildRun;
beforeAll(() => {
  build = runBuild(fixture('profile-registry', 'proposals'), {
    REGISTRY_CONFIG: fixture('profile-registry', 'registry.config.json'),
    OG_IMAGES: 'off',
  });
});
afterAll(() => build?.remove());

/** Every text file the site serves, relative to it. */
function textFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((name) => {
    const path = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, path)).isDirectory()) return textFiles(dir, path);
    return /\.(html|json|xml|txt|js|css)$/.test(name) || name === '_redirects' ? [path] : [];
  });
}

describe('a registry with its own profile', () => {
  test('builds', () => expect(build.status, build.output).toBe(0));

  test('no page, script or data file says BIP', () => {
    const offending = textFiles(build.outDir).filter((p) => !p.startsWith('pagefind/') && /\bBIPs?\b/.test(build.read(p)));
    expect(offending).toEqual([]);
  });

  test('proposals live at the profile URL, named as the registry names them', () => {
    const page = build.read('XIPS/xip-1/index.html');
    expect(page).toContain('<title>XIP-1: Chunked storage of ledger snapshots · Example Improvement Proposals</title>');
    expect(page).toContain('placeholder="Search XIPs"');
    expect(build.read('index.html')).toMatch(/<th[^>]*data-key="num"[^>]*>\s*XIP\s*<\/th>/);
  });

  test('a link to another proposal file goes to its page at the profile URL', () => {
    expect(build.read('XIPS/xip-1/index.html')).toContain('given in <a href="/XIPS/xip-2/">XIP-2</a>');
  });

  test('the old addresses redirect: padded, upper-case and .html', () => {
    for (const alias of ['XIPS/xip-01/index.html', 'XIPS/XIP-0001/index.html', 'XIPS/xip-1.html'])
      expect(build.read(alias), alias).toContain('url=/XIPS/xip-1/');
    const manifest = JSON.parse(build.read('bips.json')) as { bips: { number: number; url: string; aliases: string[] }[] };
    expect(manifest.bips.find((b) => b.number === 1)!.aliases).toContain('/XIPS/xip-1.html');
  });

  test('a MediaWiki document renders its table, code, image, links and footnotes', () => {
    const page = build.read('XIPS/xip-2/index.html');
    expect(page).toMatch(/<th[^>]*>\s*Name\s*<\/th>/);
    expect(page).toContain('getchunk');
    expect(page).toMatch(/<pre[^>]*><code class="language-python"/);
    expect(page).toContain('src="/files/xip-2/figure.png"');
    expect(page).toContain('href="/XIPS/xip-1/"');
    expect(page).toContain('Order keeps the reassembly buffer small.');
    expect(build.exists('files/xip-2/figure.png')).toBe(true);
  });

  test('the folder beside a proposal holds its files, listed on its page', () => {
    const page = build.read('XIPS/xip-2/index.html');
    expect(page).toMatch(/<h2 id="files-title">Files<\/h2>/);
    expect(page).toContain('xip-2/sizes.csv');
    expect(build.exists('files/xip-2/sizes.csv')).toBe(true);
  });

  test('a file of the outside assets folder is published where the proposal links it', () => {
    expect(build.read('XIPS/xip-1/index.html')).toContain('src="/files/media/xip-1/layout.png"');
    expect(readFileSync(join(build.outDir, 'files/media/xip-1/layout.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  test('a moved stub is a redirect page and a row of the index', () => {
    const page = build.read('XIPS/xip-3/index.html');
    expect(page).toContain('http-equiv="refresh" content="0; url=https://example.org/other-registry/xip-3"');
    expect(page).toContain('This XIP has moved.');
    expect(build.read('index.html')).toContain('Moved to example.org/other-registry/xip-3');
  });

  test('badge tones follow what each status means, or the tone the profile gives it', () => {
    const index = build.read('index.html');
    expect(index).toMatch(/data-status="accepted"[^>]*>Adopted</);
    expect(index).toMatch(/data-status="paused"[^>]*>Parked</);
    expect(index).toMatch(/data-status="moved"[^>]*>Relocated</);
  });

  test('authors: handles link to GitHub, addresses stay out of the name, et al. is no one', () => {
    const page = build.read('XIPS/xip-1/index.html');
    expect(page).toContain('href="https://github.com/adaquill"');
    expect(build.exists('authors/borislav-tern/index.html')).toBe(true);
    expect(page).not.toMatch(/authors\/et-al/);
  });

  test('the extra facet has listing pages; fields the template lacks have no row', () => {
    expect(build.read('area/storage/index.html')).toContain('Chunked storage of ledger snapshots');
    const page = build.read('XIPS/xip-1/index.html');
    expect(page).toMatch(/<th scope="row">Area<\/th>/);
    expect(page).not.toMatch(/<th scope="row">(Type|Category|License)<\/th>/);
  });
});

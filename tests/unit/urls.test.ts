import { describe, expect, test } from 'vitest';
import { aliasSlugs, makeUrls, normalizeBase } from '../../src/lib/urls.ts';
import { buildManifest, redirectsFile } from '../../src/lib/manifest.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

describe('URLs', () => {
  test.each([
    [undefined, '/'],
    ['/', '/'],
    ['/preview', '/preview/'],
    ['preview/', '/preview/'],
    ['/a/b/', '/a/b/'],
  ])('base %j → %s', (base, expected) => expect(normalizeBase(base)).toBe(expected));

  test('permanent BIP URLs depend on the number only and honour the base', () => {
    const urls = makeUrls('/pr-42', 'https://bips.example.org');
    expect(urls.bip(5)).toBe('/pr-42/bip-5/');
    expect(urls.companion(5, 'review-report')).toBe('/pr-42/bip-5/review-report/');
    expect(urls.status('In Review')).toBe('/pr-42/status/in-review/');
    expect(urls.author('Claude-4-Sonnet')).toBe('/pr-42/authors/claude-4-sonnet/');
    expect(urls.absolute(urls.bip(5))).toBe('https://bips.example.org/pr-42/bip-5/');
    expect(makeUrls('/').absolute('/bip-5/')).toBe('/bip-5/');
  });

  test.each([
    [5, ['bip-05', 'bip-005', 'bip-0005', 'BIP-05', 'BIP-005', 'BIP-0005', '5']],
    [42, ['bip-042', 'bip-0042', 'BIP-042', 'BIP-0042', '42']],
    [1234, ['1234']],
    [404, ['bip-0404', 'BIP-0404']],
  ])('aliases of %i', (n, aliases) => expect(aliasSlugs(n)).toEqual(aliases));

  test('no alias differs from the canonical URL only by letter case', () => {
    for (const n of [0, 5, 42, 1234]) {
      for (const a of aliasSlugs(n)) expect(a.toLowerCase()).not.toBe(`bip-${n}`);
    }
  });

  test('_redirects lists only the aliases redirect pages cannot serve', () => {
    const urls = makeUrls('/');
    const text = redirectsFile(
      urls,
      buildManifest(urls, [{ number: 7, title: 'T', status: 'Draft', source: 'bip-0007.md', companions: [] }], DEFAULT_PROFILE),
      DEFAULT_PROFILE,
    );
    expect(text).toBe('/BIP-7 /bip-7/ 301\n/BIP-7/ /bip-7/ 301\n');
  });
});

import { describe, expect, test } from 'vitest';
import { referencedNumbers, relationGraph, type Relations } from '../../src/lib/registry/relations.ts';
import { linkMentions } from '../../src/lib/render/mentions.ts';
import { proseMentions, referencePattern } from '../../src/lib/registry/content-checks.ts';
import { DEFAULT_PROFILE, resolveProfile } from '../../src/lib/profile/profile.ts';
import type { BipData } from '../../src/lib/bip/schema.ts';

const EIP = resolveProfile({
  proposal: { name: 'EIP' },
  numbers: { prefixes: ['eip'], files: ['eip-{n}'] },
  relations: { requires: 'requires' },
});

describe('numbers a relation field names', () => {
  test.each([
    ['1, 2', 'BIP', [1, 2]],
    ['BIP-3 and 4', 'BIP', [3, 4]],
    ['BIP-0007', 'BIP', [7]],
    ['see BIP-3 for 2 reasons', 'BIP', [3]],
    ['2; 2 & 5', 'BIP', [2, 5]],
    ['https://example.org/spec', 'BIP', []],
    ['155, 1559', 'EIP', [155, 1559]],
    ['EIP-1559', 'EIP', [1559]],
    ['BIP-5, 7', 'EIP', []],
  ])('%j in a %s registry → %j', (value, term, numbers) => {
    expect(referencedNumbers(value, term === 'EIP' ? EIP : DEFAULT_PROFILE)).toEqual(numbers);
  });
});

const bip = (n: number, extra: Record<string, string> = {}, body = ''): { data: BipData; body: string } => ({
  data: {
    bip: n,
    title: `Proposal ${n}`,
    author: [{ name: 'Model-A' }],
    status: 'Draft',
    statusKnown: true,
    extra: Object.entries(extra).map(([key, value]) => ({ key, value })),
    lines: {},
  },
  body,
});

const nonEmpty = (r: Relations | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v.length > 0));

describe('the relation graph, both ways', () => {
  const graph = relationGraph(
    [
      bip(2),
      bip(7, { 'Superseded-By': 'BIP-8' }),
      bip(8, { Requires: 'BIP-2, 5', Replaces: '7' }, 'Builds on BIP-2 and mentions BIP 9 and `BIP-3`.\n\n```\nBIP-3\n```\n'),
      bip(9, { 'See also': '2' }, 'Compare [the tally](bip-0003.md) with BIP-3.'),
      bip(3),
    ],
    DEFAULT_PROFILE,
  );

  test.each([
    [2, { 'required-by': [8], related: [9] }],
    [3, { 'mentioned-by': [9] }],
    [7, { 'replaced-by': [8] }],
    [8, { requires: [2, 5], replaces: [7], mentions: [9] }],
    [9, { related: [2], 'mentioned-by': [8], mentions: [3] }],
  ])('BIP-%i: %j', (n, expected) => {
    expect(nonEmpty(graph.get(n))).toEqual(expected);
  });

  test('a number the registry does not have stays in the forward list only', () => {
    expect(graph.get(8)!.requires).toContain(5);
    expect(graph.has(5)).toBe(false);
  });

  test("the profile's own relation keys count; other registries' prefixes do not", () => {
    const eips = relationGraph([bip(1), bip(2), bip(1559, { requires: '1' }, 'See EIP-1 and EIP-2, not BIP-2.')], EIP);
    expect(nonEmpty(eips.get(1))).toEqual({ 'required-by': [1559] });
    expect(nonEmpty(eips.get(1559))).toEqual({ requires: [1], mentions: [2] });
  });
});

describe('mentions in rendered HTML become links', () => {
  const pattern = referencePattern(DEFAULT_PROFILE);
  const urls = new Map([
    [2, '/bip-2/'],
    [5, '/bip-5/'],
  ]);
  const link = (html: string, self?: string) => linkMentions(html, pattern, (n) => urls.get(n), self);
  const a = (n: number, text: string) => `<a class="mention" href="/bip-${n}/">${text}</a>`;

  test.each([
    ['<p>See BIP-2 and BIP 5.</p>', `<p>See ${a(2, 'BIP-2')} and ${a(5, 'BIP 5')}.</p>`],
    ['<p>BIP-0002, bip-2</p>', `<p>${a(2, 'BIP-0002')}, ${a(2, 'bip-2')}</p>`],
    ['<p>BIP-12 is unknown</p>', '<p>BIP-12 is unknown</p>'],
    ['<p><a href="x">BIP-2</a> and <code>BIP-2</code></p>', '<p><a href="x">BIP-2</a> and <code>BIP-2</code></p>'],
    [
      '<pre><code><span>BIP-2</span></code></pre><p>BIP-2</p>',
      `<pre><code><span>BIP-2</span></code></pre><p>${a(2, 'BIP-2')}</p>`,
    ],
    ['<h2 id="bip-2">About BIP-2</h2>', '<h2 id="bip-2">About BIP-2</h2>'],
    ['<p><img src="BIP-2.png" alt="BIP-2"> BIP-2</p>', `<p><img src="BIP-2.png" alt="BIP-2"> ${a(2, 'BIP-2')}</p>`],
    ['<p>BIP-2.0 and BIP-2-style and /bip-2</p>', '<p>BIP-2.0 and BIP-2-style and /bip-2</p>'],
    ['<p></span>BIP-2</p>', `<p></span>${a(2, 'BIP-2')}</p>`],
  ])('%s', (html, expected) => {
    expect(link(html)).toBe(expected);
  });

  test('a page does not link its own number', () => {
    expect(link('<p>This is BIP-2; see BIP-5.</p>', '/bip-2/')).toBe(`<p>This is BIP-2; see ${a(5, 'BIP-5')}.</p>`);
  });

  test('runs in linear time on deep or unbalanced markup', () => {
    const deep = '<span>'.repeat(50_000) + 'BIP-2' + '</em>'.repeat(50_000) + '</span>'.repeat(50_000);
    const started = performance.now();
    expect(link(deep)).toContain(a(2, 'BIP-2'));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('mentions in prose are found in linear time', () => {
  // Each of these took seconds (quadratic) before the prose filter was made linear; 200 KB lines.
  test.each([
    ['a.', 100_000],
    ['<', 200_000],
    ['](', 100_000],
    ['<!--', 50_000],
    ['`x', 100_000],
    ['bip-', 50_000],
    ['ab+c-', 40_000],
  ])('%j × %i', (unit, times) => {
    const line = unit.repeat(times) + ' BIP-7';
    const started = performance.now();
    const found = proseMentions(line, DEFAULT_PROFILE);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(found.length).toBeLessThanOrEqual(times + 1);
  });
});

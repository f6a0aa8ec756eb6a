import { describe, expect, test } from 'vitest';
import { resolveLink, rewriteLinks, type LinkTargets } from '../../src/lib/render/links.ts';

const targets: LinkTargets = {
  pages: new Map([
    ['BIP-03/BIP-03.md', '/bip-3/'],
    ['BIP-03', '/bip-3/'],
    ['BIP-03/REVIEW_REPORT.md', '/bip-3/review-report/'],
    ['bip-0001.md', '/bip-1/'],
  ]),
  sourceUrl: 'https://git.example.org/r/blob/main/bips',
};

describe('links between registry files', () => {
  test.each([
    ['REVIEW_REPORT.md', 'BIP-03/BIP-03.md', '/bip-3/review-report/'],
    ['./REVIEW_REPORT.md#verdict', 'BIP-03/BIP-03.md', '/bip-3/review-report/#verdict'],
    ['../bip-0001.md', 'BIP-03/BIP-03.md', '/bip-1/'],
    ['./BIP-03/', 'bip-0001.md', '/bip-3/'],
    ['BIP-03/BIP-03.md', 'bip-0001.md', '/bip-3/'],
    ['notes/plan.md', 'bip-0001.md', 'https://git.example.org/r/blob/main/bips/notes/plan.md'],
    ['../../LICENSE', 'BIP-03/BIP-03.md', undefined],
    ['https://example.org/x.md', 'bip-0001.md', undefined],
    ['#motivation', 'bip-0001.md', undefined],
    ['/absolute/path', 'bip-0001.md', undefined],
    ['mailto:a@example.org', 'bip-0001.md', undefined],
    ['REVIEW%5FREPORT.md', 'BIP-03/BIP-03.md', '/bip-3/review-report/'],
  ])('%s from %s → %s', (href, from, expected) => expect(resolveLink(href, from, targets)).toBe(expected));

  test('without a source URL, unpublished files keep their link', () => {
    expect(resolveLink('notes/plan.md', 'bip-0001.md', { pages: targets.pages })).toBeUndefined();
  });

  test('only anchors are rewritten, other attributes stay', () => {
    const html = '<p><a href="REVIEW_REPORT.md" title="r">r</a> <img src="REVIEW_REPORT.md"></p>';
    expect(rewriteLinks(html, 'BIP-03/BIP-03.md', targets)).toBe('<p><a href="/bip-3/review-report/" title="r">r</a> <img src="REVIEW_REPORT.md"></p>');
  });
});

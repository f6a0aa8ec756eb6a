import { describe, expect, test } from 'vitest';
import { summarize, firstSentence } from '../../src/lib/bip/summary.ts';

describe('the description from the Abstract', () => {
  test.each([
    ['## Abstract\n\nThis BIP adds **quorum** rules. It also says more.\n', 'This BIP adds quorum rules.'],
    ['## Motivation\n\nWhy.\n\n## Abstract\nA [linked](https://x.org) `code` idea[^1]. Then more.\n', 'A linked code idea.'],
    ['Intro paragraph without headings. Second sentence.\n', 'Intro paragraph without headings.'],
    ['## Abstract\n\n```\ncode first\n```\n\nAfter the code, e.g. this. Next.\n', 'After the code, e.g. this.'],
    ['## Abstract\n\nVersion 2.0 ships in phases. Done.\n', 'Version 2.0 ships in phases.'],
    ['## Abstract\n', undefined],
  ])('%j → %j', (body, expected) => expect(summarize(body)).toBe(expected));

  test('long sentences are cut at a word boundary', () => {
    const s = firstSentence('word '.repeat(100).trim());
    expect(s.length).toBeLessThanOrEqual(240);
    expect(s.endsWith('word…')).toBe(true);
  });
});

test('MDX expressions and exports stay out of the description', () => {
  expect(summarize('export const n = 2;\n\n## Abstract\n\nIt ships in {n} phases, quickly. More.\n', 'mdx')).toBe(
    'It ships in phases, quickly.',
  );
});

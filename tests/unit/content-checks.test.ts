import { describe, expect, test } from 'vitest';
import { referenceProblems, sectionProblems } from '../../src/lib/registry/content-checks.ts';
import { readTemplate } from '../../src/lib/bip/template.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { bundledTemplate } from '../helpers.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

const show = (list: ReturnType<typeof sectionProblems>) => list.map(formatDiagnostic);

describe('required sections', () => {
  test('the template marks them with <!-- required --> under the heading', () => {
    expect(readTemplate(bundledTemplate, DEFAULT_PROFILE).requiredSections).toEqual(['Abstract']);
    const own = bundledTemplate.replace('## Specification\n', '## Specification\n<!-- required -->\n');
    expect(readTemplate(own, DEFAULT_PROFILE).requiredSections).toEqual(['Abstract', 'Specification']);
  });

  test.each([
    ['## Abstract\n\nText.\n## Specification\n', []],
    ['## 1. Abstract:\n\nText.\n### Specification\n', []],
    ['## Motivation\n\nNo abstract.\n## Specification\n', ['Abstract']],
    ['```md\n## Abstract\n```\n## Specification\n', ['Abstract']],
    ['```\n```js\n## Abstract\n```\n## Specification\n', ['Abstract']],
    ['', ['Abstract', 'Specification']],
  ])('%j is missing %j', (body, missing) => {
    const found = sectionProblems(body, ['Abstract', 'Specification'], 'bip-5.md');
    expect(found.map((d) => /"(\w+)"/.exec(d.message)![1])).toEqual(missing);
    expect(found.every((d) => d.rule === 'section/missing' && d.severity === 'warning')).toBe(true);
  });
});

describe('references to other BIPs', () => {
  const known = new Set([1, 2, 5]);
  test.each([
    ['See BIP-1 and BIP 2.', []],
    ['This is BIP-5.', []],
    [
      'Builds on BIP-12 and bip-0013.',
      [
        'bip-5.md:1:11: warning: BIP-12 is referenced, but the registry has no BIP 12 [reference/unknown]',
        'bip-5.md:1:22: warning: bip-0013 is referenced, but the registry has no BIP 13 [reference/unknown]',
      ],
    ],
    ['Code: `BIP-12` is not prose.', []],
    [
      '```\nBIP-12\n```\nBIP-12 twice, BIP-12.',
      ['bip-5.md:4:1: warning: BIP-12 is referenced, but the registry has no BIP 12 [reference/unknown]'],
    ],
    ['BIP-XXX placeholders and BIPs in general.', []],
    ['Like [Taproot](https://github.com/bitcoin/bips/blob/master/bip-0341.mediawiki) and https://x.org/BIP-77.', []],
    ['<!-- BIP-77 --> a BIP-0009-style rule, BIP 2.0, <span title="BIP-88">x</span>', []],
    ['    BIP-12 in indented code', []],
  ])('%j', (body, expected) => {
    expect(show(referenceProblems(body, 5, known, 'bip-5.md', DEFAULT_PROFILE))).toEqual(expected);
  });
});

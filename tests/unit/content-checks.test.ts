import { describe, expect, test } from 'vitest';
import { placeholderProblems, referenceProblems, sectionProblems } from '../../src/lib/registry/content-checks.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { readTemplate } from '../../src/lib/bip/template.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { bundledTemplate, configFor, projectRoot } from '../helpers.ts';
import { join } from 'node:path';
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

describe('sections that still hold the template text', () => {
  // The bundled template's header, then sections of each kind: guidance in brackets (one section
  // required), a link and task boxes, which a finished proposal keeps as the template has them.
  const template = readTemplate(
    `${bundledTemplate.slice(0, bundledTemplate.indexOf('## Abstract'))}## Abstract\n\n<!-- required -->\n\n[Say what\nchanges.]\n\n` +
      '## Motivation\n\n[Why.]\n\n## Copyright\n\nWaived via [CC0](LICENSE.md).\n\n## Tasks\n\n- [ ] one\n- [x] two\n',
    DEFAULT_PROFILE,
  );
  const abstract = 'warning: the "Abstract" section still holds the template\'s text; write it [section/placeholder]';
  const motivation =
    'warning: the "Motivation" section still holds the template\'s text; write it, or remove the section if it does not apply [section/placeholder]';

  test('a section is a placeholder when its template text holds [guidance]', () => {
    expect(template.placeholders).toEqual({ Abstract: '[Say what changes.]', Motivation: '[Why.]' });
    expect(Object.keys(readTemplate(bundledTemplate, DEFAULT_PROFILE).placeholders)).toEqual([
      'Abstract',
      'Motivation',
      'Specification',
      'Rationale',
      'Backward Compatibility',
      'Implementation',
      'Security Considerations',
      'Review Process',
      'References',
    ]);
  });

  test.each([
    ['## Abstract\n\n[Say what changes.]\n', [`bip-5.md:1:1: ${abstract}`]],
    [
      'Intro.\n\n## Abstract\n[Say   what\n   changes.]\n\n## Motivation\n\n[Why.]\n',
      [`bip-5.md:3:1: ${abstract}`, `bip-5.md:7:1: ${motivation}`],
    ],
    ['## Abstract\n\n<!-- required -->\n\n[Say what changes.]\n', [`bip-5.md:1:1: ${abstract}`]],
    ['## 1. Abstract:\n\n[Say what changes.]\n', [`bip-5.md:1:1: ${abstract.replace('"Abstract"', '"1. Abstract:"')}`]],
    ['## Abstract\n\n[Say what changes.] It adds a field.\n', []],
    ['## Abstract\n\n[Say what changes.]\n\n### Details\n\nWritten.\n', []],
    ['## Abstract\n\nWritten.\n\n<!-- required -->\n', []],
    ['```md\n## Abstract\n\n[Say what changes.]\n```\n', []],
    ['### Abstract\n\n[Say what changes.]\n', []],
    ['## Copyright\n\nWaived via [CC0](LICENSE.md).\n\n## Tasks\n\n- [ ] one\n- [x] two\n', []],
  ])('%j', (body, expected) => {
    expect(show(placeholderProblems(body, template, 'bip-5.md'))).toEqual(expected);
  });

  test('no finished proposal of the bundled registry is reported', () => {
    const registry = loadRegistry(configFor(join(projectRoot, 'bips')));
    expect(registry.bips.length).toBeGreaterThan(5);
    expect(registry.diagnostics.filter((d) => d.rule === 'section/placeholder')).toEqual([]);
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

/** Two files with one number: the newcomer is blamed, at its number field, naming the first. */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundledTemplate, configFor } from '../helpers.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';

const root = mkdtempSync(join(tmpdir(), 'bip-duplicates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A valid BIP 7 titled `title`, created on `created` (no Created line with `null`); its BIP
 * field is on line 5, column 10. */
const proposal = (title: string, created: string | null) =>
  [
    `# BIP-7: ${title}`,
    '',
    '## BIP Information',
    '',
    '**BIP**: 7',
    `**Title**: ${title}`,
    '**Author**: GPT-5 (OpenAI)',
    '**Status**: Draft',
    '**Type**: Process',
    '**Category**: Process',
    ...(created ? [`**Created**: ${created}`] : []),
    '**License**: MIT',
    '',
    '## Abstract',
    '',
    `${title} in a sentence.`,
    '',
  ].join('\n');

type Files = Record<string, [title: string, created: string | null]>;

let n = 0;
/** A registry of these files (path → [title, created]); its diagnostics, and the title kept. */
function load(files: Files) {
  const dir = join(root, String(n++));
  // Created is optional here, so that a file without one still publishes.
  mkdirSync(dir);
  writeFileSync(join(dir, 'template.md'), bundledTemplate.replace('YYYY-MM-DD', 'YYYY-MM-DD (optional)'));
  for (const [path, [title, created]] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), proposal(title, created));
  }
  const registry = loadRegistry(configFor(dir));
  return { messages: registry.diagnostics.map(formatDiagnostic), kept: registry.bips.map((b) => b.data.title) };
}

const also = (first: string) => `error: this file also claims BIP 7, first taken by ${first} (line 5):`;
const FREE = '; give this file a free number [number/duplicate]';

describe('the newcomer is blamed', () => {
  test.each<[string, Files, string, string]>([
    [
      'the later Created date, even with the registry’s own file name and found first',
      { 'bip-0007.md': ['New', '2025-03-01'], 'bip-7.md': ['Old', '2025-01-02'] },
      'Old',
      `bip-0007.md:5:10: ${also('bip-7.md')} it was created later (2025-03-01, the other 2025-01-02)${FREE}`,
    ],
    [
      'the same date: the one not named as the registry names BIP 7, though it is found first',
      { 'archive/BIP-07.md': ['New', '2025-01-02'], 'bip-0007.md': ['Old', '2025-01-02'] },
      'Old',
      `archive/BIP-07.md:5:10: ${also('bip-0007.md')} both were created 2025-01-02, and only the other has the registry's own file name for it (bip-0007.md)${FREE}`,
    ],
    [
      'no date on one: the name decides, not the date the other has',
      { 'bip-07.md': ['New', '2024-01-01'], 'bip-0007.md': ['Old', null] },
      'Old',
      `bip-07.md:5:10: ${also('bip-0007.md')} their Created dates do not tell which came first, and only the other has the registry's own file name for it (bip-0007.md)${FREE}`,
    ],
    [
      'names alike too: the later path in sort order',
      { 'drafts/bip-0007.md': ['New', '2025-01-02'], 'bip-0007.md': ['Old', '2025-01-02'] },
      'Old',
      `drafts/bip-0007.md:5:10: ${also('bip-0007.md')} both were created 2025-01-02 and their names are alike, so the later path in sort order is taken as the newcomer${FREE}`,
    ],
    [
      'no dates, names alike: the later path in sort order',
      { 'drafts/bip-0007.md': ['New', null], 'bip-0007.md': ['Old', null] },
      'Old',
      `drafts/bip-0007.md:5:10: ${also('bip-0007.md')} neither their Created dates nor their names tell which came first, so the later path in sort order is taken as the newcomer${FREE}`,
    ],
  ])('%s', (_name, files, kept, expected) => {
    const found = load(files);
    expect(found.messages).toEqual([expected]);
    expect(found.kept).toEqual([kept]);
  });

  test('of three claims, the first keeps the number and each other one is blamed against it', () => {
    const found = load({
      'bip-0007.md': ['Third', '2025-05-01'],
      'bip-7.md': ['First', '2025-01-02'],
      'drafts/BIP-07.md': ['Second', '2025-02-01'],
    });
    expect(found.kept).toEqual(['First']);
    expect(found.messages.sort()).toEqual([
      `bip-0007.md:5:10: ${also('bip-7.md')} it was created later (2025-05-01, the other 2025-01-02)${FREE}`,
      `drafts/BIP-07.md:5:10: ${also('bip-7.md')} it was created later (2025-02-01, the other 2025-01-02)${FREE}`,
    ]);
  });

  test('the answer does not depend on the order the files are found in', () => {
    const a = load({ 'z/bip-7.md': ['Old', '2025-01-02'], 'a/bip-7.md': ['New', '2025-03-01'] });
    const b = load({ 'a/bip-7.md': ['Old', '2025-01-02'], 'z/bip-7.md': ['New', '2025-03-01'] });
    expect(a.kept).toEqual(['Old']);
    expect(b.kept).toEqual(['Old']);
    expect(a.messages[0]).toMatch(/^a\/bip-7\.md:5:10: .* first taken by z\/bip-7\.md \(line 5\)/);
    expect(b.messages[0]).toMatch(/^z\/bip-7\.md:5:10: .* first taken by a\/bip-7\.md \(line 5\)/);
  });
});

/** What the dev server's page says at the address of a proposal that did not publish. */
import { afterAll, describe, expect, test, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bipText, configFor, projectRoot } from '../helpers.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { unpublishedProposals } from '../../src/lib/registry/unpublished.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { openBuildState } from '../../src/lib/registry/state.ts';

const dir = mkdtempSync(join(tmpdir(), 'bip-unpublished-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** BIP `n` with its H1 and BIP field agreeing, the given fields changed. */
const bip = (n: number, fields: Record<string, string | null> = {}) =>
  bipText({ BIP: String(n), ...fields }).replace('# BIP-5: An Example', `# BIP-${n}: An Example`);

describe('proposals that did not publish', () => {
  copyFileSync(join(projectRoot, 'bips', 'template.md'), join(dir, 'template.md'));
  writeFileSync(join(dir, 'bip-0001.md'), bip(1));
  // A newcomer of a published number: that address shows the published one.
  writeFileSync(join(dir, 'bip-1.md'), bip(1, { Created: '2025-06-01' }));
  // Two problems, in line order; the number from the file name.
  writeFileSync(join(dir, 'bip-0002.md'), bip(2, { Created: '2025-13-45', Author: '' }));
  // No number in the name: the BIP field's.
  writeFileSync(join(dir, 'proposal.md'), bip(12, { Status: '' }));
  // A folder without its document: the folder's number, the folder's problem.
  mkdirSync(join(dir, 'BIP-03'));
  writeFileSync(join(dir, 'BIP-03', 'notes.md'), '# Notes\n');
  // No number anywhere: no address to explain it at.
  writeFileSync(join(dir, 'draft.md'), bip(5, { BIP: null }).replace('# BIP-5: An Example', '# An Example'));

  const registry = loadRegistry(configFor(dir));
  const found = unpublishedProposals(registry);

  test('one per number no published proposal has, with the files that claim it and their problems', () => {
    expect(registry.bips.map((b) => b.relPath)).toEqual(['bip-0001.md']);
    expect(found.map((p) => [p.number, p.files, p.problems.map(formatDiagnostic)])).toEqual([
      [
        2,
        ['bip-0002.md'],
        [
          'bip-0002.md:6:13: error: field "Author" is empty [field/empty]',
          'bip-0002.md:10:14: error: "2025-13-45" is not an ISO date (YYYY-MM-DD) [created/invalid]',
        ],
      ],
      [
        3,
        ['BIP-03'],
        [
          'BIP-03:1:1: error: folder BIP-03 has no document named after its number (expected e.g. BIP-03.md) [registry/no-main-document]',
        ],
      ],
      [12, ['proposal.md'], ['proposal.md:7:13: error: field "Status" is empty [field/empty]']],
    ]);
  });

  test('a file that claims no number has no address, and is left to the terminal', () => {
    expect(registry.diagnostics.some((d) => d.file === 'draft.md' && d.rule === 'number/missing')).toBe(true);
    expect(found.flatMap((p) => p.files)).not.toContain('draft.md');
  });

  test('the page route gets them in the dev server only; a build gets none', async () => {
    openBuildState(projectRoot, { BIPS_DIR: dir }).load(projectRoot, '/', true);
    const { unpublished } = await import('../../src/data/unpublished.ts');
    try {
      vi.stubEnv('DEV', true);
      expect(unpublished().map((p) => p.number)).toEqual([2, 3, 12]);
      vi.stubEnv('DEV', false);
      expect(unpublished()).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('a registry whose proposals all publish has none', () => {
    expect(unpublishedProposals(loadRegistry(configFor(join(projectRoot, 'bips'))))).toEqual([]);
  });
});

/** A preview's change list, computed against the registry the build loaded: every field the
 * template declares is compared, its own fields (`Requires`) included. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { changeSet } from '../../src/lib/changes/changeset.ts';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { registrySetup } from '../../src/lib/registry/rules.ts';
import { bipText, bundledTemplate, configFor } from '../helpers.ts';

let dir: string;
/** The bundled template with two fields of this registry's own. */
const template = bundledTemplate.replace(
  '**License**: MIT',
  '**License**: MIT\n**Requires**: [BIP numbers]\n**Discussions-To**: [URL]',
);
const bip = (fields: Record<string, string | null>) =>
  bipText({ Requires: '2', 'Discussions-To': 'https://forum.example/5', ...fields });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bip-changes-'));
  writeFileSync(join(dir, 'template.md'), template);
  writeFileSync(join(dir, 'bip-0005.md'), bip({ Requires: '2, 3', Status: 'Review' }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function changesAgainst(oldText: string | undefined) {
  const config = configFor(dir);
  const setup = registrySetup(config);
  const registry = loadRegistry(config, { setup });
  return changeSet(registry, setup, {
    base: 'abc1234',
    baseLabel: 'the merge base with main',
    files: [{ status: oldText === undefined ? 'added' : 'modified', relPath: 'bip-0005.md' }],
    oldText: () => oldText,
  });
}

describe('changes of a pull request', () => {
  test('a template-declared field that changed is listed, in the template order', () => {
    const set = changesAgainst(bip({}));
    expect(set.changes).toHaveLength(1);
    expect(set.changes[0]).toMatchObject({ bip: 5, kind: 'modified', bodyChanged: false });
    expect(set.changes[0]!.fields).toEqual([
      { field: 'Status', before: 'Draft', after: 'Review' },
      { field: 'Requires', before: '2', after: '2, 3' },
    ]);
  });

  test('a template-declared field that was added or removed is listed as such', () => {
    const before = bip({ 'Discussions-To': null });
    const fields = changesAgainst(before).changes[0]!.fields;
    expect(fields).toContainEqual({ field: 'Discussions-To', after: 'https://forum.example/5' });
  });

  test('a new file is an added BIP with its title', () => {
    expect(changesAgainst(undefined).changes).toEqual([
      { bip: 5, kind: 'added', title: 'An Example', fields: [], bodyChanged: false, companions: [] },
    ]);
  });
});

/** The pages' data modules (src/data/) on entries built through the real schema, with
 * `astro:content` standing in for Astro: the same registry state the build shares. */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openBuildState } from '../../src/lib/registry/state.ts';
import { registryEntries } from '../../src/loaders/bip-loader.ts';
import { entrySchema } from '../../src/loaders/entries.ts';
import { fixture, projectRoot } from '../helpers.ts';

let mockEntries: unknown[] = [];
vi.mock('astro:content', () => ({ getCollection: async () => mockEntries, render: async () => ({}) }));

/** Opens the build state for `dir`, loads it and hands its entries to the mocked collection,
 * then imports the data modules afresh. */
async function dataFor(dir: string) {
  const state = openBuildState(projectRoot, { BIPS_DIR: dir });
  const registry = state.load(projectRoot, '/');
  const schema = entrySchema(state.setup.schema);
  mockEntries = registryEntries(registry).map((e) => ({
    id: e.id,
    collection: 'bips',
    data: schema.parse(e.data),
    digest: e.src.digest,
  }));
  vi.resetModules();
  return { state, bips: await import('../../src/data/bips.ts'), site: await import('../../src/data/site.ts') };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bip-data-'));
  cpSync(fixture('registry'), dir, { recursive: true });
  return () => rmSync(dir, { recursive: true, force: true });
});

describe('the data modules', () => {
  test('read the state the loader filled: the same config and the entries in number order', async () => {
    const { state, bips, site } = await dataFor(dir);
    expect(site.state).toBe(state);
    expect(site.config.bipsDir).toBe(dir);
    expect(bips.bips.map((b) => b.data.bip)).toEqual([1, 2, 3, 10]);
    expect(bips.companionsOf(2).map((c) => c.data.slug)).toEqual(['notes']);
    expect(bips.companionsOf(1)).toEqual([]);
    expect(bips.bipByNumber(10)?.data.title).toBe('Fenced Preamble Proposal');
    expect(bips.neighbours(3).prev?.data.bip).toBe(2);
    expect(bips.neighbours(3).next?.data.bip).toBe(10);
    expect(bips.neighbours(10).next).toBeUndefined();
  });

  test('statuses list the whole lifecycle in order, with counts', async () => {
    const { bips, site } = await dataFor(dir);
    expect(bips.byStatus.map((g) => g.name)).toEqual(site.config.statuses.map((s) => s.name));
    const counts = Object.fromEntries(bips.byStatus.map((g) => [g.name, g.bips.map((b) => b.data.bip)]));
    expect(counts).toMatchObject({ Draft: [2], Proposed: [3], Implemented: [1], Withdrawn: [10], Review: [] });
  });

  test('listing pages exist for non-empty groups only, and their cache keys follow what they list', async () => {
    const first = await dataFor(dir);
    const paths = first.bips.facetPaths('status', 'slug');
    expect(paths.map((p) => p.params.slug)).toEqual(['draft', 'proposed', 'implemented', 'withdrawn']);
    const keys = new Map(paths.map((p) => [p.params.slug, p.cacheKey]));

    // Retitling BIP-10 changes the Withdrawn page's key and no other status page's.
    const file = join(dir, 'bip-0010.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Title: Fenced Preamble Proposal', 'Title: A New Title'));
    const second = await dataFor(dir);
    const changed = second.bips
      .facetPaths('status', 'slug')
      .filter((p) => keys.get(p.params.slug) !== p.cacheKey)
      .map((p) => p.params.slug);
    expect(changed).toEqual(['withdrawn']);
  });

  test('header fields come in the template order, with the fields it does not name after them', async () => {
    const { bips, site } = await dataFor(dir);
    const ten = site.fieldsOf(bips.bipByNumber(10)!.data);
    expect(ten.map((f) => f.label)).toEqual([
      'BIP',
      'Title',
      'Author',
      'Status',
      'Type',
      'Category',
      'Created',
      'License',
      'Requires',
      'Replaces',
    ]);
    expect(ten.find((f) => f.label === 'Requires')).toMatchObject({ value: '1, 2', declared: false });
  });
});

import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../src/lib/registry/load.ts';
import { discoverRegistry } from '../../src/lib/registry/discover.ts';
import { registrySetup } from '../../src/lib/registry/rules.ts';
import { formatDiagnostic } from '../../src/lib/bip/diagnostics.ts';
import { configFor, fixture, projectRoot } from '../helpers.ts';
import { DEFAULT_PROFILE } from '../../src/lib/profile/profile.ts';

const faultCases = readdirSync(fixture('faults')).map((name) => join(fixture('faults'), name));
const registries = [join(projectRoot, 'bips'), fixture('registry'), fixture('broken-registry'), ...faultCases];

describe('every BIP file ends as a page or as a reported error', () => {
  test.each(registries.map((dir) => [dir.slice(projectRoot.length), dir]))('%s', (_name, dir) => {
    const registry = loadRegistry(configFor(dir));
    // Companion documents are not BIP files; their problems fail the build but are not counted here.
    const companions = new Set(discoverRegistry(dir, DEFAULT_PROFILE).bips.flatMap((b) => b.companions.map((c) => c.relPath)));
    const failed = new Set(
      registry.diagnostics.filter((d) => d.severity === 'error' && !companions.has(d.file)).map((d) => d.file),
    );
    expect(registry.bips.length + failed.size).toBe(registry.bipFiles);
    for (const bip of registry.bips) expect(failed.has(bip.relPath)).toBe(false);
  });
});

describe('the example registry', () => {
  const registry = loadRegistry(configFor(join(projectRoot, 'bips')));

  test('loads nine BIPs without a single warning', () => {
    expect(registry.diagnostics).toEqual([]);
    expect(registry.bips.map((b) => b.data.bip)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('exercises every status, type, category and header placement', () => {
    const seen = (key: 'status' | 'type' | 'category' | 'placement') => new Set(registry.bips.map((b) => b.data[key]));
    expect(seen('status')).toEqual(
      new Set(['Draft', 'Proposed', 'Review', 'Approved', 'Implementation', 'Implemented', 'Rejected', 'Withdrawn']),
    );
    expect(seen('type')).toEqual(new Set(['Standards Track', 'Informational', 'Process']));
    expect(seen('category')).toEqual(new Set(['Core', 'Process', 'Interface']));
    expect(seen('placement')).toEqual(new Set(['section', 'footer', 'fence', 'frontmatter', 'top']));
    expect(registry.bips.some((b) => b.format === 'mdx')).toBe(true);
    expect(registry.bips.some((b) => b.companions.length > 0)).toBe(true);
    expect(registry.bips.some((b) => b.data.author.length > 2)).toBe(true);
  });

  test('reports what it left out and why', () => {
    expect(registry.skipped).toEqual([
      { relPath: 'README.md', reason: 'no BIP number in its name and no BIP header (a registry document)' },
      { relPath: 'template.md', reason: 'the BIP template' },
    ]);
  });
});

describe('a check that throws', () => {
  test('is a located internal problem of that file, and the other files still load', () => {
    const config = configFor(fixture('registry'));
    const setup = registrySetup(config);
    const parse = setup.schema.safeParse.bind(setup.schema);
    // A stand-in for a bug of the generator that only one file reaches.
    setup.schema.safeParse = ((value: { bip?: number }) => {
      if (value.bip === 10) throw new RangeError('Maximum call stack size exceeded');
      return parse(value);
    }) as typeof setup.schema.safeParse;
    const registry = loadRegistry(config, { setup });
    expect(registry.diagnostics.filter((d) => d.rule === 'internal').map(formatDiagnostic)).toEqual([
      'bip-0010.md:1:1: error: the generator failed on this file (RangeError: Maximum call stack size exceeded); please report it [internal]',
    ]);
    expect(registry.bips.map((b) => b.data.bip)).toEqual([1, 2, 3]);
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadRegistryConfig } from '../../src/lib/config.ts';

let dirs: string[] = [];
const project = (config?: object, withTemplate = false) => {
  const root = mkdtempSync(join(tmpdir(), 'bip-config-'));
  dirs.push(root);
  mkdirSync(join(root, 'bips'));
  writeFileSync(join(root, 'bips', 'template.md'), '# bundled\n');
  mkdirSync(join(root, 'other'));
  if (withTemplate) writeFileSync(join(root, 'other', 'template.md'), '# own\n');
  if (config) writeFileSync(join(root, 'registry.config.json'), JSON.stringify(config));
  return root;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('registry settings', () => {
  test('defaults: bips/ and the bundled template', () => {
    const root = project();
    const c = loadRegistryConfig(root, {});
    expect(c.bipsDir).toBe(join(root, 'bips'));
    expect(c.templatePath).toBe(join(root, 'bips', 'template.md'));
    expect(c.name).toBe('BIP Registry');
    expect(c.statuses.map((s) => s.name)).toContain('Implementation');
  });

  test('the config file sets the folder; BIPS_DIR overrides it; the registry template wins', () => {
    const root = project({ bipsDir: 'bips', name: 'Ours', statusAliases: { Review: ['in audit'] } }, true);
    const c = loadRegistryConfig(root, { BIPS_DIR: 'other' });
    expect(c.bipsDir).toBe(join(root, 'other'));
    expect(c.templatePath).toBe(join(root, 'other', 'template.md'));
    expect(c.name).toBe('Ours');
    expect(c.statuses.find((s) => s.name === 'Review')?.aliases).toContain('in audit');
  });

  test('an unknown key is refused with the file named and the key it resembles', () => {
    const root = project({ bipDir: 'x' });
    expect(() => loadRegistryConfig(root, {})).toThrow(
      /registry\.config\.json: unknown key "bipDir" \(did you mean "bipsDir"\?\)/,
    );
  });

  test('a file that is not JSON is named', () => {
    const root = project();
    writeFileSync(join(root, 'registry.config.json'), '{ "name": ');
    expect(() => loadRegistryConfig(root, {})).toThrow(/registry\.config\.json: not valid JSON/);
  });

  test.each(['Markdown', 'yes', 'off'])('BIPS_MDX=%s is refused rather than read as "compile"', (value) => {
    expect(() => loadRegistryConfig(project(), { BIPS_MDX: value })).toThrow(/BIPS_MDX: .* is neither "markdown" nor "compile"/);
  });

  test.each([
    [undefined, {}, true],
    ['off', {}, false],
    ['0', { ogImages: true }, false],
    ['ON', { ogImages: false }, true],
    ['', { ogImages: false }, false],
    [undefined, { ogImages: false }, false],
  ])('OG_IMAGES=%s with config %j → cards %s', (value, file, on) => {
    const env = value === undefined ? {} : { OG_IMAGES: value };
    expect(loadRegistryConfig(project(file), env).ogImages).toBe(on);
  });

  test('an OG_IMAGES value that is not on or off is refused', () => {
    expect(() => loadRegistryConfig(project(), { OG_IMAGES: 'sometimes' })).toThrow(/OG_IMAGES: "sometimes" is not on or off/);
  });

  test('statusAliases must name a status of the lifecycle (case does not matter)', () => {
    expect(
      loadRegistryConfig(project({ statusAliases: { review: ['in audit'] } }), {}).statuses.find((s) => s.name === 'Review')
        ?.aliases,
    ).toContain('in audit');
    expect(() => loadRegistryConfig(project({ statusAliases: { Reviewing: ['x'] } }), {})).toThrow(
      /statusAliases: "Reviewing" is not a status/,
    );
  });

  test('BIPS_SOURCE_URL must be an http(s) URL', () => {
    expect(() => loadRegistryConfig(project(), { BIPS_SOURCE_URL: 'localhost:8080/bips' })).toThrow(/not an absolute URL/);
  });

  test('REGISTRY_CONFIG reads the settings from the registry, relative to it', () => {
    const root = project();
    writeFileSync(join(root, 'other', 'site.json'), JSON.stringify({ bipsDir: '.', name: 'Theirs', mdx: 'markdown' }));
    const c = loadRegistryConfig(root, { REGISTRY_CONFIG: 'other/site.json' });
    expect([c.bipsDir, c.name, c.mdx]).toEqual([join(root, 'other'), 'Theirs', 'markdown']);
  });
});

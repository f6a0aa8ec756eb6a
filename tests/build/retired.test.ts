/**
 * The URL guard in a real build: with a baseline of the published addresses, a build that would
 * drop one fails naming it; retiring it writes a page there (a redirect or a notice).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';

describe('retired addresses', () => {
  let dir: string;
  let failing: BuildRun;
  let passing: BuildRun;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bip-retired-'));
    cpSync(fixture('registry'), join(dir, 'bips'), { recursive: true });
    // What the live site had: a proposal since removed, and a companion at its old address.
    writeFileSync(join(dir, 'published.txt'), '/bip-1/\n/bip-2/notes/\n/bip-99/\n/bip-2/old-notes/\n');
    const settings = (retired: Record<string, string>) =>
      writeFileSync(
        join(dir, 'registry.config.json'),
        JSON.stringify({ bipsDir: 'bips', urlBaseline: 'published.txt', retired }),
      );
    settings({ '/bip-2/old-notes/': '/bip-2/notes/' });
    failing = runBuild(join(dir, 'bips'), { REGISTRY_CONFIG: join(dir, 'registry.config.json'), BIPS_DIR: '', OG_IMAGES: 'off' });
    settings({ '/bip-2/old-notes/': '/bip-2/notes/', '/bip-99/': 'BIP-99 was withdrawn in 2025 and removed; BIP-1 covers it.' });
    passing = runBuild(join(dir, 'bips'), { REGISTRY_CONFIG: join(dir, 'registry.config.json'), BIPS_DIR: '', OG_IMAGES: 'off' });
  });
  afterAll(() => {
    failing?.remove();
    passing?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a build that would drop a published address fails, naming it and where it was listed', () => {
    expect(failing.status).not.toBe(0);
    expect(failing.output).toMatch(/published\.txt:3:1: error: \/bip-99\/ was published and would be no longer; .*\[url\/lost\]/);
    expect(failing.output).not.toMatch(/\/bip-2\/old-notes\/ was published/);
  });

  test('retired, the address gets a page saying what became of it, or a redirect to where it went', () => {
    expect(passing.status, passing.output).toBe(0);
    expect(passing.output).toContain('wrote 2 pages for retired addresses');
    const notice = passing.read('bip-99/index.html');
    expect(notice).toContain('<h1>This page was removed</h1>');
    expect(notice).toContain('BIP-99 was withdrawn in 2025 and removed; BIP-1 covers it.');
    expect(passing.read('bip-2/old-notes/index.html')).toContain('<meta http-equiv="refresh" content="0; url=/bip-2/notes/">');
    // The pages the site publishes are never replaced.
    expect(passing.read('bip-2/notes/index.html')).not.toContain('http-equiv="refresh"');
  });
});

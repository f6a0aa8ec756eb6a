/**
 * Incremental builds: after one BIP changes, a rebuild renders that BIP's page and every page
 * that shows something of it (its neighbours' pagers, its companion documents, the listings it
 * is in) and copies the rest from the previous build. Run on a copy of the fixture registry.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';

/** Pages the log says were copied from the previous build rather than rendered: Astro logs a
 * copied page's path and "(restored)" together, while a rendered page's time comes later and,
 * with pages rendering four at a time, may land after another page's path. */
const reused = (b: BuildRun) => new Set([...b.output.matchAll(/ (\/\S+\.html) \((?:cached|restored)\)/g)].map((m) => m[1]!));
const listed = (b: BuildRun) => new Set([...b.output.matchAll(/├─ (\/\S+?\.html)/g)].map((m) => m[1]!));
const rendered = (b: BuildRun) => new Set([...listed(b)].filter((p) => !reused(b).has(p)));

describe('a rebuild after one BIP changed', () => {
  let work: string;
  let before: BuildRun;
  let after: BuildRun;
  let prose: BuildRun;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bip-incremental-'));
    const registry = join(work, 'registry');
    cpSync(fixture('registry'), registry, { recursive: true });
    // BUILD_LOG=pages: the log names every page, and whether it was rendered or reused.
    const env = { OG_IMAGES: 'off', BUILD_LOG: 'pages' };
    before = runBuild(registry, env);
    const file = join(registry, 'BIP-02', 'BIP-02.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('# BIP-02: Timeline Pages', '# BIP-02: Renamed Timeline'));
    after = runBuild(registry, env);
    // Then an edit of the text only: no title, status or mention changes.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Readers want a timeline.', 'Readers want a timeline, soon.'));
    prose = runBuild(registry, env);
  });
  afterAll(() => {
    before.remove();
    after.remove();
    prose.remove();
    rmSync(work, { recursive: true, force: true });
  });

  test('both builds succeed, and the second copies pages the change does not reach', () => {
    expect(before.status, before.output).toBe(0);
    expect(after.status, after.output).toBe(0);
    expect(before.read('bip-2/index.html')).toContain('Timeline Pages');
    // BIP-10's status page does not show BIP-2.
    expect(reused(after)).toContain('/status/withdrawn/index.html');
    expect(reused(after)).toContain('/type/process/index.html');
  });

  test('the changed BIP and every page showing its title are rendered again', () => {
    const again = rendered(after);
    for (const page of [
      '/bip-2/index.html',
      '/bip-1/index.html',
      '/bip-3/index.html',
      // BIP-10 requires BIP-2: its relations name it.
      '/bip-10/index.html',
      '/bip-2/notes/index.html',
      '/status/draft/index.html',
    ])
      expect(again, page).toContain(page);
    expect(after.read('bip-2/index.html')).toContain('Renamed Timeline');
    expect(after.read('bip-2/index.html')).not.toContain('Timeline Pages');
    expect(after.read('bip-1/index.html')).toMatch(/rel="next"[^>]*>[\s\S]*?Renamed Timeline/);
    expect(after.read('bip-3/index.html')).toMatch(/rel="prev"[^>]*>[\s\S]*?Renamed Timeline/);
    expect(after.read('bip-2/notes/index.html')).toContain('Renamed Timeline');
    expect(after.read('bip-10/index.html')).toMatch(/<dt>Requires<\/dt>[\s\S]*?BIP-2: Renamed Timeline/);
    expect(after.read('status/draft/index.html')).toContain('Renamed Timeline');
    expect(after.read('index.html')).toContain('Renamed Timeline');
  });

  test('an edit of the text alone re-renders its page and copies the other proposals', () => {
    expect(prose.status, prose.output).toBe(0);
    expect(rendered(prose)).toContain('/bip-2/index.html');
    expect(prose.read('bip-2/index.html')).toContain('Readers want a timeline, soon.');
    for (const page of ['/bip-1/index.html', '/bip-3/index.html', '/bip-10/index.html'])
      expect(reused(prose), page).toContain(page);
  });

  test('pages copied from the previous build are the same as when they were rendered', () => {
    expect(after.read('status/withdrawn/index.html')).toBe(before.read('status/withdrawn/index.html'));
  });
});

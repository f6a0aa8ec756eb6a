/**
 * Social cards in real builds of a copy of the fixture registry: every page's og:image is a
 * 1200×630 PNG that exists; the cache makes an unchanged rebuild render nothing and a changed
 * title re-render exactly the cards that show it; the switch turns cards off. The tests run in
 * order on one registry copy and one cache, each building on the one before.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fixture } from '../helpers.ts';
import { runBuild, type BuildRun } from './run-build.ts';

const SITE = 'https://bips.example.org';
const BASE = '/preview/';

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const renderedCount = (b: BuildRun) => Number(/OG images: (\d+) rendered/.exec(b.output)?.[1]);
const cards = (b: BuildRun) =>
  Object.fromEntries(files(join(b.outDir, 'og'), '.png').map((f) => [f, readFileSync(join(b.outDir, 'og', f))]));

describe('OG images', () => {
  let work: string;
  let registry: string;
  const env = () => ({ SITE, BASE, OG_CACHE_DIR: join(work, 'cache') });
  const builds: BuildRun[] = [];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'bip-og-'));
    registry = join(work, 'registry');
    cpSync(fixture('registry'), registry, { recursive: true });
    builds.push(runBuild(registry, env()));
  });
  afterAll(() => {
    for (const b of builds) b.remove();
    rmSync(work, { recursive: true, force: true });
  });

  test('every page points at a 1200×630 PNG that the build made, by absolute URL', () => {
    const [first] = builds;
    expect(first!.status, first!.output).toBe(0);
    expect(first!.output).toMatch(/OG images: \d+\/\d+/);
    const pages = files(first!.outDir, '.html').filter(
      (p) => !readFileSync(join(first!.outDir, p), 'utf8').includes('http-equiv="refresh"'),
    );
    expect(pages.length).toBeGreaterThan(15);
    const seen = new Set<string>();
    for (const page of pages) {
      const html = first!.read(page);
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(image, page).toMatch(new RegExp(`^${SITE}${BASE}og/.+\\.png$`));
      const file = image!.slice(`${SITE}${BASE}`.length);
      expect(pngSize(readFileSync(join(first!.outDir, file))), file).toEqual([1200, 630]);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      // The 404 page is served at any address, so it names none.
      if (page !== '404.html') expect(html, page).toMatch(new RegExp(`<meta property="og:url" content="${SITE}${BASE}`));
      else expect(html).not.toContain('og:url');
      seen.add(file);
    }
    // BIP pages have their own card with the description from the Abstract.
    const bip1 = first!.read('bip-1/index.html');
    expect(bip1).toContain(`<meta property="og:image" content="${SITE}${BASE}og/bip-1.png">`);
    expect(bip1).toContain('<meta property="og:description" content="A vote needs a quorum of three models.">');
    expect(first!.read('bip-2/notes/index.html')).toContain(`og/bip-2/notes.png"`);
    expect(first!.read('status/draft/index.html')).toContain(`og/status/draft.png"`);
    // Every card made is used by some page.
    expect([...seen].sort()).toEqual(
      files(join(first!.outDir, 'og'), '.png')
        .map((f) => `og/${f}`)
        .sort(),
    );
    expect(first!.exists('og-cards.json')).toBe(false);
  });

  test('a rebuild with nothing changed renders no image', { timeout: 120_000 }, () => {
    const second = runBuild(registry, env());
    builds.push(second);
    expect(second.status, second.output).toBe(0);
    expect(renderedCount(builds[0]!)).toBeGreaterThan(15);
    expect(renderedCount(second)).toBe(0);
    expect(cards(second)).toEqual(cards(builds[0]!));
  });

  test('a changed title re-renders exactly the cards that show it: its BIP and its companion', { timeout: 120_000 }, () => {
    const file = join(registry, 'BIP-02', 'BIP-02.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Timeline Pages', 'Timeline Pages, Renamed'));
    const third = runBuild(registry, env());
    builds.push(third);
    expect(third.status, third.output).toBe(0);
    expect(renderedCount(third)).toBe(2);
    const before = cards(builds[1]!);
    const after = cards(third);
    const changed = Object.keys(after).filter((f) => !after[f]!.equals(before[f]!));
    expect(changed.sort()).toEqual(['bip-2.png', join('bip-2', 'notes.png')]);
  });

  test('OG_IMAGES=off builds no cards and no og:image', { timeout: 120_000 }, () => {
    const off = runBuild(registry, { ...env(), OG_IMAGES: 'off' });
    builds.push(off);
    expect(off.status, off.output).toBe(0);
    expect(off.output).toContain('OG images: off');
    expect(off.exists('og')).toBe(false);
    expect(off.read('bip-1/index.html')).not.toContain('og:image');
    expect(off.read('bip-1/index.html')).toContain('<meta name="twitter:card" content="summary">');
  });
});

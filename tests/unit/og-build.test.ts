/** The card pool: cache hits, one render per distinct card, and failures that end the build. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildCards, type CardJob } from '../../src/lib/og/build.ts';
import type { CardSpec } from '../../src/lib/og/card.ts';
import { fixture } from '../helpers.ts';

const spec = (title: string): CardSpec => ({ registry: 'R', eyebrow: 'BIP-1', title, tags: [] });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bip-og-pool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (threads: number) => ({ siteDir: join(dir, 'site'), cacheDir: join(dir, 'cache'), threads });

describe('building cards', () => {
  test('identical cards on several threads render once and reach every page', { timeout: 60_000 }, async () => {
    const jobs: CardJob[] = ['a', 'b', 'c', 'd'].map((n) => ({ file: `og/${n}.png`, spec: spec('Review') }));
    jobs.push({ file: 'og/e.png', spec: spec('Other') });
    const progress: number[] = [];
    const report = await buildCards(jobs, { ...options(4), progress: (done) => progress.push(done) });
    expect(report).toMatchObject({ total: 5, rendered: 2, cached: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(join(dir, 'site', 'og')).sort()).toEqual(['a.png', 'b.png', 'c.png', 'd.png', 'e.png']);
    expect(readdirSync(join(dir, 'cache')).sort()).toHaveLength(2);
    expect(readFileSync(join(dir, 'site', 'og', 'a.png')).equals(readFileSync(join(dir, 'site', 'og', 'd.png')))).toBe(true);

    const again = await buildCards(jobs, options(4));
    expect(again).toMatchObject({ total: 5, rendered: 0, cached: 5 });
  });

  test('a render thread that dies fails the build instead of hanging it', { timeout: 60_000 }, async () => {
    const jobs: CardJob[] = ['a', 'b', 'c'].map((n) => ({ file: `og/${n}.png`, spec: spec(n) }));
    await expect(buildCards(jobs, { ...options(2), worker: fixture('og', 'exiting-worker.ts') })).rejects.toThrow(
      /render thread exited \(code 3\)/,
    );
  });
});

/** A seeded fuzz run in the suite (`npm run fuzz -- 100000` runs a long one): mutated proposals
 * through one file's path of the build, each ending with located problems and quickly. */
import { describe, expect, test } from 'vitest';
import { fuzzCase, runCase, SEEDS, WIKI_SEED } from '../../scripts/fuzz/cases.ts';

const CASES = 3000;
/** Generous for a shared CI machine (a garbage collection may land in one case); the long run
 * holds cases to 100 ms. */
const SLOW_MS = 250;

describe('fuzzing one file through the build', () => {
  test('every seed shape reads without a problem before mutation', () => {
    for (const seed of SEEDS) expect(runCase(seed).error).toBeUndefined();
  });

  test(`${CASES} seeded cases: no exception, every problem located, none slow`, () => {
    const failures: string[] = [];
    let slowest = 0;
    for (let n = 0; n < CASES; n++) {
      const text = fuzzCase(1, n);
      const r = runCase(text);
      slowest = Math.max(slowest, r.ms);
      if (r.error) failures.push(`case ${n}: ${String(r.error)}`);
      if (r.unlocated.length) failures.push(`case ${n}: unlocated ${JSON.stringify(r.unlocated[0])}`);
      if (r.ms > SLOW_MS) failures.push(`case ${n}: ${r.ms.toFixed(0)} ms (${text.length} characters)`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(slowest).toBeLessThan(SLOW_MS);
  }, 120_000);

  // The MediaWiki parser is a library whose time on hostile markup is far from linear: each case
  // must end within its deadline, read or reported, never hang.
  const WIKI_CASES = 200;
  const DEADLINE = '1';
  test(`${WIKI_CASES} MediaWiki cases: no exception, every problem located, none past the deadline`, () => {
    const before = process.env.MEDIAWIKI_DEADLINE_SECONDS;
    process.env.MEDIAWIKI_DEADLINE_SECONDS = DEADLINE;
    try {
      expect(runCase(WIKI_SEED, 'bip-0005.mediawiki').error).toBeUndefined();
      const failures: string[] = [];
      for (let n = 0; n < WIKI_CASES; n++) {
        const r = runCase(fuzzCase(1, n, 'mediawiki'), 'bip-0005.mediawiki');
        if (r.error) failures.push(`case ${n}: ${String(r.error)}`);
        if (r.unlocated.length) failures.push(`case ${n}: unlocated ${JSON.stringify(r.unlocated[0])}`);
        // The deadline, and time for the checks around the parser on a busy machine.
        if (r.ms > Number(DEADLINE) * 1000 + 2_000) failures.push(`case ${n}: ${r.ms.toFixed(0)} ms`);
      }
      expect(failures.slice(0, 10)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.MEDIAWIKI_DEADLINE_SECONDS;
      else process.env.MEDIAWIKI_DEADLINE_SECONDS = before;
    }
  }, 300_000);
});

/** A seeded fuzz run in the suite (`npm run fuzz -- 100000` runs a long one): mutated proposals
 * through one file's path of the build, each ending with located problems and quickly. */
import { describe, expect, test } from 'vitest';
import { fuzzCase, runCase, SEEDS } from '../../scripts/fuzz/cases.ts';

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
});

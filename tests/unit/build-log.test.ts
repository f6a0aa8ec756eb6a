import { describe, expect, test } from 'vitest';
import { foldPages } from '../../src/lib/build/log.ts';

type Msg = { label: string | null; level: 'info'; message: string; newLine: boolean };
const page = (path: string): Msg => ({
  label: null,
  level: 'info',
  message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`,
  newLine: false,
});
const took = (what: string): Msg => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` \u001b[2m(${what})\u001b[22m`,
  newLine: true,
});
const other = (label: string | null, message: string): Msg => ({ label, level: 'info', message, newLine: true });
const done = other(null, '\u001b[32m✓ Completed in 4.20s.\u001b[39m');

/** Feeds messages one millisecond-stamp each and returns what the fold writes, as text. */
function run(messages: [Msg, number][], every = 3000): string[] {
  const fold = foldPages(every);
  return messages.flatMap(([m, now]) => fold.take(m, now)).map((m) => (m.label ? `[${m.label}] ${m.message}` : m.message));
}

describe('the build log', () => {
  test('page lines and their times become one summary line before the phase ends', () => {
    expect(
      run([
        [other('build', 'Building static entrypoints...'), 0],
        [other(null, '\u001b[2m▶ src/pages/[...proposal].astro\u001b[22m'), 10],
        [page('/bip-1/index.html'), 10],
        [took('+12ms'), 22],
        [page('/bip-2/index.html'), 22],
        [took('cached'), 23],
        [page('/bip-3/index.html'), 23],
        [took('restored'), 24],
        [done, 1510],
      ]),
    ).toEqual([
      '[build] Building static entrypoints...',
      '[build] routes: 3 (1 rendered, 2 unchanged) in 1.5 s',
      '\u001b[32m✓ Completed in 4.20s.\u001b[39m',
    ]);
  });

  test('pages rendered several at a time: each time belongs to an open page line; other lines pass', () => {
    expect(
      run([
        [page('/a/index.html'), 0],
        [page('/b/index.html'), 1],
        [other('bip-registry', 'history: 6 commits'), 2],
        [took('+3ms'), 3],
        [took('+4ms'), 4],
        [done, 100],
      ]),
    ).toEqual(['[bip-registry] history: 6 commits', '[build] routes: 2 (2 rendered) in 0.1 s', done.message]);
  });

  test('a long phase reports progress every interval, not every page', () => {
    const messages: [Msg, number][] = [];
    for (let i = 0; i < 1000; i++) messages.push([page(`/p${i}/index.html`), i * 10], [took('+9ms'), i * 10 + 9]);
    messages.push([done, 10_000]);
    const out = run(messages, 3000);
    expect(out.filter((l) => l.includes('so far'))).toEqual([
      '[build] routes: 301 so far (3.0 s)',
      '[build] routes: 601 so far (6.0 s)',
      '[build] routes: 901 so far (9.0 s)',
    ]);
    expect(out.at(-2)).toBe('[build] routes: 1,000 (1,000 rendered) in 10.0 s');
  });

  test('a time with no page line before it, and a Completed line with no pages, pass as written', () => {
    expect(
      run([
        [took('+1ms'), 0],
        [done, 1],
      ]),
    ).toEqual(['[SKIP_FORMAT]  \u001b[2m(+1ms)\u001b[22m', done.message]);
  });
});

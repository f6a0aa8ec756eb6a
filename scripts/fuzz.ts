/**
 * npm run fuzz -- [cases] [--seed N] [--mediawiki]
 * A long fuzz run (scripts/fuzz/cases.ts): mutated proposals through one file's path of the
 * build. Prints the figures, and every case that threw, left a problem without a line, or took
 * too long (with its seed and number, to replay it); exits 1 when there is one. Markdown cases
 * must end within 100 ms; MediaWiki cases (--mediawiki) within the parser's deadline
 * (MEDIAWIKI_DEADLINE_SECONDS, which this run lowers to 2 s unless it is set) and a second.
 */
import { fuzzCase, runCase, type Family } from './fuzz/cases.ts';
import { deadlineSeconds } from '../src/lib/render/wiki-thread.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const seed = Number(option('--seed') ?? Date.now() % 1_000_000);
const count = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--seed') ?? 10_000);
const family: Family = args.includes('--mediawiki') ? 'mediawiki' : 'markdown';
const fileName = family === 'mediawiki' ? 'bip-0005.mediawiki' : 'bip-0005.md';
if (family === 'mediawiki') process.env.MEDIAWIKI_DEADLINE_SECONDS ??= '2';
const deadlineMs = deadlineSeconds() * 1000;
const LIMIT_MS = family === 'mediawiki' ? deadlineMs + 1000 : 100;

const times: number[] = [];
const bad: string[] = [];
let characters = 0;
let timedOut = 0;
const started = performance.now();
for (let n = 0; n < count; n++) {
  const text = fuzzCase(seed, n, family);
  characters += text.length;
  const r = runCase(text, fileName);
  times.push(r.ms);
  if (r.ms >= deadlineMs) timedOut++;
  const at = `seed ${seed} case ${n} (${text.length} characters)`;
  if (r.error) bad.push(`${at}: threw ${r.error instanceof Error ? (r.error.stack ?? r.error.message) : String(r.error)}`);
  if (r.unlocated.length) bad.push(`${at}: a problem without a line: ${JSON.stringify(r.unlocated[0])}`);
  if (r.ms > LIMIT_MS) bad.push(`${at}: ${r.ms.toFixed(0)} ms`);
  if ((n + 1) % 10_000 === 0) console.error(`… ${n + 1} cases`);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
const over = (ms: number) => times.filter((t) => t > ms).length;
console.log(
  `${count} ${family} cases (seed ${seed}), ${(characters / 1e6).toFixed(1)} M characters, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`per case: median ${q(0.5)} ms, 99th percentile ${q(0.99)} ms, slowest ${q(1)} ms; ${over(100)} over 100 ms`);
if (family === 'mediawiki') console.log(`${timedOut} reported as not read within the ${deadlineMs / 1000} s deadline`);
console.log(`${bad.length} failures (exceptions, unlocated problems, cases over ${LIMIT_MS} ms)`);
for (const line of bad.slice(0, 50)) console.log(line);
process.exitCode = bad.length ? 1 : 0;

/**
 * npm run bench -- [--sizes 1000,10000] [--runs 1] [--no-peers] [--keep DIR]
 *
 * Builds the benchmark corpus (scripts/bench/corpus.ts) at each size and prints one table row per
 * build: pages + search cold (OG cards off), full cold (empty content and card caches), full warm
 * after editing one proposal (caches kept), Astro alone writing as many near-empty pages (the
 * floor of any Astro site), and Hugo and Jekyll on the same files when they are installed. Time
 * is wall time of the whole command; memory is the peak resident set of the build process (GNU
 * time's %M when /usr/bin/time exists, else the process's own maxRSS). Medians when --runs is
 * more than 1. Numbers are measurements, not assertions: no test depends on them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { writeHugoSite, writeJekyllSite, writeRegistry } from './bench/corpus.ts';

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';
const RSS_HOOK =
  "data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const sizes = (option('sizes') ?? '1000').split(',').map(Number);
const runs = Number(option('runs') ?? 1);
const peers = !process.argv.includes('--no-peers');
const work = option('keep') ? resolve(option('keep')!) : mkdtempSync(join(tmpdir(), 'bip-bench-'));

interface Measure {
  seconds: number;
  rssMb: number;
  ok: boolean;
  log: string;
}

/** Runs a command once, timed as a whole process. */
function measure(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Measure {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true });
  const gnu = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const result = spawnSync(gnu ? GNU_TIME : cmd, gnu ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RSS_FILE: rssFile, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) console.error(log.slice(-3000));
  const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: kb / 1024, ok: result.status === 0, log };
}

function median(list: Measure[]): Measure {
  const sorted = [...list].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return { ...mid, rssMb: Math.max(...list.map((m) => m.rssMb)), ok: list.every((m) => m.ok) };
}

function astroBuild(bipsDir: string, opts: { force: boolean; og: boolean; ogCache: string }): Measure {
  const out = join(work, 'dist');
  rmSync(out, { recursive: true, force: true });
  // Without GNU time, the build process records its own peak memory as it exits.
  const hook = existsSync(GNU_TIME) ? [] : ['--import', RSS_HOOK];
  return measure(process.execPath, [...hook, astro, 'build', '--outDir', out, ...(opts.force ? ['--force'] : [])], root, {
    BIPS_DIR: bipsDir,
    OG_IMAGES: opts.og ? 'on' : 'off',
    OG_CACHE_DIR: opts.ogCache,
  });
}

/** A bare Astro project with one route of `count` pages, using this project's Astro. */
function writeFloorSite(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default { build: { concurrency: 4 } };\n');
  writeFileSync(
    join(dir, 'src', 'pages', '[n].astro'),
    `---\nexport const getStaticPaths = () => Array.from({ length: ${count} }, (_, i) => ({ params: { n: String(i + 1) } }));\nconst { n } = Astro.params;\n---\n<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1><p>Nothing else.</p></body></html>\n`,
  );
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const rows: string[] = [];
const row = (size: number, build: string, m: Measure, extra = '') =>
  rows.push(
    `| ${size.toLocaleString('en')} | ${build}${m.ok ? '' : ' (FAILED)'} | ${m.seconds.toFixed(1)} | ${Math.round(m.rssMb)} | ${extra} |`,
  );
const pagesOf = (log: string) => /(\d+) page\(s\) built/.exec(log)?.[1] ?? '';

for (const size of sizes) {
  const corpus = join(work, `corpus-${size}`);
  const bips = join(corpus, 'bips');
  console.error(`writing ${size} proposals…`);
  writeRegistry(bips, size);
  const repeat = (f: () => Measure) => median(Array.from({ length: runs }, f));

  const ogCacheOff = join(corpus, 'og-off');
  const pages = repeat(() => astroBuild(bips, { force: true, og: false, ogCache: ogCacheOff }));
  row(size, 'this project, pages + search, cold', pages, `${pagesOf(pages.log)} pages`);

  const ogCache = join(corpus, 'og-cache');
  const full = repeat(() => {
    rmSync(ogCache, { recursive: true, force: true });
    return astroBuild(bips, { force: true, og: true, ogCache });
  });
  row(size, 'this project, full, cold', full, `${pagesOf(full.log)} pages`);

  let edits = 0;
  const warm = repeat(() => {
    appendFileSync(join(bips, 'bip-0001.md'), `\nAn edit, number ${++edits}.\n`);
    return astroBuild(bips, { force: false, og: true, ogCache });
  });
  row(size, 'this project, full, after editing one proposal', warm, `${pagesOf(warm.log)} pages`);

  // The floor: Astro itself writing as many pages, each a title and a paragraph, nothing else.
  const floor = join(work, 'astro-floor');
  writeFloorSite(floor, size);
  const empty = repeat(() => measure(process.execPath, [astro, 'build'], floor));
  row(size, 'Astro alone, the same number of near-empty pages', empty, `${pagesOf(empty.log)} pages`);

  if (peers && has('hugo')) {
    const site = join(corpus, 'hugo');
    writeHugoSite(site, size);
    const m = repeat(() => measure('hugo', ['--quiet', '-d', join(work, 'hugo-out')], site));
    row(size, 'Hugo (pages, index, status and category pages)', m);
  }
  if (peers && has('jekyll')) {
    const site = join(corpus, 'jekyll');
    writeJekyllSite(site, size);
    const m = repeat(() => measure('jekyll', ['build', '--quiet', '-d', join(work, 'jekyll-out')], site));
    row(size, 'Jekyll (pages, index)', m);
  }
  rmSync(corpus, { recursive: true, force: true });
}

console.log(`| proposals | build | time (s) | peak RSS (MB) | notes |\n| ---: | --- | ---: | ---: | --- |\n${rows.join('\n')}`);
if (!option('keep')) rmSync(work, { recursive: true, force: true });

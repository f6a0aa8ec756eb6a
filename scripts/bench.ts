/**
 * npm run bench -- [registry-folder…]
 * Builds each registry twice (cold with an empty content cache and OG image cache, then warm) and
 * prints wall time, peak memory (max RSS of the build process) and the time spent on OG images. Without arguments: the bundled bips/ and a
 * generated 1,000-BIP registry. Numbers are measurements, not assertions; no test depends on them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
// Written by the build process itself as it exits: its own peak resident memory, in kilobytes.
const RSS_HOOK =
  "data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.BENCH_RSS_FILE,String(process.resourceUsage().maxRSS)))";

function build(bipsDir: string, force: boolean, ogCache: string): { seconds: number; rssMb: number; ok: boolean; og: string } {
  const work = mkdtempSync(join(tmpdir(), 'bip-bench-'));
  const rssFile = join(work, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['--import', RSS_HOOK, astro, 'build', '--outDir', join(work, 'dist'), ...(force ? ['--force'] : [])],
    {
      cwd: root,
      env: { ...process.env, BIPS_DIR: bipsDir, BENCH_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', OG_CACHE_DIR: ogCache },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  if (result.status !== 0) console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
  rmSync(work, { recursive: true, force: true });
  const og = /OG images: (\d+) rendered, (\d+) from cache, \d+ in all \(([\d.]+) s\)/.exec(result.stdout);
  return { seconds, rssMb, ok: result.status === 0, og: og ? `${og[3]} s (${og[1]} rendered, ${og[2]} cached)` : 'off' };
}

let targets = process.argv.slice(2).map((p) => resolve(p));
if (targets.length === 0) {
  const generated = join(tmpdir(), 'bip-bench-1000');
  spawnSync(process.execPath, [join(root, 'scripts', 'generate-registry.ts'), generated, '1000'], { stdio: 'inherit' });
  targets = [join(root, 'bips'), generated];
}

console.log('| registry | run | time (s) | peak RSS (MB) | OG images |\n| --- | --- | ---: | ---: | ---: |');
for (const dir of targets) {
  const ogCache = mkdtempSync(join(tmpdir(), 'bip-bench-og-'));
  for (const [label, force] of [
    ['cold', true],
    ['warm', false],
  ] as const) {
    const r = build(dir, force, ogCache);
    console.log(`| ${dir} | ${label}${r.ok ? '' : ' (FAILED)'} | ${r.seconds.toFixed(1)} | ${r.rssMb.toFixed(0)} | ${r.og} |`);
  }
  rmSync(ogCache, { recursive: true, force: true });
}

/**
 * npm run bench:search -- [registry-folder…] [--query word]
 * What search costs a reader: builds each registry, then reports the size of its search index
 * and, in Chromium, the bytes fetched by a page that is not searching, by the first query typed
 * in the header box, and by the first query on the search page (which also loads facet counts).
 * "gzip" is what a host that compresses text sends; Pagefind's index files are compressed already.
 * Without arguments: the bundled bips/ and a generated 1,000-BIP registry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { browserSupport, launchBrowser, serveSite } from '../tests/browser/harness.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const queryAt = args.indexOf('--query');
const query = queryAt >= 0 ? args.splice(queryAt, 2)[1]! : 'ledger';
let targets = args.map((p) => resolve(p));
if (targets.length === 0) {
  const generated = join(tmpdir(), 'bip-bench-1000');
  spawnSync(process.execPath, [join(root, 'scripts', 'generate-registry.ts'), generated, '1000'], { stdio: 'inherit' });
  targets = [join(root, 'bips'), generated];
}
const support = browserSupport();
if (support.skip) console.warn(`Only index sizes: ${support.skip}`);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Raw and as-sent sizes of the files behind a list of requested paths. */
function cost(dist: string, paths: string[]): { files: number; raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const file = join(dist, p.endsWith('/') ? `${p}index.html` : p);
    const data = readFileSync(file);
    raw += data.length;
    gzip += /\.pf_\w+$/.test(file) ? data.length : gzipSync(data).length;
  }
  return { files: paths.length, raw, gzip };
}

const line = (label: string, c: { files: number; raw: number; gzip: number }) =>
  `  ${label.padEnd(34)} ${String(c.files).padStart(3)} files  ${kb(c.raw).padStart(10)}  (gzip ${kb(c.gzip)})`;

for (const dir of targets) {
  const dist = mkdtempSync(join(tmpdir(), 'bip-search-bench-'));
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dist],
    {
      cwd: root,
      env: { ...process.env, BIPS_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (built.status !== 0) {
    console.error(`${dir}: build failed\n${built.stderr.slice(-2000)}`);
    continue;
  }
  const indexFiles = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(dist, 'pagefind', f)).isFile(),
  );
  const indexBytes = indexFiles.reduce((n, f) => n + statSync(join(dist, 'pagefind', f)).size, 0);
  console.log(
    `${dir}\n  ${/search index: .*/.exec(built.stdout)?.[0] ?? ''}; on disk ${indexFiles.length} files, ${kb(indexBytes)}`,
  );

  if (support.executable) {
    const site = await serveSite(dist, '/');
    const browser = await launchBrowser(support.executable);
    const page = await browser.newPage();
    const seen = () => site.requests.splice(0).filter((p) => !p.endsWith('.html') && !p.endsWith('/'));
    await page.goto(site.url('bip-1/'));
    await page.waitForLoadState('networkidle');
    console.log(
      line(
        'a BIP page, before searching (JS)',
        cost(
          dist,
          seen().filter((p) => p.endsWith('.js')),
        ),
      ),
    );
    await page.fill('#site-search-q', query);
    await page.locator('.quick-results .hit').first().waitFor();
    await page.waitForLoadState('networkidle');
    console.log(line(`first query "${query}", header box`, cost(dist, seen())));
    const fresh = await browser.newPage();
    await fresh.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
    await fresh.locator('[data-search-page][data-state="ready"]').waitFor();
    await fresh.waitForLoadState('networkidle');
    console.log(
      line(
        `first query "${query}", search page`,
        cost(
          dist,
          seen().filter((p) => !p.endsWith('.css')),
        ),
      ),
    );
    await browser.close();
    await site.close();
  }
  rmSync(dist, { recursive: true, force: true });
}

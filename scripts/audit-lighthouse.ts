/**
 * npm run audit:lighthouse -- [--dist <built-site> | --registry <folder>] [--min 0-100] [--reports <folder>]
 *
 * Audits a built site with Lighthouse in Chromium: the index, the lowest-numbered proposal's page
 * (from the build's bips.json) and /search/, each with Lighthouse's desktop preset and its default
 * mobile configuration, in all four categories. Builds the bundled bips/ (or --registry) into a
 * temporary folder first, with the environment as given (OG_IMAGES=off skips the cards), unless
 * --dist names a site already built. The site is served on 127.0.0.1 as a static host serves it
 * (compressed text, the site's 404 page). Prints a markdown table of the scores with CLS and LCP,
 * then, for every score below 100, the audits that failed, with their values and the elements or
 * files they name. Exits 1 when a score is below --min (default 100); --min 0 only reports.
 * --reports also writes each run's full report there, as HTML and JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import lighthouse, { desktopConfig, generateReport, type Result } from 'lighthouse';
import { callerDir } from '../src/lib/config.ts';
import {
  belowMin,
  CATEGORIES,
  formatFailures,
  formatNotes,
  formatTable,
  pagesToAudit,
  parseArgs,
  reportName,
  summarize,
  USAGE,
  type FormFactor,
  type Manifest,
  type Row,
} from './lighthouse/report.ts';

const root = resolve(import.meta.dirname, '..');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const FORM_FACTORS: FormFactor[] = ['desktop', 'mobile'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};
/** Types a static host compresses; Pagefind's index files come compressed already. */
const COMPRESSED = /^(text\/|application\/(json|xml)|image\/svg)/;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function chromiumPath(): string {
  const looked = [process.env.CHROMIUM_PATH, ...CANDIDATES].filter((p): p is string => !!p);
  return looked.find((p) => existsSync(p)) ?? fail(`no Chromium found (looked at ${looked.join(', ')}; set CHROMIUM_PATH)`);
}

/** `astro build` of a registry folder into a new temporary folder; its build log goes to stderr. */
function build(registry: string): string {
  const out = mkdtempSync(join(tmpdir(), 'bip-lighthouse-site-'));
  console.error(`building ${registry}…`);
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out],
    {
      cwd: root,
      env: { ...process.env, BIPS_DIR: registry, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 2, 2],
    },
  );
  if (result.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    fail(`the build of ${registry} failed`, 1);
  }
  return out;
}

type Lookup = { file: string } | { redirect: string } | { missing: true };

/** What a request path names under the base: a file, a folder's index.html, or a folder without
 * its closing slash (redirected, as a static host does). */
function lookup(dir: string, base: string, path: string): Lookup {
  const rel = path.startsWith(base) ? normalize(path.slice(base.length)) : '..';
  const target = join(dir, rel);
  if (rel.startsWith('..') || !`${target}${sep}`.startsWith(`${dir}${sep}`) || !existsSync(target)) return { missing: true };
  if (!statSync(target).isDirectory()) return { file: target };
  if (!path.endsWith('/')) return { redirect: `${path}/` };
  const index = join(target, 'index.html');
  return existsSync(index) ? { file: index } : { missing: true };
}

/** A request's decoded path; one that does not decode names nothing. */
function requestPath(url = '/'): string {
  try {
    return decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return '/..';
  }
}

/** Serves a built site at its base, its text compressed, with the site's 404 page for anything missing. */
async function serve(dir: string, base: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const found = lookup(dir, base, requestPath(req.url));
    if ('redirect' in found) {
      res.writeHead(301, { Location: found.redirect }).end();
      return;
    }
    const file = 'file' in found ? found.file : join(dir, '404.html');
    const type = 'file' in found ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html']!;
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead('file' in found ? 200 : 404, {
      'Content-Type': type,
      Vary: 'Accept-Encoding',
      ...(gzip && { 'Content-Encoding': 'gzip' }),
    });
    if (!existsSync(file)) res.end('not found');
    else if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Starts Chromium with a fresh profile and its DevTools port on a free port, for Lighthouse to drive. */
async function launchChromium(executable: string): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'bip-lighthouse-profile-'));
  const args = [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'];
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its debugging port:\n${log}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      if (log.length < 20_000) log += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${log}`)));
  });
  return {
    port,
    close: async () => {
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run of a page in one form factor, all four categories. */
async function audit(url: string, formFactor: FormFactor, port: number): Promise<Result> {
  const result = await lighthouse(
    url,
    { port, hostname: '127.0.0.1', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  return result.lhr;
}

/** Writes a run's full report, to open in a browser (HTML) or Lighthouse's viewer (JSON). */
function writeReport(folder: string, name: string, lhr: Result): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.html`), generateReport(lhr, 'html'));
  writeFileSync(join(folder, `${name}.json`), JSON.stringify(lhr));
}

const options = parseArgs(process.argv.slice(2));
if ('error' in options) fail(`${options.error}\n${USAGE}`);
const executable = chromiumPath();
const built = options.dist === undefined;
const dir = options.dist
  ? resolve(callerDir(), options.dist)
  : build(resolve(callerDir(), options.registry ?? join(root, 'bips')));
const manifestFile = join(dir, 'bips.json');
if (!existsSync(manifestFile)) fail(`${dir} has no bips.json: is it a site built by this project?`);
const { base, pages } = pagesToAudit(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest);

const { origin, server } = await serve(dir, base);
const chromium = await launchChromium(executable);
const rows: Row[] = [];
const reports = options.reports && resolve(callerDir(), options.reports);
try {
  for (const page of pages) {
    for (const formFactor of FORM_FACTORS) {
      console.error(`auditing ${page} (${formFactor})…`);
      const lhr = await audit(`${origin}${page}`, formFactor, chromium.port);
      if (reports) writeReport(reports, reportName(page, base, formFactor), lhr);
      rows.push(summarize(page, formFactor, lhr));
    }
  }
} finally {
  await chromium.close();
  server.close();
  if (built) rmSync(dir, { recursive: true, force: true });
}

console.log(`${formatTable(rows)}\n\n${formatNotes(rows)}`);
const failures = formatFailures(rows);
if (failures) console.log(`\nBelow 100, the audits that failed:\n\n${failures}`);
const low = belowMin(rows, options.min);
if (low.length > 0) fail(`\n${low.length} score(s) below ${options.min}:\n${low.join('\n')}`, 1);

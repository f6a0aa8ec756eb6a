/**
 * The browser-test harness: Debian's Chromium driven by playwright-core against a built site
 * served on localhost, under any base path. Later UI tests reuse it.
 *
 * Without a Chromium the browser tests are skipped with a one-line reason, except in CI
 * (CI=true), where a missing browser is a failure: CI installs it (.ci/run).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { runBuild, type BuildRun } from '../build/run-build.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The flags this harness starts Chromium with: headless, and no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export interface BrowserSupport {
  executable?: string;
  /** Why the browser tests cannot run here, when they cannot. */
  skip?: string;
}

export function browserSupport(env: NodeJS.ProcessEnv = process.env): BrowserSupport {
  const looked = [env.CHROMIUM_PATH, ...CANDIDATES].filter((p): p is string => !!p);
  const executable = looked.find((p) => existsSync(p));
  if (executable) return { executable };
  // Debian's chromium package is a real browser; on Ubuntu the same package name installs a snap
  // stub that does not run in containers, so point CHROMIUM_PATH at a browser there.
  const reason = `no Chromium found (looked at ${looked.join(', ')}; set CHROMIUM_PATH or apt-get install chromium)`;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') throw new Error(`browser tests cannot be skipped in CI: ${reason}`);
  return { skip: reason };
}

export function launchBrowser(executable: string): Promise<Browser> {
  return chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Site {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The absolute URL of a path under the base: `url('search/')`. */
  url: (path?: string) => string;
  /** Every path requested so far, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** Serves a built site at `base` the way a static host does: `dir/index.html` for `dir/`, the
 * site's 404 page for anything else. */
export async function serveSite(dir: string, base = '/'): Promise<Site> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!);
    requests.push(path);
    const rel = path.startsWith(base) ? normalize(path.slice(base.length)) : undefined;
    let file = rel === undefined || rel.startsWith('..') ? undefined : join(dir, rel);
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!file || !file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      const notFound = join(dir, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p = '') => `${origin}${base}${p.replace(/^\//, '')}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now, or all of them. */
export async function axeViolations(page: Page, impacts: 'serious' | 'all' = 'serious'): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
  return results.violations
    .filter((v) => impacts === 'all' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

export interface BuiltSite {
  build: BuildRun;
  site: Site;
  browser: Browser;
  /** Closes the browser and the server and removes the build. */
  close: () => Promise<void>;
}

/** Builds a registry (a real `astro build`), serves it at `base` and starts Chromium. */
export async function openBuiltSite(executable: string, bipsDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const build = runBuild(bipsDir, env);
  if (build.status !== 0) {
    build.remove();
    throw new Error(`the build of ${bipsDir} failed:\n${build.output}`);
  }
  const site = await serveSite(build.outDir, env.BASE || '/');
  const browser = await launchBrowser(executable);
  return {
    build,
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
      build.remove();
    },
  };
}

/** Runs a real `astro build` of a registry folder into a fresh output folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { projectRoot } from '../helpers.ts';

export interface BuildRun {
  status: number | null;
  output: string;
  outDir: string;
  read: (path: string) => string;
  exists: (path: string) => boolean;
  remove: () => void;
}

/** The parent environment without what Vitest adds (NODE_ENV=test, MODE, BASE_URL…), which
 * would otherwise leak into the build's Vite environment, and without what a CI or host sets
 * about deploys (GITHUB_*, Netlify's CONTEXT, VERCEL_*…): a test build is a preview only when
 * the test says so. */
const STRIPPED =
  /^(VITEST|NODE_ENV$|MODE$|BASE_URL$|PROD$|DEV$|SSR$|TEST$|GITHUB_|VERCEL_|CF_PAGES|CONTEXT$|REVIEW_ID$|DEPLOY_PRIME_URL$|URL$|PREVIEW|PR_|COMMIT_|OG_)/;
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !STRIPPED.test(k)) out[k] = v;
  }
  return out;
}

export function runBuild(bipsDir: string, env: Record<string, string> = {}): BuildRun {
  const outDir = mkdtempSync(join(tmpdir(), 'bip-build-'));
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: projectRoot,
    env: { ...cleanEnv(), BIPS_DIR: bipsDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', BASE: '', SITE: '', ...env },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (p) => readFileSync(join(outDir, p), 'utf8'),
    exists: (p) => existsSync(join(outDir, p)),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

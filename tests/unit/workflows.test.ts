/**
 * The GitHub workflows cannot run here, so they are checked as data: valid YAML, the steps each
 * one needs, only npm scripts that exist, and CI doing what `.ci/run` does.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../helpers.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[]; needs?: string }>;
}

const read = (name: string) => parse(readFileSync(join(projectRoot, '.github', 'workflows', name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const commands = (text: string) => [...text.matchAll(/\bnpm (ci|test|run [\w:-]+)/g)].map((m) => m[1]!);
const scripts = Object.keys((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: object }).scripts);

describe.each(['ci.yml', 'deploy.yml', 'preview.yml'])('%s', (file) => {
  const w = read(file);
  test('is a workflow whose jobs each run on a runner and every step uses an action or runs a command', () => {
    expect(w.name).toBeTruthy();
    expect(Object.keys(w.on).length).toBeGreaterThan(0);
    for (const job of Object.values(w.jobs)) {
      expect(job['runs-on']).toBe('ubuntu-latest');
      for (const step of job.steps) expect(!!step.uses !== !!step.run, JSON.stringify(step)).toBe(true);
    }
  });
  test('runs only npm scripts that exist, on Node 24', () => {
    for (const cmd of steps(w).flatMap((s) => (s.run ? commands(s.run) : []))) {
      if (cmd.startsWith('run ')) expect(scripts, cmd).toContain(cmd.slice(4));
    }
    const node = steps(w).find((s) => s.uses?.startsWith('actions/setup-node@'));
    if (node) expect(node.with?.['node-version']).toBe(24);
  });
});

describe('what each workflow is for', () => {
  test('CI runs on pull requests and does what .ci/run does, in the same order', () => {
    const ci = read('ci.yml');
    expect(Object.keys(ci.on)).toContain('pull_request');
    const fromWorkflow = steps(ci).flatMap((s) => (s.run ? commands(s.run) : []));
    const fromScript = commands(readFileSync(join(projectRoot, '.ci', 'run'), 'utf8'));
    expect(fromWorkflow).toEqual(fromScript);
  });

  test('deploy publishes main to GitHub Pages under the repository path', () => {
    const d = read('deploy.yml');
    expect(d.on).toHaveProperty('push.branches', ['main']);
    expect(d.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const uses = steps(d).map((s) => s.uses ?? '');
    expect(uses.some((u) => u.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(uses.some((u) => u.startsWith('actions/configure-pages@'))).toBe(true);
    const build = steps(d).find((s) => s.run === 'npm run build')!;
    expect(build.env).toMatchObject({
      SITE: '${{ steps.pages.outputs.origin }}',
      BASE: '${{ steps.pages.outputs.base_path }}/',
      OG_CACHE_DIR: '.og-cache',
      ASTRO_CACHE_DIR: '.astro-cache',
    });
    const cached = String(steps(d).find((s) => s.uses?.startsWith('actions/cache@'))?.with?.path).split('\n');
    expect(cached).toEqual(expect.arrayContaining(['.og-cache', '.astro-cache']));
  });

  test('preview builds each pull request under /pr-<n>/ with full history and uploads it', () => {
    const p = read('preview.yml');
    expect(Object.keys(p.on)).toEqual(['pull_request']);
    expect(steps(p).find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const build = steps(p).find((s) => s.run === 'npm run build')!;
    expect(build.env?.BASE).toBe('/pr-${{ github.event.pull_request.number }}/');
    expect(build.env?.PREVIEW_BASE_REF).toBe('origin/${{ github.base_ref }}');
    expect(steps(p).some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
  });
});

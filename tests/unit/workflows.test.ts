/**
 * The GitHub workflows cannot run here, so they are checked as data: valid YAML, the steps each
 * one needs, only npm scripts that exist, and CI doing what `.ci/run` does.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../helpers.ts';
import { COMMANDS } from '../../scripts/cli.ts';

/** Where the preview action keeps previews on the gh-pages branch (its default). */
const UMBRELLA = 'pr-preview';

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

  test("deploy builds main with the repository's own action and commits it to gh-pages beside the previews", () => {
    const d = read('deploy.yml');
    expect(d.on).toHaveProperty('push.branches', ['main']);
    expect(d.permissions).toMatchObject({ contents: 'write' });
    expect(steps(d).find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const site = steps(d).find((s) => s.uses === './')!;
    expect(site.with).toMatchObject({ registry: 'bips', base: '/${{ github.event.repository.name }}/' });
    const publish = steps(d).find((s) => s.uses?.startsWith('JamesIves/github-pages-deploy-action@'))!;
    expect(publish.with).toMatchObject({ folder: 'dist', branch: 'gh-pages', 'clean-exclude': `${UMBRELLA}/`, force: false });
  });

  test('preview deploys each pull request under pr-preview/pr-<n>/ and removes it when it closes', () => {
    const p = read('preview.yml');
    expect(p.on).toHaveProperty('pull_request.types', expect.arrayContaining(['opened', 'synchronize', 'closed']));
    expect(p.permissions).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
    expect(steps(p).find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const site = steps(p).find((s) => s.uses === './') as Step & { if?: string };
    expect(site.if).toBe("github.event.action != 'closed'");
    // The build's base is the address the preview action deploys it to.
    expect(site.with?.base).toBe(`/\${{ github.event.repository.name }}/${UMBRELLA}/pr-\${{ github.event.number }}/`);
    const deploy = steps(p).find((s) => s.uses?.startsWith('rossjrw/pr-preview-action@')) as Step & { if?: string };
    expect(deploy.with).toMatchObject({ 'source-dir': 'dist', 'umbrella-dir': UMBRELLA });
    expect(deploy.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
  });
});

// --- The action a registry uses, and the workflow the README gives for it. ---

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; steps: (Step & { if?: string; shell?: string })[] };
}
const action = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as Action;
const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

/** The workflow of the README's "Use it in your registry" section. */
function readmeWorkflow(): Workflow {
  const section = readme.slice(readme.indexOf('## Use it in your registry'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no workflow in "Use it in your registry"');
  return parse(block[1]!) as Workflow;
}

describe('action.yml', () => {
  const text = readFileSync(join(projectRoot, 'action.yml'), 'utf8');

  test('is a composite action whose every input is described, used, and every input used is declared', () => {
    expect(action.runs.using).toBe('composite');
    const declared = Object.keys(action.inputs);
    const used = [...new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!))];
    expect(used.sort()).toEqual([...declared].sort());
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toBeTruthy();
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.run).toBe('bash');
  });

  test('runs only commands and flags the CLI has', () => {
    const runs = action.runs.steps.map((s) => s.run ?? '').join('\n');
    const calls = [...runs.matchAll(/cli \}\}" (\w+)/g)].map((m) => m[1]!);
    expect(calls).toEqual(['lint', 'build', 'check']);
    for (const name of calls) expect(COMMANDS, name).toHaveProperty(name);
    // The flags of the CLI's command lines: the argument arrays and the calls themselves.
    const cliLines = runs.split('\n').filter((l) => l.includes('args') || l.includes('cli }}'));
    const flags = new Set(cliLines.flatMap((l) => [...l.matchAll(/(?:^|[\s(])--([\w-]+)/g)].map((m) => m[1]!)));
    expect(flags.size).toBeGreaterThan(5);
    const known = new Set(Object.values(COMMANDS).flatMap((c) => Object.keys(c.options)));
    for (const flag of flags) expect(known, flag).toContain(flag);
  });

  test('installs the generator where the action is checked out, and uploads only when asked', () => {
    const install = action.runs.steps.find((s) => s.run?.startsWith('npm ci'))!;
    expect((install as { 'working-directory'?: string })['working-directory']).toBe('${{ github.action_path }}');
    const uploads = action.runs.steps.filter((s) => s.uses?.startsWith('actions/upload-'));
    expect(uploads.map((s) => s.if)).toEqual(["inputs.upload == 'pages'", "inputs.upload == 'artifact'"]);
  });
});

describe("the README's workflow for a registry", () => {
  const w = readmeWorkflow();
  const all = steps(w) as (Step & { if?: string })[];
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

  test('lints and builds pushes and pull requests, with the permissions its deploys need', () => {
    expect(w.on).toHaveProperty('push.branches', ['main']);
    expect(w.on).toHaveProperty('pull_request.types', expect.arrayContaining(['opened', 'synchronize', 'closed']));
    expect(w.permissions).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
    for (const job of Object.values(w.jobs)) expect(job['runs-on']).toBe('ubuntu-latest');
  });

  test('uses this action at the current version, with inputs it has', () => {
    const site = all.find((s) => s.uses?.includes('/bip-registry@'))!;
    expect(site.uses).toBe(`OWNER/bip-registry@v${version}`);
    for (const key of Object.keys(site.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    expect(site.if).toBe("github.event.action != 'closed'");
    expect(String(site.with?.base)).toContain("format('pr-preview/pr-{0}/', github.event.number)");
  });

  test('deploys main to gh-pages and pull requests beside it, leaving the previews alone', () => {
    const production = all.find((s) => s.uses?.startsWith('JamesIves/github-pages-deploy-action@'))!;
    expect(production.if).toBe("github.event_name == 'push'");
    // Not force-pushed: a preview committed meanwhile stays.
    expect(production.with).toMatchObject({ folder: 'dist', branch: 'gh-pages', 'clean-exclude': `${UMBRELLA}/`, force: false });
    const previews = all.find((s) => s.uses?.startsWith('rossjrw/pr-preview-action@'))!;
    // A fork's pull request cannot push: built and linted, not deployed.
    expect(previews.if).toBe(
      "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository",
    );
    expect(previews.with).toMatchObject({ 'source-dir': 'dist', 'umbrella-dir': UMBRELLA });
  });

  test('the changelog has an entry for the version it pins', () => {
    expect(readFileSync(join(projectRoot, 'CHANGELOG.md'), 'utf8')).toMatch(
      new RegExp(`^## ${version.replace(/\./g, '\\.')} `, 'm'),
    );
  });
});

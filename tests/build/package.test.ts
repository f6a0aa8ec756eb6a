/**
 * The generator as a registry uses it: the project packed as npm would publish it, installed
 * into a fresh repository that holds only a registry of its own (the ethereum preset, a theme
 * folder), and run there through its command. The site lands in that repository's dist/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers.ts';

const proposal = (n: number, title: string, status: string, extra = '') => `---
eip: ${n}
title: ${title}
description: ${title}, as the wire carries it.
author: Model-A (Lab A), Ada Moreno (@ada)
discussions-to: https://example.org/t/${n}
status: ${status}
type: Standards Track
category: Core
created: 2025-03-0${n}
${extra}---

## Abstract

${title}. See EIP-7.

## Specification

A frame is a length and the bytes.

## Rationale

Simple.

## Security Considerations

None known.

## Copyright

Copyright and related rights waived via CC0.
`;

interface Run {
  status: number | null;
  out: string;
}

describe('the installed command, in a registry repository of its own', () => {
  let repo: string;
  let packed: string;
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): Run => {
    const r = spawnSync(join(repo, 'node_modules', '.bin', 'bip-registry'), args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OG_IMAGES: 'off', ...env },
      timeout: 240_000,
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };

  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'registry-package-'));
    packed = join(work, 'pack');
    repo = join(work, 'widgets');
    mkdirSync(packed);
    mkdirSync(join(repo, 'EIPS'), { recursive: true });
    mkdirSync(join(repo, 'theme'));
    const pack = spawnSync('npm', ['pack', '--pack-destination', packed, '--silent'], { cwd: projectRoot, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const tarball = join(
      packed,
      readdirSync(packed).find((f) => f.endsWith('.tgz'))!,
    );

    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'widget-proposals', private: true }));
    writeFileSync(
      join(repo, 'registry.config.json'),
      JSON.stringify({ preset: 'ethereum', name: 'Widget Improvement Proposals', theme: 'theme' }),
    );
    writeFileSync(join(repo, 'EIPS', 'eip-7.md'), proposal(7, 'Widget framing', 'Draft'));
    writeFileSync(join(repo, 'EIPS', 'eip-8.md'), proposal(8, 'Widget names', 'Final', 'requires: 7\n'));
    writeFileSync(join(repo, 'theme', 'theme.css'), ':root { --widget: #7b2cbf; }\n');
    writeFileSync(
      join(repo, 'theme', 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3"/></svg>\n',
    );
    const install = spawnSync('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  }, 660_000);
  afterAll(() => {
    if (repo) rmSync(join(repo, '..'), { recursive: true, force: true });
  });

  test('the package holds what the command needs and nothing of the project around it', () => {
    const installed = join(repo, 'node_modules', 'bip-registry');
    for (const file of ['bin/bip-registry.mjs', 'scripts/cli.ts', 'astro.config.mjs', 'src/integration.ts', 'bips/template.md'])
      expect(existsSync(join(installed, file)), file).toBe(true);
    for (const file of ['tests', 'bips/bip-0001.md', '.github', 'scripts/bench.ts'])
      expect(existsSync(join(installed, file)), file).toBe(false);
  });

  test('build writes the site into the repository, by its settings, preset and theme', () => {
    const r = run(['build']);
    expect(r.status, r.out).toBe(0);
    const dist = join(repo, 'dist');
    // The ethereum preset's addresses, and its term in the pages.
    const page = readFileSync(join(dist, 'EIPS', 'eip-8', 'index.html'), 'utf8');
    expect(page).toContain('Widget names');
    expect(page).toContain('EIP-8');
    expect(existsSync(join(dist, 'EIPS', 'eip-7', 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'api', 'eips.json'))).toBe(true);
    // The theme: its files at the root, its stylesheet and logo on every page.
    expect(readFileSync(join(dist, 'theme.css'), 'utf8')).toContain('--widget');
    expect(page).toMatch(/<link rel="stylesheet" href="\/theme\.css">/);
    expect(page).toMatch(/<img class="brand-logo" src="\/logo\.svg"/);
    // Caches in the repository's node_modules, not in the installed package.
    expect(existsSync(join(repo, 'node_modules', '.cache', 'bip-registry', 'astro'))).toBe(true);
    // Messages name the repository's own paths.
    expect(r.out).toMatch(/2 EIP files: 2 published/);
    expect(r.out).not.toContain('node_modules/bip-registry/');
  }, 240_000);

  test('check finds every link of the built site', () => {
    const r = run(['check']);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/links in \d+ pages: all resolve/);
  }, 60_000);

  test('lint passes the registry, and fails a broken proposal at its line, named from the repository', () => {
    const clean = run(['lint']);
    expect(clean.status, clean.out).toBe(0);
    expect(clean.out).toMatch(/2 EIP files checked/);
    // The preset's assets folder beside EIPS/, named as the repository has it (not EIPS/../assets).
    expect(clean.out).toMatch(/^assets:1:1: warning: the assets folder "\.\.\/assets" \(layout\.assetsDir\) does not exist/m);
    writeFileSync(
      join(repo, 'EIPS', 'eip-9.md'),
      proposal(9, 'Widget sizes', 'Draft').replace('created: 2025-03-09', 'created: soon'),
    );
    try {
      const broken = run(['lint']);
      expect(broken.status).toBe(1);
      expect(broken.out).toMatch(/^EIPS\/eip-9\.md:10:\d+: error: .*created/m);
      const one = run(['lint', '--', 'EIPS/eip-7.md']);
      expect(one.status, one.out).toBe(0);
      expect(one.out).toMatch(/1 EIP file checked/);
      // A path the caller sets is read from the caller's folder, not the package's.
      const byEnv = run(['lint', '--', 'EIPS/eip-8.md'], { BIPS_DIR: 'EIPS' });
      expect(byEnv.status, byEnv.out).toBe(0);
      expect(byEnv.out).toMatch(/1 EIP file checked/);
      expect(run(['lint'], { BIPS_DIR: 'EIPS' }).out).toMatch(/^EIPS\/eip-9\.md:10:\d+: error: /m);
    } finally {
      rmSync(join(repo, 'EIPS', 'eip-9.md'));
    }
  }, 60_000);

  test('new writes the next proposal from the preset template', () => {
    const r = run(['new', 'Widget colours', '.', '--preset', 'ethereum'], { BIP_DATE: '2025-04-01' });
    expect(r.status, r.out).toBe(0);
    const written = r.out.split('\n')[0]!.trim();
    expect(written).toMatch(/^EIPS\/eip-0*9\.md$/);
    // What to run next, for the same registry and preset.
    expect(r.out).toContain(`bip-registry lint . --preset ethereum -- ${written}`);
    expect(readFileSync(join(repo, written), 'utf8')).toContain('Widget colours');
    rmSync(join(repo, written));
  }, 60_000);

  test.each([
    [['--help'], 0, /usage: bip-registry <command>/],
    [['build', '--help'], 0, /usage: bip-registry build \[registry\]/],
    [['dev', '--help'], 0, /usage: bip-registry dev/],
    [['preview', '--help'], 0, /usage: bip-registry preview/],
    [['lint', '--help'], 0, /--strict/],
    [['new', '--help'], 0, /usage: bip-registry new "Title"/],
    [['check', '--help'], 0, /usage: bip-registry check \[site\]/],
    [['--version'], 0, /^\d+\.\d+\.\d+/],
    [['publish'], 2, /no command "publish"/],
    [['build', '--colour'], 2, /Unknown option '--colour'/],
    [['build', 'no-such-folder'], 2, /no such folder: no-such-folder/],
    [['new'], 2, /new needs a title/],
    [['check', '--', 'x'], 2, /check takes no files after --/],
    [['lint', '.', 'EIPS/eip-7.md'], 2, /unexpected argument "EIPS\/eip-7\.md"/],
    [['build', '.', 'more'], 2, /unexpected argument "more"/],
    [['preview', '--help'], 0, /--base <path>/],
  ])('%j exits %i', (args, status, says) => {
    const r = run(args);
    expect(r.status, r.out).toBe(status);
    expect(r.out).toMatch(says);
  });
});

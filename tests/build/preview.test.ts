/**
 * A pull request preview, from a git repository the test makes: a base commit on main and a PR
 * branch that changes a status and an author, edits a body, adds a BIP and removes one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fixture } from '../helpers.ts';
import { checkSiteLinks, formatBrokenLinks } from '../../src/lib/site/link-check.ts';
import { runBuild, type BuildRun } from './run-build.ts';
import { gitChanges } from '../../src/lib/changes/git.ts';

const NEW_BIP = `# BIP-11: Snapshot Exports

## BIP Information
**BIP**: 11
**Title**: Snapshot Exports
**Author**: Model-C (Lab Three)
**Status**: Draft
**Type**: Standards Track
**Category**: Core
**Created**: 2025-09-01
**License**: MIT

## Abstract

Snapshots can be exported.
`;

describe('a pull request preview', () => {
  let repo: string;
  let sha: string;
  let build: BuildRun;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'bip-pr-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
    const bips = join(repo, 'bips');
    cpSync(fixture('registry'), bips, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'pr');
    const edit = (file: string, from: string, to: string) => {
      const path = join(bips, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    };
    edit('bip-0001.md', '**Status**: Implemented (phase 1 done)', '**Status**: Review');
    edit('bip-0001.md', 'Model-B (Lab Two) +', 'Model-B (Lab Two), Model-E (Lab Five) +');
    edit('bip-3.mdx', 'This proposal has', 'This revised proposal has');
    writeFileSync(join(bips, 'bip-0011.md'), NEW_BIP);
    unlinkSync(join(bips, 'bip-0010.md'));
    git('add', '-A');
    git('commit', '-q', '-m', 'PR');
    sha = git('rev-parse', 'HEAD');
    build = runBuild(bips, {
      PREVIEW: 'true',
      PR_NUMBER: '42',
      PR_URL: 'https://git.example.org/reg/pull/42',
      COMMIT_SHA: sha,
      BASE: '/pr-42/',
      SITE: 'https://previews.example.org',
      OG_IMAGES: 'off',
    });
  });
  afterAll(() => {
    build?.remove();
    rmSync(repo, { recursive: true, force: true });
  });

  test('the build succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('/changes/ lists added, changed and removed BIPs with their field diffs', () => {
    const html = build.read('changes/index.html');
    const items = [...html.matchAll(/<li data-change="(\w+)" data-bip="(\d+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(items).toEqual(['added 11', 'modified 1', 'modified 3', 'removed 10']);
    expect(html).toContain('<a href="/pr-42/bip-11/">BIP-11: Snapshot Exports</a>');
    expect(html).toMatch(
      /<li data-field="Status"><strong>Status:<\/strong> <del>Implemented \(phase 1 done\)<\/del> → <ins>Review<\/ins><\/li>/,
    );
    expect(html).toContain('<ins>Model-A (Lab One), Model-B (Lab Two), Model-E (Lab Five), Pat Example</ins>');
    expect(html).toContain('<li data-field="body">The text changed.</li>');
    expect(html).toContain('BIP-10: Fenced Preamble Proposal');
    expect(html).toContain(
      `(<code>${execFileSync('git', ['rev-parse', '--short=7', 'main'], { cwd: repo, encoding: 'utf8' }).trim()}</code>)`,
    );
  });

  test('a changed BIP page carries the note with its diff; an unchanged one does not', () => {
    const bip1 = build.read('bip-1/index.html');
    expect(bip1).toContain('Changed in this pull request:');
    expect(bip1).toContain('<li data-field="Status">');
    expect(build.read('bip-11/index.html')).toContain('Added in this pull request.');
    expect(build.read('bip-2/index.html')).not.toContain('change-note');
  });

  test('every page says it is a preview, links the PR and is kept out of search engines', () => {
    for (const page of ['index.html', 'bip-1/index.html', 'changes/index.html', 'search/index.html']) {
      const html = build.read(page);
      expect(html, page).toContain(
        `<a href="https://git.example.org/reg/pull/42">Preview of pull request #42</a><span> — commit ${sha.slice(0, 7)}</span>`,
      );
      expect(html, page).toContain('<meta name="robots" content="noindex">');
      expect(html, page).not.toContain('rel="canonical"');
    }
    expect(build.read('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    expect(build.exists('sitemap.xml')).toBe(false);
  });

  test('in a shallow clone of the PR branch, the history needed is fetched', () => {
    const shallow = join(repo, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'pr', `file://${repo}`, shallow]);
    expect(execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: shallow, encoding: 'utf8' }).trim()).toBe('true');
    const result = gitChanges(join(shallow, 'bips'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => `${f.status} ${f.relPath}`).sort()).toEqual([
      'added bip-0011.md',
      'modified bip-0001.md',
      'modified bip-3.mdx',
      'removed bip-0010.md',
    ]);
    // With no remote to fetch from, the reason names what is missing.
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: shallow });
    const offline = gitChanges(join(shallow, 'bips'));
    expect(offline).toEqual({
      ok: false,
      reason: 'no main branch (origin/main, main, master) to compare with; set PREVIEW_BASE_REF',
    });
  });

  test('every link the preview adds resolves under /pr-42/', () => {
    const report = checkSiteLinks(build.outDir, '/pr-42/', 'https://previews.example.org');
    // The fixture authors' own broken links (named in the registry build test), and no other.
    expect(formatBrokenLinks(report).split('\n').sort()).toEqual(
      [
        'bip-1/index.html: dot.png — no such page or file',
        'bip-2/index.html: /pr-42/bip-2/notes/#details — no element with id "details" on bip-2/notes/index.html',
        'bip-2/index.html: ../drafts/idea.md — no such page or file',
        'bip-2/index.html: ../../nowhere.md — outside the base path /pr-42/',
        'bip-2/index.html: ../../broken-registry/notes.md — outside the base path /pr-42/',
        'bip-3/index.html: dot.png — no such page or file',
      ].sort(),
    );
  });
});

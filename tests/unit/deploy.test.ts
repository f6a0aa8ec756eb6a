import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { deployFromEnv, previewLabel } from '../../src/lib/deploy.ts';
import { gitChanges } from '../../src/lib/changes/git.ts';
import { fieldChanges, bodyDiffers } from '../../src/lib/changes/diff.ts';
import type { BipData } from '../../src/lib/bip/schema.ts';

describe('where a build is published, from the environment', () => {
  test.each([
    ['nothing set', {}, { base: '/' }],
    ['SITE and BASE', { SITE: 'https://bips.example.org', BASE: '/bips/' }, { site: 'https://bips.example.org', base: '/bips/' }],
    [
      'GitHub Actions on a pull request',
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_SHA: 'abc1234def',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'org/reg',
        BASE: '/pr-42/',
      },
      { base: '/pr-42/', preview: { pr: 42, prUrl: 'https://github.com/org/reg/pull/42', commit: 'abc1234def' } },
    ],
    ['GitHub Actions on a push', { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'abc' }, { base: '/' }],
    [
      'a Netlify deploy preview',
      {
        CONTEXT: 'deploy-preview',
        REVIEW_ID: '7',
        DEPLOY_PRIME_URL: 'https://deploy-preview-7--reg.netlify.app',
        URL: 'https://reg.netlify.app',
        COMMIT_REF: 'fff',
        REPOSITORY_URL: 'https://github.com/org/reg',
      },
      {
        site: 'https://deploy-preview-7--reg.netlify.app',
        base: '/',
        preview: { pr: 7, prUrl: 'https://github.com/org/reg/pull/7', commit: 'fff' },
      },
    ],
    [
      'Netlify production',
      { CONTEXT: 'production', URL: 'https://reg.netlify.app' },
      { site: 'https://reg.netlify.app', base: '/' },
    ],
    [
      'a Vercel preview',
      {
        VERCEL_ENV: 'preview',
        VERCEL_URL: 'reg-abc.vercel.app',
        VERCEL_GIT_PULL_REQUEST_ID: '9',
        VERCEL_GIT_COMMIT_SHA: 'eee',
        VERCEL_GIT_PROVIDER: 'github',
        VERCEL_GIT_REPO_OWNER: 'org',
        VERCEL_GIT_REPO_SLUG: 'reg',
      },
      {
        site: 'https://reg-abc.vercel.app',
        base: '/',
        preview: { pr: 9, prUrl: 'https://github.com/org/reg/pull/9', commit: 'eee' },
      },
    ],
    [
      'a Cloudflare Pages branch build',
      { CF_PAGES_BRANCH: 'add-bip-12', CF_PAGES_URL: 'https://abc.reg.pages.dev', CF_PAGES_COMMIT_SHA: 'ddd' },
      { site: 'https://abc.reg.pages.dev', base: '/', preview: { commit: 'ddd' } },
    ],
    ['Cloudflare Pages production', { CF_PAGES_BRANCH: 'master', CF_PAGES_URL: 'https://reg.pages.dev' }, { base: '/' }],
    [
      'Cloudflare Pages, own production branch',
      { CF_PAGES_BRANCH: 'live', PRODUCTION_BRANCH: 'live', CF_PAGES_URL: 'https://reg.pages.dev' },
      { base: '/' },
    ],
    [
      'a Netlify preview whose repository URL carries a token',
      { CONTEXT: 'deploy-preview', REVIEW_ID: '8', REPOSITORY_URL: 'https://x-access-token:secret@github.com/org/reg.git' },
      { base: '/', preview: { pr: 8, prUrl: 'https://github.com/org/reg/pull/8' } },
    ],
    [
      'an SSH repository URL',
      { CONTEXT: 'deploy-preview', REVIEW_ID: '8', REPOSITORY_URL: 'git@github.com:org/reg' },
      { base: '/', preview: { pr: 8, prUrl: 'https://github.com/org/reg/pull/8' } },
    ],
    ['PREVIEW=false wins', { PREVIEW: 'false', PR_NUMBER: '3' }, { base: '/' }],
  ])('%s', (_, env, expected) => {
    expect(deployFromEnv(env)).toEqual(expected);
  });

  test('the banner text', () => {
    expect(previewLabel({ pr: 42, commit: 'abc1234def' })).toBe('Preview of pull request #42 — commit abc1234');
    expect(previewLabel({})).toBe('Preview build');
  });
});

describe('changes', () => {
  const bip = (fields: Partial<BipData> = {}): BipData => ({
    bip: 1,
    title: 'T',
    author: [{ name: 'Model-A', provider: 'Lab' }],
    status: 'Draft',
    statusKnown: true,
    extra: [],
    lines: {},
    ...fields,
  });

  test('field diffs name what changed, with before and after', () => {
    expect(fieldChanges(bip(), bip())).toEqual([]);
    expect(
      fieldChanges(
        bip({ extra: [{ key: 'Requires', value: '2' }] }),
        bip({ status: 'Review', author: [...bip().author, { name: 'GPT-5' }], category: 'Core' }),
      ),
    ).toEqual([
      { field: 'Author', before: 'Model-A (Lab)', after: 'Model-A (Lab), GPT-5' },
      { field: 'Status', before: 'Draft', after: 'Review' },
      { field: 'Category', after: 'Core' },
      { field: 'Requires', before: '2' },
    ]);
    expect(bodyDiffers('a  \r\nb\n', 'a\nb')).toBe(false);
    expect(bodyDiffers('a', 'b')).toBe(true);
  });

  test('outside a git repository, or without a main branch, the reason is said', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bip-nogit-'));
    try {
      expect(gitChanges(dir)).toEqual({ ok: false, reason: `${dir} is not in a git repository` });
      execFileSync('git', ['init', '-q', '-b', 'feature'], { cwd: dir });
      const r = gitChanges(dir);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(/no main branch .* set PREVIEW_BASE_REF/);
      expect(gitChanges(dir, 'v1.0').ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

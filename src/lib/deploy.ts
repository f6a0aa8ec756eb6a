/**
 * Where a build will be published and whether it is a preview, from the environment: explicit
 * settings first (SITE, BASE, PREVIEW, PR_NUMBER, PR_URL, COMMIT_SHA), then what GitHub Actions,
 * Netlify, Vercel and Cloudflare Pages set for their builds.
 */
export interface Preview {
  /** Pull request number, when known. */
  pr?: number;
  prUrl?: string;
  /** Full commit hash, when known. */
  commit?: string;
}

export interface Deploy {
  site?: string;
  base: string;
  preview?: Preview;
}

type Env = Record<string, string | undefined>;

const https = (host: string | undefined) => (host ? (/^https?:\/\//.test(host) ? host : `https://${host}`) : undefined);
const positive = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);
const first = <T>(...values: (T | undefined)[]) => values.find((v) => v !== undefined && v !== '');

/** The pull request number a host's variables name, if any. */
function prNumber(env: Env): number | undefined {
  return first(
    positive(env.PR_NUMBER),
    // GitHub Actions on pull_request: refs/pull/42/merge
    env.GITHUB_EVENT_NAME?.startsWith('pull_request')
      ? positive(/^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1])
      : undefined,
    env.CONTEXT === 'deploy-preview' ? positive(env.REVIEW_ID) : undefined, // Netlify
    positive(env.VERCEL_GIT_PULL_REQUEST_ID), // Vercel
  );
}

function prUrl(env: Env, pr: number | undefined): string | undefined {
  if (env.PR_URL) return env.PR_URL;
  if (pr === undefined) return undefined;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/pull/${pr}`;
  // Netlify's REPOSITORY_URL can carry an access token or be an SSH address: only the owner
  // and name are taken from it.
  const repo = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(env.REPOSITORY_URL ?? '');
  if (repo) return `https://github.com/${repo[1]}/${repo[2]}/pull/${pr}`;
  if (env.VERCEL_GIT_PROVIDER === 'github' && env.VERCEL_GIT_REPO_OWNER && env.VERCEL_GIT_REPO_SLUG) {
    return `https://github.com/${env.VERCEL_GIT_REPO_OWNER}/${env.VERCEL_GIT_REPO_SLUG}/pull/${pr}`;
  }
  return undefined;
}

export function deployFromEnv(env: Env): Deploy {
  const pr = prNumber(env);
  const isPreview =
    env.PREVIEW === 'true' ||
    env.PREVIEW === '1' ||
    (env.PREVIEW !== 'false' &&
      env.PREVIEW !== '0' &&
      (pr !== undefined ||
        env.CONTEXT === 'deploy-preview' ||
        env.CONTEXT === 'branch-deploy' ||
        env.VERCEL_ENV === 'preview' ||
        // Cloudflare names no production branch: PRODUCTION_BRANCH, else main or master.
        (!!env.CF_PAGES_BRANCH &&
          (env.PRODUCTION_BRANCH
            ? env.CF_PAGES_BRANCH !== env.PRODUCTION_BRANCH
            : !['main', 'master'].includes(env.CF_PAGES_BRANCH)))));
  const site = first(
    env.SITE,
    isPreview ? first(env.DEPLOY_PRIME_URL, https(env.VERCEL_BRANCH_URL), https(env.VERCEL_URL), env.CF_PAGES_URL) : undefined,
    env.URL, // Netlify's production address
    https(env.VERCEL_PROJECT_PRODUCTION_URL),
  );
  const commit = first(env.COMMIT_SHA, env.GITHUB_SHA, env.COMMIT_REF, env.VERCEL_GIT_COMMIT_SHA, env.CF_PAGES_COMMIT_SHA);
  const url = prUrl(env, pr);
  return {
    ...(site ? { site } : {}),
    base: env.BASE || '/',
    ...(isPreview
      ? { preview: { ...(pr !== undefined ? { pr } : {}), ...(url ? { prUrl: url } : {}), ...(commit ? { commit } : {}) } }
      : {}),
  };
}

/** "Preview of pull request #42", or "Preview build" when the number is not known. */
export function previewTitle(p: Preview): string {
  return p.pr !== undefined ? `Preview of pull request #${p.pr}` : 'Preview build';
}

/** "Preview of pull request #42 — commit abc1234" (parts that are unknown are left out). */
export function previewLabel(p: Preview): string {
  return p.commit ? `${previewTitle(p)} — commit ${p.commit.slice(0, 7)}` : previewTitle(p);
}

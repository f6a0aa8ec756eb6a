/**
 * What git says changed in the registry folder since a base: the merge base with the main
 * branch unless a ref is given. In a shallow clone the history needed is fetched once; when it
 * still cannot be found, the reason says what is missing.
 */
import { execFileSync } from 'node:child_process';

export interface ChangedFile {
  status: 'added' | 'modified' | 'removed';
  /** Path inside the registry folder, with `/`. */
  relPath: string;
}

export type GitChanges =
  | { ok: true; base: string; baseLabel: string; files: ChangedFile[]; oldText: (relPath: string) => string | undefined }
  | { ok: false; reason: string };

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
      // A fetch never waits for a password nobody can type, nor for ever.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      timeout: 120_000,
    }).trim();
  } catch {
    return undefined;
  }
}

const DEFAULT_BRANCHES = ['origin/main', 'main', 'origin/master', 'master'];

export function gitChanges(bipsDir: string, baseRef?: string): GitChanges {
  const top = git(bipsDir, ['rev-parse', '--show-toplevel']);
  if (!top) return { ok: false, reason: `${bipsDir} is not in a git repository` };
  const commit = (ref: string) => git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const shallow = git(top, ['rev-parse', '--is-shallow-repository']) === 'true';
  const fetch = (...args: string[]) => git(top, ['fetch', '--no-tags', '--quiet', 'origin', ...args]) !== undefined;

  // The base is always a merge base: what main gained since the branch point is not the PR's.
  let target: string | undefined;
  let label: string;
  if (baseRef) {
    label = baseRef;
    const name = baseRef.replace(/^origin\//, '');
    target = commit(baseRef) ?? (fetch(name) ? (commit(baseRef) ?? commit('FETCH_HEAD')) : undefined);
    if (!target)
      return { ok: false, reason: `the base ref "${baseRef}" is not in this clone, and fetching it from origin failed` };
  } else {
    // A clone of one branch (as CI makes) has no main: fetch it, and name it by its commit.
    const found = DEFAULT_BRANCHES.find((b) => commit(b));
    label = found ?? 'main';
    target = (found && commit(found)) ?? (fetch('main') ? (commit('origin/main') ?? commit('FETCH_HEAD')) : undefined);
    if (!target) return { ok: false, reason: 'no main branch (origin/main, main, master) to compare with; set PREVIEW_BASE_REF' };
  }
  const baseLabel = `the merge base with ${label}`;
  let base = git(top, ['merge-base', 'HEAD', target]);
  if (!base && shallow && fetch('--unshallow')) base = git(top, ['merge-base', 'HEAD', target]);
  if (!base) {
    return {
      ok: false,
      reason: `HEAD and ${label} share no history in this clone${shallow ? ' (a shallow clone: check out with fetch-depth: 0)' : ''}`,
    };
  }

  // The folder as git names it (through symbolic links too), and paths unquoted (core.quotePath).
  const folder = (git(bipsDir, ['rev-parse', '--show-prefix']) ?? '').replace(/\/$/, '');
  const list = (args: string[]) => git(top, ['-c', 'core.quotePath=false', ...args, '-z', '--', folder || '.']);
  // Against the working tree, so a local preview includes edits not yet committed.
  const out = list(['diff', '--name-status', '--no-renames', base]);
  const untracked = list(['ls-files', '--others', '--exclude-standard']);
  if (out === undefined || untracked === undefined) return { ok: false, reason: `git diff against ${base.slice(0, 7)} failed` };
  const inFolder = (p: string) => (folder ? p.slice(folder.length + 1) : p);
  const fields = out.split('\0').filter(Boolean);
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const code = fields[i]!;
    const status = code.startsWith('A') ? 'added' : code.startsWith('D') ? 'removed' : 'modified';
    files.push({ status, relPath: inFolder(fields[i + 1]!) });
  }
  for (const p of untracked.split('\0').filter(Boolean)) files.push({ status: 'added', relPath: inFolder(p) });
  return {
    ok: true,
    base,
    baseLabel,
    files,
    oldText: (relPath) => git(top, ['show', `${base}:${folder ? `${folder}/` : ''}${relPath}`]),
  };
}

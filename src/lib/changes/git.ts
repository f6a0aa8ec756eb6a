/**
 * What git says changed in the registry folder since a base: the merge base with the main
 * branch unless a ref is given. In a shallow clone the history needed is fetched once; when it
 * still cannot be found, the reason says what is missing.
 */
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';

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

  let base: string | undefined;
  let baseLabel: string;
  if (baseRef) {
    baseLabel = baseRef;
    base = commit(baseRef) ?? (fetch(baseRef) ? (commit(baseRef) ?? commit('FETCH_HEAD')) : undefined);
    if (!base) return { ok: false, reason: `the base ref "${baseRef}" is not in this clone, and fetching it from origin failed` };
  } else {
    // A clone of one branch (as CI makes) has no main: fetch it, and name it by its commit.
    const fetchMain = () => (fetch('main') ? (commit('origin/main') ?? commit('FETCH_HEAD')) : undefined);
    let branch = DEFAULT_BRANCHES.find((b) => commit(b));
    baseLabel = `the merge base with ${branch ?? 'main'}`;
    branch ??= fetchMain();
    if (!branch) return { ok: false, reason: 'no main branch (origin/main, main, master) to compare with; set PREVIEW_BASE_REF' };
    base = git(top, ['merge-base', 'HEAD', branch]);
    if (!base && shallow && fetch('--unshallow')) {
      branch = DEFAULT_BRANCHES.find((b) => commit(b)) ?? fetchMain() ?? branch;
      base = git(top, ['merge-base', 'HEAD', branch]);
    }
    if (!base) {
      return {
        ok: false,
        reason: `HEAD and ${branch} share no history in this clone${shallow ? ' (a shallow clone: check out with fetch-depth: 0)' : ''}`,
      };
    }
  }

  const folder = relative(top, bipsDir).split(sep).join('/');
  // Against the working tree, so a local preview includes edits not yet committed.
  const out = git(top, ['diff', '--name-status', '--no-renames', base, '--', folder || '.']) ?? '';
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '--', folder || '.']) ?? '';
  const inFolder = (p: string) => (folder ? p.slice(folder.length + 1) : p);
  const files: ChangedFile[] = [
    ...out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [code, path] = line.split('\t') as [string, string];
        const status = code.startsWith('A') ? 'added' : code.startsWith('D') ? 'removed' : 'modified';
        return { status, relPath: inFolder(path) } as ChangedFile;
      }),
    ...untracked
      .split('\n')
      .filter(Boolean)
      .map((p): ChangedFile => ({ status: 'added', relPath: inFolder(p) })),
  ];
  return {
    ok: true,
    base,
    baseLabel,
    files,
    oldText: (relPath) => git(top, ['show', `${base}:${folder ? `${folder}/` : ''}${relPath}`]),
  };
}

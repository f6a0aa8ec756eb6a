/**
 * The git history of a registry folder, read in one `git log`: every commit that touched it, when
 * each file was created and last changed, and every version of every file (as blob ids, whose
 * texts one `git cat-file --batch` reads back). For page history, sitemap dates and the feed of
 * status changes. Nothing here throws: a folder git cannot read gives `{ ok: false, reason }`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Commit {
  sha: string;
  /** Committer date, ISO 8601 with its offset, as git prints `%cI`. */
  date: string;
  author: string;
  subject: string;
}

export interface FileHistory {
  /** The commit that first added the path; undefined when that is a shallow clone's boundary
   * commit (the file may be older) or the history never shows the path added. */
  created?: Commit;
  /** The latest commit touching the path (for a removed path, the removal). */
  modified: Commit;
  /** How many commits touched the path. */
  commits: number;
}

/** One path in one commit: a caller can read every version of a document by its blob. */
export interface Touch {
  commit: Commit;
  /** Path inside the registry folder, with `/`. */
  relPath: string;
  status: 'added' | 'modified' | 'removed';
  /** The new blob id; absent for a removal. */
  blob?: string;
}

export type GitHistory =
  | {
      ok: true;
      /** The repository's top folder, as git names it. */
      top: string;
      shallow: boolean;
      /** A shallow clone's boundary commits: where they show a file added, it may be older. */
      boundaries: ReadonlySet<string>;
      head: string;
      /** Commits touching the folder, oldest first. */
      commits: Commit[];
      /** Every path the history shows, relative to the folder. */
      files: ReadonlyMap<string, FileHistory>;
      /** Paths with changes not committed yet (modified, added, removed or untracked). */
      uncommitted: ReadonlySet<string>;
      /** Oldest first. */
      touches: Touch[];
    }
  | { ok: false; reason: string };

const TIMEOUT = 120_000;
const MAX_BUFFER = 1 << 29;
/** Variables that would make git read another repository than the folder's own (as in a hook). */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_PREFIX',
];
/** Settings that would change what `git log` prints. */
const LOG_SETTINGS = ['core.quotePath=false', 'log.follow=false', 'log.showSignature=false', 'i18n.logOutputEncoding=UTF-8'];
const GITLINK = '160000';

type Run = { ok: true; out: string } | { ok: false; missing: boolean };

function gitEnv(): NodeJS.ProcessEnv {
  // Never a prompt for a password nobody can type.
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

function run(cwd: string, args: string[]): Run {
  try {
    const out = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: MAX_BUFFER,
      env: gitEnv(),
      timeout: TIMEOUT,
    });
    return { ok: true, out };
  } catch (error) {
    return { ok: false, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' };
  }
}

/** One value git prints on a line of its own. */
function value(cwd: string, args: string[]): string | undefined {
  const result = run(cwd, args);
  return result.ok ? result.out.replace(/\r?\n$/, '') : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function readGitHistory(folder: string): GitHistory {
  try {
    return readHistory(folder);
  } catch (error) {
    return { ok: false, reason: `reading the git history of ${folder} failed: ${(error as Error).message}` };
  }
}

function readHistory(folder: string): GitHistory {
  if (!isFolder(folder)) return { ok: false, reason: `${folder} is not a folder` };
  const found = run(folder, ['rev-parse', '--show-toplevel']);
  if (!found.ok) return { ok: false, reason: found.missing ? 'git is not installed' : `${folder} is not in a git repository` };
  const top = found.out.replace(/\r?\n$/, '');
  if (!top) return { ok: false, reason: `${folder} is not in a git repository's working tree` };
  const head = value(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head) return { ok: false, reason: 'the repository has no commits yet' };
  // The folder as git names it (through symbolic links too).
  const prefix = value(folder, ['rev-parse', '--show-prefix'])?.replace(/\/$/, '');
  if (prefix === undefined) return { ok: false, reason: `git cannot place ${folder} in the repository at ${top}` };
  const pathspec = prefix || '.';

  const shallow = value(top, ['rev-parse', '--is-shallow-repository']) === 'true';
  const boundaries = shallow ? shallowBoundaries(top) : new Set<string>();
  const log = run(top, [
    ...LOG_SETTINGS.flatMap((setting) => ['-c', setting]),
    '--literal-pathspecs',
    'log',
    '--reverse',
    '--no-color',
    '--format=%x1e%H%x1f%cI%x1f%an%x1f%s',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '-z',
    'HEAD',
    '--',
    pathspec,
  ]);
  if (!log.ok) return { ok: false, reason: `git log failed in ${top}` };
  const { commits, touches } = parseLog(log.out, prefix);
  return {
    ok: true,
    top,
    shallow,
    boundaries,
    head,
    commits,
    files: fileHistories(touches, boundaries),
    uncommitted: uncommittedPaths(top, prefix),
    touches,
  };
}

/** The commits a shallow clone stops at: `git rev-parse --git-path` names the file relative to
 * where it ran, or absolutely. */
function shallowBoundaries(top: string): Set<string> {
  const path = value(top, ['rev-parse', '--git-path', 'shallow']);
  if (!path) return new Set();
  try {
    const text = readFileSync(resolve(top, path), 'utf8');
    return new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
}

/** The path inside the folder, or undefined for a path outside it. */
function inFolder(path: string, prefix: string): string | undefined {
  if (!prefix) return path;
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined;
}

function parseHeader(field: string): Commit | undefined {
  const parts = field.split('\x1f');
  if (parts.length < 4) return undefined;
  const [sha, date, author] = parts as [string, string, string];
  // The subject is last, so whatever it holds stays in it.
  return { sha, date, author, subject: parts.slice(3).join('\x1f') };
}

/**
 * `-z` output, split at NUL: a header field (`\x1e` first) per commit, then for each changed path
 * a field `:<modes> <blobs> <status>` followed by the path (two paths for a rename or copy).
 * Fields after a header may start with a newline. One pass over the fields.
 */
function parseLog(out: string, prefix: string): { commits: Commit[]; touches: Touch[] } {
  const commits: Commit[] = [];
  const touches: Touch[] = [];
  const fields = out.split('\0');
  let commit: Commit | undefined;
  for (let i = 0; i < fields.length; i++) {
    const raw = fields[i]!;
    const field = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (field.startsWith('\x1e')) {
      commit = parseHeader(field.slice(1));
      if (commit) commits.push(commit);
      continue;
    }
    if (!field.startsWith(':')) continue;
    const entry = parseRawEntry(field);
    const paths = fields.slice(i + 1, i + 1 + entry.paths);
    i += entry.paths;
    if (!commit || entry.gitlink || paths.length < entry.paths) continue;
    for (const { path, status, blob } of entryTouches(entry, paths)) {
      const relPath = inFolder(path, prefix);
      if (relPath === undefined) continue;
      touches.push(blob === undefined ? { commit, relPath, status } : { commit, relPath, status, blob });
    }
  }
  return { commits, touches };
}

interface RawEntry {
  /** The status letter (`A`, `M`, `D`, `T`, `R`, `C`…). */
  code: string;
  blob: string;
  paths: number;
  /** A submodule: its "blob" is a commit. */
  gitlink: boolean;
}

/** `:100644 100644 <old> <new> M`, or for a merge's combined diff `::…` with one more mode and
 * blob per parent. */
function parseRawEntry(field: string): RawEntry {
  let parents = 0;
  while (field[parents] === ':') parents++;
  const parts = field.slice(parents).split(' ');
  const modes = parts.slice(0, parents + 1);
  const code = (parts[2 * parents + 2] ?? '').charAt(0);
  return {
    code,
    blob: parts[2 * parents + 1] ?? '',
    paths: code === 'R' || code === 'C' ? 2 : 1,
    gitlink: modes.includes(GITLINK),
  };
}

function entryTouches(entry: RawEntry, paths: string[]): { path: string; status: Touch['status']; blob?: string }[] {
  const [first, second] = paths as [string, string | undefined];
  if (entry.code === 'D') return [{ path: first, status: 'removed' }];
  if (entry.code === 'A') return [{ path: first, status: 'added', blob: entry.blob }];
  if (second !== undefined) {
    const added = { path: second, status: 'added' as const, blob: entry.blob };
    return entry.code === 'R' ? [{ path: first, status: 'removed' }, added] : [added];
  }
  return [{ path: first, status: 'modified', blob: entry.blob }];
}

function fileHistories(touches: Touch[], boundaries: ReadonlySet<string>): Map<string, FileHistory> {
  const files = new Map<string, FileHistory>();
  for (const { commit, relPath, status } of touches) {
    const file = files.get(relPath);
    if (file) {
      file.modified = commit;
      file.commits++;
      continue;
    }
    // Only the first touch can be the creation; at a shallow boundary everything looks added.
    const created = status === 'added' && !boundaries.has(commit.sha) ? commit : undefined;
    files.set(relPath, created ? { created, modified: commit, commits: 1 } : { modified: commit, commits: 1 });
  }
  return files;
}

/** `XY path` fields; a rename or copy is followed by its original path. */
function uncommittedPaths(top: string, prefix: string): Set<string> {
  const status = run(top, [
    '--no-optional-locks',
    '-c',
    'core.quotePath=false',
    '--literal-pathspecs',
    'status',
    '--porcelain',
    '-z',
    '--untracked-files=all',
    '--',
    prefix || '.',
  ]);
  const paths = new Set<string>();
  if (!status.ok) return paths;
  const fields = status.out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    const code = field.slice(0, 2);
    const names = [field.slice(3)];
    if (code.includes('R') || code.includes('C')) names.push(fields[++i] ?? '');
    for (const name of names) {
      const relPath = name ? inFolder(name, prefix) : undefined;
      if (relPath) paths.add(relPath);
    }
  }
  return paths;
}

/**
 * The texts of blobs, in one `git cat-file --batch`. Its output is `<id> blob <size>` lines each
 * followed by that many bytes and a newline, or `<id> missing`: read by byte sizes on the Buffer.
 * Ids git does not have are left out.
 */
export function readBlobs(top: string, blobs: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  // An id with white space in it would split into two requests and put the answers out of step.
  const ids = [...new Set(blobs)].filter((id) => id !== '' && !/\s/.test(id));
  if (ids.length === 0) return texts;
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: `${ids.join('\n')}\n`,
    stdio: ['pipe', 'pipe', 'ignore'],
    maxBuffer: MAX_BUFFER,
    env: gitEnv(),
    timeout: TIMEOUT,
  });
  // On an error (too much output, a timeout) what did arrive is still read.
  if (result.stdout instanceof Buffer) parseBatch(result.stdout, ids, texts);
  return texts;
}

function parseBatch(out: Buffer, ids: readonly string[], texts: Map<string, string>): void {
  let at = 0;
  // Answers come in the order asked.
  for (const id of ids) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) return;
    const parts = out.toString('utf8', at, end).split(' ');
    at = end + 1;
    const size = parts.length === 3 && /^\d+$/.test(parts[2]!) ? Number(parts[2]) : undefined;
    if (size === undefined) continue; // `<id> missing`, `<id> ambiguous`
    if (at + size > out.length) return;
    if (parts[1] === 'blob') texts.set(id, out.toString('utf8', at, at + size));
    at += size + 1;
  }
}
